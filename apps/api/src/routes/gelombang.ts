// Roll-out waves (gelombang) of a kabupaten/kota: create and edit a wave; the progress per year against the waves'
// targets; the proposal for the next wave.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  ErrorSchema,
  KabupatenQuerySchema,
  ProgressResponseSchema,
  ProposalQuerySchema,
  ProposalResponseSchema,
  WaveBodySchema,
  WaveSchema,
  type WaveBody,
} from '@peta/domain/contract';
import type { ReaderView, RolloutCapability, WilayahService } from '@peta/server-core';
import { authorize } from '../auth/access.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const TAGS = ['rencana-ilp'];

export const gelombangRoutes =
  (deps: {
    areas: WilayahService;
    rollout: RolloutCapability;
    viewOf: (request: FastifyRequest) => ReaderView;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { areas } = deps;
    const { waves, planner } = deps.rollout;

    async function save(request: FastifyRequest, id: number | null, body: WaveBody) {
      const area = await areas.requireKabupaten(body.kabupaten);
      const oleh = authorize(request, 'rencana', { wilayah: area.kode });
      return waves.save(id, area, body, oleh);
    }

    app.post(
      '/api/gelombang',
      {
        config: { access: 'rencana' },
        schema: {
          tags: TAGS,
          summary: 'Buat gelombang ILP (nama, tahun, target, anggota)',
          body: WaveBodySchema,
          response: { 201: WaveSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await save(request, null, request.body)),
    );

    app.put(
      '/api/gelombang/:id',
      {
        config: { access: 'rencana' },
        schema: {
          tags: TAGS,
          summary: 'Ubah gelombang ILP',
          params: Type.Object({ id: Type.Integer() }),
          body: WaveBodySchema,
          response: { 200: WaveSchema, ...errors },
        },
      },
      async (request) => save(request, request.params.id, request.body),
    );

    app.get(
      '/api/rencana-ilp/progres',
      {
        config: { access: 'read' },
        schema: {
          tags: TAGS,
          summary: 'Capaian per tahun (puskesmas tahap ≥ 5 vs Σ target gelombang) dan linimasa tahap',
          querystring: KabupatenQuerySchema,
          response: { 200: ProgressResponseSchema, ...errors },
        },
      },
      async (request) => planner.progress((await areas.requireKabupaten(request.query.kabupaten)).kode),
    );

    app.get(
      '/api/rencana-ilp/usulan',
      {
        config: { access: 'read' },
        schema: {
          tags: TAGS,
          summary: 'Usulan gelombang berikutnya: peringkat kebutuhan dan kesiapan, dengan alasan',
          querystring: ProposalQuerySchema,
          response: { 200: ProposalResponseSchema, ...errors },
        },
      },
      async (request) => {
        const area = await areas.requireKabupaten(request.query.kabupaten);
        // Ranked on the need this reader may see (issue 18): a hidden count leaves no trace in totals, scores or order.
        const view = deps.viewOf(request);
        return planner.proposal(
          area.kode,
          request.query.indikator,
          request.query.periode,
          request.query.bobot,
          (kabupaten, period, rows) => view.maskNeedOf(kabupaten, period, rows),
        );
      },
    );
  };
