// Boundary geometry as GeoJSON under immutable, versioned URLs (fetched once, cached by the browser): the children of a
// wilayah (the drill-down) and all desa of a kabupaten/kota (the planner's map). An old version redirects to the current.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { GEOMETRY_ROOT, childrenGeometryPath } from '@peta/domain/contract';
import type { GeometryService, WilayahService } from '@peta/server-core';

const GEOJSON = 'application/geo+json';
const Params = Type.Object({ version: Type.String(), kode: Type.String() });

export const geometryRoutes =
  (areas: WilayahService, geometry: GeometryService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/geometry/:version/:kode/children.geojson',
      {
        config: { access: 'read' },
        schema: {
          tags: ['geometry'],
          summary: 'Batas anak-anak wilayah (GeoJSON, [lng, lat], disederhanakan per tingkat)',
          params: Params,
        },
      },
      async (request, reply) => {
        const parent =
          request.params.kode === GEOMETRY_ROOT ? null : (await areas.requireWilayah(request.params.kode)).kode;
        const current = await geometry.currentVersion();
        if (request.params.version !== current) {
          // An old link after a boundary re-import: send the browser to the current, again immutable, URL.
          return reply.code(307).header('cache-control', 'no-store').redirect(childrenGeometryPath(current, parent));
        }
        return reply.sendBytes({
          key: `children/${current}/${parent ?? ''}`,
          type: GEOJSON,
          lifetime: 'immutable',
          build: () => geometry.children(parent),
        });
      },
    );

    app.get(
      '/api/geometry/:version/:kode/desa.geojson',
      {
        config: { access: 'read' },
        schema: {
          tags: ['rencana-ilp'],
          summary: 'Poligon semua desa satu kabupaten/kota (tetap per versi geometri)',
          params: Params,
        },
      },
      async (request, reply) => {
        const area = await areas.requireKabupaten(request.params.kode);
        const current = await geometry.currentVersion();
        if (request.params.version !== current) {
          return reply
            .code(307)
            .header('cache-control', 'no-store')
            .redirect(`/api/geometry/${current}/${area.kode}/desa.geojson`);
        }
        return reply.sendBytes({
          key: `desa/${current}/${area.kode}`,
          type: GEOJSON,
          lifetime: 'immutable',
          build: () => geometry.desaOf(area.kode),
        });
      },
    );
  };
