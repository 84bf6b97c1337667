// Sign-in, sessions, the read policy and account management (issue 9), against the real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@peta/server-core';
import { childrenGeometryPath } from '@peta/domain/contract';
import { loadTinyValues } from './fixtures/tiny-values.ts';
import { buildApp } from '../src/app.ts';
import { buildTestApp, signIn, useApp } from './helper.ts';

const ctx = useApp(loadTinyValues, { readAccess: 'signed-in' });
const PASSWORD = 'kuda-lari-pagi-hari';
let serial = 0;

async function newUser(role: 'viewer' | 'camat' = 'viewer') {
  const username = `akun-${process.pid}-${++serial}`;
  const user = await createUser(ctx.database, {
    username,
    nama: `Akun ${serial}`,
    role,
    scopeKode: role === 'camat' ? '99.01.01' : '',
    password: PASSWORD,
    createdBy: 'uji',
  });
  return { username, id: user.id };
}
const masuk = (username: string, password: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/masuk', payload: { username, password }, headers });
const sessionOf = (res: Awaited<ReturnType<typeof masuk>>) => ({
  cookie: `peta_sesi=${res.cookies.find((c) => c.name === 'peta_sesi')!.value}`,
  'x-csrf-token': res.json().csrfToken as string,
});

describe('read policy "signed-in" (the default)', () => {
  it('anonymous: data and the API description answer 401 in Bahasa Indonesia; health (status only) and the session route are open', async () => {
    for (const url of [
      '/api/nilai?indikator=KIA_K1&periode=2026-09&wilayah=99.01.01',
      '/api/wilayah',
      '/api/meta',
      '/api/impor',
      '/api/docs/json',
      '/api/docs/',
    ]) {
      const res = await ctx.app.inject(url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toEqual({
        statusCode: 401,
        code: 'SIGN_IN_REQUIRED',
        error: 'Unauthorized',
        message: 'Silakan masuk terlebih dahulu.',
      });
    }
    const health = await ctx.app.inject('/api/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const session = await ctx.app.inject('/api/auth/sesi');
    expect(session.json()).toEqual({ user: null, csrfToken: null, readAccess: 'signed-in', demoAccounts: [] });
  });

  it("signed in: data answers, and immutable geometry may only sit in the browser's own cache", async () => {
    const viewer = await signIn(ctx.app, ctx.database, 'viewer');
    expect((await ctx.app.inject({ url: '/api/wilayah', headers: viewer.headers })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/docs/json', headers: viewer.headers })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/health', headers: viewer.headers })).json()).toMatchObject({
      status: 'ok',
      version: '0.1.0',
    });
    const meta = (await ctx.app.inject({ url: '/api/meta', headers: viewer.headers })).json();
    const geometry = await ctx.app.inject({
      url: childrenGeometryPath(meta.geometryVersion, '99.01'),
      headers: viewer.headers,
    });
    expect(geometry.statusCode).toBe(200);
    expect(geometry.headers['cache-control']).toBe('private, max-age=31536000, immutable');
  });
});

describe('sign-in', () => {
  it('sets an HttpOnly SameSite=Lax cookie (not Secure over plain http) and stores only hashes', async () => {
    const { username } = await newUser();
    const res = await masuk(`  ${username.toUpperCase()} `, PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'peta_sesi')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.json().user).toMatchObject({
      username,
      role: 'viewer',
      roleLabel: 'Pembaca',
      capabilities: [],
      scopeLabel: 'seluruh Indonesia',
      home: null,
    });
    const {
      rows: [stored],
    } = await ctx.database.pool.query(
      `select u.password_hash, s.token_hash from app_user u join app_session s on s.user_id = u.id where u.username = $1`,
      [username],
    );
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$/);
    expect(stored.token_hash).not.toBe(cookie.value);
  });

  it('a wrong password or unknown name gets the same answer; both are in the audit log', async () => {
    const { username } = await newUser();
    const wrong = await masuk(username, 'bukan-sandinya-sama-sekali');
    const unknown = await masuk(`tidak-ada-${process.pid}`, PASSWORD);
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'SIGN_IN_FAILED', message: 'Nama pengguna atau kata sandi salah.' });
    }
    const { rows } = await ctx.database.pool.query(
      `select username, action, status, detail from audit_log where username in ($1, $2) order by id`,
      [username, `tidak-ada-${process.pid}`],
    );
    expect(rows).toEqual([
      { username, action: 'masuk_gagal', status: 401, detail: { alasan: 'sandi salah' } },
      { username: `tidak-ada-${process.pid}`, action: 'masuk_gagal', status: 401, detail: { alasan: 'tidak dikenal' } },
    ]);
  });
});

describe('sessions and passwords', () => {
  it('signing out ends the session at once', async () => {
    const viewer = await signIn(ctx.app, ctx.database, 'viewer');
    const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/keluar', headers: viewer.headers });
    expect(out.statusCode).toBe(200);
    expect(out.json().user).toBeNull();
    expect((await ctx.app.inject({ url: '/api/wilayah', headers: viewer.headers })).statusCode).toBe(401);
  });

  it("changing one's password: the current one is asked for, the rules are explained, other sessions end", async () => {
    const { username } = await newUser();
    const first = sessionOf(await masuk(username, PASSWORD));
    const second = sessionOf(await masuk(username, PASSWORD));
    const change = (next: string, current = PASSWORD) =>
      ctx.app.inject({ method: 'POST', url: '/api/auth/sandi', headers: first, payload: { current, new: next } });
    expect((await change('sandi-baru-yang-panjang', 'salah')).json()).toMatchObject({
      code: 'WRONG_PASSWORD',
      message: 'Kata sandi saat ini salah.',
    });
    expect((await change('pendek')).json()).toMatchObject({
      code: 'INVALID_PASSWORD',
      message: 'Kata sandi paling sedikit 10 karakter.',
    });
    const ok = await change('sandi-baru-yang-panjang');
    expect(ok.statusCode).toBe(200);
    // This browser carries on with a new session; the other one is out.
    const renewed = sessionOf(ok);
    expect((await ctx.app.inject({ url: '/api/wilayah', headers: renewed })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/wilayah', headers: second })).statusCode).toBe(401);
    expect((await masuk(username, 'sandi-baru-yang-panjang')).statusCode).toBe(200);
  });
});

describe('revoking sessions at once (issue 14)', () => {
  const meeting = { jenis: 'lokmin_bulanan', tanggal: '2026-10-05', wilayah: '99.01.01', periode: '2026-09' };
  it('a password change stops the other sessions at once: reads and writes here, writes in another API process too', async () => {
    const { username } = await newUser('camat');
    const first = sessionOf(await masuk(username, PASSWORD));
    const second = sessionOf(await masuk(username, PASSWORD));
    // A second process on the same database, with its own session cache.
    const other = await buildApp({
      database: ctx.database,
      config: { signInLimitPerMinute: 1_000_000, webDist: '/nonexistent', readAccess: 'signed-in' },
      now: () => new Date('2026-11-15T12:00:00Z'),
    });
    try {
      for (const app of [ctx.app, other])
        expect((await app.inject({ url: '/api/wilayah', headers: second })).statusCode).toBe(200);
      const changed = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/sandi',
        headers: first,
        payload: { current: PASSWORD, new: 'sandi-baru-sesudah-curiga' },
      });
      expect(changed.statusCode).toBe(200);
      // Well within the 5 s a read may rely on a cached lookup:
      expect((await ctx.app.inject({ url: '/api/wilayah', headers: second })).statusCode).toBe(401);
      for (const app of [ctx.app, other]) {
        const write = await app.inject({ method: 'POST', url: '/api/rapat', headers: second, payload: meeting });
        expect(write.statusCode).toBe(401);
      }
      // The browser that changed it carries on.
      expect(
        (await other.inject({ method: 'POST', url: '/api/rapat', headers: sessionOf(changed), payload: meeting }))
          .statusCode,
      ).toBe(201);
    } finally {
      await other.close();
    }
  });

  it('an admin deactivating a user stops their writes at once, in every process', async () => {
    const { username, id } = await newUser('camat');
    const session = sessionOf(await masuk(username, PASSWORD));
    const other = await buildApp({
      database: ctx.database,
      config: { signInLimitPerMinute: 1_000_000, webDist: '/nonexistent', readAccess: 'signed-in' },
      now: () => new Date('2026-11-15T12:00:00Z'),
    });
    try {
      expect((await other.inject({ url: '/api/wilayah', headers: session })).statusCode).toBe(200);
      expect(
        (
          await ctx.app.inject({
            method: 'PATCH',
            url: `/api/pengguna/${id}`,
            headers: ctx.admin.headers,
            payload: { aktif: false },
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (await other.inject({ method: 'POST', url: '/api/rapat', headers: session, payload: meeting })).statusCode,
      ).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('user management by the admin', () => {
  it('creates a user with a generated password that must be changed before any write', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/pengguna',
      headers: ctx.admin.headers,
      payload: { username: `camat-${process.pid}`, nama: 'Camat Satu', role: 'camat', scopeKode: '99.01.01' },
    });
    expect(created.statusCode).toBe(201);
    const { user, password } = created.json();
    expect(user).toMatchObject({
      role: 'camat',
      scopeKode: '99.01.01',
      mustChangePassword: true,
      createdBy: ctx.admin.username,
    });
    expect(new Date(user.createdAt).toISOString()).toBe(user.createdAt);
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const camat = sessionOf(await masuk(user.username, password));
    const meeting = { jenis: 'lokmin_bulanan', tanggal: '2026-10-05', wilayah: '99.01.01', periode: '2026-09' };
    const blocked = await ctx.app.inject({ method: 'POST', url: '/api/rapat', headers: camat, payload: meeting });
    expect(blocked.json()).toMatchObject({ statusCode: 403, code: 'PASSWORD_CHANGE_REQUIRED' });
    const changed = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sandi',
      headers: camat,
      payload: { current: password, new: 'pilihan-camat-sendiri' },
    });
    expect(changed.json().user).toMatchObject({
      mustChangePassword: false,
      home: '99.01.01',
      scopeLabel: 'Kecamatan Satu',
    });
    expect(
      (await ctx.app.inject({ method: 'POST', url: '/api/rapat', headers: sessionOf(changed), payload: meeting }))
        .statusCode,
    ).toBe(201);
  });

  it('explains a scope that does not fit the role, and a name already taken', async () => {
    const post = (payload: object) =>
      ctx.app.inject({ method: 'POST', url: '/api/pengguna', headers: ctx.admin.headers, payload });
    expect(
      (await post({ username: 'dinkes-x', nama: 'X', role: 'dinkes_kabupaten', scopeKode: '99' })).json(),
    ).toMatchObject({
      statusCode: 400,
      code: 'INVALID_SCOPE',
      message: 'Peran Dinas Kesehatan Kabupaten/Kota memerlukan kode kabupaten (mis. 12.10).',
    });
    expect(
      (await post({ username: 'pkm-x', nama: 'X', role: 'puskesmas', scopePuskesmas: 'TIDAK-ADA' })).json(),
    ).toMatchObject({ code: 'INVALID_SCOPE', message: 'Puskesmas dengan kode TIDAK-ADA tidak ditemukan.' });
    expect((await post({ username: 'Ada Spasi', nama: 'X', role: 'viewer' })).json().code).toBe('INVALID_USERNAME');
    expect((await post({ username: ctx.admin.username, nama: 'X', role: 'viewer' })).json()).toMatchObject({
      statusCode: 409,
      code: 'USERNAME_TAKEN',
    });
  });

  it('deactivating a user or resetting the password ends their sessions; the last admin cannot be removed', async () => {
    const { username, id } = await newUser();
    const session = sessionOf(await masuk(username, PASSWORD));
    const reset = await ctx.app.inject({
      method: 'POST',
      url: `/api/pengguna/${id}/reset-sandi`,
      headers: ctx.admin.headers,
    });
    expect(reset.json().user.mustChangePassword).toBe(true);
    expect((await ctx.app.inject({ url: '/api/wilayah', headers: session })).statusCode).toBe(401);
    const again = sessionOf(await masuk(username, reset.json().password));
    const off = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/pengguna/${id}`,
      headers: ctx.admin.headers,
      payload: { aktif: false },
    });
    expect(off.json()).toMatchObject({ aktif: false });
    expect((await ctx.app.inject({ url: '/api/wilayah', headers: again })).statusCode).toBe(401);
    expect((await masuk(username, reset.json().password)).statusCode).toBe(401);

    // Other test files left admins in this database: for this check the admin of this file is the only active one.
    const others = (
      await ctx.database.pool.query(`select id from app_user where role = 'admin' and aktif and username <> $1`, [
        ctx.admin.username,
      ])
    ).rows;
    const self = (await ctx.database.pool.query(`select id from app_user where username = $1`, [ctx.admin.username]))
      .rows[0];
    await ctx.database.pool.query(`update app_user set aktif = false where id = any($1)`, [others.map((a) => a.id)]);
    try {
      const last = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/pengguna/${self.id}`,
        headers: ctx.admin.headers,
        payload: { role: 'viewer', scopeKode: '' },
      });
      expect(last.json()).toMatchObject({ statusCode: 409, code: 'LAST_ADMIN' });
    } finally {
      await ctx.database.pool.query(`update app_user set aktif = true where id = any($1)`, [others.map((a) => a.id)]);
    }
  });

  it('the audit log lists sign-ins and account changes, newest first, for admins only', async () => {
    const log = await ctx.app.inject({ url: '/api/audit?limit=50', headers: ctx.admin.headers });
    const actions = new Set(log.json().map((e: { action: string }) => e.action));
    expect(log.json().every((e: { at: string }) => new Date(e.at).toISOString() === e.at)).toBe(true);
    for (const a of ['masuk', 'masuk_gagal', 'keluar', 'pengguna', 'sandi', 'tulis']) expect(actions, a).toContain(a);
    const viewer = await signIn(ctx.app, ctx.database, 'viewer');
    const refused = await ctx.app.inject({ url: '/api/audit', headers: viewer.headers });
    expect(refused.json()).toMatchObject({
      statusCode: 403,
      code: 'FORBIDDEN',
      message: 'Peran Pembaca tidak berwenang mengelola pengguna.',
    });
  });
});

describe('behind a reverse proxy (TRUST_PROXY)', () => {
  const proxied = useApp(undefined, { trustProxy: true });
  it('a request that came over https gets a Secure cookie, and the client address is the forwarded one', async () => {
    const { username } = await newUser();
    const res = await proxied.app.inject({
      method: 'POST',
      url: '/api/auth/masuk',
      payload: { username, password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
    });
    expect(res.cookies.find((c) => c.name === 'peta_sesi')).toMatchObject({ secure: true, httpOnly: true });
    const {
      rows: [row],
    } = await proxied.database.pool.query(`select ip from audit_log where username = $1 and action = 'masuk'`, [
      username,
    ]);
    expect(row.ip).toBe('203.0.113.9');
  });
});

describe('rate limit per address', () => {
  // The count is kept in the database, shared with every app on it (the other apps of this file sign in from
  // 127.0.0.1 too): these apps take their address from X-Forwarded-For, and each test uses an address of its own.
  type App = Awaited<ReturnType<typeof buildTestApp>>;
  const limited = {} as { app: App; other: App };
  beforeAll(async () => {
    limited.app = await buildTestApp(ctx.database, { signInLimitPerMinute: 3, trustProxy: true });
    limited.other = await buildTestApp(ctx.database, { signInLimitPerMinute: 3, trustProxy: true });
  });
  afterAll(async () => {
    await limited.app?.close();
    await limited.other?.close();
  });
  const masuk = (app: App, address: string, username: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/masuk',
      headers: { 'x-forwarded-for': address },
      payload: { username, password: 'x' },
    });

  it('the 4th sign-in request within a minute from one address answers 429, whatever the name', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await masuk(limited.app, '198.51.100.23', `tidak-ada-${i}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const last = await masuk(limited.app, '198.51.100.23', 'siapa');
    expect(last.json()).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    expect(last.json().message).toMatch(/^Terlalu banyak permintaan. Coba lagi dalam \d+ detik.$/);
    // Another address is not affected.
    expect((await masuk(limited.app, '198.51.100.99', 'siapa')).statusCode).toBe(401);
  });
  it('is counted in the database: a second app on the same database (another API process) continues the count', async () => {
    const statuses = [];
    for (const app of [limited.app, limited.other, limited.app, limited.other])
      statuses.push((await masuk(app, '198.51.100.24', 'siapa')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const { rows } = await ctx.database.pool.query(
      `select key, requests from request_rate where key like '%198.51.100.24'`,
    );
    expect(rows).toEqual([{ key: 'POST /api/auth/masuk 198.51.100.24', requests: 4 }]);
  });
});
