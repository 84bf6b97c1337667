// Sign-in, sign-out, the session (who am I, where do I land) and one's own password. Sign-in is limited twice: every
// request per address by @fastify/rate-limit, and failures per address × login name by growing waits kept in the
// database (server-core accounts/throttle.ts) — never per name alone, so nobody can lock somebody else out.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '@peta/db';
import {
  ChangePasswordBodySchema,
  ErrorSchema,
  SessionSchema,
  SignInBodySchema,
  type Session,
} from '@peta/domain/contract';
import { homeWilayah, ROLE_INFO } from '@peta/domain';
import {
  changeOwnPassword,
  demoAccountsLister,
  scopeLabel,
  SESSION_DAYS,
  signIn,
  signOut,
  type NewSession,
} from '@peta/server-core';
import { actorOf, SESSION_COOKIE, type ReadAccess, type SessionCache, type SignedIn } from '../auth/access.ts';

export interface AuthOptions {
  database: Database;
  sessions: SessionCache;
  readAccess: ReadAccess;
  /** Secure cookies: 'auto' = when the request came over https (behind a proxy: TRUST_PROXY). */
  cookieSecure: 'auto' | boolean;
  signInLimitPerMinute: number;
  /** The clock of the sign-in throttle (tests move it). */
  now: () => Date;
}

export const authRoutes =
  (options: AuthOptions): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { database, sessions } = options;
    // The active demo accounts made by the first-start step (data/prepare.ts), read from the database on every call: an
    // admin may deactivate one through any API process. While the database is away the sign-in page still opens, with
    // the list this process read last.
    const listDemoAccounts = demoAccountsLister(database);
    let lastDemoAccounts: Session['demoAccounts'] = [];
    async function listedDemoAccounts(): Promise<Session['demoAccounts']> {
      try {
        lastDemoAccounts = (await listDemoAccounts()).map((a) => ({
          username: a.username,
          nama: a.nama,
          roleLabel: ROLE_INFO[a.role].labelId,
          wilayah: a.wilayah,
        }));
      } catch {
        /* the database is away: the last list */
      }
      return lastDemoAccounts;
    }

    async function describe(auth: SignedIn | null): Promise<Session> {
      const base = { readAccess: options.readAccess, demoAccounts: await listedDemoAccounts() };
      if (!auth) return { ...base, user: null, csrfToken: null };
      const u = auth.user;
      return {
        ...base,
        csrfToken: auth.csrfToken,
        user: {
          id: u.id,
          username: u.username,
          nama: u.nama,
          role: u.role,
          roleLabel: ROLE_INFO[u.role].labelId,
          capabilities: [...ROLE_INFO[u.role].capabilities],
          scopeKode: u.scopeKode,
          scopePuskesmas: u.scopePuskesmas,
          scopeLabel: await scopeLabel(database, u),
          scopeDesa: auth.scope.kind === 'puskesmas' ? [...auth.scope.desa].sort() : [],
          scopeKabupaten: auth.scope.kind === 'puskesmas' ? auth.scope.kabupaten : null,
          home: homeWilayah(auth.scope),
          mustChangePassword: u.mustChangePassword,
          demo: u.demo,
        },
      };
    }

    const secure = (request: FastifyRequest) =>
      options.cookieSecure === 'auto' ? request.protocol === 'https' : options.cookieSecure;
    const setCookie = (request: FastifyRequest, reply: FastifyReply, session: NewSession) =>
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(request),
        maxAge: SESSION_DAYS * 86_400,
      });
    const clearCookie = (request: FastifyRequest, reply: FastifyReply) =>
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(request) });
    const from = (request: FastifyRequest, path: string) => ({
      method: 'POST',
      path,
      ip: request.ip,
      requestId: request.id,
      userAgent: request.headers['user-agent'],
    });

    app.get(
      '/api/auth/sesi',
      {
        config: { access: 'public' },
        schema: {
          tags: ['akun'],
          summary: 'Sesi saat ini: pengguna (atau null), token CSRF, kebijakan baca, akun contoh',
          response: { 200: SessionSchema },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return describe(request.auth);
      },
    );

    app.post(
      '/api/auth/masuk',
      {
        config: {
          access: 'public',
          ownAudit: true,
          rateLimit: { max: options.signInLimitPerMinute, timeWindow: '1 minute' },
        },
        schema: {
          tags: ['akun'],
          summary: 'Masuk dengan nama pengguna dan kata sandi (cookie sesi HttpOnly)',
          body: SignInBodySchema,
          response: { 200: SessionSchema, 401: ErrorSchema, 429: ErrorSchema },
        },
      },
      async (request, reply) => {
        const signedIn = await signIn(database, request.body, from(request, '/api/auth/masuk'), options.now());
        setCookie(request, reply, signedIn.session).header('cache-control', 'no-store');
        return describe({ ...signedIn, token: signedIn.session.token });
      },
    );

    app.post(
      '/api/auth/keluar',
      {
        config: { access: 'signed-in', ownAudit: true },
        schema: {
          tags: ['akun'],
          summary: 'Keluar: sesi ini berakhir',
          response: { 200: SessionSchema, 401: ErrorSchema, 403: ErrorSchema },
        },
      },
      async (request, reply) => {
        const auth = actorOf(request);
        await signOut(database, auth, from(request, '/api/auth/keluar'));
        sessions.forget(auth.token);
        clearCookie(request, reply);
        return describe(null);
      },
    );

    app.post(
      '/api/auth/sandi',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['akun'],
          summary: 'Ganti kata sandi sendiri (sesi lain berakhir; sesi ini tetap)',
          body: ChangePasswordBodySchema,
          response: { 200: SessionSchema, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema },
        },
      },
      async (request, reply) => {
        const auth = actorOf(request);
        const changed = await changeOwnPassword(database, auth, request.body, from(request, '/api/auth/sandi'));
        // Every session of the user ended, this one too: this browser carries the fresh one.
        sessions.forgetUser(auth.user.id);
        setCookie(request, reply, changed.session);
        return describe({ ...changed, token: changed.session.token });
      },
    );
  };
