// Indicator catalogue and values: the children of a wilayah, every desa under one, the values per puskesmas wilayah
// kerja, the monthly series of one wilayah, and the profile of a wilayah.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { seesExactCounts, type IndicatorDef, type Period } from '@peta/domain';
import {
  DesaValuesQuerySchema,
  DesaValuesResponseSchema,
  ErrorSchema,
  IndicatorListSchema,
  PuskesmasValuesQuerySchema,
  PuskesmasValuesResponseSchema,
  SeriesResponseSchema,
  ValuesQuerySchema,
  ValuesResponseSchema,
  WilayahProfileSchema,
} from '@peta/domain/contract';
import type { ProfileService, ReaderView, ValuesService, WilayahService } from '@peta/server-core';
import { etagOf, hasEtag } from '../plugins/etag.ts';
import { jsonBytes } from '../plugins/json-bytes.ts';
import { keptGzip } from '../plugins/kept-gzip.ts';
import { indicatorOr400, periodOr400, requireKode } from './params.ts';

const errors = { 400: ErrorSchema, 404: ErrorSchema };

/**
 * The values answers are sent with the engine's JSON.stringify, not compiled from the response schema (which still
 * documents them): the contract's nullable fields and class literals are unions, which the schema serializer checks
 * with a validator per field and row, the largest part of serializing an answer. The services build these rows
 * field by field (valueRowNumbers, maskRow), so there is nothing extra for the schema to leave out (values.test.ts
 * holds every row to the schema's keys). They leave as bytes (jsonBytes: the same bytes, made without turning the
 * whole answer into two-byte text), which the ETag and gzip take as they are.
 */
const nativeJson = { serializerCompiler: () => jsonBytes as unknown as (data: unknown) => string };

/**
 * GET /api/nilai answers (2–64 KB of JSON, nearly every one new) are gzipped in one call at level 3. @fastify/compress
 * streams a body above 8 KB on 2 cores (a readable, a zlib stream and a chunked answer each: the larger part of an
 * answer's CPU there); level 3 instead of zlib's default 6 costs about a quarter of the CPU for 10 % more bytes
 * (the 57 desa of a kecamatan: 17 KB → 2.4 KB instead of 2.2 KB).
 */
export const quickGzip = {
  compress: {
    encodings: ['gzip' as const],
    zlibOptions: { level: 3 },
    syncThreshold: 65536,
    // The same bytes as zlib.gzipSync, from one kept deflate context instead of a new one per answer (kept-gzip.ts).
    zlib: { gzipSync: keptGzip({ level: 3 }) },
  },
};

// Every answer with counts is the reader's protected view (issue 18): `viewOf(request)` masks what the values service
// computed, after its caches.
export const valuesRoutes =
  (deps: {
    values: ValuesService;
    areas: WilayahService;
    viewOf: (request: FastifyRequest) => ReaderView;
    profilesOf: (request: FastifyRequest) => ProfileService;
    /** The rules' version (code-version.ts): the same data under new rules is a new answer. */
    codeVersion: string;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { values, areas, viewOf } = deps;
    // Values are small JSON that changes only when data is loaded: revalidate with an ETag. /api/nilai and
    // /api/nilai/desa set theirs from the database's version of what they read (versionedAnswer), before computing
    // anything, for readers who see the whole area exactly; every other answer gets one from its bytes.
    // Private: what a reader sees depends on who they are (small counts are hidden from readers outside the area).
    app.addHook('onSend', (request, reply, payload, done) => {
      // Strings, and the bytes of the values answers (jsonBytes): etagOf hashes a string as its UTF-8 bytes, so both
      // give the ETag of the same bytes.
      if (
        reply.statusCode !== 200 ||
        (typeof payload !== 'string' && !Buffer.isBuffer(payload)) ||
        reply.hasHeader('etag')
      )
        return done(null, payload);
      const etag = etagOf(payload);
      reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'cookie');
      if (hasEtag(request.headers['if-none-match'], etag)) {
        reply.code(304);
        return done(null, '');
      }
      done(null, payload);
    });

    app.get(
      '/api/indikator',
      {
        config: { access: 'read' },
        schema: {
          tags: ['indikator'],
          summary: 'Katalog indikator (SPM, PWS KIA, klaster ILP)',
          response: { 200: IndicatorListSchema },
        },
      },
      async () => values.indicators(),
    );

    /**
     * An answer whose ETag is the version of the roll-up it reads (the last load that changed a desa under the parent
     * for that indicator and year, and the boundary import; from the database, so every API process gives the same
     * one): a matching If-None-Match is answered 304 without sending the answer, and an import elsewhere leaves it
     * unchanged. `versioned` gives the version, and the answer once it is needed (the values of children read both
     * in one round trip; "Semua desa" reads its version first and computes the answer only when it is sent).
     */
    async function versionedAnswer<T>(
      request: FastifyRequest,
      reply: FastifyReply,
      what: string,
      query: { indikator: string; periode: string; wilayah?: string },
      versioned: (
        view: ReaderView,
        def: IndicatorDef,
        period: Period,
        parent: string | null,
        exact: boolean,
      ) => Promise<{ version: string | null; answer: () => Promise<T> }>,
    ) {
      const def = indicatorOr400(query.indikator);
      const period = periodOr400(query.periode);
      const parent = query.wilayah ? requireKode(query.wilayah) : null;
      const view = viewOf(request);
      // A reader outside part of the area gets the protected view, which also changes with roll-out events and while
      // the protection is computed (hidden until then): its ETag comes from the bytes (onSend), never from the version.
      const reader = view.reader;
      const exact = parent === null ? reader?.role === 'admin' : seesExactCounts(reader, { wilayah: parent });
      const { version, answer } = await versioned(view, def, period, parent, exact);
      if (!exact || version === null) return answer();
      const etag = etagOf(`${what}|${def.code}|${period.code}|${parent ?? ''}|${version}|${deps.codeVersion}`);
      reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'cookie');
      if (hasEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return answer();
    }

    app.get(
      '/api/nilai',
      {
        ...nativeJson,
        ...quickGzip,
        config: { access: 'read' },
        schema: {
          tags: ['indikator'],
          querystring: ValuesQuerySchema,
          response: { 200: ValuesResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        versionedAnswer(request, reply, 'values', request.query, async (view, def, period, parent) => {
          const { version, answer } = await view.versionedValuesUnder(def, period, parent);
          return { version, answer: async () => answer };
        }),
    );

    app.get(
      '/api/nilai/desa',
      {
        ...nativeJson,
        config: { access: 'read' },
        schema: {
          tags: ['indikator'],
          summary:
            'Semua desa di bawah satu wilayah (tanpa wilayah: seluruh Indonesia), masing-masing dinilai sendiri; kolom, bukan baris, agar kecil',
          querystring: DesaValuesQuerySchema,
          response: { 200: DesaValuesResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        versionedAnswer(request, reply, 'desa', request.query, async (view, def, period, parent, exact) => ({
          version: exact ? await values.answerVersion(def, period.year, parent) : null,
          answer: () => view.desaValuesUnder(def, period, parent),
        })),
    );

    app.get(
      '/api/nilai/puskesmas',
      {
        config: { access: 'read' },
        schema: {
          tags: ['rencana-ilp'],
          summary:
            'Nilai indikator per wilayah kerja puskesmas (desa dijumlah menurut wilayah kerja yang berlaku tiap bulan)',
          querystring: PuskesmasValuesQuerySchema,
          response: { 200: PuskesmasValuesResponseSchema, ...errors },
        },
      },
      async (request) => {
        const area = await areas.requireKabupaten(request.query.kabupaten);
        const def = indicatorOr400(request.query.indikator);
        return viewOf(request).puskesmasAnswer(def, await values.periodOrDefault(request.query.periode), area.kode);
      },
    );

    app.get(
      '/api/wilayah/:kode/series',
      {
        config: { access: 'read' },
        schema: {
          tags: ['indikator'],
          params: Type.Object({ kode: Type.String() }),
          querystring: Type.Object({
            indikator: Type.String(),
            tahun: Type.String({ description: 'Tahun, misalnya 2026' }),
          }),
          response: { 200: SeriesResponseSchema, ...errors },
        },
      },
      async (request) => {
        const kode = requireKode(request.params.kode);
        return viewOf(request).seriesOf(indicatorOr400(request.query.indikator), kode, request.query.tahun);
      },
    );

    app.get(
      '/api/wilayah/:kode/profil',
      {
        config: { access: 'read' },
        schema: {
          tags: ['nilai'],
          summary:
            'Profil satu wilayah: semua indikator berdata untuk periode (capaian, target, kesenjangan, tren, status PWS) dan tindak lanjut terbuka',
          params: Type.Object({ kode: Type.String() }),
          querystring: Type.Object({
            periode: Type.String({ description: '2026-10, 2026-Q3, 2026 atau 2026-01..2026-10' }),
          }),
          response: { 200: WilayahProfileSchema, ...errors },
        },
      },
      async (request) => {
        const area = await areas.requireWilayah(request.params.kode);
        return deps.profilesOf(request).profile(area, periodOr400(request.query.periode));
      },
    );
  };
