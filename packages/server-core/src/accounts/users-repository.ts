// All SQL on app_user. Users are never deleted (the audit log points at them): they are deactivated.
import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { appUser } from '@peta/db/schema';
import type { Role } from '@peta/domain';

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
  /** ISO 8601, UTC. */
  createdAt: string;
  createdBy: string;
}

/** The columns of a UserRow, for selects that join app_user (sessions). */
export const USER_COLUMNS = {
  id: appUser.id,
  username: appUser.username,
  nama: appUser.nama,
  role: appUser.role,
  scopeKode: appUser.scopeKode,
  scopePuskesmas: appUser.scopePuskesmas,
  passwordHash: appUser.passwordHash,
  mustChangePassword: appUser.mustChangePassword,
  aktif: appUser.aktif,
  demo: appUser.demo,
  createdAt: appUser.createdAt,
  createdBy: appUser.createdBy,
};

type Selected = typeof appUser.$inferSelect;

/** The stored row as the services use it (the role is one of ROLES: only the services write it). */
export const toUserRow = (row: Selected): UserRow => ({
  ...row,
  role: row.role as Role,
  createdAt: row.createdAt.toISOString(),
});

export interface UserValues {
  username: string;
  nama: string;
  role: Role;
  scopeKode: string | null;
  scopePuskesmas: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  demo: boolean;
  createdBy: string;
}

export function usersRepository(db: DbOrTx) {
  const first = (rows: Selected[]) => (rows[0] ? toUserRow(rows[0]) : null);
  return {
    /** The new user, or null when the username is taken. */
    async insert(values: UserValues): Promise<UserRow | null> {
      return first(
        await db
          .insert(appUser)
          .values(values)
          .onConflictDoNothing({ target: appUser.username })
          .returning(USER_COLUMNS),
      );
    },
    async findByUsername(username: string): Promise<UserRow | null> {
      return first(await db.select(USER_COLUMNS).from(appUser).where(eq(appUser.username, username)));
    },
    async findById(id: number): Promise<UserRow | null> {
      return first(await db.select(USER_COLUMNS).from(appUser).where(eq(appUser.id, id)));
    },
    async list(): Promise<UserRow[]> {
      const rows = await db
        .select(USER_COLUMNS)
        .from(appUser)
        .orderBy(desc(appUser.aktif), asc(appUser.role), asc(appUser.username));
      return rows.map(toUserRow);
    },
    async countActiveAdmins(): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(appUser)
        .where(and(eq(appUser.role, 'admin'), eq(appUser.aktif, true)));
      return row!.n;
    },
    async update(
      id: number,
      change: Pick<UserRow, 'nama' | 'role' | 'scopeKode' | 'scopePuskesmas' | 'aktif'>,
    ): Promise<UserRow> {
      return first(await db.update(appUser).set(change).where(eq(appUser.id, id)).returning(USER_COLUMNS))!;
    },
    async setPasswordHash(id: number, passwordHash: string, mustChangePassword: boolean): Promise<void> {
      await db.update(appUser).set({ passwordHash, mustChangePassword }).where(eq(appUser.id, id));
    },
    async activate(id: number): Promise<void> {
      await db.update(appUser).set({ aktif: true }).where(eq(appUser.id, id));
    },
    /** Deactivates every active demo account; returns who. */
    async deactivateDemo(): Promise<{ id: number; username: string }[]> {
      return db
        .update(appUser)
        .set({ aktif: false })
        .where(and(eq(appUser.demo, true), eq(appUser.aktif, true)))
        .returning({ id: appUser.id, username: appUser.username });
    },
    /** Active demo accounts in the order they were made (the order of the printed list). */
    async listActiveDemo(): Promise<UserRow[]> {
      const rows = await db
        .select(USER_COLUMNS)
        .from(appUser)
        .where(and(eq(appUser.demo, true), eq(appUser.aktif, true)))
        .orderBy(asc(appUser.id));
      return rows.map(toUserRow);
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
