// Imports and undos are serialised by one transaction-scoped advisory lock: the second waits for the first to
// commit, then validates against its result. A killed process releases it with its transaction.
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@peta/db';

/** Arbitrary constant naming "the import lock" (pg_advisory_xact_lock takes a bigint). */
export const IMPORT_LOCK_KEY = 6_240_601;

/** Thrown inside the transaction to roll it back while handing the work's result out. */
class RollBack<T> {
  constructor(readonly result: T) {}
}

/** Runs `work` in one transaction holding the advisory lock `key`; rolls back on error or when work returns commit: false. */
export async function inLockedTransaction<T>(
  db: Db,
  key: number,
  work: (tx: DbOrTx) => Promise<{ commit: boolean; result: T }>,
): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${key})`);
      const { commit, result } = await work(tx);
      if (!commit) throw new RollBack(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RollBack) return error.result as T;
    throw error;
  }
}

/** Runs `work` in one transaction holding the import lock; rolls back on error or when work returns commit: false. */
export const withImportLock = <T>(db: Db, work: (tx: DbOrTx) => Promise<{ commit: boolean; result: T }>) =>
  inLockedTransaction(db, IMPORT_LOCK_KEY, work);
