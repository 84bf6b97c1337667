// Exports for other systems (issue 19): DHIS2 dataValueSets (JSON, CSV) and IHE ADX of the real desa × month values
// under a wilayah, FHIR R4 MeasureReports (IHE mADX) of its children for a period, the catalogue's FHIR Measures.
// HTTP only: the values and the writers are the exchange service's. Uploads of these formats go through the imports
// (POST /api/impor/pratinjau recognises .json and .xml).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { EXPORT_COUNT_HEADERS, ErrorSchema } from '@peta/domain/contract';
import type { ExchangeExportFormat, ExchangeExportRequest, ExchangeService, ExportFile } from '@peta/server-core';
import { requireExactCounts } from '../auth/access.ts';
import { indicatorOr400, periodOr400, requireKode } from './params.ts';

const ExportQuerySchema = Type.Object({
  wilayah: Type.String({ description: 'kode wilayah Kemendagri, misalnya 12.10.09' }),
  periode: Type.String({ description: 'periode kita: 2026-10, 2026-Q3, 2026 atau 2026-01..2026-10' }),
  indikator: Type.Optional(Type.String({ description: 'kode indikator dipisah koma; kosong: semua' })),
});

const file = {
  200: Type.String({ description: 'berkas (Content-Disposition: attachment)' }),
  400: ErrorSchema,
  404: ErrorSchema,
  413: ErrorSchema,
};

/**
 * The export asked for. Its counts are exact (small ones too, no protected view — issue 18): only for a reader who sees
 * the exact counts of the whole wilayah; others read the map, which hides small counts.
 */
function exportRequest(
  request: FastifyRequest,
  query: { wilayah: string; periode: string; indikator?: string },
): ExchangeExportRequest {
  const codes = (query.indikator ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const wilayah = requireKode(query.wilayah);
  requireExactCounts(request, wilayah);
  return { wilayah, period: periodOr400(query.periode), indicators: [...new Set(codes)].map(indicatorOr400) };
}

/** Canonical URLs of Measures name the dashboard as the request reached it. */
const baseUrlOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export const exchangeRoutes =
  (service: ExchangeService): FastifyPluginAsyncTypebox =>
  async (app) => {
    /**
     * The file as a download; the handler returns its text. An export carries only real (imported or entered) values:
     * the headers say how many it holds and how many simulated demo cells it left out, so the import page can say why
     * a file of demo months is empty; the file itself stays a valid (empty) file for the system that reads it.
     */
    const send = (reply: FastifyReply, f: ExportFile): string => {
      reply
        .type(f.contentType)
        .header('content-disposition', `attachment; filename="${f.fileName}"`)
        .header('cache-control', 'no-store');
      if (f.counts)
        reply
          .header(EXPORT_COUNT_HEADERS.real, f.counts.real)
          .header(EXPORT_COUNT_HEADERS.simulated, f.counts.simulated);
      return f.body;
    };
    const dataValues = (path: string, format: ExchangeExportFormat, summary: string) =>
      app.get(
        path,
        {
          config: { access: 'read' },
          schema: { tags: ['pertukaran'], summary, querystring: ExportQuerySchema, response: file },
        },
        async (request, reply) => send(reply, await service.dataValues(exportRequest(request, request.query), format)),
      );

    dataValues(
      '/api/exchange/dhis2.json',
      'dhis2-json',
      'DHIS2 dataValueSet (JSON): nilai nyata per desa × bulan di bawah wilayah',
    );
    dataValues(
      '/api/exchange/dhis2.csv',
      'dhis2-csv',
      'DHIS2 dataValueSet (CSV): nilai nyata per desa × bulan di bawah wilayah',
    );
    dataValues('/api/exchange/adx', 'adx', 'IHE ADX (XML): nilai nyata per desa × bulan di bawah wilayah');

    app.get(
      '/api/exchange/fhir/MeasureReport',
      {
        config: { access: 'read' },
        schema: {
          tags: ['pertukaran'],
          summary: 'FHIR R4 Bundle: Measure indikator + MeasureReport per anak wilayah untuk periode (IHE mADX)',
          querystring: ExportQuerySchema,
          response: file,
        },
      },
      async (request, reply) =>
        send(reply, await service.measureReports(exportRequest(request, request.query), baseUrlOf(request))),
    );

    app.get(
      '/api/exchange/fhir/Measure',
      {
        config: { access: 'read' },
        schema: {
          tags: ['pertukaran'],
          summary: 'FHIR R4 Bundle: Measure setiap indikator katalog',
          response: { 200: Type.String() },
        },
      },
      async (request, reply) => send(reply, service.measures(baseUrlOf(request))),
    );
  };
