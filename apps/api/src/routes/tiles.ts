// Boundary vector tiles for the "Semua desa" map: immutable per geometry version (the URL carries it), so a
// browser fetches each tile once; recolouring never touches them (values arrive as JSON, applied as feature-state).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { tilePath, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from '@peta/domain/contract';
import type { GeometryService } from '@peta/server-core';

const MVT = 'application/vnd.mapbox-vector-tile';

export const tilesRoutes =
  (geometry: GeometryService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/tiles/:version/:z/:x/:y.mvt',
      {
        config: { access: 'read' },
        schema: {
          tags: ['geometry'],
          summary: `Petak peta vektor (MVT) semua desa, zoom ${TILE_MIN_ZOOM}–${TILE_MAX_ZOOM}: lapisan "desa" (poligon, properti kode) dan "batas" (garis provinsi/kabupaten/kecamatan)`,
          params: Type.Object({ version: Type.String(), z: Type.String(), x: Type.String(), y: Type.String() }),
        },
      },
      async (request, reply) => {
        const { z, x, y } = geometry.tileAddress(request.params.z, request.params.x, request.params.y);
        const current = await geometry.currentVersion();
        if (request.params.version !== current) {
          // An old link after a boundary re-import: the current, again immutable, URL.
          return reply
            .code(307)
            .header('cache-control', 'no-store')
            .redirect(tilePath(current, z, x, y));
        }
        // No land in this tile: 204, which MapLibre draws as an empty tile (and the browser caches).
        return reply.sendBytes({
          key: `tile/${current}/${z}/${x}/${y}`,
          type: MVT,
          lifetime: 'immutable',
          gzipped: true,
          build: () => geometry.tile(current, z, x, y),
        });
      },
    );
  };
