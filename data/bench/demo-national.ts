// The national demo data alone, on a copy of a national data dir (boundaries present): generateDemoData for every desa
// into the embedded database, timed with the CPU of this process (all its threads) and of PostgreSQL's processes.
//   BENCH_DATA_DIR=/tmp/<copy> [BENCH_KEEP=1] [BENCH_MD5=1] pnpm --filter @peta/data exec tsx bench/demo-national.ts
// Without BENCH_KEEP the demo is rolled back (the copy keeps what it had); BENCH_MD5=1 prints the md5 of the demo
// tables in key order from inside the transaction, before it commits or rolls back (the identity check).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@peta/db';
import { DEMO_SEED } from '../demo/assumptions.ts';
import { generateDemoData } from '../demo/load-demo.ts';

const dir = process.env.BENCH_DATA_DIR;
if (!dir) throw new Error('BENCH_DATA_DIR: a copy of a national data dir');

/** CPU seconds (user + system) of a process from its /proc stat line; 0 when it is gone. */
function cpuSeconds(pid: number | string): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
const postmaster = () => Number(readFileSync(join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
function postgresCpu(): Map<number, number> {
  const root = postmaster();
  const out = new Map<number, number>([[root, cpuSeconds(root)]]);
  const children = readFileSync(`/proc/${root}/task/${root}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  for (const p of children) out.set(p, cpuSeconds(p));
  return out;
}
const threadsCpu = () =>
  readdirSync(`/proc/${process.pid}/task`).map((t) => [Number(t), cpuSeconds(`${process.pid}/task/${t}`)] as const);

// Load ids left out (the data_load sequence moves on with every rolled-back run); the same rows also in their physical
// order (the demo writes a provinsi's rows year by year: the page layout an import relies on).
const MD5_QUERIES = {
  indicator_value: `select count(*), md5(string_agg((indicator, kode, year, numerators, denominators, month_simulated)::text, '\n' order by indicator, kode, year)) from indicator_value`,
  indicator_value_physical: `select md5(string_agg((indicator, kode, year)::text, '\n' order by ctid)) from indicator_value`,
  sasaran: `select count(*), md5(string_agg((kode, year, "group", value, kind, method, simulated)::text, '\n' order by kode, year, "group")) from sasaran`,
  sasaran_physical: `select md5(string_agg((kode, year, "group")::text, '\n' order by ctid)) from sasaran`,
  value_rollup: `select count(*), md5(string_agg((indicator, year, kode, num, den, reports, reports_with_den, simulated, last_num, last_den)::text, '\n' order by kode, indicator, year)) from value_rollup`,
  value_rollup_physical: `select md5(string_agg((kode, indicator, year)::text, '\n' order by ctid)) from value_rollup`,
};

const database = await openDatabase({ dataDir: join(dir, 'pg') });
try {
  const desa = (
    await database.pool.query<{ kode: string }>(`select kode from wilayah where tingkat = 'desa' order by kode`)
  ).rows.map((r) => r.kode);
  await database.pool.query('checkpoint');
  const pgBefore = postgresCpu();
  const nodeBefore = process.cpuUsage();
  const started = performance.now();
  const md5: Record<string, unknown> = {};
  const result = await generateDemoData(database, desa, DEMO_SEED, undefined, async (client) => {
    const pgAt = postgresCpu();
    const nodeAt = process.cpuUsage();
    report('generated (before commit)', performance.now() - started, pgAt, nodeAt);
    if (process.env.BENCH_MD5)
      for (const [table, sql] of Object.entries(MD5_QUERIES)) md5[table] = (await client.query(sql)).rows[0];
    return !!process.env.BENCH_KEEP;
  });
  console.log(JSON.stringify({ result, md5 }, null, 1));
  function report(what: string, ms: number, pgAt: Map<number, number>, nodeAt: NodeJS.CpuUsage) {
    const pg = [...pgAt].map(([p, c]) => c - (pgBefore.get(p) ?? 0)).filter((c) => c > 0.05);
    const node = (nodeAt.user - nodeBefore.user + nodeAt.system - nodeBefore.system) / 1e6;
    console.log(
      `${what}: ${(ms / 1000).toFixed(1)} s wall; node ${node.toFixed(1)} CPU-s (threads ${threadsCpu()
        .filter(([, c]) => c >= 0.5)
        .map(([, c]) => c.toFixed(1))
        .join(
          ', ',
        )}); PostgreSQL ${pg.reduce((a, b) => a + b, 0).toFixed(1)} CPU-s (${pg.map((c) => c.toFixed(1)).join(', ')})`,
    );
  }
} finally {
  await database.close();
}
