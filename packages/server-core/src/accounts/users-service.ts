// Accounts: create, find, list, change, set or reset a password; and the scope a user acts in. Used by the API
// (sign-in, the admin page) and the CLI (the first admin, a password reset), so both follow the same rules.
import {
  isRole,
  normaliseUsername,
  passwordProblem,
  scopeProblem,
  titleCase,
  usernameProblem,
  withTingkatWord,
  type Role,
  type Scope,
} from '@peta/domain';
import type { DbOrTx } from '@peta/db';
import type { DatabaseHandle } from '../database.ts';
import { conflict, DomainError, invalid, notFound } from '../errors.ts';
import { auditRepository, type AuditEntry } from './audit-repository.ts';
import { hashPassword } from './passwords.ts';
import { scopeRepository } from './scope-repository.ts';
import { sessionsRepository } from './sessions-repository.ts';
import { throttleRepository } from './throttle-repository.ts';
import { usersRepository, type UserRow } from './users-repository.ts';

export type { UserRow } from './users-repository.ts';

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

export interface UserChange {
  nama?: string;
  role?: string;
  scopeKode?: string | null;
  scopePuskesmas?: string | null;
  aktif?: boolean;
}

/** Who made a change, for the audit log: the signed-in admin (with the request) or "cli:<os user>". */
export type ChangedBy = Pick<AuditEntry, 'userId' | 'ip' | 'requestId'> & { username: string };

const userNotFound = (id: number) => notFound(`Pengguna #${id} tidak ditemukan.`, 'USER_NOT_FOUND');
const unknownRole = (role: string) => invalid('INVALID_ROLE', `Peran tidak dikenal: "${role}".`);

async function checkScope(
  db: DbOrTx,
  role: Role,
  scopeKode: string | null,
  scopePuskesmas: string | null,
): Promise<void> {
  const problem = scopeProblem(role, { kode: scopeKode, puskesmas: scopePuskesmas });
  if (problem) throw invalid('INVALID_SCOPE', problem);
  const places = scopeRepository(db);
  if (scopePuskesmas) {
    if (!(await places.puskesmas(scopePuskesmas)))
      throw invalid('INVALID_SCOPE', `Puskesmas dengan kode ${scopePuskesmas} tidak ditemukan.`);
  } else if (scopeKode) {
    if (!(await places.wilayah(scopeKode)))
      throw invalid('INVALID_SCOPE', `Wilayah dengan kode ${scopeKode} tidak ditemukan.`);
  }
}

export async function createUser({ db }: DatabaseHandle, input: NewUser): Promise<UserRow> {
  const username = normaliseUsername(input.username);
  const nameProblem = usernameProblem(username);
  if (nameProblem) throw invalid('INVALID_USERNAME', nameProblem);
  if (!isRole(input.role)) throw unknownRole(input.role);
  const pwProblem = passwordProblem(input.password, username);
  if (pwProblem) throw invalid('INVALID_PASSWORD', pwProblem);
  const scopeKode = input.scopePuskesmas ? null : (input.scopeKode ?? '').trim();
  const scopePuskesmas = input.scopePuskesmas?.trim() || null;
  await checkScope(db, input.role, scopeKode, scopePuskesmas);
  const user = await usersRepository(db).insert({
    username,
    nama: input.nama.trim() || username,
    role: input.role,
    scopeKode,
    scopePuskesmas,
    passwordHash: await hashPassword(input.password),
    mustChangePassword: input.mustChangePassword ?? false,
    demo: input.demo ?? false,
    createdBy: input.createdBy,
  });
  if (!user) throw conflict('USERNAME_TAKEN', `Nama pengguna "${username}" sudah dipakai.`);
  return user;
}

/** Creates a user and writes who did it to the audit log (the admin page, the CLI). */
export async function addUser(database: DatabaseHandle, input: NewUser, by: ChangedBy): Promise<UserRow> {
  const user = await createUser(database, input);
  await auditRepository(database.db).write({ ...by, action: 'pengguna', detail: { dibuat: userView(user) } });
  return user;
}

export const findUserByUsername = ({ db }: DatabaseHandle, username: string) =>
  usersRepository(db).findByUsername(normaliseUsername(username));
export const findUserById = ({ db }: DatabaseHandle, id: number) => usersRepository(db).findById(id);
export const listUsers = ({ db }: DatabaseHandle) => usersRepository(db).list();
export const countAdmins = ({ db }: DatabaseHandle) => usersRepository(db).countActiveAdmins();

/** Changes name, role, scope or active flag; a deactivated user's (or a moved user's) sessions end at once. */
export async function updateUser(
  { db }: DatabaseHandle,
  id: number,
  change: UserChange,
): Promise<{ before: UserRow; after: UserRow }> {
  return db.transaction(async (tx) => {
    const users = usersRepository(tx);
    const before = await users.findById(id);
    if (!before) throw userNotFound(id);
    const role = change.role ?? before.role;
    if (!isRole(role)) throw unknownRole(role);
    const scopeChanged =
      change.role !== undefined || change.scopeKode !== undefined || change.scopePuskesmas !== undefined;
    let scopeKode = before.scopeKode;
    let scopePuskesmas = before.scopePuskesmas;
    if (scopeChanged) {
      scopePuskesmas =
        change.scopePuskesmas !== undefined ? change.scopePuskesmas?.trim() || null : before.scopePuskesmas;
      scopeKode = scopePuskesmas
        ? null
        : change.scopeKode !== undefined
          ? (change.scopeKode ?? '').trim()
          : (before.scopeKode ?? '');
      await checkScope(tx, role, scopeKode, scopePuskesmas);
    }
    const after = await users.update(id, {
      nama: change.nama?.trim() || before.nama,
      role,
      scopeKode,
      scopePuskesmas,
      aktif: change.aktif ?? before.aktif,
    });
    if (!after.aktif || scopeChanged) await sessionsRepository(tx).deleteOfUser(id);
    return { before, after };
  });
}

/**
 * An admin's change of another account (the admin page): the last active admin cannot lose the role or be
 * deactivated; the change and who made it go to the audit log with before and after.
 */
export async function changeUser(
  database: DatabaseHandle,
  id: number,
  change: UserChange,
  by: ChangedBy,
): Promise<UserRow> {
  const target = await findUserById(database, id);
  if (!target) throw notFound(`Pengguna #${id} tidak ditemukan.`);
  const losesAdmin =
    target.role === 'admin' && target.aktif && ((change.role && change.role !== 'admin') || change.aktif === false);
  if (losesAdmin && (await countAdmins(database)) <= 1)
    throw conflict('LAST_ADMIN', 'Ini admin aktif terakhir: buat admin lain dulu.');
  const { before, after } = await updateUser(database, id, change);
  await auditRepository(database.db).write({
    ...by,
    action: 'pengguna',
    detail: { sebelum: userView(before), sesudah: userView(after) },
  });
  return after;
}

/**
 * Sets a new password. `mustChange`: an admin's reset, the user picks their own at next sign-in. Ends all sessions,
 * and lifts the sign-in throttle of the name at every address (the way back in for someone slowed down by a guesser).
 */
export async function setPassword(
  { db }: DatabaseHandle,
  id: number,
  password: string,
  mustChange: boolean,
): Promise<void> {
  const user = await usersRepository(db).findById(id);
  if (!user) throw userNotFound(id);
  const problem = passwordProblem(password, user.username);
  if (problem) throw invalid('INVALID_PASSWORD', problem);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await usersRepository(tx).setPasswordHash(id, passwordHash, mustChange);
    await sessionsRepository(tx).deleteOfUser(id);
    await throttleRepository(tx).deleteName(user.username);
  });
}

/** An admin's (or the CLI's) reset: a temporary password the user must change; written to the audit log. */
export async function resetPassword(
  database: DatabaseHandle,
  id: number,
  password: string,
  by: ChangedBy,
): Promise<UserRow> {
  await setPassword(database, id, password, true);
  const user = (await findUserById(database, id))!;
  await auditRepository(database.db).write({ ...by, action: 'sandi', detail: { diatur_ulang: user.username } });
  return user;
}

export async function endSessions({ db }: DatabaseHandle, userId: number): Promise<void> {
  await sessionsRepository(db).deleteOfUser(userId);
}

/** A user as the admin page and the audit log show it (no password hash). */
export const userView = (u: UserRow) => ({
  id: u.id,
  username: u.username,
  nama: u.nama,
  role: u.role,
  scopeKode: u.scopeKode,
  scopePuskesmas: u.scopePuskesmas,
  aktif: u.aktif,
  demo: u.demo,
  mustChangePassword: u.mustChangePassword,
  createdAt: u.createdAt,
  createdBy: u.createdBy,
});

/** The scope the user acts in today: for a puskesmas, the desa of its wilayah kerja that are open now. */
export async function scopeOf(
  database: DatabaseHandle,
  user: Pick<UserRow, 'scopeKode' | 'scopePuskesmas'>,
): Promise<Scope> {
  // In words too: a refusal says "di luar wilayah Anda (Kabupaten Labuhanbatu)", not a bare code.
  const label = await scopeLabel(database, user);
  if (!user.scopePuskesmas) return { kind: 'wilayah', kode: user.scopeKode ?? '', label };
  const rows = await scopeRepository(database.db).puskesmasDesaToday(user.scopePuskesmas);
  return {
    kind: 'puskesmas',
    kode: user.scopePuskesmas,
    kabupaten: rows[0]?.kabupaten ?? '',
    desa: new Set(rows.flatMap((r) => (r.desa ? [r.desa] : []))),
    label,
  };
}

/** The scope in words, for the header and the admin page: "Kabupaten Labuhanbatu", "wilayah kerja Puskesmas Sigambal". */
export async function scopeLabel(
  { db }: DatabaseHandle,
  user: Pick<UserRow, 'scopeKode' | 'scopePuskesmas'>,
): Promise<string> {
  const places = scopeRepository(db);
  if (user.scopePuskesmas) {
    const nama = titleCase((await places.puskesmas(user.scopePuskesmas))?.nama ?? user.scopePuskesmas);
    return `wilayah kerja ${nama}`;
  }
  if (!user.scopeKode) return 'seluruh Indonesia';
  const w = await places.wilayah(user.scopeKode);
  if (!w) return `kode ${user.scopeKode}`;
  return withTingkatWord(w.tingkat, w.nama);
}

export { DomainError };
