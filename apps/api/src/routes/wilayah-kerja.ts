// Wilayah kerja: move a desa to another puskesmas from a date; the CSV `kode_puskesmas,nama,kode_desa` (download,
// upload → check, upload → save); the polygons of the puskesmas' wilayah kerja today. History is kept by the service.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  ErrorSchema,
  KabupatenQuerySchema,
  MoveDesaBodySchema,
  MoveDesaResponseSchema,
  WilayahKerjaCsvOutcomeSchema,
  WilayahKerjaCsvQuerySchema,
} from '@peta/domain/contract';
import type { CsvRead, RolloutCapability, WilayahService } from '@peta/server-core';
import { authorize } from '../auth/access.ts';
import { badRequest } from '../plugins/errors.ts';
import { acceptUploads, type Uploads } from '../plugins/uploads.ts';
import { dateOr400 } from './params.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const TAGS = ['rencana-ilp'];

export const wilayahKerjaRoutes =
  (deps: { areas: WilayahService; rollout: RolloutCapability; uploads: Uploads }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { areas, uploads } = deps;
    const { wilayahKerja } = deps.rollout;

    app.post(
      '/api/wilayah-kerja/pindah',
      {
        config: { access: 'rencana' },
        schema: {
          tags: TAGS,
          summary: 'Pindahkan desa ke puskesmas lain mulai suatu tanggal (riwayat disimpan)',
          body: MoveDesaBodySchema,
          response: { 200: MoveDesaResponseSchema, ...errors },
        },
      },
      async (request) => {
        const target = await wilayahKerja.moveTarget(request.body.desa, request.body.puskesmas);
        const oleh = authorize(request, 'rencana', { wilayah: target.puskesmas.kabupaten });
        return wilayahKerja.move(target, request.body.mulai, oleh);
      },
    );

    // The CSV upload is the raw request body, as /api/impor/pratinjau, read by the same bounded reader in the parse pool.
    acceptUploads(app);

    /** The uploaded file as the parse pool reads it (an empty body is a file without rows). */
    async function readCsv(body: unknown): Promise<CsvRead> {
      const bytes = body === undefined || body === null ? Buffer.alloc(0) : body;
      if (!Buffer.isBuffer(bytes))
        throw badRequest('NO_FILE', 'Kirim isi berkas CSV sebagai badan permintaan (Content-Type text/csv).');
      return bytes.length === 0 ? { ok: true, sheet: { rows: [] } } : uploads.parsing.readCsv(bytes);
    }

    app.get(
      '/api/wilayah-kerja.csv',
      {
        config: { access: 'read' },
        schema: {
          tags: TAGS,
          summary: 'Unduh wilayah kerja puskesmas (CSV UTF-8: kode_puskesmas,nama,kode_desa; satu baris per desa)',
          querystring: KabupatenQuerySchema,
          response: { 200: Type.Unknown({ description: 'text/csv (Content-Disposition: attachment)' }), ...errors },
        },
      },
      async (request, reply) => {
        const area = await areas.requireKabupaten(request.query.kabupaten);
        return reply
          .type('text/csv; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="wilayah-kerja-${area.kode}.csv"`)
          .send(await wilayahKerja.exportCsv(area.kode));
      },
    );

    app.post(
      '/api/wilayah-kerja/pratinjau',
      {
        config: { access: 'rencana', upload: true },
        ...uploads.routeOptions,
        schema: {
          tags: TAGS,
          summary:
            'Unggah CSV wilayah kerja (badan mentah) → pemeriksaan tiap baris dan rencana perubahan; tidak menyimpan',
          querystring: WilayahKerjaCsvQuerySchema,
          response: { 200: WilayahKerjaCsvOutcomeSchema, ...errors, 413: ErrorSchema, 503: ErrorSchema },
        },
      },
      async (request) => {
        const area = await areas.requireKabupaten(request.query.kabupaten);
        authorize(request, 'rencana', { wilayah: area.kode });
        const plan = await wilayahKerja.check(
          area.kode,
          dateOr400(request.query.mulai, 'Tanggal mulai'),
          await readCsv(request.body),
        );
        return wilayahKerja.outcome(plan, plan.errors.length ? 'invalid' : 'valid');
      },
    );

    app.post(
      '/api/wilayah-kerja/simpan',
      {
        config: { access: 'rencana', upload: true },
        ...uploads.routeOptions,
        schema: {
          tags: TAGS,
          summary:
            'Simpan CSV wilayah kerja: diperiksa ulang, satu transaksi, tiap desa pindah mulai tanggal `mulai` (riwayat disimpan)',
          querystring: WilayahKerjaCsvQuerySchema,
          response: {
            200: WilayahKerjaCsvOutcomeSchema,
            422: WilayahKerjaCsvOutcomeSchema,
            ...errors,
            413: ErrorSchema,
            503: ErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const area = await areas.requireKabupaten(request.query.kabupaten);
        const oleh = authorize(request, 'rencana', { wilayah: area.kode });
        const plan = await wilayahKerja.check(
          area.kode,
          dateOr400(request.query.mulai, 'Tanggal mulai'),
          await readCsv(request.body),
        );
        const outcome = await wilayahKerja.commit(plan, oleh);
        return reply.code(outcome.status === 'invalid' ? 422 : 200).send(outcome);
      },
    );

    // Wilayah kerja polygons of one kabupaten (desa dissolved per puskesmas): they change with every move, so no
    // immutable URL; the key holds the geometry version and the wilayah kerja stamp, and the browser revalidates cheaply.
    app.get(
      '/api/rencana-ilp/wilayah-kerja.geojson',
      {
        config: { access: 'read' },
        schema: {
          tags: TAGS,
          summary:
            'Poligon wilayah kerja puskesmas (desa digabung per puskesmas) dengan nama, jumlah desa dan yang belum dikonfirmasi',
          querystring: KabupatenQuerySchema,
        },
      },
      async (request, reply) => {
        const area = await areas.requireKabupaten(request.query.kabupaten);
        return reply.sendBytes({
          key: `wilayah-kerja/${await wilayahKerja.polygonsKey(area.kode)}`,
          type: 'application/geo+json',
          lifetime: 'revalidate',
          build: () => wilayahKerja.polygons(area.kode),
        });
      },
    );
  };
