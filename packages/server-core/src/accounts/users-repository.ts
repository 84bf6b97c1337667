// All SQL on app_user. Users are never deleted (the audit log points at them): they are deactivated.
import { and, asc, count, desc, eq, getTableColumns, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { appUser } from '@peta/db/schema';
import type { Role } from '@peta/domain';

type Selected = typeof appUser.$inferSelect;

/** A user as the services see it: every column of app_user, the role one of ROLES, the creation time ISO 8601 (UTC). */
export type UserRow = Omit<Selected, 'role' | 'createdAt'> & { role: Role; createdAt: string };

/** Every column of app_user, for the selects here and those that join app_user (sessions). */
export const USER_COLUMNS = getTableColumns(appUser);

/** The stored row as the services use it (the role is one of ROLES: only the services write it). */
export const toUserRow = (row: Selected): UserRow => ({
  ...row,
  role: row.role as Role,
  createdAt: row.createdAt.toISOString(),
});

/** What a new user is made of (id, aktif and the creation time are the database's). */
export type UserValues = Omit<UserRow, 'id' | 'aktif' | 'createdAt'>;

export function usersRepository(db: DbOrTx) {
  const first = (rows: Selected[]) => (rows[0] ? toUserRow(rows[0]) : null);
  /** The users `where` selects (all: undefined), in `order`. */
  const select = async (where: SQL | undefined, ...order: SQL[]): Promise<UserRow[]> =>
    (
      await db
        .select()
        .from(appUser)
        .where(where)
        .orderBy(...order)
    ).map(toUserRow);
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
      return (await select(eq(appUser.username, username)))[0] ?? null;
    },
    async findById(id: number): Promise<UserRow | null> {
      return (await select(eq(appUser.id, id)))[0] ?? null;
    },
    async list(): Promise<UserRow[]> {
      return select(undefined, desc(appUser.aktif), asc(appUser.role), asc(appUser.username));
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
      return select(and(eq(appUser.demo, true), eq(appUser.aktif, true)), asc(appUser.id));
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
