// One vocabulary (docs/ARCHITECTURE.md "Names"): API paths and query parameters say the page's words, in Bahasa
// Indonesia (`/api/nilai?indikator=…&periode=…&wilayah=…`, as on the page `/?indikator=…&periode=…&wilayah=…`).
// The names used before keep working, so shared links, bookmarks and scripts do not break:
//  - an old path is the SAME route registered once more: same handler, same config.access (so the access check, the
//    audit log and the route access test treat it exactly like the new one), same schema; left out of /api/docs;
//  - an old query parameter is read as its new name when the new one is absent, on every API route;
//  - an old field of a JSON body likewise, on the routes listed in OLD_BODY_FIELDS.
import type { FastifyInstance, RouteOptions } from 'fastify';

/** New path → the old paths that answer the same. */
export const OLD_PATHS: Readonly<Record<string, readonly string[]>> = {
  '/api/indikator': ['/api/indicators'],
  '/api/nilai': ['/api/values'],
  '/api/nilai/desa': ['/api/values/desa'],
  '/api/nilai/puskesmas': ['/api/values/puskesmas'],
  '/api/impor': ['/api/imports'],
  '/api/impor/pratinjau': ['/api/imports/preview'],
  '/api/impor/:id/simpan': ['/api/imports/:id/commit'],
  '/api/impor/:id/batalkan': ['/api/imports/:id/undo'],
  '/api/impor/isian': ['/api/imports/grid'],
  '/api/impor/:id/baca-ulang': ['/api/imports/:id/baca-ulang'],
  '/api/profil-impor': ['/api/import-profiles'],
  '/api/profil-impor/:id': ['/api/import-profiles/:id'],
  '/api/templat': ['/api/templates'],
  '/api/wilayah-kerja/pratinjau': ['/api/wilayah-kerja/preview'],
  '/api/wilayah-kerja/simpan': ['/api/wilayah-kerja/commit'],
  '/api/rapat': ['/api/meetings'],
  '/api/rapat/:id': ['/api/meetings/:id'],
  '/api/rapat/:id/catatan': ['/api/meetings/:id/notes'],
  '/api/rapat/:id/tindak-lanjut': ['/api/meetings/:id/actions'],
  '/api/rapat/:id/paket.html': ['/api/meetings/:id/pack.html'],
  '/api/rapat/:id/paket.pdf': ['/api/meetings/:id/pack.pdf'],
  '/api/tindak-lanjut/:id': ['/api/meeting-actions/:id'],
};

/** Old query parameter → its name now. */
export const OLD_QUERY_NAMES: Readonly<Record<string, string>> = {
  indicator: 'indikator',
  indicators: 'indikator',
  period: 'periode',
  parent: 'wilayah',
  year: 'tahun',
};

/** Route (`METHOD /path`) → old body field → its name now (JSON bodies follow the code words: docs/ARCHITECTURE.md). */
export const OLD_BODY_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'POST /api/auth/sandi': { baru: 'new' },
  'POST /api/gelombang': { tahun: 'year' },
  'PUT /api/gelombang/:id': { tahun: 'year' },
};

/** Gives each old name's value to its new name (unless the new one is there too: it wins) and drops the old name. */
function rename(fields: Record<string, unknown>, names: Readonly<Record<string, string>>) {
  for (const [old, now] of Object.entries(names)) {
    if (!(old in fields)) continue;
    if (!(now in fields)) fields[now] = fields[old];
    delete fields[old];
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on a route registered under an old path: the path it stands for. */
    aliasOf?: string;
  }
}

/** Register before the access check and before any route: the old paths must pass the same onRoute hooks. */
export function registerOldNames(app: FastifyInstance) {
  app.addHook('onRoute', function (route: RouteOptions) {
    // HEAD twins of GET routes are made by Fastify for the old path too; an alias is not aliased again.
    if (route.method === 'HEAD' || route.config?.aliasOf) return;
    for (const url of OLD_PATHS[route.url] ?? []) {
      this.route({
        ...route,
        url,
        path: url,
        config: { ...route.config, aliasOf: route.url },
        schema: { ...route.schema, hide: true },
      } as RouteOptions);
    }
  });

  app.addHook('preValidation', (request, _reply, done) => {
    const url = request.routeOptions.config.aliasOf ?? request.routeOptions.url;
    if (!url?.startsWith('/api/')) return done();
    const { query, body } = request as { query: unknown; body: unknown };
    if (query && typeof query === 'object') rename(query as Record<string, unknown>, OLD_QUERY_NAMES);
    const bodyNames = OLD_BODY_FIELDS[`${request.method} ${url}`];
    if (bodyNames && body && typeof body === 'object' && !Array.isArray(body))
      rename(body as Record<string, unknown>, bodyNames);
    done();
  });
}
