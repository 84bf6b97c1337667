// One way to get a database: a real PostgreSQL server when DATABASE_URL is set, else the embedded one.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';
import { findRunningEmbedded, startEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';

export type Db = NodePgDatabase<typeof schema>;
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
  log?: (message: string) => void;
}

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export async function openDatabase(options: OpenOptions): Promise<Database> {
  let embedded: EmbeddedServer | undefined;
  let url = options.databaseUrl;
  const running = !url && options.reuseRunning ? findRunningEmbedded(resolve(options.dataDir ?? '.data/pg')) : null;
  if (running) url = running.url;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dir: options.dataDir ?? '.data/pg', ephemeral: options.ephemeral, log: options.log });
    url = embedded.url;
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzle(pool, { schema });
  try {
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
