// Demo accounts on a throwaway database with the tiny wilayah 99.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { openTestDatabase, seedPuskesmas } from '../testing/test-database.ts';
import { demoPassword, ensureDemoAccounts } from './demo-accounts.ts';
import { verifyPassword } from './passwords.ts';
import { findUserByUsername, setPassword } from './users-service.ts';

let database: Database;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ database, close } = await openTestDatabase());
  await seedPuskesmas(database, [{ kode: 'P1', nama: 'PUSKESMAS SATU', desa: ['99.01.01.2001', '99.01.01.2002'] }], {
    confirmed: false,
  });
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
    expect(
      await verifyPassword((await findUserByUsername(database, 'camat.satu'))!.passwordHash, 'sandi-contoh-panjang'),
    ).toBe(true);
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
