// Access is decided on the matched route, whatever the spelling of the path (issue 14, item 1). The router decodes
// the path before matching (`/%61pi/pengguna` is `/api/pengguna`), so this file asks EVERY registered API route —
// collected from the app itself — through many spellings of its path, as several kinds of caller, under both read
// policies, and proves that no spelling reaches a handler the caller may not use. Handlers are replaced by spies
// (the app is built with `observeRoute`): a handler that runs says so, and writes change nothing.
// The expectations are written out here from the rules (README "Akun dan wilayah"), not taken from the code under test.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { openDatabase, type Database } from '@peta/db';
import { createUser, startSession } from '@peta/server-core';
import type { Capability, Role } from '@peta/domain';
import { buildApp } from '../src/app.ts';
import { isApiPath, isWrite, type ApiRoute, type ReadAccess } from '../src/auth/access.ts';
import { OLD_PATHS } from '../src/plugins/old-names.ts';
import { loadTinyWilayah } from './fixtures/tiny-wilayah.ts';
import { dropPuskesmasUsers } from './helper.ts';

type App = Awaited<ReturnType<typeof buildApp>>;
type Caller = 'anonim' | 'pembaca' | 'puskesmasLain' | 'admin' | 'adminTanpaCsrf';
const CALLERS: Caller[] = ['anonim', 'pembaca', 'puskesmasLain', 'admin', 'adminTanpaCsrf'];

/** What each role may change (README table), written out rather than read from the domain module. */
const CAN: Record<Exclude<Caller, 'anonim'>, readonly Capability[]> = {
  pembaca: [],
  puskesmasLain: ['impor', 'kesiapan', 'rapat'],
  admin: ['impor', 'rencana', 'kesiapan', 'rapat', 'pengguna'],
  adminTanpaCsrf: ['impor', 'rencana', 'kesiapan', 'rapat', 'pengguna'],
};

/** May this caller's request reach the handler of a route with this access? */
function mayUse(caller: Caller, route: ApiRoute, policy: ReadAccess): boolean {
  if (route.access === 'public') return true;
  if (caller === 'anonim') return route.access === 'read' && policy === 'public';
  if (isWrite(route.method) && caller === 'adminTanpaCsrf') return false;
  if (route.access === 'read' || route.access === 'signed-in') return true;
  return CAN[caller].includes(route.access);
}

/** A concrete path for a route pattern: parameters filled with plausible values. */
function concrete(url: string): string {
  return url
    .replace(/:kode/g, '99.01')
    .replace(/:version/g, 'uji-v1')
    .replace(/:id/g, '1')
    .replace(/\*/g, 'index.css');
}

const hex = (c: string, lower: boolean) => {
  const h = c.charCodeAt(0).toString(16).padStart(2, '0');
  return `%${lower ? h.toLowerCase() : h.toUpperCase()}`;
};

/** Spellings of a concrete API path (`/api/...`). Some decode to the same route, most match none. */
function spellings(path: string): [string, string][] {
  const rest = path.slice('/api'.length); // '/pengguna/1'
  const lastSlash = path.lastIndexOf('/');
  const head = path.slice(0, lastSlash + 1);
  const tail = path.slice(lastSlash + 1);
  const encodeTail = (lower: boolean) => head + [...tail].map((c) => hex(c, lower)).join('');
  return [
    ['kanonik', path],
    ['%61pi', `/%61pi${rest}`],
    ['a%70i', `/a%70i${rest}`],
    ['%61%70%69', `/%61%70%69${rest}`],
    ['segmen akhir %XX besar', encodeTail(false)],
    ['segmen akhir %xx kecil', encodeTail(true)],
    ['%2F untuk /', `/api%2F${rest.slice(1)}`],
    ['%2f untuk /', `/api%2f${rest.slice(1)}`],
    ['%2F di depan', `/%2Fapi${rest}`],
    ['//api', `//api${rest}`],
    ['/api//', `/api/${rest}`],
    ['/api/./', `/api/.${rest}`],
    ['/api/x/../', `/api/x/..${rest}`],
    ['/api/%2e/', `/api/%2e${rest}`],
    ['/API/', `/API${rest}`],
    ['/Api/', `/Api${rest}`],
    ['/%41PI/', `/%41PI${rest}`],
    ['akhiran /', `${path}/`],
    ['akhiran ;', `${path};`],
    ['akhiran ;x=1', `${path};x=1`],
    ['%2561pi (dua kali)', `/%2561pi${rest}`],
    ['%252F (dua kali)', `/api%252F${rest.slice(1)}`],
    ['\\ untuk /', `/api\\${rest.slice(1)}`],
    ['%5C untuk /', `/api%5C${rest.slice(1)}`],
    ['akhiran %00', `${path}%00`],
    ['akhiran %20', `${path}%20`],
  ];
}

const dist = mkdtempSync(join(tmpdir(), 'peta-dist-akses-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');

let database: Database;
const headersOf = {} as Record<Caller, Record<string, string>>;

beforeAll(async () => {
  database = await openDatabase({ databaseUrl: inject('databaseUrl') });
  await loadTinyWilayah(database);
  await database.pool.query(
    `insert into puskesmas (kode, nama, kabupaten_kode, sumber) values ('PLAIN', 'Puskesmas Lain', '99.01', 'uji') on conflict do nothing`,
  );
  const people: [
    Exclude<Caller, 'anonim' | 'adminTanpaCsrf'>,
    Role,
    { scopeKode?: string; scopePuskesmas?: string },
  ][] = [
    ['pembaca', 'viewer', {}],
    ['puskesmasLain', 'puskesmas', { scopePuskesmas: 'PLAIN' }],
    ['admin', 'admin', {}],
  ];
  headersOf.anonim = {};
  for (const [caller, role, scope] of people) {
    const user = await createUser(database, {
      username: `rute-${caller.toLowerCase()}-${process.pid}`,
      nama: caller,
      role,
      password: 'kata-sandi-uji-panjang',
      createdBy: 'uji',
      ...scope,
    });
    const session = await startSession(database, user.id, {});
    headersOf[caller] = { cookie: `peta_sesi=${session.token}`, 'x-csrf-token': session.csrfToken };
  }
  headersOf.adminTanpaCsrf = { cookie: headersOf.admin.cookie! };
});
afterAll(async () => {
  await dropPuskesmasUsers(database);
  await database.pool.query(`delete from puskesmas where kode = 'PLAIN'`);
  await database.close();
});

/** The app with every API handler replaced by a spy that records which route ran and answers 203. */
async function spiedApp(readAccess: ReadAccess) {
  const reached: string[] = [];
  const observeRoute = (route: RouteOptions) => {
    if (!isApiPath(route.url)) return;
    route.handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const key = `${request.method} ${route.url}`;
      reached.push(key);
      return reply.code(203).send({ spion: key });
    };
  };
  const app = await buildApp({
    database,
    config: { signInLimitPerMinute: 1_000_000, webDist: dist, readAccess },
    observeRoute,
  });
  return { app, reached };
}

describe.each(['signed-in', 'public'] as const)('READ_ACCESS=%s: every route × spelling × caller', (policy) => {
  let app: App;
  let reached: string[];
  beforeAll(async () => ({ app, reached } = await spiedApp(policy)));
  afterAll(() => app.close());

  it('covers the whole API, the description included', () => {
    const urls = new Set(app.apiRoutes.map((r) => r.url));
    for (const url of [
      '/api/pengguna',
      '/api/audit',
      '/api/impor/pratinjau',
      '/api/docs/json',
      '/api/docs/static/*',
      '/api/health',
    ])
      expect(urls).toContain(url);
    expect(app.apiRoutes.length).toBeGreaterThan(80);
  });

  it('every old path (before the one vocabulary) is a route with the same methods and the same access as its new path', () => {
    const accessOf = new Map(app.apiRoutes.map((r) => [`${r.method} ${r.url}`, r.access]));
    let aliases = 0;
    for (const [now, olds] of Object.entries(OLD_PATHS)) {
      const methods = app.apiRoutes.filter((r) => r.url === now).map((r) => r.method);
      expect(methods.length, now).toBeGreaterThan(0);
      for (const old of olds) {
        expect(
          app.apiRoutes
            .filter((r) => r.url === old)
            .map((r) => r.method)
            .sort(),
          old,
        ).toEqual([...methods].sort());
        for (const method of methods) {
          expect(accessOf.get(`${method} ${old}`), `${method} ${old}`).toBe(accessOf.get(`${method} ${now}`));
          aliases++;
        }
      }
    }
    // Not vacuous: 13 GET (each with its HEAD) and 13 writes; the old paths are walked below like any route.
    expect(aliases).toBe(39);
  });

  it('no spelling reaches a handler the caller may not use; what matches no route is a JSON 404', async () => {
    const byKey = new Map(app.apiRoutes.map((r) => [`${r.method} ${r.url}`, r]));
    const violations: string[] = [];
    let requests = 0;
    let handlersRun = 0;
    for (const route of app.apiRoutes) {
      const path = concrete(route.url);
      for (const [spelling, url] of spellings(path)) {
        for (const caller of CALLERS) {
          reached.length = 0;
          const write = isWrite(route.method);
          const res = await app.inject({
            method: route.method as 'GET',
            url,
            headers: { ...headersOf[caller], ...(write ? { 'content-type': 'application/json' } : {}) },
            ...(write ? { payload: '{}' } : {}),
          });
          requests++;
          const what = `${caller} ${route.method} ${url} (${spelling}) → ${res.statusCode}`;
          for (const key of reached) {
            handlersRun++;
            const ran = byKey.get(key);
            if (!ran) throw new Error(`unknown route ${key}`);
            if (!mayUse(caller, ran, policy)) violations.push(`${what}: reached ${key} (${ran.access})`);
          }
          if (spelling === 'kanonik') {
            const allowed = mayUse(caller, route, policy);
            // Allowed: past the access check (the spy ran, or the schema refused the made-up input). Refused: 401/403.
            if (allowed && [401, 403].includes(res.statusCode))
              violations.push(`${what}: refused, should pass (${route.access})`);
            if (!allowed && res.statusCode !== (caller === 'anonim' ? 401 : 403))
              violations.push(`${what}: expected ${caller === 'anonim' ? 401 : 403} (${route.access})`);
          }
          if (
            res.statusCode === 200 &&
            String(res.headers['content-type']).includes('text/html') &&
            route.method !== 'HEAD' &&
            !route.url.startsWith('/api/docs')
          ) {
            violations.push(`${what}: the web page answered an API spelling`);
          }
          if (res.statusCode === 404 && route.method !== 'HEAD' && res.json().code !== 'NOT_FOUND')
            violations.push(`${what}: 404 without the JSON body`);
          if (res.statusCode >= 500) violations.push(`${what}: ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(violations.slice(0, 20)).toEqual([]);
    // Not vacuous: many requests, and the spies ran for those allowed.
    expect(requests).toBeGreaterThan(10_000);
    expect(handlersRun).toBeGreaterThan(1_000);
  }, 300_000);
});

describe("decoded spellings that match a route get exactly the route's decision", () => {
  it('/%61pi/pengguna: anonymous 401, pembaca 403, admin reaches the handler — and the write is in the audit log as sent', async () => {
    const { app, reached } = await spiedApp('signed-in');
    try {
      expect((await app.inject('/%61pi/pengguna')).statusCode).toBe(401);
      expect((await app.inject({ url: '/a%70i/pengguna', headers: headersOf.pembaca })).json().code).toBe('FORBIDDEN');
      expect((await app.inject({ url: '/%61pi/pengguna', headers: headersOf.admin })).statusCode).toBe(203);
      expect(reached).toEqual(['GET /api/pengguna']);

      const odd = `/%61pi/pengguna/1/reset-sandi?uji=${process.pid}`;
      expect((await app.inject({ method: 'POST', url: odd })).statusCode).toBe(401);
      expect((await app.inject({ method: 'POST', url: odd, headers: headersOf.pembaca })).statusCode).toBe(403);
      expect(
        (await app.inject({ method: 'POST', url: `/API/pengguna?uji=${process.pid}`, headers: headersOf.admin }))
          .statusCode,
      ).toBe(404);
      const { rows } = await database.pool.query(
        `select username, path, status from audit_log where path like $1 order by id`,
        [`%uji=${process.pid}`],
      );
      expect(rows).toEqual([
        { username: null, path: odd, status: 401 },
        { username: `rute-pembaca-${process.pid}`, path: odd, status: 403 },
        { username: `rute-admin-${process.pid}`, path: `/API/pengguna?uji=${process.pid}`, status: 404 },
      ]);
    } finally {
      await app.close();
    }
  });

  it('an immutable geometry answer through an odd spelling is still private while reading needs an account', async () => {
    const { app } = await spiedApp('signed-in');
    const real = await buildApp({
      database,
      config: { signInLimitPerMinute: 1_000_000, webDist: dist, readAccess: 'signed-in' },
    });
    try {
      const res = await real.inject({
        url: '/%61pi/geometry/uji-v1/99.01/children.geojson',
        headers: headersOf.pembaca,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect((await real.inject({ url: '/a%70i/pengguna', headers: headersOf.admin })).headers['cache-control']).toBe(
        'no-store',
      );
    } finally {
      await app.close();
      await real.close();
    }
  });
});

describe('deny by default', () => {
  it('the server refuses to start when a route under /api does not say who may use it', async () => {
    const strip = (route: RouteOptions) => {
      if (route.url === '/api/wilayah/:kode') route.config = { ...route.config, access: undefined };
    };
    await expect(
      buildApp({ database, config: { signInLimitPerMinute: 1_000_000, webDist: dist }, observeRoute: strip }),
    ).rejects.toThrow('Rute GET /api/wilayah/:kode tidak menyatakan config.access');
  });

  it('…or lets a write follow the read policy', async () => {
    const loosen = (route: RouteOptions) => {
      if (route.url === '/api/pengguna' && route.method === 'POST') route.config = { ...route.config, access: 'read' };
    };
    await expect(
      buildApp({ database, config: { signInLimitPerMinute: 1_000_000, webDist: dist }, observeRoute: loosen }),
    ).rejects.toThrow('Rute tulis POST /api/pengguna tidak boleh memakai access "read"');
  });
});
