// One way to get a database: a real PostgreSQL server when DATABASE_URL is set, else the embedded one.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';
import { findRunningEmbedded, startEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';

export type Db = NodePgDatabase<typeof schema>;
/** A database or a transaction on it: repositories take either, so a service decides what runs in one transaction. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];
export type DatabaseKind = 'embedded' | 'postgres';

export interface Database {
  db: Db;
  pool: pg.Pool;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… of a real server; when absent the embedded database in `dataDir` is used. */
  databaseUrl?: string;
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
export function connectPool(url: string, log?: (message: string) => void, connectionTimeoutMillis = 5000) {
  // A request must not hang when the database is away: connecting gives up after 5 s (the API answers 503).
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis });
  // An idle connection dropped by a database restart must not crash the process; the pool reconnects.
  pool.on('error', (error) => log?.(`Koneksi basis data terputus: ${error.message}`));
  return { pool, db: drizzle(pool, { schema }) };
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  let embedded: EmbeddedServer | undefined;
  let url = options.databaseUrl;
  const running = !url && options.reuseRunning ? findRunningEmbedded(resolve(options.dataDir ?? '.data/pg')) : null;
  if (running) url = running.url;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dir: options.dataDir ?? '.data/pg', ephemeral: options.ephemeral, log: options.log });
    url = embedded.url;
  }
  const { pool, db } = connectPool(url, options.log);
  try {
    if (!embedded) await waitForDatabase(pool, options.connectAttempts ?? 10, options.log);
    await migrate(db, { migrationsFolder });
  } catch (error) {
    await pool.end();
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    pool,
    kind: embedded || running ? 'embedded' : 'postgres',
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}

/**
 * A server given by DATABASE_URL may still be starting (docker compose starts both at once): retry with a
 * pause, saying so, and give up with a clear message.
 */
async function waitForDatabase(pool: pg.Pool, attempts: number, log?: (message: string) => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch (error) {
      const reason = (error as Error).message;
      if (attempt >= attempts) {
        throw new Error(`Basis data di DATABASE_URL tidak dapat dihubungi setelah ${attempts} percobaan: ${reason}. ` +
          'Periksa bahwa server PostgreSQL berjalan dan alamat, pengguna serta kata sandinya benar.', { cause: error });
      }
      log?.(`Basis data belum dapat dihubungi (percobaan ${attempt}/${attempts}: ${reason}); mencoba lagi dalam 3 detik…`);
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}
