// Accounts in the database: create, find, list, change, reset password; and the scope a user acts in.
// Used by the API (sign-in, admin page) and the admin CLI (first admin, password reset), so both follow the same rules.
import type { Database } from '@peta/db';
import {
  isRole, normaliseUsername, passwordProblem, scopeProblem, titleCase, usernameProblem, type Role, type Scope,
} from '@peta/domain';
import { hashPassword } from './passwords.ts';
import { liftSignInThrottle } from './throttle.ts';

export interface UserRow {
  id: number;
  username: string;
  nama: string;
  role: Role;
  scopeKode: string | null;
  scopePuskesmas: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  aktif: boolean;
  demo: boolean;
  createdAt: string;
  createdBy: string;
}

export class AccountError extends Error {
  constructor(readonly code: 'INVALID_USERNAME' | 'INVALID_PASSWORD' | 'INVALID_ROLE' | 'INVALID_SCOPE' | 'USERNAME_TAKEN' | 'USER_NOT_FOUND', message: string) {
    super(message);
  }
}

const COLUMNS = `id, username, nama, role, scope_kode as "scopeKode", scope_puskesmas as "scopePuskesmas", password_hash as "passwordHash",
  must_change_password as "mustChangePassword", aktif, demo, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt", created_by as "createdBy"`;

export interface NewUser {
  username: string;
  nama: string;
  role: string;
  scopeKode?: string | null;
  scopePuskesmas?: string | null;
  password: string;
  mustChangePassword?: boolean;
  demo?: boolean;
  createdBy: string;
}

async function checkScope(database: Database, role: Role, scopeKode: string | null, scopePuskesmas: string | null): Promise<void> {
  const problem = scopeProblem(role, { kode: scopeKode, puskesmas: scopePuskesmas });
  if (problem) throw new AccountError('INVALID_SCOPE', problem);
  if (scopePuskesmas) {
    const { rowCount } = await database.pool.query('select 1 from puskesmas where kode = $1', [scopePuskesmas]);
    if (!rowCount) throw new AccountError('INVALID_SCOPE', `Puskesmas dengan kode ${scopePuskesmas} tidak ditemukan.`);
  } else if (scopeKode) {
    const { rowCount } = await database.pool.query('select 1 from wilayah where kode = $1', [scopeKode]);
    if (!rowCount) throw new AccountError('INVALID_SCOPE', `Wilayah dengan kode ${scopeKode} tidak ditemukan.`);
  }
}

export async function createUser(database: Database, input: NewUser): Promise<UserRow> {
  const username = normaliseUsername(input.username);
  const nameProblem = usernameProblem(username);
  if (nameProblem) throw new AccountError('INVALID_USERNAME', nameProblem);
  if (!isRole(input.role)) throw new AccountError('INVALID_ROLE', `Peran tidak dikenal: "${input.role}".`);
  const pwProblem = passwordProblem(input.password, username);
  if (pwProblem) throw new AccountError('INVALID_PASSWORD', pwProblem);
  const scopeKode = input.scopePuskesmas ? null : (input.scopeKode ?? '').trim();
  const scopePuskesmas = input.scopePuskesmas?.trim() || null;
  await checkScope(database, input.role, scopeKode, scopePuskesmas);
  const passwordHash = await hashPassword(input.password);
  const { rows } = await database.pool.query<UserRow>(
    `insert into app_user (username, nama, role, scope_kode, scope_puskesmas, password_hash, must_change_password, demo, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (username) do nothing returning ${COLUMNS}`,
    [username, input.nama.trim() || username, input.role, scopeKode, scopePuskesmas, passwordHash, input.mustChangePassword ?? false,
      input.demo ?? false, input.createdBy]);
  if (!rows[0]) throw new AccountError('USERNAME_TAKEN', `Nama pengguna "${username}" sudah dipakai.`);
  return rows[0];
}

export async function findUserByUsername(database: Database, username: string): Promise<UserRow | null> {
  const { rows } = await database.pool.query<UserRow>(`select ${COLUMNS} from app_user where username = $1`, [normaliseUsername(username)]);
  return rows[0] ?? null;
}

export async function findUserById(database: Database, id: number): Promise<UserRow | null> {
  const { rows } = await database.pool.query<UserRow>(`select ${COLUMNS} from app_user where id = $1`, [id]);
  return rows[0] ?? null;
}

export async function listUsers(database: Database): Promise<UserRow[]> {
  const { rows } = await database.pool.query<UserRow>(`select ${COLUMNS} from app_user order by aktif desc, role, username`);
  return rows;
}

export async function countAdmins(database: Database): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(`select count(*)::int as n from app_user where role = 'admin' and aktif`);
  return rows[0]!.n;
}

export interface UserChange {
  nama?: string;
  role?: string;
  scopeKode?: string | null;
  scopePuskesmas?: string | null;
  aktif?: boolean;
}

/** Changes name, role, scope or active flag; a deactivated user's sessions end at once. */
export async function updateUser(database: Database, id: number, change: UserChange): Promise<{ before: UserRow; after: UserRow }> {
  const before = await findUserById(database, id);
  if (!before) throw new AccountError('USER_NOT_FOUND', `Pengguna #${id} tidak ditemukan.`);
  const role = change.role ?? before.role;
  if (!isRole(role)) throw new AccountError('INVALID_ROLE', `Peran tidak dikenal: "${role}".`);
  const scopeChanged = change.role !== undefined || change.scopeKode !== undefined || change.scopePuskesmas !== undefined;
  let scopeKode = before.scopeKode;
  let scopePuskesmas = before.scopePuskesmas;
  if (scopeChanged) {
    scopePuskesmas = change.scopePuskesmas !== undefined ? (change.scopePuskesmas?.trim() || null) : before.scopePuskesmas;
    scopeKode = scopePuskesmas ? null : (change.scopeKode !== undefined ? (change.scopeKode ?? '').trim() : (before.scopeKode ?? ''));
    await checkScope(database, role, scopeKode, scopePuskesmas);
  }
  const { rows } = await database.pool.query<UserRow>(
    `update app_user set nama = $2, role = $3, scope_kode = $4, scope_puskesmas = $5, aktif = $6 where id = $1 returning ${COLUMNS}`,
    [id, change.nama?.trim() || before.nama, role, scopeKode, scopePuskesmas, change.aktif ?? before.aktif]);
  if (rows[0]!.aktif === false || scopeChanged) await endSessions(database, id);
  return { before, after: rows[0]! };
}

/**
 * Sets a new password. `mustChange`: an admin's reset, the user picks their own at next sign-in. Ends all sessions,
 * and lifts the sign-in throttle of the name at every address (the way back in for someone slowed down by a guesser).
 */
export async function setPassword(database: Database, id: number, password: string, mustChange: boolean): Promise<void> {
  const user = await findUserById(database, id);
  if (!user) throw new AccountError('USER_NOT_FOUND', `Pengguna #${id} tidak ditemukan.`);
  const problem = passwordProblem(password, user.username);
  if (problem) throw new AccountError('INVALID_PASSWORD', problem);
  await database.pool.query('update app_user set password_hash = $2, must_change_password = $3 where id = $1',
    [id, await hashPassword(password), mustChange]);
  await endSessions(database, id);
  await liftSignInThrottle(database, user.username);
}

export async function endSessions(database: Database, userId: number): Promise<void> {
  await database.pool.query('delete from app_session where user_id = $1', [userId]);
}

/** The scope the user acts in today: for a puskesmas, the desa of its wilayah kerja that are open now. */
export async function scopeOf(database: Database, user: Pick<UserRow, 'scopeKode' | 'scopePuskesmas'>): Promise<Scope> {
  // In words too: a refusal says "di luar wilayah Anda (Kabupaten Labuhanbatu)", not a bare code.
  const label = await scopeLabel(database, user);
  if (!user.scopePuskesmas) return { kind: 'wilayah', kode: user.scopeKode ?? '', label };
  const { rows } = await database.pool.query<{ kabupaten: string; desa: string | null }>(
    `select p.kabupaten_kode as kabupaten, w.desa_kode as desa from puskesmas p
     left join puskesmas_wilayah w on w.puskesmas_kode = p.kode and w.valid_from <= current_date and (w.valid_to is null or w.valid_to > current_date)
     where p.kode = $1`, [user.scopePuskesmas]);
  return {
    kind: 'puskesmas', kode: user.scopePuskesmas, kabupaten: rows[0]?.kabupaten ?? '',
    desa: new Set(rows.flatMap((r) => (r.desa ? [r.desa] : []))), label,
  };
}

/** The scope in words, for the header and the admin page: "Kabupaten Labuhanbatu", "wilayah kerja Puskesmas Sigambal". */
export async function scopeLabel(database: Database, user: Pick<UserRow, 'scopeKode' | 'scopePuskesmas'>): Promise<string> {
  if (user.scopePuskesmas) {
    const { rows } = await database.pool.query<{ nama: string }>('select nama from puskesmas where kode = $1', [user.scopePuskesmas]);
    const nama = titleCase(rows[0]?.nama ?? user.scopePuskesmas);
    return `wilayah kerja ${nama}`;
  }
  if (!user.scopeKode) return 'seluruh Indonesia';
  const { rows } = await database.pool.query<{ nama: string; tingkat: string }>('select nama, tingkat from wilayah where kode = $1', [user.scopeKode]);
  const w = rows[0];
  if (!w) return `kode ${user.scopeKode}`;
  return withTingkatWord(w.tingkat, w.nama);
}

const TINGKAT_WORD: Record<string, string> = { provinsi: 'Provinsi', kabupaten: '', kecamatan: 'Kecamatan', desa: 'Desa' };

/** "Kecamatan Bilah Hulu", "Provinsi Sumatera Utara"; kabupaten names carry their own "Kabupaten"/"Kota", and a name that already starts with its word keeps it once. */
export function withTingkatWord(tingkat: string, nama: string): string {
  const word = TINGKAT_WORD[tingkat] ?? '';
  return word && !nama.toLowerCase().startsWith(word.toLowerCase()) ? `${word} ${nama}` : nama;
}
