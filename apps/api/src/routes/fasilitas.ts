// Pustu and Posyandu of one desa (fasilitas): read them with the last change, or replace the list (before and after
// are recorded). The puskesmas holding the desa, the dinkes and the admin edit them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorSchema, FacilitiesBodySchema, FacilitiesSchema } from '@peta/domain/contract';
import type { RolloutCapability, WilayahService } from '@peta/server-core';
import { authorize } from '../auth/access.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const TAGS = ['rencana-ilp'];
const KodeParams = Type.Object({ kode: Type.String() });

export const fasilitasRoutes =
  (deps: { areas: WilayahService; rollout: RolloutCapability }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { areas } = deps;
    const { facilities } = deps.rollout;

    app.get(
      '/api/desa/:kode/fasilitas',
      {
        config: { access: 'read' },
        schema: {
          tags: TAGS,
          summary: 'Pustu dan Posyandu satu desa, dengan perubahan terakhir',
          params: KodeParams,
          response: { 200: FacilitiesSchema, ...errors },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return facilities.ofDesa((await areas.requireDesa(request.params.kode)).kode);
      },
    );

    app.put(
      '/api/desa/:kode/fasilitas',
      {
        config: { access: 'kesiapan' },
        schema: {
          tags: TAGS,
          summary: 'Simpan daftar Pustu dan Posyandu satu desa (menggantikan daftar lama; sebelum/sesudah dicatat)',
          params: KodeParams,
          body: FacilitiesBodySchema,
          response: { 200: FacilitiesSchema, ...errors },
        },
      },
      async (request) => {
        const desa = await areas.requireDesa(request.params.kode);
        const oleh = authorize(request, 'kesiapan', { wilayah: desa.kode });
        return facilities.save(desa.kode, request.body, oleh);
      },
    );
  };
