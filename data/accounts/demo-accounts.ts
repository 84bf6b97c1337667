// Demo accounts, one per role, for a demo start (DEMO_DATA on): they land on Labuhanbatu and Kecamatan Bilah Hulu
// when Sumatera Utara's desa are loaded, else on the first kabupaten/kecamatan/desa that are. All share one
// password: DEMO_PASSWORD, or one generated on the first start and kept in DATA_DIR/akun-contoh.txt (printed at
// every start, never in the repository). An existing demo account is left as it is, except that it is active again
// and its password is set back to the demo password, so the printed list always works. A start without demo data
// (DEMO_DATA=false) deactivates every demo account: their password has been printed in logs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '@peta/db';
import { titleCase, type Role } from '@peta/domain';
import { generatePassword, verifyPassword } from './passwords.ts';
import { createUser, endSessions, findUserByUsername, setPassword, withTingkatWord } from './users.ts';

export interface DemoAccount {
  username: string;
  nama: string;
  role: Role;
  scopeKode: string | null;
  scopePuskesmas: string | null;
  /** Where the scope is, in words, for the printed list and the sign-in page. */
  wilayah: string;
}

const slug = (nama: string) => nama.toLowerCase().replace(/^(puskesmas|kecamatan|desa|kelurahan|kabupaten|kota|provinsi)\s+/, '').replace(/[^a-z0-9]+/g, '').slice(0, 24);

async function pick<T>(database: Database, sql: string, params: unknown[] = []): Promise<T | null> {
  const { rows } = await database.pool.query(sql, params);
  return (rows[0] as T | undefined) ?? null;
}

/** The places the demo accounts hold, chosen from what is loaded. */
export async function planDemoAccounts(database: Database): Promise<DemoAccount[]> {
  type W = { kode: string; nama: string };
  const kecamatan = await pick<W>(database, `select kode, nama from wilayah where tingkat = 'kecamatan' and kode like '12.10.%' and nama ilike 'bilah hulu'`)
    ?? await pick<W>(database, `select k.kode, k.nama from wilayah k where k.tingkat = 'kecamatan'
         and exists (select 1 from wilayah d where d.tingkat = 'desa' and d.parent_kode = k.kode) order by k.kode limit 1`);
  const accounts: DemoAccount[] = [
    { username: 'admin', nama: 'Admin (contoh)', role: 'admin', scopeKode: '', scopePuskesmas: null, wilayah: 'seluruh Indonesia' },
    { username: 'pembaca', nama: 'Pembaca (contoh)', role: 'viewer', scopeKode: '', scopePuskesmas: null, wilayah: 'seluruh Indonesia (baca saja)' },
  ];
  if (!kecamatan) return accounts;
  const kab = (await pick<W>(database, `select kode, nama from wilayah where kode = $1`, [kecamatan.kode.slice(0, 5)]))!;
  const prov = (await pick<W>(database, `select kode, nama from wilayah where kode = $1`, [kecamatan.kode.slice(0, 2)]))!;
  const desa = await pick<W>(database, `select kode, nama from wilayah where tingkat = 'desa' and parent_kode = $1 order by kode limit 1`, [kecamatan.kode]);
  const pkm = await pick<{ kode: string; nama: string }>(database,
    `select p.kode, p.nama from puskesmas_wilayah w join puskesmas p on p.kode = w.puskesmas_kode
     where w.valid_to is null and w.desa_kode like $1 group by p.kode, p.nama order by count(*) desc, p.kode limit 1`, [`${kecamatan.kode}.%`]);
  // A kabupaten named like its provinsi would take the same login name.
  const kabSlug = slug(kab.nama) === slug(prov.nama) ? `${slug(kab.nama)}.kab` : slug(kab.nama);
  accounts.splice(1, 0,
    { username: `dinkes.${slug(prov.nama)}`, nama: `Dinkes ${prov.nama} (contoh)`, role: 'dinkes_provinsi', scopeKode: prov.kode, scopePuskesmas: null, wilayah: withTingkatWord('provinsi', prov.nama) },
    { username: `dinkes.${kabSlug}`, nama: `Dinkes ${kab.nama} (contoh)`, role: 'dinkes_kabupaten', scopeKode: kab.kode, scopePuskesmas: null, wilayah: kab.nama },
    ...(pkm ? [{ username: `pkm.${slug(pkm.nama)}`, nama: `Kepala ${titleCase(pkm.nama)} (contoh)`, role: 'puskesmas' as const, scopeKode: null,
      scopePuskesmas: pkm.kode, wilayah: `wilayah kerja ${titleCase(pkm.nama)}` }] : []),
    { username: `camat.${slug(kecamatan.nama)}`, nama: `Camat ${kecamatan.nama.replace(/^kecamatan\s+/i, '')} (contoh)`, role: 'camat', scopeKode: kecamatan.kode, scopePuskesmas: null, wilayah: withTingkatWord('kecamatan', kecamatan.nama) },
    ...(desa ? [{ username: `kades.${slug(desa.nama)}`, nama: `Kepala Desa ${desa.nama} (contoh)`, role: 'kepala_desa' as const, scopeKode: desa.kode,
      scopePuskesmas: null, wilayah: withTingkatWord('desa', desa.nama) }] : []),
  );
  return accounts;
}

/** DEMO_PASSWORD, else the one kept in DATA_DIR, else a new one written there (mode 600). */
export function demoPassword(dataDir: string, fromEnv?: string): string {
  if (fromEnv) return fromEnv;
  const file = join(dataDir, 'akun-contoh.txt');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept) return kept;
  }
  const password = generatePassword();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

export async function ensureDemoAccounts(database: Database, password: string): Promise<DemoAccount[]> {
  const accounts = await planDemoAccounts(database);
  for (const account of accounts) {
    const existing = await findUserByUsername(database, account.username);
    if (!existing) {
      await createUser(database, { ...account, password, demo: true, createdBy: 'data contoh' });
    } else if (existing.demo) {
      if (!existing.aktif) await database.pool.query('update app_user set aktif = true where id = $1', [existing.id]);
      if (!(await verifyPassword(existing.passwordHash, password))) await setPassword(database, existing.id, password, false);
    }
  }
  return accounts;
}

/** Deactivates every active demo account and ends its sessions; returns their names (for the log). */
export async function deactivateDemoAccounts(database: Database): Promise<string[]> {
  const { rows } = await database.pool.query<{ id: number; username: string }>(
    'update app_user set aktif = false where demo and aktif returning id, username');
  for (const row of rows) await endSessions(database, row.id);
  return rows.map((r) => r.username).sort();
}
