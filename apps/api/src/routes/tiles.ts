// Boundary vector tiles for the "Semua desa" map: immutable per geometry version (the URL carries it), so a
// browser fetches each tile once; recolouring never touches them (values arrive as JSON, applied as feature-state).
import { gunzipSync } from 'node:zlib';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { isTileInRange, tilePath, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from '@peta/domain/contract';
import { notFound } from '../plugins/errors.ts';
import type { TilesRepository } from '../repositories/tiles-repository.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const MVT = 'application/vnd.mapbox-vector-tile';
const INTEGER = /^(0|[1-9]\d{0,6})$/;

export const tilesRoutes = (repo: TilesRepository, currentVersion: () => Promise<string | null>): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/tiles/:version/:z/:x/:y.mvt', {
    config: { access: 'read' },
    schema: {
      tags: ['geometry'],
      summary: `Petak peta vektor (MVT) semua desa, zoom ${TILE_MIN_ZOOM}–${TILE_MAX_ZOOM}: lapisan "desa" (poligon, properti kode) dan "batas" (garis provinsi/kabupaten/kecamatan)`,
      params: Type.Object({ version: Type.String(), z: Type.String(), x: Type.String(), y: Type.String() }),
    },
  }, async (request, reply) => {
    const { version } = request.params;
    const [z, x, y] = [request.params.z, request.params.x, request.params.y].map((v) => (INTEGER.test(v) ? Number(v) : NaN)) as [number, number, number];
    if (!isTileInRange(z, x, y)) {
      throw notFound(`Petak ${request.params.z}/${request.params.x}/${request.params.y} tidak ada: zoom ${TILE_MIN_ZOOM}–${TILE_MAX_ZOOM}, x dan y 0 sampai 2^zoom − 1.`);
    }
    const current = await currentVersion();
    if (!current) throw notFound('Batas wilayah belum diimpor.');
    if (version !== current) {
      // An old link after a boundary re-import: the current, again immutable, URL.
      return reply.code(307).header('cache-control', 'no-store').redirect(tilePath(current, z, x, y));
    }
    // Immutable: the version is in the URL, so the address itself is a strong validator.
    const etag = `"${version}-${z}-${x}-${y}"`;
    reply.header('cache-control', IMMUTABLE).header('etag', etag).header('vary', 'accept-encoding');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    const data = await repo.tile(version, z, x, y);
    // No land in this tile: an empty answer, which MapLibre draws as an empty tile (and the browser caches).
    if (!data) return reply.code(204).send();
    reply.type(MVT);
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(data);
    return reply.send(gunzipSync(data));
  });
};
