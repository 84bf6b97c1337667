// Real data in: template download, upload → preview → commit, history, undo. HTTP only: the rules and the database
// work are the imports service's (@peta/server-core); files are read in the parse pool's worker threads.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  ErrorSchema,
  ImportIdParamsSchema,
  ImportOutcomeSchema,
  LoadListSchema,
  PreviewQuerySchema,
  TemplateQuerySchema,
  UndoResponseSchema,
} from '@peta/domain/contract';
import type { FastifyRequest } from 'fastify';
import type { Importer, ImportsService } from '@peta/server-core';
import { actorOf, authorize, scopeFilter } from '../auth/access.ts';
import { badRequest } from '../plugins/errors.ts';
import { acceptUploads, EXCHANGE_UPLOAD_TYPES, UPLOAD_TYPES, type Uploads } from '../plugins/uploads.ts';
import { answerWithProgress, wantsProgressLines, type Progress } from './progress-lines.ts';
import { requireKode } from './params.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

function loadIdOr400(id: string): number {
  if (!/^\d{1,9}$/.test(id)) throw badRequest('INVALID_ID', `Nomor impor tidak sah: "${id}".`);
  return Number(id);
}

/** The signed-in importer: name, per-row scope check, and area (their scope's kode; a puskesmas's kabupaten) for profiles. */
export function importerOf(request: FastifyRequest): Importer {
  const { actor, user } = actorOf(request);
  return {
    oleh: user.username,
    outOfScope: scopeFilter(request, 'impor'),
    area: actor.scope.kind === 'wilayah' ? actor.scope.kode : actor.scope.kabupaten,
  };
}

export const importRoutes =
  (service: ImportsService, uploads: Uploads): FastifyPluginAsyncTypebox =>
  async (app) => {
    acceptUploads(app, [...UPLOAD_TYPES, ...EXCHANGE_UPLOAD_TYPES]);

    app.get(
      '/api/templat',
      {
        config: { access: 'read' },
        schema: {
          tags: ['impor'],
          summary: 'Unduh templat isian per desa (.xlsx atau .csv)',
          querystring: TemplateQuerySchema,
          response: {
            200: Type.Unknown({ description: 'berkas .xlsx atau .csv (Content-Disposition: attachment)' }),
            400: ErrorSchema,
            404: ErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const { wilayah, periode, indikator, format = 'xlsx' } = request.query;
        const file = await service.template({
          wilayah: requireKode(wilayah),
          period: periode,
          indicators: indikator,
          format,
        });
        return reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'no-store')
          .send(file.bytes);
      },
    );

    app.post(
      '/api/impor/pratinjau',
      {
        config: { access: 'impor', upload: true },
        ...uploads.routeOptions,
        schema: {
          tags: ['impor'],
          summary: 'Unggah berkas (badan permintaan mentah) → pratinjau: ditambah/diubah/tetap, kesalahan, peringatan',
          querystring: PreviewQuerySchema,
          response: { 200: ImportOutcomeSchema, ...errors, 413: ErrorSchema, 503: ErrorSchema },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) {
          throw badRequest(
            'NO_FILE',
            'Kirim isi berkas sebagai badan permintaan (Content-Type application/octet-stream, text/csv, .xlsx, application/json atau application/xml).',
          );
        }
        const profileId = request.query.profil === undefined ? undefined : Number(request.query.profil);
        return service.preview(request.body, request.query.berkas, importerOf(request), profileId);
      },
    );

    app.post(
      '/api/impor/:id/simpan',
      {
        config: { access: 'impor' },
        schema: {
          tags: ['impor'],
          summary: 'Simpan pratinjau (diperiksa ulang di dalam kunci impor)',
          description:
            'Dengan `Accept: application/x-ndjson` jawabannya baris-baris JSON selama penyimpanan: tahap (`type: progress`), lalu satu baris hasil (`type: result`, dengan statusCode dan hasil impor) atau galat (`type: error`).',
          params: ImportIdParamsSchema,
          response: { 200: ImportOutcomeSchema, 422: ImportOutcomeSchema, ...errors, 503: ErrorSchema },
        },
      },
      async (request, reply) => {
        const who = importerOf(request);
        const commit = async (onProgress?: Progress) => {
          const outcome = await service.commit(request.params.id, who, onProgress);
          // The data changed since the preview and the file no longer passes: nothing was written.
          return { statusCode: outcome.status === 'invalid' ? 422 : 200, outcome };
        };
        if (wantsProgressLines(request)) return answerWithProgress(request, reply, commit);
        const { statusCode, outcome } = await commit();
        return reply.code(statusCode).send(outcome);
      },
    );

    app.get(
      '/api/impor',
      {
        config: { access: 'read' },
        schema: {
          tags: ['impor'],
          summary: 'Riwayat muatan data (impor, pembatalan, data contoh), terbaru dulu',
          querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) }),
          response: { 200: LoadListSchema },
        },
      },
      async (request) => service.history(request.query.limit ?? 100),
    );

    app.post(
      '/api/impor/:id/batalkan',
      {
        config: { access: 'impor' },
        schema: {
          tags: ['impor'],
          summary: 'Batalkan impor: kembalikan tepat nilai sebelumnya',
          params: ImportIdParamsSchema,
          response: { 200: UndoResponseSchema, ...errors },
        },
      },
      async (request) => {
        const loadId = loadIdOr400(request.params.id);
        const who = authorize(
          request,
          'impor',
          (await service.desaOfLoad(loadId)).map((kode) => ({ wilayah: kode })),
        );
        return service.undo(loadId, who);
      },
    );
  };
