// Wilayah: the area, its parents and its children. Kode wilayah Kemendagri is the key.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorSchema, WilayahChildrenSchema, WilayahSchema } from '@peta/domain/contract';
import type { WilayahService } from '@peta/server-core';

const KodeParams = Type.Object({ kode: Type.String({ description: 'Kode wilayah Kemendagri, misalnya 12.10' }) });
const errors = { 400: ErrorSchema, 404: ErrorSchema };

export const wilayahRoutes =
  (areas: WilayahService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/wilayah',
      {
        config: { access: 'read' },
        schema: { tags: ['wilayah'], summary: 'Daftar provinsi', response: { 200: WilayahChildrenSchema } },
      },
      async () => areas.provinces(),
    );

    app.get(
      '/api/wilayah/:kode',
      {
        config: { access: 'read' },
        schema: { tags: ['wilayah'], params: KodeParams, response: { 200: WilayahSchema, ...errors } },
      },
      async (request) => areas.detail(request.params.kode),
    );

    app.get(
      '/api/wilayah/:kode/children',
      {
        config: { access: 'read' },
        schema: { tags: ['wilayah'], params: KodeParams, response: { 200: WilayahChildrenSchema, ...errors } },
      },
      async (request) => areas.children(request.params.kode),
    );
  };
