// Where PostgreSQL spends a national month import (issue 17): the statements of planValues, writeValues and
// applyRollupDeltas timed one by one in the import's transaction, which is then rolled back (the same data can be
// measured again: VACUUM in between, rolled-back versions stay as dead rows). With EXPLAIN=1 the three write
// statements run under EXPLAIN (ANALYZE, BUFFERS, WAL): WAL records, page images, the foreign-key trigger's time.
// PRE='set local …;…' runs settings first; COMMIT=1 keeps the import. Against a national data directory:
//   BENCH_DATA_DIR=<DATA_DIR> pnpm --filter @peta/data exec tsx bench/import-statements.ts
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { openDatabase } from '@peta/db';
import { getIndicator } from '@peta/domain';
import { DEFAULT_READ_LIMITS, parseImportFile, runImport } from '@peta/server-core';
import { dropStagedValues, planValues, writeValues } from '../../packages/server-core/src/imports/plan-values.ts';
import { withImportLock } from '../../packages/server-core/src/imports/import-lock.ts';
import { applyRollupDeltas } from '../../packages/server-core/src/values/rollup-delta.ts';
import { dataLoadsRepository } from '../../packages/server-core/src/imports/data-loads-repository.ts';
import { importInputs } from './values-at-scale.ts';

const times: { text: string; ms: number }[] = [];
const explained: string[] = [];
const orig = pg.Client.prototype.query as (...a: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  const q = args[0] as string | { text?: string };
  let text = typeof q === 'string' ? q : (q?.text ?? 'copy');
  if (
    process.env.EXPLAIN &&
    new RegExp(
      process.env.EXPLAIN_RE ??
        '^\\s*(insert into indicator_value|update indicator_value|update value_rollup|merge into value_rollup)',
    ).test(text)
  ) {
    text = `explain (analyze, buffers, wal) ${text}`;
    args[0] = typeof q === 'string' ? text : { ...(q as object), text };
    const r = (orig.apply(this, args) as Promise<{ rows: Record<string, string>[] }>).then((res) => {
      const plan = res.rows.map((x) => Object.values(x)[0]).join('\n');
      explained.push(plan);
      // The rows the statement wrote: those its first child node produced (writeValues checks an update's count).
      return { ...res, rows: [], rowCount: Number(/->.*actual time=[^)]*rows=([\d.]+)/.exec(plan)?.[1] ?? 0) };
    });
    return r;
  }
  const t = performance.now();
  const r = orig.apply(this, args) as Promise<unknown> | unknown;
  if (r && typeof (r as Promise<unknown>).then === 'function')
    (r as Promise<unknown>).then(
      () => times.push({ text, ms: performance.now() - t }),
      () => {},
    );
  return r;
};

function pgCpu(dataDir: string) {
  const postmaster = readFileSync(`${dataDir}/pg/postmaster.pid`, 'utf8').split('\n')[0]!;
  let s = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      // Living children, and (the postmaster's cutime, cstime) those reaped: the parallel workers of each statement.
      if (pid === postmaster) s += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
      else if (f[1] === postmaster) s += (Number(f[11]) + Number(f[12])) / 100;
    } catch {}
  }
  return s;
}

const dataDir = process.env.BENCH_DATA_DIR!;
const database = await openDatabase({ dataDir: `${dataDir}/pg`, reuseRunning: true });
const { desa, indicators } = await importInputs(database);
const salt = Number(process.env.SALT ?? Date.now() % 100000);
const lines = ['kode_wilayah,periode,indikator,pembilang,penyebut'];
let i = salt;
for (const kode of desa)
  for (const code of indicators) {
    const counted = getIndicator(code)!.denominator.kind === 'counted';
    const numerator = (i = (i * 1103515245 + 12345) % 2147483648) % 17;
    lines.push(`${kode},2026-10,${code},${numerator},${counted ? numerator + (i % 5) : ''}`);
  }
let cells: Parameters<typeof planValues>[1] = [];
await runImport(database, {
  bytes: new TextEncoder().encode(`${lines.join('\n')}\n`),
  fileName: 'b.csv',
  oleh: 'bench',
  today: { year: 2026, month: 11 },
  parse: (bytes, name, pc) =>
    parseImportFile(bytes, name, pc, {
      ...DEFAULT_READ_LIMITS,
      maxRows: 10_000_000,
      maxCells: 100_000_000,
      maxUnzippedBytes: 4 * 1024 ** 3,
    }),
  beforePlan: async (_tx, parsed) => {
    cells = parsed.values;
    throw new Error('parsed');
  },
}).catch((e) => {
  if ((e as Error).message !== 'parsed') throw e;
});
const pre = (process.env.PRE ?? '').split(';').filter(Boolean);
console.log(
  `cells ${cells.length}; pre: ${pre.join('; ')}; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
const walStats = async () =>
  (
    await database.pool.query<{ lsn: string; req: string; timed: string }>(
      `select pg_current_wal_lsn()::text as lsn, (select num_requested::text from pg_stat_checkpointer) as req, (select num_timed::text from pg_stat_checkpointer) as timed`,
    )
  ).rows[0]!;
const wal0 = await walStats();
times.length = 0;
const cpu0 = pgCpu(dataDir);
const node0 = process.cpuUsage();
const t0 = performance.now();
await withImportLock(database.db, async (tx) => {
  for (const p of pre) await tx.execute(p);
  const plan = await planValues(tx, cells);
  const loadId = await dataLoadsRepository(tx).insertImport({
    description: 'bench',
    oleh: 'bench',
    fileName: 'b.csv',
    fileHash: 'x',
    target: 'nilai',
    counts: plan.counts,
    warnings: [],
    details: {},
  });
  // The warnings' words written while the rows' UPDATE runs, as run-import does.
  await writeValues(tx, loadId, plan.rows, () => plan.warnings.list());
  await applyRollupDeltas(tx, loadId);
  await dropStagedValues(tx);
  console.log(JSON.stringify(plan.counts), 'warnings', plan.warnings.count);
  return { commit: process.env.COMMIT === '1', result: null };
});
const wall = performance.now() - t0;
const nodeCpu = process.cpuUsage(node0);
const pgs = pgCpu(dataDir) - cpu0;
for (const t of times)
  if (t.ms > 300)
    console.log(`${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.text.replace(/\s+/g, ' ').slice(0, 110)}`);
console.log(
  `total ${(wall / 1000).toFixed(1)} s = ${Math.round(cells.length / (wall / 1000))} rows/s; CPU node ${((nodeCpu.user + nodeCpu.system) / 1e6).toFixed(1)} s, pg ${pgs.toFixed(1)} s; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
const wal1 = await walStats();
for (const e of explained) console.log(`---\n${e}`);
const walBytes = (
  await database.pool.query<{ b: string }>(`select pg_wal_lsn_diff($1, $2)::text as b`, [wal1.lsn, wal0.lsn])
).rows[0]!.b;
console.log(
  `WAL ${(Number(walBytes) / 1e6).toFixed(0)} MB; checkpoints requested ${Number(wal1.req) - Number(wal0.req)}, timed ${Number(wal1.timed) - Number(wal0.timed)}; shared_buffers ${(await database.pool.query('show shared_buffers')).rows[0].shared_buffers}`,
);
await database.close();
