import { createRequire } from 'node:module';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthSchema, MetaSchema } from '@peta/domain/contract';
import type { DatabaseKind } from '@peta/db';
import { formatYearMonth } from '@peta/domain';
import type { ValuesService, WilayahRepository } from '@peta/server-core';
import type { ReadAccess } from '../auth/access.ts';
import { notFound } from '../plugins/errors.ts';

export const KEPMENDAGRI_REF = 'Kepmendagri No 300.2.2-2138 Tahun 2025';

export const APP_VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string })
  .version;

/** Asks the database for its version; throws when it does not answer. */
export type DatabasePing = () => Promise<string>;

export const metaRoutes =
  (
    repo: WilayahRepository,
    values: ValuesService,
    databaseKind: DatabaseKind,
    ping: DatabasePing,
    readAccess: ReadAccess,
  ): FastifyPluginAsyncTypebox =>
  async (app) => {
    // For load balancers and `docker compose` health checks: 200 only when the database answers. Open to anyone, so
    // versions (which tell an attacker which known flaws to try) only go to who may read anyway.
    app.get(
      '/api/health',
      { config: { access: 'public' }, schema: { tags: ['meta'], response: { 200: HealthSchema, 503: HealthSchema } } },
      async (request, reply) => {
        const details = request.auth !== null || readAccess === 'public';
        try {
          const databaseVersion = await ping();
          return details
            ? { status: 'ok' as const, database: databaseKind, databaseVersion, version: APP_VERSION }
            : { status: 'ok' as const };
        } catch (error) {
          return reply
            .code(503)
            .header('retry-after', '5')
            .send(
              details
                ? {
                    status: 'error' as const,
                    database: databaseKind,
                    databaseVersion: null,
                    version: APP_VERSION,
                    message: `Basis data tidak dapat dihubungi: ${(error as Error).message}`,
                  }
                : { status: 'error' as const, message: 'Basis data tidak dapat dihubungi.' },
            );
        }
      },
    );

    app.get(
      '/api/meta',
      { config: { access: 'read' }, schema: { tags: ['meta'], response: { 200: MetaSchema } } },
      async () => {
        const latest = await repo.latestImport();
        if (!latest) throw notFound('Batas wilayah belum diimpor.');
        return {
          geometryVersion: latest.geometryVersion,
          desaProvinsi: latest.desaProvinsi.split(','),
          bbox: await repo.extent(),
          boundarySource: 'cahyadsn/wilayah_boundaries (MIT)',
          kepmendagriRef: KEPMENDAGRI_REF,
          latestMonth: formatYearMonth(await values.latestMonth()),
        };
      },
    );
  };
