// Indicator catalogue, values for the children of a wilayah, and the monthly series of one wilayah.
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { INDICATORS } from '@peta/domain';
import {
  DesaValuesQuerySchema, DesaValuesResponseSchema, ErrorSchema, IndicatorListSchema, SeriesResponseSchema, ValuesQuerySchema, ValuesResponseSchema, WilayahProfileSchema,
} from '@peta/domain/contract';
import type { ProfileService } from '../services/profile-service.ts';
import { badRequest, notFound } from '../plugins/errors.ts';
import type { ValuesRepository } from '../repositories/values-repository.ts';
import type { WilayahRepository } from '../repositories/wilayah-repository.ts';
import type { valuesService } from '../services/values-service.ts';
import { indicatorOr400, periodOr400, requireKode } from './params.ts';

const errors = { 400: ErrorSchema, 404: ErrorSchema };

export const valuesRoutes = (
  service: ReturnType<typeof valuesService>, values: ValuesRepository, wilayah: WilayahRepository, profiles: ProfileService,
): FastifyPluginAsyncTypebox => async (app) => {
  // Values are small JSON that changes only when data is loaded: revalidate with an ETag. (Every route of this plugin.)
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const etag = `"${createHash('sha1').update(payload).digest('base64url').slice(0, 20)}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (request.headers['if-none-match'] === etag) {
      reply.code(304);
      return '';
    }
    return payload;
  });

  app.get('/api/indicators', {
    config: { access: 'read' },
    schema: { tags: ['indikator'], summary: 'Katalog indikator (SPM, PWS KIA, klaster ILP)', response: { 200: IndicatorListSchema } },
  }, async () => {
    const withData = await values.indicatorsWithData();
    return INDICATORS.map((def) => ({ ...def, hasData: withData.has(def.code) }));
  });

  app.get('/api/values', {
    config: { access: 'read' },
    schema: { tags: ['indikator'], querystring: ValuesQuerySchema, response: { 200: ValuesResponseSchema, ...errors } },
  }, async (request) => {
    const def = indicatorOr400(request.query.indicator);
    const period = periodOr400(request.query.period);
    const parent = request.query.parent ? requireKode(request.query.parent) : null;
    if (parent && !(await wilayah.findByKode(parent))) throw notFound(`Wilayah dengan kode ${parent} tidak ditemukan.`);
    const rows = await service.childValues(def, period, parent);
    return {
      indicator: def.code, period: period.code, periodLabel: period.label, parent,
      simulated: rows.some((r) => r.simulated), rows,
    };
  });

  app.get('/api/values/desa', {
    config: { access: 'read' },
    schema: {
      tags: ['indikator'],
      summary: 'Semua desa di bawah satu wilayah (tanpa parent: seluruh Indonesia), masing-masing dinilai sendiri; kolom, bukan baris, agar kecil',
      querystring: DesaValuesQuerySchema, response: { 200: DesaValuesResponseSchema, ...errors },
    },
  }, async (request) => {
    const def = indicatorOr400(request.query.indicator);
    const period = periodOr400(request.query.period);
    const parent = request.query.parent ? requireKode(request.query.parent) : null;
    if (parent && !(await wilayah.findByKode(parent))) throw notFound(`Wilayah dengan kode ${parent} tidak ditemukan.`);
    const columns = await service.desaValues(def, period, parent);
    return { indicator: def.code, period: period.code, periodLabel: period.label, parent, ...columns };
  });

  app.get('/api/wilayah/:kode/series', {
    config: { access: 'read' },
    schema: {
      tags: ['indikator'],
      params: Type.Object({ kode: Type.String() }),
      querystring: Type.Object({ indicator: Type.String(), year: Type.String({ description: 'Tahun, misalnya 2026' }) }),
      response: { 200: SeriesResponseSchema, ...errors },
    },
  }, async (request) => {
    const kode = requireKode(request.params.kode);
    const def = indicatorOr400(request.query.indicator);
    const year = Number(request.query.year);
    if (!/^\d{4}$/.test(request.query.year) || year < 1900) {
      throw badRequest('INVALID_YEAR', `Tahun tidak sah: "${request.query.year}". Gunakan empat angka, misalnya 2026.`);
    }
    const area = await wilayah.findByKode(kode);
    if (!area) throw notFound(`Wilayah dengan kode ${kode} tidak ditemukan.`);
    return service.series(def, area, year);
  });

  app.get('/api/wilayah/:kode/profil', {
    config: { access: 'read' },
    schema: {
      tags: ['nilai'], summary: 'Profil satu wilayah: semua indikator berdata untuk periode (capaian, target, kesenjangan, tren, status PWS) dan tindak lanjut terbuka',
      params: Type.Object({ kode: Type.String() }),
      querystring: Type.Object({ period: Type.String({ description: '2026-10, 2026-Q3, 2026 atau 2026-01..2026-10' }) }),
      response: { 200: WilayahProfileSchema, ...errors },
    },
  }, async (request) => {
    const kode = requireKode(request.params.kode);
    const area = await wilayah.findByKode(kode);
    if (!area) throw notFound(`Wilayah dengan kode ${kode} tidak ditemukan.`);
    return profiles.profile(area, periodOr400(request.query.period));
  });
};
