// Children geometry as GeoJSON under an immutable, versioned URL: fetched once, cached by the browser.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { GEOMETRY_ROOT, childrenGeometryPath } from '@peta/domain/contract';
import { notFound } from '../plugins/errors.ts';
import type { WilayahRepository } from '../repositories/wilayah-repository.ts';
import type { geometryCache } from '../services/geometry-cache.ts';
import { requireKode } from './params.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export const geometryRoutes = (
  repo: WilayahRepository,
  cache: ReturnType<typeof geometryCache>,
  currentVersion: () => Promise<string | null>,
): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/geometry/:version/:kode/children.geojson', {
    config: { access: 'read' },
    schema: {
      tags: ['geometry'],
      summary: 'Batas anak-anak wilayah (GeoJSON, [lng, lat], disederhanakan per tingkat)',
      params: Type.Object({ version: Type.String(), kode: Type.String() }),
    },
  }, async (request, reply) => {
    const { version } = request.params;
    const parent = request.params.kode === GEOMETRY_ROOT ? null : requireKode(request.params.kode);
    if (parent && !(await repo.findByKode(parent))) throw notFound(`Wilayah dengan kode ${parent} tidak ditemukan.`);
    const current = await currentVersion();
    if (!current) throw notFound('Batas wilayah belum diimpor.');
    if (version !== current) {
      // An old link after a boundary re-import: send the browser to the current, again immutable, URL.
      return reply.code(307).header('cache-control', 'no-store').redirect(childrenGeometryPath(current, parent));
    }
    const payload = await cache.get(version, parent);
    reply.header('cache-control', IMMUTABLE).header('etag', payload.etag).header('vary', 'accept-encoding')
      .type('application/geo+json');
    if (request.headers['if-none-match'] === payload.etag) return reply.code(304).send();
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      return reply.header('content-encoding', 'gzip').send(payload.gzip);
    }
    return reply.send(payload.raw);
  });
};
