// Demo accounts, one per role, for a demo start (DEMO_DATA on): they land on Labuhanbatu and Kecamatan Bilah Hulu
// when Sumatera Utara's desa are loaded, else on the first kabupaten/kecamatan/desa that are. All share one
// password: DEMO_PASSWORD, or one generated on the first start and kept in DATA_DIR/akun-contoh.txt (printed at
// every start, never in the repository). An existing demo account is left as it is, except that it is active again
// and its password is set back to the demo password, so the printed list always works. A start without demo data
// (DEMO_DATA=false) deactivates every demo account: their password has been printed in logs. The first-start step
// (data/prepare.ts) runs `prepareAccounts`; the sign-in page lists the active demo accounts (`listDemoAccounts`).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ancestorAt, ROLE_INFO, titleCase, withTingkatWord, type Role } from '@peta/domain';
import type { DatabaseHandle } from '../database.ts';
import { auditRepository } from './audit-repository.ts';
import { generatePassword, verifyPassword } from './passwords.ts';
import { scopeRepository } from './scope-repository.ts';
import { sessionsRepository } from './sessions-repository.ts';
import { createUser, findUserByUsername, scopeLabel, setPassword } from './users-service.ts';
import { usersRepository } from './users-repository.ts';

export interface DemoAccount {
  username: string;
  nama: string;
  role: Role;
  scopeKode: string | null;
  scopePuskesmas: string | null;
  /** Where the scope is, in words, for the printed list and the sign-in page. */
  wilayah: string;
}

const slug = (nama: string) =>
  nama
    .toLowerCase()
    .replace(/^(puskesmas|kecamatan|desa|kelurahan|kabupaten|kota|provinsi)\s+/, '')
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 24);

/** The reader's scope in words says that it only reads. */
const READ_ONLY = ' (baca saja)';

/** The places the demo accounts hold, chosen from what is loaded. */
export async function planDemoAccounts({ db }: DatabaseHandle): Promise<DemoAccount[]> {
  const places = scopeRepository(db);
  const kecamatan = (await places.bilahHulu()) ?? (await places.firstKecamatanWithDesa());
  const accounts: DemoAccount[] = [
    {
      username: 'admin',
      nama: 'Admin (contoh)',
      role: 'admin',
      scopeKode: '',
      scopePuskesmas: null,
      wilayah: 'seluruh Indonesia',
    },
    {
      username: 'pembaca',
      nama: 'Pembaca (contoh)',
      role: 'viewer',
      scopeKode: '',
      scopePuskesmas: null,
      wilayah: `seluruh Indonesia${READ_ONLY}`,
    },
  ];
  if (!kecamatan) return accounts;
  const kab = (await places.place(ancestorAt(kecamatan.kode, 'kabupaten')!))!;
  const prov = (await places.place(ancestorAt(kecamatan.kode, 'provinsi')!))!;
  const desa = await places.firstDesaOf(kecamatan.kode);
  const pkm = await places.mainPuskesmasOf(kecamatan.kode);
  // A kabupaten named like its provinsi would take the same login name.
  const kabSlug = slug(kab.nama) === slug(prov.nama) ? `${slug(kab.nama)}.kab` : slug(kab.nama);
  accounts.splice(
    1,
    0,
    {
      username: `dinkes.${slug(prov.nama)}`,
      nama: `Dinkes ${prov.nama} (contoh)`,
      role: 'dinkes_provinsi',
      scopeKode: prov.kode,
      scopePuskesmas: null,
      wilayah: withTingkatWord('provinsi', prov.nama),
    },
    {
      username: `dinkes.${kabSlug}`,
      nama: `Dinkes ${kab.nama} (contoh)`,
      role: 'dinkes_kabupaten',
      scopeKode: kab.kode,
      scopePuskesmas: null,
      wilayah: kab.nama,
    },
    ...(pkm
      ? [
          {
            username: `pkm.${slug(pkm.nama)}`,
            nama: `Kepala ${titleCase(pkm.nama)} (contoh)`,
            role: 'puskesmas' as const,
            scopeKode: null,
            scopePuskesmas: pkm.kode,
            wilayah: `wilayah kerja ${titleCase(pkm.nama)}`,
          },
        ]
      : []),
    {
      username: `camat.${slug(kecamatan.nama)}`,
      nama: `Camat ${kecamatan.nama.replace(/^kecamatan\s+/i, '')} (contoh)`,
      role: 'camat',
      scopeKode: kecamatan.kode,
      scopePuskesmas: null,
      wilayah: withTingkatWord('kecamatan', kecamatan.nama),
    },
    ...(desa
      ? [
          {
            username: `kades.${slug(desa.nama)}`,
            nama: `Kepala Desa ${desa.nama} (contoh)`,
            role: 'kepala_desa' as const,
            scopeKode: desa.kode,
            scopePuskesmas: null,
            wilayah: withTingkatWord('desa', desa.nama),
          },
        ]
      : []),
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

export async function ensureDemoAccounts(database: DatabaseHandle, password: string): Promise<DemoAccount[]> {
  const accounts = await planDemoAccounts(database);
  for (const account of accounts) {
    const existing = await findUserByUsername(database, account.username);
    if (!existing) {
      await createUser(database, { ...account, password, demo: true, createdBy: 'data contoh' });
    } else if (existing.demo) {
      if (!existing.aktif) await usersRepository(database.db).activate(existing.id);
      if (!(await verifyPassword(existing.passwordHash, password)))
        await setPassword(database, existing.id, password, false);
    }
  }
  return accounts;
}

/** Deactivates every active demo account and ends its sessions; returns their names (for the log). */
export async function deactivateDemoAccounts({ db }: DatabaseHandle): Promise<string[]> {
  return db.transaction(async (tx) => {
    const rows = await usersRepository(tx).deactivateDemo();
    for (const row of rows) await sessionsRepository(tx).deleteOfUser(row.id);
    return rows.map((r) => r.username).sort();
  });
}

/**
 * The accounts step of a start (data/prepare.ts). A demo start (DEMO_DATA on) makes the demo accounts and prints them
 * with their shared password; a start without demo data deactivates every demo account left from an earlier demo start
 * on the same database — their password sits in old logs and in DATA_DIR/akun-contoh.txt — and says so.
 */
export async function prepareAccounts(
  database: DatabaseHandle,
  config: { demoData: boolean; dataDir: string; demoPassword?: string },
  log: (message: string) => void,
): Promise<DemoAccount[]> {
  if (config.demoData) {
    const password = demoPassword(config.dataDir, config.demoPassword);
    const accounts = await ensureDemoAccounts(database, password);
    log(
      `Akun contoh (kata sandi semuanya: ${password}${config.demoPassword ? ', dari DEMO_PASSWORD' : `, tersimpan di ${config.dataDir}/akun-contoh.txt`}):`,
    );
    for (const a of accounts) log(`  ${a.username.padEnd(28)} ${ROLE_INFO[a.role].labelId.padEnd(32)} ${a.wilayah}`);
    return accounts;
  }
  const deactivated = await deactivateDemoAccounts(database);
  if (deactivated.length) {
    await auditRepository(database.db).write({
      username: 'sistem',
      action: 'pengguna',
      detail: { nonaktif_akun_contoh: deactivated, alasan: 'DEMO_DATA=false' },
    });
    log(
      `DEMO_DATA=false: ${deactivated.length} akun contoh dinonaktifkan (${deactivated.join(', ')}); kata sandi contoh tidak berlaku lagi. ` +
        'Akun itu aktif kembali hanya bila aplikasi dijalankan lagi dengan DEMO_DATA=true.',
    );
  }
  if ((await usersRepository(database.db).countActiveAdmins()) === 0) {
    // After a demo start the name "admin" belongs to the (now inactive) demo admin.
    const name = (await findUserByUsername(database, 'admin')) ? 'admin.utama' : 'admin';
    log(`Belum ada admin aktif. Buat yang pertama: pnpm cli pengguna tambah --nama-pengguna=${name} --peran=admin`);
  }
  return [];
}

/**
 * The demo accounts the sign-in page lists: the active ones in the database (a start without demo data has
 * deactivated them), in the order they were made, their scope in words as printed at the start.
 */
export async function listDemoAccounts(database: DatabaseHandle): Promise<DemoAccount[]> {
  return demoAccountsLister(database)();
}

/**
 * listDemoAccounts for a running API: the accounts are read from the database on every call (one query — an admin
 * may deactivate one through any API process), only their scope in words is remembered, per scope.
 */
export function demoAccountsLister(database: DatabaseHandle): () => Promise<DemoAccount[]> {
  const labels = new Map<string, string>();
  return async () => {
    const users = await usersRepository(database.db).listActiveDemo();
    return Promise.all(
      users.map(async (u) => {
        const scope = `${u.role} ${u.scopeKode} ${u.scopePuskesmas ?? ''}`;
        const wilayah = labels.get(scope) ?? `${await scopeLabel(database, u)}${u.role === 'viewer' ? READ_ONLY : ''}`;
        if (labels.size < 100) labels.set(scope, wilayah);
        return {
          username: u.username,
          nama: u.nama,
          role: u.role,
          scopeKode: u.scopeKode,
          scopePuskesmas: u.scopePuskesmas,
          wilayah,
        };
      }),
    );
  };
}
