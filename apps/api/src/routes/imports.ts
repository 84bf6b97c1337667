// Real data in: template download, upload → preview → commit, history, undo. Thin: rules live in @peta/domain,
// file reading and database work in @peta/data/imports.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IndicatorError, parseImportMonth, requireIndicator, yearMonthOf } from '@peta/domain';
import {
  ErrorSchema, ImportIdParamsSchema, ImportOutcomeSchema, LoadListSchema, PreviewQuerySchema, TemplateQuerySchema,
  UndoResponseSchema,
} from '@peta/domain/contract';
import { UndoError, type UndoErrorCode } from '@peta/data/imports';
import { actorOf, authorize, scopeFilter } from '../auth/access.ts';
import { HttpError, badRequest, notFound } from '../plugins/errors.ts';
import { acceptUploads, type Uploads } from '../plugins/uploads.ts';
import type { WilayahRepository } from '../repositories/wilayah-repository.ts';
import type { ImportsService } from '../services/imports-service.ts';
import { requireKode } from './params.ts';

const UNDO_STATUS: Record<UndoErrorCode, number> = { LOAD_NOT_FOUND: 404, NOT_AN_IMPORT: 400, ALREADY_UNDONE: 409, LATER_CHANGES: 409 };
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

function loadIdOr400(id: string): number {
  if (!/^\d{1,9}$/.test(id)) throw badRequest('INVALID_ID', `Nomor impor tidak sah: "${id}".`);
  return Number(id);
}

export const importRoutes = (service: ImportsService, wilayah: WilayahRepository, now: () => Date,
  uploads: Uploads): FastifyPluginAsyncTypebox => async (app) => {
  acceptUploads(app);

  app.get('/api/templates', {
    config: { access: 'read' },
    schema: { tags: ['impor'], summary: 'Unduh templat isian per desa (.xlsx atau .csv)', querystring: TemplateQuerySchema,
      response: { 200: Type.Unknown({ description: 'berkas .xlsx atau .csv (Content-Disposition: attachment)' }), 400: ErrorSchema, 404: ErrorSchema } },
  }, async (request, reply) => {
    const { wilayah: kodeText, period, indicators, format = 'xlsx' } = request.query;
    const kode = requireKode(kodeText);
    const area = await wilayah.findByKode(kode);
    if (!area) throw notFound(`Wilayah dengan kode ${kode} tidak ditemukan.`);
    const month = parseImportMonth(period, yearMonthOf(now()));
    if (!month.ok) throw badRequest('INVALID_PERIOD', month.message);
    const defs = indicators.split(',').map((c) => c.trim()).filter(Boolean).map((code) => {
      try {
        return requireIndicator(code);
      } catch (e) {
        if (e instanceof IndicatorError) throw badRequest('INVALID_INDICATOR', e.message);
        throw e;
      }
    });
    if (!defs.length) throw badRequest('INVALID_INDICATOR', 'Pilih paling sedikit satu indikator (indicators=KIA_K4,SPM01_BUMIL).');
    const file = await service.template({ wilayah: { kode: area.kode, nama: area.nama }, period: month.value, indicators: defs, format });
    return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store').send(file.bytes);
  });

  app.post('/api/imports/preview', {
    config: { access: 'impor', upload: true },
    ...uploads.routeOptions,
    schema: {
      tags: ['impor'], summary: 'Unggah berkas (badan permintaan mentah) → pratinjau: ditambah/diubah/tetap, kesalahan, peringatan',
      querystring: PreviewQuerySchema, response: { 200: ImportOutcomeSchema, ...errors, 413: ErrorSchema, 503: ErrorSchema },
    },
  }, async (request) => {
    if (!Buffer.isBuffer(request.body)) {
      throw badRequest('NO_FILE', 'Kirim isi berkas sebagai badan permintaan (Content-Type application/octet-stream, text/csv atau .xlsx).');
    }
    return service.preview(request.body, request.query.berkas, actorOf(request).user.username, scopeFilter(request, 'impor'));
  });

  app.post('/api/imports/:id/commit', {
    config: { access: 'impor' },
    schema: {
      tags: ['impor'], summary: 'Simpan pratinjau (diperiksa ulang di dalam kunci impor)',
      params: ImportIdParamsSchema, response: { 200: ImportOutcomeSchema, 422: ImportOutcomeSchema, ...errors, 503: ErrorSchema },
    },
  }, async (request, reply) => {
    const result = await service.commit(request.params.id, actorOf(request).user.username, scopeFilter(request, 'impor'));
    if (result.kind === 'not-found') throw notFound('Pratinjau tidak ditemukan atau sudah kedaluwarsa. Unggah ulang berkasnya.');
    if (result.kind === 'already-committed') {
      throw new HttpError(409, 'ALREADY_COMMITTED', `Pratinjau ini sudah disimpan sebagai impor #${result.loadId}.`);
    }
    // The data changed since the preview and the file no longer passes: nothing was written.
    return reply.code(result.outcome.status === 'invalid' ? 422 : 200).send(result.outcome);
  });

  app.get('/api/imports', {
    config: { access: 'read' },
    schema: {
      tags: ['impor'], summary: 'Riwayat muatan data (impor, pembatalan, data contoh), terbaru dulu',
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) }),
      response: { 200: LoadListSchema },
    },
  }, async (request) => service.history(request.query.limit ?? 100));

  app.post('/api/imports/:id/undo', {
    config: { access: 'impor' },
    schema: {
      tags: ['impor'], summary: 'Batalkan impor: kembalikan tepat nilai sebelumnya', params: ImportIdParamsSchema,
      response: { 200: UndoResponseSchema, ...errors },
    },
  }, async (request) => {
    try {
      const loadId = loadIdOr400(request.params.id);
      const who = authorize(request, 'impor', (await service.desaOfLoad(loadId)).map((kode) => ({ wilayah: kode })));
      return await service.undo(loadId, who);
    } catch (error) {
      if (error instanceof UndoError) throw new HttpError(UNDO_STATUS[error.code], error.code, error.message);
      throw error;
    }
  });
};
