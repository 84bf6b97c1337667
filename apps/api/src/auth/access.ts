// Who is asking, and may they? Every request under /api passes through here:
//  1. the session cookie → the signed-in user and their scope (cached for a few seconds);
//  2. the route's declared access (config.access) → 401 when signing in is needed, 403 when the role lacks the
//     capability; every write also needs the session's CSRF token and a same-origin Origin header;
//  3. handlers that write call `authorize(request, capability, target)` with what they touch → 403 outside the scope.
// A write route that declares no access stops the server at start-up: no route can forget the check.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '@peta/db';
import { CAPABILITY_LABEL, decide, hasCapability, ROLE_INFO, type Actor, type Capability, type Scope, type Target } from '@peta/domain';
import { findSession, scopeOf, writeAudit, type UserRow } from '@peta/data/accounts';
import { HttpError } from '../plugins/errors.ts';

export const SESSION_COOKIE = 'peta_sesi';
export const CSRF_HEADER = 'x-csrf-token';

/** 'public' = anyone; 'signed-in' = any signed-in user; a capability = a role that has it. Reads default to READ_ACCESS. */
export type RouteAccess = 'public' | 'signed-in' | Capability;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    auth: SignedIn | null;
  }
  interface FastifyInstance {
    /** Every write route with its declared access (the access test walks them all). */
    writeRoutes: { method: string; url: string; access: RouteAccess }[];
  }
}

export interface SignedIn {
  user: UserRow;
  scope: Scope;
  actor: Actor;
  csrfToken: string;
  token: string;
}

export type ReadAccess = 'signed-in' | 'public';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isWrite = (method: string) => WRITE_METHODS.has(method);

const unauthorized = () => new HttpError(401, 'SIGN_IN_REQUIRED', 'Silakan masuk terlebih dahulu.');
const forbidden = (code: string, message: string) => new HttpError(403, code, message);

/** Sessions are looked up at most every few seconds per token: a deactivated user is out within CACHE_MS. */
const CACHE_MS = 5_000;

export function sessionCache(database: Database) {
  const cache = new Map<string, { at: number; value: SignedIn | null }>();
  return {
    async get(token: string): Promise<SignedIn | null> {
      const hit = cache.get(token);
      if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
      const session = await findSession(database, token);
      let value: SignedIn | null = null;
      if (session) {
        const scope = await scopeOf(database, session.user);
        value = { user: session.user, scope, csrfToken: session.csrfToken, token, actor: { username: session.user.username, role: session.user.role, scope } };
      }
      if (cache.size > 5_000) cache.clear();
      cache.set(token, { at: Date.now(), value });
      return value;
    },
    forget(token?: string) {
      if (token) cache.delete(token);
      else cache.clear();
    },
  };
}
export type SessionCache = ReturnType<typeof sessionCache>;

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

export function registerAccess(app: FastifyInstance, options: { sessions: SessionCache; readAccess: ReadAccess; database: Database }) {
  app.decorateRequest('auth', null);

  // Every write request is in the audit log with who, what and the result — also the refused ones — written before
  // the answer leaves, so a client that got its answer finds the entry. Sign-in and sign-out write their own
  // entries (with the name typed).
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/') || !isWrite(request.method) || request.url.startsWith('/api/auth/masuk') || request.url.startsWith('/api/auth/keluar')) return payload;
    const user = request.auth?.user;
    try {
      await writeAudit(options.database, {
        userId: user?.id ?? null, username: user?.username ?? null, action: 'tulis', method: request.method,
        path: request.url.slice(0, 500), status: reply.statusCode, ip: request.ip, requestId: request.id,
      });
    } catch (error) {
      request.log.error({ err: error }, 'audit log write failed');
    }
    return payload;
  });

  const writeRoutes: FastifyInstance['writeRoutes'] = [];
  app.decorate('writeRoutes', writeRoutes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!route.url.startsWith('/api/') || !methods.some((m) => isWrite(m))) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Rute tulis ${methods.join(',')} ${route.url} tidak menyatakan config.access.`);
    for (const method of methods.filter(isWrite)) writeRoutes.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await options.sessions.get(token) : null;
  });

  // preHandler: after validation, so a malformed request is a 400 whoever sends it, and the route config is known.
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const access = request.routeOptions.config.access;
    const write = isWrite(request.method);
    if (write && crossSite(request)) throw forbidden('CROSS_SITE', 'Permintaan dari situs lain ditolak.');
    // The API description is no data: readable without an account, like the sign-in page.
    if (access === 'public' || request.url.startsWith('/api/docs')) return;
    const auth = request.auth;
    if (!auth) {
      if (write || access || options.readAccess === 'signed-in') throw unauthorized();
      return;
    }
    if (write) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameText(sent, auth.csrfToken)) {
        throw forbidden('CSRF', 'Token keamanan (CSRF) tidak ada atau tidak cocok. Muat ulang halaman lalu coba lagi.');
      }
    }
    if (access && access !== 'signed-in') {
      if (!hasCapability(auth.user.role, access)) {
        throw forbidden('FORBIDDEN', `Peran ${ROLE_INFO[auth.user.role].labelId} tidak berwenang ${CAPABILITY_LABEL[access]}.`);
      }
      if (auth.user.mustChangePassword) throw forbidden('PASSWORD_CHANGE_REQUIRED', 'Ganti kata sandi Anda terlebih dahulu.');
    }
  });

  // Data behind a sign-in must not sit in shared caches; the browser's own cache is fine.
  if (options.readAccess === 'signed-in') {
    app.addHook('onSend', async (request, reply, payload) => {
      const cc = reply.getHeader('cache-control');
      if (request.url.startsWith('/api/') && typeof cc === 'string' && cc.startsWith('public')) reply.header('cache-control', cc.replace(/^public/, 'private'));
      return payload;
    });
  }
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

/** For checks per row (imports): the message for a kode outside the signed-in user's scope, else null. */
export function scopeFilter(request: FastifyRequest, capability: Capability): (kode: string) => string | null {
  const auth = actorOf(request);
  return (kode) => {
    const decision = decide(auth.actor, capability, { wilayah: kode });
    return decision.ok ? null : decision.message;
  };
}
