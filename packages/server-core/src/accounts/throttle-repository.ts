// All SQL on sign_in_throttle (the rules are in throttle.ts).
import { and, eq, lt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { signInThrottle as t } from '@peta/db/schema';

export interface ThrottleKey {
  address: string;
  username: string;
}

export function throttleRepository(db: DbOrTx) {
  return {
    /**
     * Counts one failure of the pair, unless it is waiting: the new count (null while waiting). The wait after the
     * n-th failure is delays[n − 1] (the last one beyond); a pair quiet for `quietSeconds` counts from one again.
     * One upsert, so parallel attempts cannot slip past the count; every SET expression reads the row as it was.
     */
    async countFailure(
      key: ThrottleKey,
      now: Date,
      delays: readonly number[],
      quietSeconds: number,
    ): Promise<number | null> {
      const at = sql`${now}::timestamptz`;
      const delaysArray = sql`${sql.param([...delays])}::int[]`;
      const failures = sql`case when ${t.lastFailureAt} < ${at} - make_interval(secs => ${quietSeconds}) then 1 else ${t.failures} + 1 end`;
      const [row] = await db
        .insert(t)
        .values({
          ...key,
          failures: 1,
          lastFailureAt: now,
          blockedUntil: sql`${at} + make_interval(secs => (${delaysArray})[1])`,
        })
        .onConflictDoUpdate({
          target: [t.address, t.username],
          set: {
            failures,
            lastFailureAt: now,
            blockedUntil: sql`${at} + make_interval(secs => (${delaysArray})[least(${failures}, cardinality(${delaysArray}))])`,
          },
          setWhere: lte(t.blockedUntil, now),
        })
        .returning({ failures: t.failures });
      return row?.failures ?? null;
    },
    async blockedUntil(key: ThrottleKey): Promise<Date | null> {
      const [row] = await db
        .select({ until: t.blockedUntil })
        .from(t)
        .where(and(eq(t.address, key.address), eq(t.username, key.username)));
      return row?.until ?? null;
    },
    async deletePair(key: ThrottleKey): Promise<void> {
      await db.delete(t).where(and(eq(t.address, key.address), eq(t.username, key.username)));
    },
    /** Pairs no longer waiting and quiet for `quietSeconds` before `now`; returns how many. */
    async deleteQuiet(now: Date, quietSeconds: number): Promise<number> {
      const result = await db
        .delete(t)
        .where(
          and(
            lt(t.lastFailureAt, sql`${now}::timestamptz - make_interval(secs => ${quietSeconds})`),
            lt(t.blockedUntil, now),
          ),
        );
      return result.rowCount ?? 0;
    },
    async deleteName(username: string): Promise<void> {
      await db.delete(t).where(eq(t.username, username));
    },
  };
}
