// Puskesmas in the ILP planner (Rencana ILP): the list of a kabupaten/kota with stage, wave, readiness and need; one
// puskesmas in detail and its wilayah kerja profile; recording its ILP stage (tahap) and its readiness checklist (kesiapan).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AddStageBodySchema,
  ErrorSchema,
  KabupatenQuerySchema,
  PuskesmasDetailSchema,
  PuskesmasListSchema,
  ReadinessBodySchema,
  WilayahProfileSchema,
} from '@peta/domain/contract';
import type { ProfileService, ReaderView, RolloutCapability, WilayahService } from '@peta/server-core';
import type { FastifyRequest } from 'fastify';
import { authorize } from '../auth/access.ts';
import { periodOr400 } from './params.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const TAGS = ['rencana-ilp'];
const KodeParams = Type.Object({ kode: Type.String() });

export const puskesmasRoutes =
  (deps: {
    areas: WilayahService;
    rollout: RolloutCapability;
    viewOf: (request: FastifyRequest) => ReaderView;
    profilesOf: (request: FastifyRequest) => ProfileService;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { areas, viewOf } = deps;
    const { puskesmas, planner } = deps.rollout;

    app.get(
      '/api/puskesmas',
      {
        config: { access: 'read' },
        schema: {
          tags: TAGS,
          summary: 'Puskesmas satu kabupaten/kota: tahap ILP, gelombang, kesiapan, wilayah kerja, kebutuhan',
          querystring: Type.Composite([
            KabupatenQuerySchema,
            Type.Object({ indikator: Type.Optional(Type.String()), periode: Type.Optional(Type.String()) }),
          ]),
          response: { 200: PuskesmasListSchema, ...errors },
        },
      },
      async (request) => {
        const list = await planner.list(
          await areas.requireKabupaten(request.query.kabupaten),
          request.query.indikator,
          request.query.periode,
        );
        // Need (belum terlayani) per puskesmas is a count: hidden for a puskesmas hidden from this reader (issue 18).
        return { ...list, puskesmas: await viewOf(request).maskNeedOf(list.kabupaten, list.period, list.puskesmas) };
      },
    );

    app.get(
      '/api/puskesmas/:kode',
      {
        config: { access: 'read' },
        schema: {
          tags: TAGS,
          summary: 'Rincian puskesmas: desa, riwayat tahap, ceklis kesiapan, riwayat perubahan',
          params: KodeParams,
          response: { 200: PuskesmasDetailSchema, ...errors },
        },
      },
      async (request) => {
        const p = await puskesmas.require(request.params.kode);
        const detail = await planner.detail(p);
        const [summary] = await viewOf(request).maskNeedOf(p.kabupaten, null, [detail.puskesmas]);
        return { ...detail, puskesmas: summary! };
      },
    );

    app.get(
      '/api/puskesmas/:kode/profil',
      {
        config: { access: 'read' },
        schema: {
          tags: TAGS,
          summary:
            'Profil wilayah kerja puskesmas: semua indikator berdata (desa dijumlah menurut wilayah kerja tiap bulan), tren, tindak lanjut terbuka',
          params: KodeParams,
          querystring: Type.Object({
            periode: Type.String({ description: '2026-10, 2026-Q3, 2026 atau 2026-01..2026-10' }),
          }),
          response: { 200: WilayahProfileSchema, ...errors },
        },
      },
      async (request, reply) => {
        const p = await puskesmas.require(request.params.kode);
        const period = periodOr400(request.query.periode);
        reply.header('cache-control', 'no-cache');
        return deps.profilesOf(request).puskesmasProfile(await puskesmas.profileArea(p), period);
      },
    );

    app.post(
      '/api/puskesmas/:kode/tahap',
      {
        config: { access: 'rencana' },
        schema: {
          tags: TAGS,
          summary: 'Catat tahap ILP puskesmas (tanggal, bukti, nomor SK)',
          params: KodeParams,
          body: AddStageBodySchema,
          response: { 201: Type.Object({ id: Type.Integer(), eventId: Type.Integer() }), ...errors },
        },
      },
      async (request, reply) => {
        const p = await puskesmas.require(request.params.kode);
        const oleh = authorize(request, 'rencana', { wilayah: p.kabupaten });
        return reply.code(201).send(await puskesmas.addStage(p, request.body, oleh));
      },
    );

    app.put(
      '/api/puskesmas/:kode/kesiapan',
      {
        config: { access: 'kesiapan' },
        schema: {
          tags: TAGS,
          summary: 'Simpan jawaban ceklis kesiapan (butir formulir)',
          params: KodeParams,
          body: ReadinessBodySchema,
          response: { 200: Type.Object({ eventId: Type.Integer() }), ...errors },
        },
      },
      async (request) => {
        const p = await puskesmas.require(request.params.kode);
        const oleh = authorize(request, 'kesiapan', { puskesmas: p.kode, kabupaten: p.kabupaten });
        return puskesmas.saveReadiness(p, request.body.answers, oleh);
      },
    );
  };
