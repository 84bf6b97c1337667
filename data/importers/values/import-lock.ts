// Imports and undos are serialised by one transaction-scoped advisory lock: the second waits for the first to
// commit, then validates against its result. A killed process releases it with its transaction.
import type { PoolClient } from 'pg';
import type { Database } from '@peta/db';

/** Arbitrary constant naming "the import lock" (pg_advisory_xact_lock takes a bigint). */
export const IMPORT_LOCK_KEY = 6_240_601;

/** Runs `work` in one transaction holding the import lock; rolls back on error or when work returns commit: false. */
export async function withImportLock<T>(database: Database, work: (client: PoolClient) => Promise<{ commit: boolean; result: T }>): Promise<T> {
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
    const { commit, result } = await work(client);
    await client.query(commit ? 'commit' : 'rollback');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
