// Sections of `pnpm bench:national` about the values path (issue 17 items 1 and 2), against a running server and its
// database (the one first-start leaves running, or BASE_URL with DATABASE_URL / BENCH_DATA_DIR):
//   values-first    answers of /api/nilai not cached yet for Indonesia, a provinsi, a kabupaten and a kecamatan (median
//                   and p90 of BENCH_ANSWERS=40 per level), next to the very statement the values service runs for the
//                   same answers (called through server-core), and the SQL of the path before roll-ups for scale
//   views-import    random views (BENCH_CLIENTS=100 clients × BENCH_SECONDS=60 s) while an import of one
//                   kabupaten-month lands every 5 s (through server-core, as another API process would write), and
//                   /api/health req/s measured in the same run (BENCH_HEALTH_SECONDS, default ¼ of the views)
//   import-upkeep   an import of one month for every desa loaded × the demo indicators: rows/s with the roll-up
//                   upkeep, and without it (the same import minus its upkeep phase)
//   privacy-first   the first protected answer of a kabupaten (its kecamatan, anonymous: the small-count protection of
//                   the kabupaten × indicator × year is computed for it) next to the first unprotected answer of the same
//                   kabupaten (BENCH_ADMIN, default `admin`, with BENCH_PASSWORD or DEMO_PASSWORD: another period, so also
//                   a first), for BENCH_KABUPATEN (default 8) kabupaten drawn the same way every run × three indicators
//                   (cumulative, sensitive, point); a protected answer waits at most PRIVACY_WAIT_MS, then answers hidden
// Views are anonymous (the server then needs READ_ACCESS=public, as first-start sets it) and so get the protected view
// of small counts (issue 18); BENCH_USER / BENCH_PASSWORD read as that account instead (the demo `admin` sees every
// count exactly: the values path alone). Each section prints the load average, which the figures depend on.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { openDatabase, type Database } from '@peta/db';
import { from as copyFrom } from 'pg-copy-streams';
import {
  answerRepository,
  DEFAULT_READ_LIMITS,
  INDONESIA,
  parseImportFile,
  runImport,
  wilayahMemory,
  wilayahRepository,
} from '@peta/server-core';
import { getIndicator, sasaranGroupOf } from '@peta/domain';

export interface ScaleContext {
  baseUrl: string | null;
  dataDir: string | null;
}

const INDICATOR = 'KIA_K4';
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
export const TODAY = { year: 2026, month: 11 };
export const IMPORT_MONTH = '2026-10';

async function withDatabase<T>(ctx: ScaleContext, work: (database: Database) => Promise<T>): Promise<T> {
  const dataDir = process.env.BENCH_DATA_DIR ?? ctx.dataDir;
  if (!process.env.DATABASE_URL && !dataDir)
    throw new Error(
      'Set DATABASE_URL or BENCH_DATA_DIR (the DATA_DIR of the running server), or run first-start first.',
    );
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: dataDir ? `${dataDir}/pg` : undefined,
    reuseRunning: true,
  });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

function baseUrlOf(ctx: ScaleContext): string {
  const url = process.env.BASE_URL ?? ctx.baseUrl;
  if (!url) throw new Error('Set BASE_URL, or run first-start first.');
  return url;
}

/** The session cookie of BENCH_USER (null: read anonymously). */
async function sessionHeaders(base: string): Promise<Record<string, string>> {
  const username = process.env.BENCH_USER;
  const password = process.env.BENCH_PASSWORD;
  if (!username || !password) return {};
  return signIn(base, username, password);
}

async function signIn(base: string, username: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/masuk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`Gagal masuk sebagai ${username}: HTTP ${res.status} ${await res.text()}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]! };
}

const reader = () => (process.env.BENCH_USER ? `signed in as ${process.env.BENCH_USER}` : 'anonymous');
const load1 = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const result = await work();
  return [result, performance.now() - t];
}

/** The largest provinsi (by desa loaded), its largest kabupaten and that one's largest kecamatan. */
async function levels(database: Database) {
  const largest = async (prefix: string | null, length: number) =>
    (
      await database.pool.query<{ k: string }>(
        `select substring(kode from 1 for ${length}) k from wilayah where tingkat = 'desa' ${prefix ? `and kode like $1` : ''}
     group by 1 order by count(*) desc, 1 limit 1`,
        prefix ? [`${prefix}.%`] : [],
      )
    ).rows[0]!.k;
  const provinsi = await largest(null, 2);
  const kabupaten = await largest(provinsi, 5);
  const kecamatan = await largest(kabupaten, 8);
  return { provinsi, kabupaten, kecamatan };
}

/**
 * values-first: what an answer the server has not computed yet costs, against the statement that reads its rows.
 *
 * Per level (Indonesia, the largest provinsi, its largest kabupaten, that one's largest kecamatan), BENCH_ANSWERS (40)
 * different indicator × period combinations drawn from 20 indicators × 111 month ranges (2025-a..2025-b and
 * 2026-a..2026-b up to October), so each is an answer the server process has most likely never computed (its values
 * cache is keyed on indicator, period and parent; 2,220 combinations per parent). The process is warm first, as a
 * server that has run a while: 10 answers of a sibling of each level (and of Indonesia), different combinations too,
 * not counted — the first answers of a fresh process pay V8 compiling the path. For each combination, in the same
 * moment and alternately first and second (whichever goes first warms PostgreSQL's buffers for the other):
 *  - API: GET /api/nilai on one keep-alive connection (node:http, `accept-encoding: gzip`), from writing the request
 *    to the last byte of the body as the browser receives it (gzip; decompressed and checked after the clock stops);
 *  - SQL: the very statement the values service runs for that answer, through the same server-core repository
 *    function on a pool of the same database (answer-repository.ts: rollups of the children, or a kecamatan's desa
 *    rows, with the version in the same round trip), prepared beforehand as the server prepares it at start, rows
 *    parsed as the service gets them — the same rows, the same packing, awaited the way the service awaits it.
 * Reported as the median and p90 of each, and the median of the per-combination ratio API / SQL. /api/health (one
 * round trip that pings the pool) is timed the same way as the floor of any request. The old column, the SQL of the
 * path before roll-ups (every desa row under the parent), is timed once per level for scale.
 */
export async function valuesFirst(ctx: ScaleContext) {
  const base = baseUrlOf(ctx);
  const headers = await sessionHeaders(base);
  const answersPerLevel = Number(process.env.BENCH_ANSWERS ?? 40);
  const client = keepAliveClient(base, headers);
  try {
    await withDatabase(ctx, async (database) => {
      const { provinsi, kabupaten, kecamatan } = await levels(database);
      const indicators = await demoIndicators(database);
      const answers = answerRepository(database.read, database.readGenericPlanPool ?? database.genericPlanPool);
      const memory = wilayahMemory(wilayahRepository(database.read));
      await Promise.all([answers.warm(4), memory.warm()]);
      const ranges = [2025, 2026].flatMap((year) =>
        Array.from({ length: year === 2026 ? 10 : 12 }, (_, a) => a + 1).flatMap((from) =>
          Array.from({ length: (year === 2026 ? 10 : 12) - from }, (_, i) => ({ year, from, to: from + 1 + i })),
        ),
      );
      const combos = shuffled(indicators.flatMap((indicator) => ranges.map((range) => ({ indicator, ...range }))));
      const month = (m: number) => String(m).padStart(2, '0');
      const pathOf = (c: (typeof combos)[number], parent: string | null) =>
        `/api/nilai?indikator=${c.indicator}&periode=${c.year}-${month(c.from)}..${c.year}-${month(c.to)}${parent ? `&wilayah=${parent}` : ''}`;
      // The statement of values-service.ts childAnswer for a parent: desaChildRows (a kecamatan's desa) or
      // rolledUpChildRows (children above desa).
      const statementOf = async (parent: string | null) => {
        const children = await memory.children(parent);
        const kodes = children.map((c) => c.kode);
        const desaChildren = children[0]?.tingkat === 'desa';
        return (c: (typeof combos)[number]): Promise<unknown> =>
          desaChildren
            ? answers.desaYears(c.indicator, c.year, parent!, kodes, sasaranGroupOf(getIndicator(c.indicator)!))
            : answers.rollups(c.indicator, c.year, parent ?? INDONESIA, kodes, c.to);
      };
      // A warm process, as a server that has run a while: the keep-alive connection, the session (cached by the
      // server for reads), and the code of both paths compiled — answers of a sibling of each level (and of Indonesia),
      // each a different combination too, none counted.
      for (let i = 0; i < 5; i++) await client.get('/api/health');
      const sibling = async (parent: string | null, of: string) =>
        (await memory.children(parent)).map((c) => c.kode).find((k) => k !== of) ?? of;
      for (const parent of [
        null,
        await sibling(null, provinsi),
        await sibling(provinsi, kabupaten),
        await sibling(kabupaten, kecamatan),
      ]) {
        const statement = await statementOf(parent);
        for (let i = 0; i < 10; i++) {
          const c = combos.pop()!;
          await client.get(pathOf(c, parent));
          await statement(c);
        }
      }
      const health: number[] = [];
      for (let i = 0; i < answersPerLevel; i++) health.push((await client.get('/api/health')).ms);

      console.log(
        `\n## values-first (${answersPerLevel} answers per level not cached yet, each a different indicator × period, on a warm process; API: one keep-alive node:http connection, gzip bytes read; SQL: the values service's own statement through server-core on a pool; ${reader()}; load average ${load1()})`,
      );
      console.log(`  /api/health (floor of one request): median ${ms(median(health))}, p90 ${ms(p90(health))}`);
      console.log(
        '  parent                 children   API median (p90)   SQL median (p90)   API/SQL   SQL before roll-ups (every desa row, once)',
      );
      const apiMedians = new Map<string, number>();
      for (const [label, parent] of [
        ['Indonesia', null],
        [`provinsi ${provinsi}`, provinsi],
        [`kabupaten ${kabupaten}`, kabupaten],
        [`kecamatan ${kecamatan}`, kecamatan],
      ] as const) {
        const statement = await statementOf(parent);
        const api: number[] = [];
        const sql: number[] = [];
        const ratios: number[] = [];
        let rows = 0;
        for (let i = 0; i < answersPerLevel; i++) {
          const c = combos.pop()!;
          const path = pathOf(c, parent);
          const timeApi = async () => {
            const res = await client.get(path);
            if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
            rows = (JSON.parse(res.body().toString('utf8')) as { rows: unknown[] }).rows.length;
            return res.ms;
          };
          const timeSql = async () => (await timed(() => statement(c)))[1];
          // Alternately API then SQL and SQL then API.
          let a: number;
          let s: number;
          if (i % 2 === 0) {
            a = await timeApi();
            s = await timeSql();
          } else {
            s = await timeSql();
            a = await timeApi();
          }
          api.push(a);
          sql.push(s);
          ratios.push(a / s);
        }
        const desaPrefix = parent ? `${parent}.%` : '%';
        const [, before] = await timed(() =>
          database.pool.query(
            `select kode, numerators, denominators, month_simulated from indicator_value where indicator = $1 and year = 2026 and kode like $2`,
            [INDICATOR, desaPrefix],
          ),
        );
        apiMedians.set(label, median(api));
        console.log(
          `  ${label.padEnd(22)} ${String(rows).padStart(8)}   ${`${ms(median(api))} (${ms(p90(api))})`.padStart(16)}   ${`${ms(median(sql))} (${ms(p90(sql))})`.padStart(16)}   ${`${median(ratios).toFixed(1)}×`.padStart(7)}   ${ms(before).padStart(12)}`,
        );
      }
      const national = apiMedians.get('Indonesia')!;
      const smallest = apiMedians.get(`kecamatan ${kecamatan}`)!;
      console.log(
        `  Indonesia / kecamatan (API medians): ${(national / smallest).toFixed(1)}×; goals: API/SQL ≤ 2×, Indonesia ≤ 3× a kecamatan; load average ${load1()}`,
      );
    });
  } finally {
    client.close();
  }
}

const median = (xs: number[]) => quantile(xs, 0.5);
const p90 = (xs: number[]) => quantile(xs, 0.9);
function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (at - low);
}

function shuffled<T>(list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/**
 * GET on one keep-alive connection, as a browser tab asks: gzip accepted, the time from writing the request to the
 * last byte of the body (not decompressed: `body()` does that afterwards, off the clock).
 */
function keepAliveClient(base: string, headers: Record<string, string>) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    get(path: string): Promise<{ status: number; ms: number; body: () => Buffer }> {
      return new Promise((resolve, reject) => {
        const started = performance.now();
        const req = http.get(
          {
            host: url.hostname,
            port: url.port,
            path,
            agent,
            headers: { ...headers, 'accept-encoding': 'gzip' },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const elapsed = performance.now() - started;
              const bytes = Buffer.concat(chunks);
              resolve({
                status: res.statusCode ?? 0,
                ms: elapsed,
                body: () => (res.headers['content-encoding'] === 'gzip' ? gunzipSync(bytes) : bytes),
              });
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
      });
    },
    close: () => agent.destroy(),
  };
}

/** A long CSV of one month for the given desa × indicators, with numbers that differ from the stored ones. */
export function monthCsv(desa: string[], indicators: string[], month: string, salt: number): Uint8Array {
  const lines = ['kode_wilayah,periode,indikator,pembilang,penyebut'];
  let i = salt;
  for (const kode of desa) {
    for (const code of indicators) {
      const counted = getIndicator(code)!.denominator.kind === 'counted';
      const numerator = (i = (i * 1103515245 + 12345) % 2147483648) % 17;
      lines.push(`${kode},${month},${code},${numerator},${counted ? numerator + (i % 5) : ''}`);
    }
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

export const BIG_LIMITS = {
  ...DEFAULT_READ_LIMITS,
  maxRows: 10_000_000,
  maxCells: 100_000_000,
  maxUnzippedBytes: 4 * 1024 ** 3,
};

/**
 * CPU seconds used so far by this process and by the embedded PostgreSQL (its postmaster and every child, living or
 * exited: the backends, parallel workers, the WAL writer…; 0 on a server given by DATABASE_URL). On contended cores the wall clock mostly measures
 * the other sessions; the CPU an import costs does not.
 */
function cpuSeconds(): { node: number; pg: number } {
  const own = process.cpuUsage();
  const node = (own.user + own.system) / 1e6;
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!dataDir || process.env.DATABASE_URL) return { node, pg: 0 };
  const stat = (pid: string) => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    } catch {
      return null;
    }
  };
  const postmaster = readFileSync(`${dataDir}/pg/postmaster.pid`, 'utf8').split('\n')[0]!;
  const ticks = (f: string[]) => (Number(f[11]) + Number(f[12])) / 100;
  // The children that exited, reaped by the postmaster (its cutime, cstime): an import's parallel workers, which live
  // for one statement each.
  const reaped = (f: string[]) => (Number(f[13]) + Number(f[14])) / 100;
  let pg = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const f = stat(pid);
    if (f && pid === postmaster) pg += ticks(f) + reaped(f);
    else if (f && f[1] === postmaster) pg += ticks(f);
  }
  return { node, pg };
}

async function importMonth(database: Database, desa: string[], indicators: string[], salt: number) {
  const phases: { phase: string; at: number }[] = [];
  const bytes = monthCsv(desa, indicators, IMPORT_MONTH, salt);
  const cpuBefore = cpuSeconds();
  const started = performance.now();
  const outcome = await runImport(database, {
    bytes,
    fileName: `bench-${salt}.csv`,
    oleh: 'bench',
    today: TODAY,
    parse: (bytes, name, pc) => parseImportFile(bytes, name, pc, BIG_LIMITS),
    onProgress: (p) => phases.push({ phase: p.phase, at: performance.now() - started }),
  });
  const total = performance.now() - started;
  const cpu = cpuSeconds();
  const upkeepStart = phases.find((p) => p.phase.startsWith('Memperbarui'))?.at ?? total;
  const upkeepEnd = phases.find((p) => p.phase === 'Selesai')?.at ?? total;
  if (outcome.status !== 'imported' && outcome.status !== 'unchanged')
    throw new Error(`import ${outcome.status}: ${outcome.message} ${JSON.stringify(outcome.errors.slice(0, 3))}`);
  // Each phase's seconds: parse and validate, the lock and the diff, writing, the roll-up upkeep.
  const steps = phases.map((p, i) => `${p.phase} ${(((phases[i + 1]?.at ?? total) - p.at) / 1000).toFixed(1)} s`);
  return {
    total,
    upkeep: upkeepEnd - upkeepStart,
    rows: desa.length * indicators.length,
    outcome,
    steps,
    cpu: { node: cpu.node - cpuBefore.node, pg: cpu.pg - cpuBefore.pg },
  };
}

/** The indicators of the demo data (those the catalogue knows). */
export async function demoIndicators(database: Database): Promise<string[]> {
  return (
    await database.pool.query<{ indicator: string }>(
      `select distinct indicator from value_rollup where kode = '' order by 1`,
    )
  ).rows
    .map((r) => r.indicator)
    .filter((code) => getIndicator(code));
}

/** What the import benches write: every desa (in kode order) × every indicator of the demo data. */
export async function importInputs(database: Database): Promise<{ desa: string[]; indicators: string[] }> {
  const desa = (
    await database.pool.query<{ kode: string }>(`select kode from wilayah where tingkat = 'desa' order by kode`)
  ).rows.map((r) => r.kode);
  return { desa, indicators: await demoIndicators(database) };
}

export async function importUpkeep(ctx: ScaleContext) {
  await withDatabase(ctx, async (database) => {
    const { desa, indicators } = await importInputs(database);
    console.log(
      `\n## import-upkeep (one month, ${desa.length} desa × ${indicators.length} indicators, through runImport)`,
    );
    const run = await importMonth(database, desa, indicators, Date.now() % 100_000);
    const without = run.total - run.upkeep;
    const floor = await copyFloor(database, desa, indicators);
    console.log(
      `  floor in the same run: COPY of the same ${floor.rows} cells into a table, ${(floor.ms / 1000).toFixed(1)} s = ${Math.round(floor.rows / (floor.ms / 1000))} rows/s; load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `  ${run.rows} rows in ${(run.total / 1000).toFixed(1)} s = ${Math.round(run.rows / (run.total / 1000))} rows/s with the roll-up upkeep`,
    );
    console.log(`  phases: ${run.steps.join('; ')}`);
    if (run.cpu.pg > 0)
      console.log(
        `  CPU: bench process (parse, plan, the import's TypeScript) ${run.cpu.node.toFixed(1)} s + PostgreSQL ${run.cpu.pg.toFixed(1)} s = ${Math.round(run.rows / (run.cpu.node + run.cpu.pg))} rows per CPU-second`,
      );
    console.log(
      `  roll-up upkeep ${(run.upkeep / 1000).toFixed(1)} s; without it ${(without / 1000).toFixed(1)} s = ${Math.round(run.rows / (without / 1000))} rows/s; upkeep adds ${((run.upkeep / without) * 100).toFixed(0)} %`,
    );
  });
}

/** The cheapest write of the same cells (a COPY into an unindexed table, rolled back): what any import costs at least. */
async function copyFloor(database: Database, desa: string[], indicators: string[]) {
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    await client.query(
      'create temp table floor_cell (indicator text, kode text, year int, month int, numerator int, denominator int)',
    );
    const started = performance.now();
    let rows = 0;
    const lines = (function* () {
      let chunk = '';
      for (const kode of desa)
        for (const code of indicators) {
          chunk += `${code}\t${kode}\t2026\t10\t${rows % 17}\t\\N\n`;
          if (++rows % 5000 === 0) {
            yield chunk;
            chunk = '';
          }
        }
      if (chunk) yield chunk;
    })();
    await pipeline(Readable.from(lines), client.query(copyFrom('copy floor_cell from stdin')));
    return { rows, ms: performance.now() - started };
  } finally {
    await client.query('rollback');
    client.release();
  }
}

interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  errors: Map<string, number>;
}

async function load(
  clients: number,
  seconds: number,
  nextUrl: () => string,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const deadline = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        const res = await fetch(nextUrl(), { headers: { ...headers, 'accept-encoding': 'gzip' } });
        await res.arrayBuffer();
        if (res.status !== 200) errors.set(`HTTP ${res.status}`, (errors.get(`HTTP ${res.status}`) ?? 0) + 1);
        else latencies.push(performance.now() - started);
      } catch (error) {
        const key = (error as Error).message;
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { requests: latencies.length, perSecond: latencies.length / seconds, p50: q(0.5), p95: q(0.95), errors };
}

export async function viewsUnderImport(ctx: ScaleContext) {
  const base = baseUrlOf(ctx);
  const clients = Number(process.env.BENCH_CLIENTS ?? 100);
  const seconds = Number(process.env.BENCH_SECONDS ?? 60);
  const healthSeconds = Number(process.env.BENCH_HEALTH_SECONDS ?? Math.max(5, Math.round(seconds / 4)));
  const headers = await sessionHeaders(base);
  await withDatabase(ctx, async (database) => {
    const indicators = await demoIndicators(database);
    // Every provinsi, kabupaten and kecamatan that holds desa (their children are what a view shows).
    const parents: (string | null)[] = [
      null,
      ...(
        await database.pool.query<{ kode: string }>(
          `select distinct unnest(array[substring(kode from 1 for 2), substring(kode from 1 for 5), substring(kode from 1 for 8)]) kode
       from wilayah where tingkat = 'desa'`,
        )
      ).rows.map((r) => r.kode),
    ];
    const kabupaten = (
      await database.pool.query<{ kode: string }>(
        `select distinct substring(kode from 1 for 5) kode from wilayah where tingkat = 'desa'`,
      )
    ).rows.map((r) => r.kode);
    const periods = [
      '2026-10',
      '2026-Q3',
      '2026',
      '2026-01..2026-10',
      '2025',
      '2025-Q4',
      '2025-06',
      '2026-04..2026-09',
    ];
    const any = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
    console.log(
      `\n## views-import (${clients} clients; ${indicators.length} indicators × ${periods.length} periods × ${parents.length} parents; ${reader()}; load average ${load1()})`,
    );

    const health = await load(clients, healthSeconds, () => `${base}/api/health`);
    console.log(
      `  /api/health alone, ${healthSeconds} s: ${health.perSecond.toFixed(0)} req/s, p95 ${ms(health.p95)}, errors ${[...health.errors.values()].reduce((a, b) => a + b, 0)}`,
    );

    // Imports of one kabupaten-month every 5 s while the views run.
    const imports: { total: number; upkeep: number; rows: number }[] = [];
    let stop = false;
    const importer = (async () => {
      let salt = Date.now() % 100_000;
      while (!stop) {
        const next = performance.now() + 5000;
        const kab = any(kabupaten);
        const desa = (
          await database.pool.query<{ kode: string }>(
            `select kode from wilayah where tingkat = 'desa' and kode like $1`,
            [`${kab}.%`],
          )
        ).rows.map((r) => r.kode);
        imports.push(await importMonth(database, desa, indicators, ++salt));
        while (!stop && performance.now() < next) await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const views = await load(
      clients,
      seconds,
      () => {
        const parent = any(parents);
        return `${base}/api/nilai?indikator=${any(indicators)}&periode=${any(periods)}${parent ? `&wilayah=${parent}` : ''}`;
      },
      headers,
    );
    stop = true;
    await importer;
    const errorCount = [...views.errors.values()].reduce((a, b) => a + b, 0);
    console.log(
      `  random /api/nilai, ${seconds} s, imports landing: ${views.perSecond.toFixed(0)} req/s (${((views.perSecond / health.perSecond) * 100).toFixed(0)} % of /api/health), p50 ${ms(views.p50)}, p95 ${ms(views.p95)}, errors ${errorCount}`,
    );
    for (const [k, v] of views.errors) console.log(`    ${v} × ${k}`);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    console.log(
      `  ${imports.length} kabupaten-month imports landed (mean ${Math.round(mean(imports.map((i) => i.rows)))} rows, ${ms(mean(imports.map((i) => i.total)))} each, of which roll-up upkeep ${ms(mean(imports.map((i) => i.upkeep)))}); load average ${load1()}`,
    );
  });
}

/** Section privacy-first: the kabupaten are every `step`-th of those holding desa, in kode order (the same every run). */
export async function privacyFirst(ctx: ScaleContext) {
  const base = baseUrlOf(ctx);
  const count = Number(process.env.BENCH_KABUPATEN ?? 8);
  const password = process.env.BENCH_PASSWORD ?? process.env.DEMO_PASSWORD;
  if (!password) throw new Error('Set BENCH_PASSWORD (or DEMO_PASSWORD) for the BENCH_ADMIN account.');
  const admin = await signIn(base, process.env.BENCH_ADMIN ?? 'admin', password);
  await withDatabase(ctx, async (database) => {
    const all = (
      await database.pool.query<{ kode: string }>(
        `select distinct substring(kode from 1 for 5) kode from wilayah where tingkat = 'desa' order by 1`,
      )
    ).rows.map((r) => r.kode);
    const step = Math.max(1, Math.floor(all.length / count));
    const chosen = all.filter((_, i) => i % step === 0).slice(0, count);
    console.log(
      `\n## privacy-first (${chosen.length} kabupaten: ${chosen.join(' ')}; /api/nilai of the kabupaten's kecamatan; load average ${load1()})`,
    );
    console.log('  indicator       protected first (anonymous)   again (cached)   unprotected first (admin)');
    const get = async (url: string, headers: Record<string, string> = {}) => {
      const [res, took] = await timed(async () => {
        const r = await fetch(url, { headers });
        await r.arrayBuffer();
        return r.status;
      });
      if (res !== 200) throw new Error(`${url}: HTTP ${res}`);
      return took;
    };
    const spread = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return `median ${ms(sorted[Math.floor(sorted.length / 2)]!)}, max ${ms(sorted.at(-1)!)}`;
    };
    for (const code of ['KIA_K4', 'SPM10_ODGJ', 'GZ_STUNTING']) {
      const first: number[] = [];
      const again: number[] = [];
      const exact: number[] = [];
      for (const kab of chosen) {
        const url = (period: string) => `${base}/api/nilai?indikator=${code}&periode=${period}&wilayah=${kab}`;
        first.push(await get(url('2026-07..2026-09')));
        again.push(await get(url('2026-07..2026-09')));
        exact.push(await get(url('2026-04..2026-06'), admin));
      }
      console.log(`  ${code.padEnd(14)}  ${spread(first).padEnd(28)}  ${spread(again).padEnd(15)}  ${spread(exact)}`);
    }
    console.log(`  load average ${load1()}`);
  });
}
