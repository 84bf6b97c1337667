// All SQL on request_rate: the per-address request counts of a rate-limited route (the sign-in route), shared by every
// API process on the database. A fixed window per key, on the database's clock.
import { lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { requestRate as r } from '@peta/db/schema';

/** A window's count after this request, and the milliseconds left until the window ends. */
export interface RateCount {
  current: number;
  ttl: number;
}

export function requestRateRepository(db: DbOrTx) {
  return {
    /**
     * Counts one request of `key` in its window of `windowMs`: a key whose window has ended starts a new one at 1.
     * One upsert, so requests to several processes at once are all counted.
     */
    async count(key: string, windowMs: number): Promise<RateCount> {
      const window = sql`make_interval(secs => ${windowMs / 1000})`;
      const ended = sql`${r.windowStart} + ${window} <= now()`;
      const [row] = await db
        .insert(r)
        .values({ key, windowStart: sql`now()`, requests: 1 })
        .onConflictDoUpdate({
          target: r.key,
          set: {
            requests: sql`case when ${ended} then 1 else ${r.requests} + 1 end`,
            windowStart: sql`case when ${ended} then now() else ${r.windowStart} end`,
          },
        })
        .returning({
          current: r.requests,
          ttl: sql<number>`greatest(0, ceil(extract(epoch from (${r.windowStart} + ${window} - now())) * 1000))::int`,
        });
      return row!;
    },
    /** Keys whose window started before `before` (the retention purge); returns how many. */
    async deleteStartedBefore(before: Date): Promise<number> {
      const result = await db.delete(r).where(lt(r.windowStart, before));
      return result.rowCount ?? 0;
    },
  };
}
