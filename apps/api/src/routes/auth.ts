// Sign-in, sign-out, the session (who am I, where do I land) and one's own password. Sign-in is limited twice: every
// request per address by @fastify/rate-limit, and failures per address × login name by growing waits kept in the
// database (data/accounts/throttle.ts) — never per name alone, so nobody can lock somebody else out.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '@peta/db';
import { ChangePasswordBodySchema, ErrorSchema, SessionSchema, SignInBodySchema, type Session } from '@peta/domain/contract';
import { homeWilayah, normaliseUsername, ROLE_INFO } from '@peta/domain';
import {
  AccountError, claimSignIn, decoyHash, endSession, findUserByUsername, scopeLabel, scopeOf, SESSION_DAYS, setPassword, signInSucceeded,
  startSession, throttleAddress, verifyPassword, writeAudit, type DemoAccount,
} from '@peta/data/accounts';
import { body, HttpError } from '../plugins/errors.ts';
import { actorOf, SESSION_COOKIE, type ReadAccess, type SessionCache, type SignedIn } from '../auth/access.ts';

export interface AuthOptions {
  database: Database;
  sessions: SessionCache;
  readAccess: ReadAccess;
  /** Secure cookies: 'auto' = when the request came over https (behind a proxy: TRUST_PROXY). */
  cookieSecure: 'auto' | boolean;
  demoAccounts: DemoAccount[];
  signInLimitPerMinute: number;
  /** The clock of the sign-in throttle (tests move it). */
  now: () => Date;
}

/** "2 menit", "45 detik": how long to wait, for the message. */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} detik` : `${Math.ceil(seconds / 60)} menit`;
}

export const authRoutes = (options: AuthOptions): FastifyPluginAsyncTypebox => async (app) => {
  const { database, sessions } = options;
  const demoAccounts = options.demoAccounts.map((a) => ({ username: a.username, nama: a.nama, roleLabel: ROLE_INFO[a.role].labelId, wilayah: a.wilayah }));

  async function describe(auth: SignedIn | null): Promise<Session> {
    const base = { readAccess: options.readAccess, demoAccounts };
    if (!auth) return { ...base, user: null, csrfToken: null };
    const u = auth.user;
    return {
      ...base,
      csrfToken: auth.csrfToken,
      user: {
        id: u.id, username: u.username, nama: u.nama, role: u.role, roleLabel: ROLE_INFO[u.role].labelId,
        capabilities: [...ROLE_INFO[u.role].capabilities], scopeKode: u.scopeKode, scopePuskesmas: u.scopePuskesmas,
        scopeLabel: await scopeLabel(database, u), scopeDesa: auth.scope.kind === 'puskesmas' ? [...auth.scope.desa].sort() : [],
        scopeKabupaten: auth.scope.kind === 'puskesmas' ? auth.scope.kabupaten : null,
        home: homeWilayah(auth.scope), mustChangePassword: u.mustChangePassword, demo: u.demo,
      },
    };
  }

  const secure = (request: FastifyRequest) => (options.cookieSecure === 'auto' ? request.protocol === 'https' : options.cookieSecure);
  const clearCookie = (request: FastifyRequest, reply: FastifyReply) =>
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(request) });

  app.get('/api/auth/sesi', {
    config: { access: 'public' },
    schema: { tags: ['akun'], summary: 'Sesi saat ini: pengguna (atau null), token CSRF, kebijakan baca, akun contoh', response: { 200: SessionSchema } },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return describe(request.auth);
  });

  app.post('/api/auth/masuk', {
    config: { access: 'public', ownAudit: true, rateLimit: { max: options.signInLimitPerMinute, timeWindow: '1 minute' } },
    schema: { tags: ['akun'], summary: 'Masuk dengan nama pengguna dan kata sandi (cookie sesi HttpOnly)', body: SignInBodySchema,
      response: { 200: SessionSchema, 401: ErrorSchema, 429: ErrorSchema } },
  }, async (request, reply) => {
    const username = normaliseUsername(request.body.username);
    const audit = { username, method: 'POST', path: '/api/auth/masuk', ip: request.ip, requestId: request.id };
    // The password is not even looked at while this address waits for this name: waiting attempts are no guesses.
    const throttle = { address: throttleAddress(request.ip), username };
    const claim = await claimSignIn(database, throttle, options.now());
    if (!claim.ok) {
      await writeAudit(database, { ...audit, action: 'masuk_gagal', status: 429, detail: { alasan: 'diperlambat', tunggu_detik: claim.retryAfterSeconds } });
      return reply.code(429).header('retry-after', String(claim.retryAfterSeconds)).send(body(429, 'SIGN_IN_THROTTLED',
        `Terlalu banyak percobaan masuk yang gagal untuk akun ini dari alamat Anda. Coba lagi dalam ${waitText(claim.retryAfterSeconds)}, atau minta admin mengatur ulang kata sandi.`));
    }
    const user = await findUserByUsername(database, username);
    // An unknown name costs the same hashing time as a known one: the answer's timing does not tell which exist.
    const ok = await verifyPassword(user?.passwordHash ?? await decoyHash(), request.body.password);
    if (!user || !ok || !user.aktif) {
      await writeAudit(database, { ...audit, userId: user?.id ?? null, action: 'masuk_gagal', status: 401,
        detail: { alasan: !user ? 'tidak dikenal' : !ok ? 'sandi salah' : 'nonaktif' } });
      throw new HttpError(401, 'SIGN_IN_FAILED', 'Nama pengguna atau kata sandi salah.');
    }
    await signInSucceeded(database, throttle, options.now());
    const session = await startSession(database, user.id, { ip: request.ip, userAgent: request.headers['user-agent'] });
    await writeAudit(database, { ...audit, userId: user.id, action: 'masuk', status: 200 });
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: secure(request), maxAge: SESSION_DAYS * 86_400,
    }).header('cache-control', 'no-store');
    const scope = await scopeOf(database, user);
    return describe({ user, scope, csrfToken: session.csrfToken, token: session.token, actor: { username: user.username, role: user.role, scope } });
  });

  app.post('/api/auth/keluar', {
    config: { access: 'signed-in', ownAudit: true },
    schema: { tags: ['akun'], summary: 'Keluar: sesi ini berakhir', response: { 200: SessionSchema, 401: ErrorSchema, 403: ErrorSchema } },
  }, async (request, reply) => {
    const auth = actorOf(request);
    await endSession(database, auth.token);
    sessions.forget(auth.token);
    await writeAudit(database, { userId: auth.user.id, username: auth.user.username, action: 'keluar', method: 'POST', path: '/api/auth/keluar', status: 200, ip: request.ip, requestId: request.id });
    clearCookie(request, reply);
    return describe(null);
  });

  app.post('/api/auth/sandi', {
    config: { access: 'signed-in' },
    schema: { tags: ['akun'], summary: 'Ganti kata sandi sendiri (sesi lain berakhir; sesi ini tetap)', body: ChangePasswordBodySchema,
      response: { 200: SessionSchema, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema } },
  }, async (request, reply) => {
    const auth = actorOf(request);
    if (!(await verifyPassword(auth.user.passwordHash, request.body.current))) {
      throw new HttpError(400, 'WRONG_PASSWORD', 'Kata sandi saat ini salah.');
    }
    try {
      await setPassword(database, auth.user.id, request.body.baru, false);
    } catch (e) {
      if (e instanceof AccountError) throw new HttpError(400, e.code, e.message);
      throw e;
    }
    // setPassword ended every session, this one too: start a fresh one for this browser.
    sessions.forgetUser(auth.user.id);
    const user = (await findUserByUsername(database, auth.user.username))!;
    const session = await startSession(database, user.id, { ip: request.ip, userAgent: request.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(request), maxAge: SESSION_DAYS * 86_400 });
    return describe({ ...auth, user, csrfToken: session.csrfToken, token: session.token });
  });
};
