// `pnpm cli pengguna` as an admin runs it (a child process on a throwaway database with the tiny wilayah 99).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { findUserByUsername, verifyPassword } from '@peta/server-core';
import { openTestDatabase } from '@peta/server-core/testing';

let database: Database;
let close: () => Promise<void>;
let url: string;

beforeAll(async () => {
  ({ database, close, url } = await openTestDatabase());
}, 120_000);
afterAll(async () => close());

describe('pnpm cli pengguna', () => {
  const root = resolve(import.meta.dirname, '../../..');
  const cli = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'cli.ts'), 'pengguna', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
      input,
    });

  it('creates the first admin with a one-time password, lists, resets and deactivates', async () => {
    const add = cli(['tambah', '--nama-pengguna=kepala.dinas', '--peran=admin', '--nama=Kepala Dinas']);
    expect(add.status, add.stderr).toBe(0);
    const password = /Kata sandi sementara \(tampil sekali, wajib diganti saat masuk\): (\S+)/.exec(add.stdout)?.[1];
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const user = (await findUserByUsername(database, 'kepala.dinas'))!;
    expect(user).toMatchObject({
      role: 'admin',
      nama: 'Kepala Dinas',
      mustChangePassword: true,
      createdBy: expect.stringMatching(/^cli:/),
    });
    expect(await verifyPassword(user.passwordHash, password!)).toBe(true);

    const typed = cli(
      ['tambah', '--nama-pengguna=camat.dua', '--peran=camat', '--wilayah=99.01.02', '--sandi-stdin'],
      'sandi-dari-stdin-123\n',
    );
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
    const { rows } = await database.pool.query(
      `select action, detail from audit_log where username like 'cli:%' order by id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['pengguna', 'pengguna', 'sandi', 'pengguna']);
  });
});
