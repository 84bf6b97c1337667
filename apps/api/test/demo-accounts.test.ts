// Demo accounts do not survive a start without demo data (issue 14, item 7): their shared password has been printed
// in logs, so a start with DEMO_DATA=false on the same database deactivates them, ends their sessions, writes the
// audit log and says so; a later demo start brings them back with the printed password.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareAccounts } from '@peta/server-core';
import { loadTinyWilayah } from './fixtures/tiny-wilayah.ts';
import { useApp } from './helper.ts';

const ctx = useApp(loadTinyWilayah, { readAccess: 'signed-in' });
const DEMO_PASSWORD = 'sandi-contoh-uji-2026';
const dataDir = mkdtempSync(join(tmpdir(), 'peta-demo-akun-'));
const start = async (demoData: boolean) => {
  const lines: string[] = [];
  const accounts = await prepareAccounts(ctx.database, { demoData, dataDir, demoPassword: DEMO_PASSWORD }, (m) =>
    lines.push(m),
  );
  return { accounts, lines };
};
const masuk = (username: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/masuk', payload: { username, password: DEMO_PASSWORD } });

afterAll(async () => {
  // The demo names (admin, pembaca, …) are global: leave the shared test database without them.
  await ctx.database.pool.query(`delete from app_session where user_id in (select id from app_user where demo);
    delete from audit_log where user_id in (select id from app_user where demo); delete from app_user where demo`);
});

describe('demo accounts and DEMO_DATA', () => {
  it('a start with DEMO_DATA=false deactivates them, ends their sessions and says so; a demo start brings them back', async () => {
    const demo = await start(true);
    const names = demo.accounts.map((a) => a.username).sort();
    expect(names).toContain('admin');
    expect(names).toContain('pembaca');
    expect(demo.lines[0]).toBe(`Akun contoh (kata sandi semuanya: ${DEMO_PASSWORD}, dari DEMO_PASSWORD):`);
    const signedIn = await masuk('admin');
    expect(signedIn.statusCode).toBe(200);
    const cookie = `peta_sesi=${signedIn.cookies.find((c) => c.name === 'peta_sesi')!.value}`;

    const listed = async () =>
      (await ctx.app.inject({ url: '/api/auth/sesi' }))
        .json()
        .demoAccounts.map((a: { username: string }) => a.username);
    expect(await listed()).toContain('admin');

    const production = await start(false);
    // The sign-in page of the running app stops listing them at once (no process keeps its own copy).
    expect(await listed()).toEqual([]);
    expect(production.accounts).toEqual([]);
    expect(production.lines).toEqual([
      `DEMO_DATA=false: ${names.length} akun contoh dinonaktifkan (${names.join(', ')}); kata sandi contoh tidak berlaku lagi. ` +
        'Akun itu aktif kembali hanya bila aplikasi dijalankan lagi dengan DEMO_DATA=true.',
    ]);
    expect((await masuk('admin')).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/api/wilayah', headers: { cookie } })).statusCode).toBe(401);
    const { rows: active } = await ctx.database.pool.query(`select username from app_user where demo and aktif`);
    expect(active).toEqual([]);
    const {
      rows: [entry],
    } = await ctx.database.pool.query(
      `select username, detail from audit_log where action = 'pengguna' and username = 'sistem' order by id desc limit 1`,
    );
    expect(entry).toEqual({ username: 'sistem', detail: { nonaktif_akun_contoh: names, alasan: 'DEMO_DATA=false' } });
    // Accounts that are not demo accounts are left alone (the test admin of this file still works).
    expect((await ctx.app.inject({ url: '/api/pengguna', headers: ctx.admin.headers })).statusCode).toBe(200);

    // Nothing left to deactivate: the next start says nothing about them. Without any active admin it says how to
    // make one — under a name the inactive demo admin does not hold.
    expect((await start(false)).lines).toEqual([]);
    const { rows: admins } = await ctx.database.pool.query(
      `update app_user set aktif = false where role = 'admin' and aktif returning id`,
    );
    try {
      expect((await start(false)).lines).toEqual([
        'Belum ada admin aktif. Buat yang pertama: pnpm cli pengguna tambah --nama-pengguna=admin.utama --peran=admin',
      ]);
    } finally {
      await ctx.database.pool.query(`update app_user set aktif = true where id = any($1)`, [admins.map((a) => a.id)]);
    }
    await start(true);
    expect((await masuk('admin')).statusCode).toBe(200);
  });
});
