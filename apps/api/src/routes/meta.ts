import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthSchema, MetaSchema } from '@peta/domain/contract';
import type { DatabaseKind } from '@peta/db';
import { notFound } from '../plugins/errors.ts';
import type { WilayahRepository } from '../repositories/wilayah-repository.ts';

export const KEPMENDAGRI_REF = 'Kepmendagri No 300.2.2-2138 Tahun 2025';

export const metaRoutes = (repo: WilayahRepository, databaseKind: DatabaseKind): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/health', { schema: { tags: ['meta'], response: { 200: HealthSchema } } },
    async () => ({ status: 'ok' as const, database: databaseKind }));

  app.get('/api/meta', { schema: { tags: ['meta'], response: { 200: MetaSchema } } }, async () => {
    const latest = await repo.latestImport();
    if (!latest) throw notFound('Batas wilayah belum diimpor.');
    return {
      geometryVersion: latest.geometryVersion,
      desaProvinsi: latest.desaProvinsi.split(','),
      bbox: await repo.extent(),
      boundarySource: 'cahyadsn/wilayah_boundaries (MIT)',
      kepmendagriRef: KEPMENDAGRI_REF,
    };
  });
};
