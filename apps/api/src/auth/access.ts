// Who is asking, and may they? Decided on the MATCHED route, never on the URL as sent: the router decodes the path
// (`/%61pi/pengguna` is `/api/pengguna`), so a check on the raw URL can be walked around by spelling it differently.
//  1. Every route under /api declares its access in config.access (RouteAccess below); the server refuses to start
//     when one does not (deny by default). Plugins that add routes of their own (the API description) get theirs
//     declared for the whole plugin with `declarePluginAccess`.
//  2. onRequest, before the body is read: the session cookie → the signed-in user; then 401 when signing in is
//     needed, 403 when the role lacks the capability; every write also needs the session's CSRF token and, when the
//     browser names an Origin, this server's.
//  3. Handlers that write call `authorize(request, capability, target)` with what they touch → 403 outside the scope.
// The audit log entry of a write and the cache headers of a read are decided on the matched route too.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Database } from '@peta/db';
import {
  CAPABILITIES,
  CAPABILITY_LABEL,
  decide,
  hasCapability,
  ROLE_INFO,
  seesExactCounts,
  type Capability,
  type Target,
} from '@peta/domain';
import { writeAudit } from '@peta/server-core';
import { HttpError } from '../plugins/errors.ts';
import type { SessionCache, SignedIn } from './session-cache.ts';

export { sessionCache, type SessionCache, type SignedIn } from './session-cache.ts';

export const SESSION_COOKIE = 'peta_sesi';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Who may use a route:
 *  'public'    anyone, also without an account (sign-in, the session, health);
 *  'read'      reads only: the read policy READ_ACCESS decides (anyone, or any signed-in user);
 *  'signed-in' any signed-in user (sign-out, one's own password);
 *  a capability — a signed-in user whose role has it (writes then check the wilayah they touch in the handler).
 */
export type RouteAccess = 'public' | 'read' | 'signed-in' | Capability;
const ROUTE_ACCESS: readonly string[] = ['public', 'read', 'signed-in', ...CAPABILITIES];

export type ReadAccess = 'signed-in' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Sign-in and sign-out write their own audit entries (with the name typed); the generic write entry is skipped. */
    ownAudit?: boolean;
  }
  interface FastifyRequest {
    auth: SignedIn | null;
  }
  interface FastifyInstance {
    /** Every route under /api with its declared access (the access tests walk them all). */
    apiRoutes: ApiRoute[];
  }
}

export interface ApiRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isWrite = (method: string) => WRITE_METHODS.has(method);

/** Is a route pattern (as registered, e.g. `/api/wilayah/:kode`) part of the API? */
export const isApiPath = (path: string | undefined) =>
  path !== undefined && (path === '/api' || path.startsWith('/api/'));

const unauthorized = () => new HttpError(401, 'SIGN_IN_REQUIRED', 'Silakan masuk terlebih dahulu.');
const forbidden = (code: string, message: string) => new HttpError(403, code, message);

/** The access of routes that a plugin registers itself (e.g. @fastify/swagger-ui's page, files and /json). */
const PLUGIN_ACCESS = 'pluginRouteAccess';

/** Declares the access of every route a plugin registered inside `instance` adds (call before registering it). */
export function declarePluginAccess(instance: FastifyInstance, access: RouteAccess) {
  instance.decorate(PLUGIN_ACCESS, access);
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A browser sends Origin on cross-site writes; when it is there it must name this server. */
function crossSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return Boolean(origin);
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/** Checks a route's declaration at registration; returns the access it runs with. */
function declaredAccess(route: RouteOptions, pluginAccess: RouteAccess | undefined): RouteAccess {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const access = route.config?.access ?? pluginAccess;
  const name = `${methods.join(',')} ${route.url}`;
  if (!access)
    throw new Error(
      `Rute ${name} tidak menyatakan config.access (siapa boleh membaca/menulis): server tidak dijalankan.`,
    );
  if (!ROUTE_ACCESS.includes(access))
    throw new Error(`Rute ${name}: config.access "${access}" tidak dikenal (${ROUTE_ACCESS.join(', ')}).`);
  if (access === 'read' && methods.some(isWrite))
    throw new Error(`Rute tulis ${name} tidak boleh memakai access "read": menulis selalu perlu akun.`);
  return access;
}

/** May a response of a route with this access sit in shared caches (proxies)? Only when anyone may read it. */
export function shareable(access: RouteAccess, readAccess: ReadAccess): boolean {
  return access === 'public' || (access === 'read' && readAccess === 'public');
}

export function registerAccess(
  app: FastifyInstance,
  options: { sessions: SessionCache; readAccess: ReadAccess; database: Database },
) {
  app.decorateRequest('auth', null);

  const apiRoutes: ApiRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', function (route) {
    if (!isApiPath(route.url)) return;
    const access = declaredAccess(route, (this as unknown as Record<string, RouteAccess | undefined>)[PLUGIN_ACCESS]);
    route.config = { ...route.config, access };
    // A plugin's root route ('/' under a prefix) also gets a twin ending in '/' that Fastify registers without
    // calling onRoute; it shares these options (and so this declaration), and is listed too.
    const urls =
      route.routePath === '' && route.prefix && (route.prefixTrailingSlash ?? 'both') === 'both'
        ? [route.url!, `${route.url}/`]
        : [route.url!];
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      for (const url of urls) apiRoutes.push({ method, url, access });
    }
  });

  /** The route's decision once `request.auth` is known: throws the 401 or 403. */
  function check(request: FastifyRequest, access: RouteAccess, write: boolean) {
    if (write && crossSite(request)) throw forbidden('CROSS_SITE', 'Permintaan dari situs lain ditolak.');
    if (access === 'public') return;
    const auth = request.auth;
    if (!auth) {
      if (access === 'read' && options.readAccess === 'public') return;
      throw unauthorized();
    }
    if (write) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameText(sent, auth.csrfToken)) {
        throw forbidden('CSRF', 'Token keamanan (CSRF) tidak ada atau tidak cocok. Muat ulang halaman lalu coba lagi.');
      }
    }
    if (access !== 'read' && access !== 'signed-in') {
      if (!hasCapability(auth.user.role, access)) {
        throw forbidden(
          'FORBIDDEN',
          `Peran ${ROLE_INFO[auth.user.role].labelId} tidak berwenang ${CAPABILITY_LABEL[access]}.`,
        );
      }
      if (auth.user.mustChangePassword)
        throw forbidden('PASSWORD_CHANGE_REQUIRED', 'Ganti kata sandi Anda terlebih dahulu.');
    }
  }

  // Before the body is read: nobody may make the server receive and parse an upload they may not send. A callback
  // hook, not an async one: a read whose session this process looked up less than CACHE_MS ago (nearly every request
  // of a map view) is decided at once, without a promise per request; any other looks its session up first.
  app.addHook('onRequest', (request, _reply, done) => {
    const access = request.routeOptions.config.access;
    const write = isWrite(request.method);
    const token = request.cookies[SESSION_COOKIE];
    if (!access) {
      // Not an API route: the web app's files, or no route at all (the JSON 404). A route under /api without a
      // declaration cannot exist (refused at start); should one appear anyway, nobody passes.
      if (isApiPath(request.routeOptions.url))
        return done(forbidden('FORBIDDEN', 'Rute ini tidak menyatakan siapa yang boleh memakainya.'));
      // A write to no route is still in the audit log, with who sent it.
      if (!write || !token) return done();
      options.sessions.get(token, { fresh: true }).then((auth) => {
        request.auth = auth;
        done();
      }, done);
      return;
    }
    const needsFresh = write || (access !== 'public' && access !== 'read' && access !== 'signed-in');
    const decide = (auth: SignedIn | null) => {
      request.auth = auth;
      try {
        check(request, access, write);
      } catch (error) {
        return done(error as Error);
      }
      done();
    };
    const known = !token ? null : needsFresh ? undefined : options.sessions.recent(token);
    if (known !== undefined) return decide(known);
    options.sessions.get(token!, { fresh: needsFresh }).then(decide, done);
  });

  // Every write request is in the audit log with who, what (the path as sent) and the result — also the refused ones
  // and those that match no route — written before the answer leaves, so a client that got its answer finds the entry.
  async function audit(request: FastifyRequest, statusCode: number) {
    const user = request.auth?.user;
    try {
      await writeAudit(options.database, {
        userId: user?.id ?? null,
        username: user?.username ?? null,
        action: 'tulis',
        method: request.method,
        path: request.url.slice(0, 500),
        status: statusCode,
        ip: request.ip,
        requestId: request.id,
      });
    } catch (error) {
      request.log.error({ err: error }, 'audit log write failed');
    }
  }

  // One callback hook on every answer (a read passes through without a promise): what not everyone may read must not
  // sit in shared caches (the browser's own cache is fine), and a write waits for its audit entry.
  app.addHook('onSend', (request, reply, payload, done) => {
    const access = request.routeOptions.config.access;
    const cc = reply.getHeader('cache-control');
    if (access && !shareable(access, options.readAccess) && typeof cc === 'string' && cc.startsWith('public')) {
      reply.header('cache-control', cc.replace(/^public/, 'private'));
    }
    if (!isWrite(request.method) || request.routeOptions.config.ownAudit) return done(null, payload);
    void audit(request, reply.statusCode).then(() => done(null, payload));
  });
}

/** The signed-in actor for a write; the route's access config already required it. */
export function actorOf(request: FastifyRequest): SignedIn {
  if (!request.auth) throw unauthorized();
  return request.auth;
}

/** 403 unless the signed-in user may do `capability` on `target` (role and scope). Returns who, for the records. */
export function authorize(request: FastifyRequest, capability: Capability, target: Target | Target[]): string {
  const auth = actorOf(request);
  for (const t of Array.isArray(target) ? target : [target]) {
    const decision = decide(auth.actor, capability, t);
    if (!decision.ok) throw forbidden('OUT_OF_SCOPE', decision.message);
  }
  return auth.user.username;
}

/**
 * 403 unless the reader sees the exact counts of the whole `kode` (issue 18): for answers that carry desa counts as
 * they are, with no protected view (the exchange exports). Anonymous readers, pembaca and other areas are refused.
 */
export function requireExactCounts(request: FastifyRequest, kode: string): void {
  if (!seesExactCounts(request.auth?.actor ?? null, { wilayah: kode })) {
    throw forbidden(
      'EXACT_COUNTS_ONLY',
      `Berkas ini memuat jumlah per desa apa adanya, termasuk jumlah kecil: hanya untuk petugas yang wilayah tugasnya mencakup ${kode}.`,
    );
  }
}

/** For checks per row (imports): the message for a kode outside the signed-in user's scope, else null. */
export function scopeFilter(request: FastifyRequest, capability: Capability): (kode: string) => string | null {
  const auth = actorOf(request);
  return (kode) => {
    const decision = decide(auth.actor, capability, { wilayah: kode });
    return decision.ok ? null : decision.message;
  };
}
