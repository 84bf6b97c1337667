// All SQL on app_session. Only the SHA-256 of a session token is stored (sessions.ts makes and hashes tokens).
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { appSession, appUser } from '@peta/db/schema';
import { toUserRow, USER_COLUMNS, type UserRow } from './users-repository.ts';

export function sessionsRepository(db: DbOrTx) {
  return {
    async insert(row: {
      tokenHash: string;
      userId: number;
      csrfToken: string;
      expiresAt: Date;
      ip: string | null;
      userAgent: string | null;
    }): Promise<void> {
      await db.insert(appSession).values(row);
    },
    /** Expired sessions of everyone: before `now` (default the database's clock). Returns how many. */
    async deleteExpired(now?: Date): Promise<number> {
      const result = await db.delete(appSession).where(lt(appSession.expiresAt, now ?? sql`now()`));
      return result.rowCount ?? 0;
    },
    /** The session and its user when it has not expired and the user is active. */
    async findActive(tokenHash: string): Promise<{ csrfToken: string; user: UserRow } | null> {
      const [row] = await db
        .select({ csrfToken: appSession.csrfToken, ...USER_COLUMNS })
        .from(appSession)
        .innerJoin(appUser, eq(appUser.id, appSession.userId))
        .where(and(eq(appSession.tokenHash, tokenHash), gt(appSession.expiresAt, sql`now()`), eq(appUser.aktif, true)));
      if (!row) return null;
      const { csrfToken, ...user } = row;
      return { csrfToken, user: toUserRow(user) };
    },
    async deleteByTokenHash(tokenHash: string): Promise<void> {
      await db.delete(appSession).where(eq(appSession.tokenHash, tokenHash));
    },
    async deleteOfUser(userId: number): Promise<void> {
      await db.delete(appSession).where(eq(appSession.userId, userId));
    },
  };
}
