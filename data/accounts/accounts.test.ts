// Demo accounts and the admin CLI on a throwaway database with the tiny wilayah 99.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { openTestDatabase } from '../importers/values/test-database.ts';
import { demoPassword, ensureDemoAccounts } from './demo-accounts.ts';
import { verifyPassword } from './passwords.ts';
import { findUserByUsername, setPassword } from './users.ts';

let database: Database;
let close: () => Promise<void>;
let url: string;

beforeAll(async () => {
  ({ database, close, url } = await openTestDatabase());
  const { rows: [ev] } = await database.pool.query(`insert into rollout_event (oleh, kind, note) values ('uji', 'seed', 'fixture') returning id`);
  await database.pool.query(`insert into puskesmas (kode, nama, kabupaten_kode, sumber) values ('P1', 'PUSKESMAS SATU', '99.01', 'uji')`);
  await database.pool.query(`insert into puskesmas_wilayah (puskesmas_kode, desa_kode, valid_from, event_id) values
    ('P1', '99.01.01.2001', '2025-01-01', $1), ('P1', '99.01.01.2002', '2025-01-01', $1)`, [ev.id]);
}, 120_000);
afterAll(async () => close());

describe('demo accounts', () => {
  it('one per role, on the first kecamatan with desa when Bilah Hulu is not loaded, and idempotent', async () => {
    const accounts = await ensureDemoAccounts(database, 'sandi-contoh-panjang');
    expect(accounts.map((a) => [a.username, a.role, a.scopeKode ?? a.scopePuskesmas, a.wilayah])).toEqual([
      ['admin', 'admin', '', 'seluruh Indonesia'],
      ['dinkes.uji', 'dinkes_provinsi', '99', 'Provinsi Uji'],
      ['dinkes.uji.kab', 'dinkes_kabupaten', '99.01', 'Kabupaten Uji'],
      ['pkm.satu', 'puskesmas', 'P1', 'wilayah kerja Puskesmas Satu'],
      ['camat.satu', 'camat', '99.01.01', 'Kecamatan Satu'],
      ['kades.mau', 'kepala_desa', '99.01.01.2001', "Desa Ma'u"],
      ['pembaca', 'viewer', '', 'seluruh Indonesia (baca saja)'],
    ]);
    await ensureDemoAccounts(database, 'sandi-contoh-panjang');
    const { rows } = await database.pool.query(`select count(*)::int as n from app_user where demo`);
    expect(rows[0].n).toBe(7);
  });

  it('a demo account whose password was changed gets the printed one back at the next start', async () => {
    const camat = (await findUserByUsername(database, 'camat.satu'))!;
    await setPassword(database, camat.id, 'sandi-lain-sama-sekali', false);
    await ensureDemoAccounts(database, 'sandi-contoh-panjang');
    expect(await verifyPassword((await findUserByUsername(database, 'camat.satu'))!.passwordHash, 'sandi-contoh-panjang')).toBe(true);
  });

  it('the password: DEMO_PASSWORD, else generated once into DATA_DIR/akun-contoh.txt (owner-only) and kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'peta-demo-'));
    expect(demoPassword(dir, 'dari-env-panjang')).toBe('dari-env-panjang');
    const first = demoPassword(dir);
    expect(first).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(demoPassword(dir)).toBe(first);
    expect(readFileSync(join(dir, 'akun-contoh.txt'), 'utf8')).toBe(`${first}\n`);
    expect(statSync(join(dir, 'akun-contoh.txt')).mode & 0o777).toBe(0o600);
  });
});

describe('pnpm cli pengguna', () => {
  const root = resolve(import.meta.dirname, '../..');
  const cli = (args: string[], input?: string) => spawnSync(process.execPath, ['--import', 'tsx', join(root, 'data/importers/values/cli.ts'), 'pengguna', ...args],
    { cwd: root, env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8', input });

  it('creates the first admin with a one-time password, lists, resets and deactivates', async () => {
    const add = cli(['tambah', '--nama-pengguna=kepala.dinas', '--peran=admin', '--nama=Kepala Dinas']);
    expect(add.status, add.stderr).toBe(0);
    const password = /Kata sandi sementara \(tampil sekali, wajib diganti saat masuk\): (\S+)/.exec(add.stdout)?.[1];
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const user = (await findUserByUsername(database, 'kepala.dinas'))!;
    expect(user).toMatchObject({ role: 'admin', nama: 'Kepala Dinas', mustChangePassword: true, createdBy: expect.stringMatching(/^cli:/) });
    expect(await verifyPassword(user.passwordHash, password!)).toBe(true);

    const typed = cli(['tambah', '--nama-pengguna=camat.dua', '--peran=camat', '--wilayah=99.01.02', '--sandi-stdin'], 'sandi-dari-stdin-123\n');
    expect(typed.status, typed.stderr).toBe(0);
    expect(typed.stdout).not.toMatch(/Kata sandi sementara/);
    expect((await findUserByUsername(database, 'camat.dua'))!.mustChangePassword).toBe(false);

    const wrong = cli(['tambah', '--nama-pengguna=camat.tiga', '--peran=camat', '--wilayah=99.01']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trim()).toBe('Peran Camat memerlukan kode kecamatan (mis. 12.10.01).');

    expect(cli(['daftar']).stdout).toMatch(/camat\.dua\s+Camat\s+wilayah 99\.01\.02/);
    const reset = cli(['reset-sandi', 'camat.dua']);
    expect(reset.stdout).toMatch(/^Kata sandi sementara untuk camat\.dua \(wajib diganti saat masuk\): \S+/);
    expect(cli(['nonaktif', 'camat.dua']).stdout.trim()).toBe('Pengguna camat.dua sekarang nonaktif.');
    expect((await findUserByUsername(database, 'camat.dua'))!.aktif).toBe(false);
    const { rows } = await database.pool.query(`select action, detail from audit_log where username like 'cli:%' order by id`);
    expect(rows.map((r) => r.action)).toEqual(['pengguna', 'pengguna', 'sandi', 'pengguna']);
  });
});
