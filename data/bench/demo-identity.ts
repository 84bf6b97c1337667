// md5 of the demo tables of a data dir in key order (all columns, load ids included) and of their rows' physical order:
// the identity check of a change to the demo's generation or load, on two data dirs kept by `bench:national
// first-start` (BENCH_KEEP_DATA=1).   BENCH_DATA_DIR=<dir> pnpm --filter @peta/data exec tsx bench/demo-identity.ts
import { join } from 'node:path';
import { openDatabase } from '@peta/db';

const dir = process.env.BENCH_DATA_DIR;
if (!dir) throw new Error('BENCH_DATA_DIR: a data dir');
const QUERIES = {
  indicator_value: `select count(*), md5(string_agg(t::text, '\n' order by indicator, kode, year)) from indicator_value t`,
  indicator_value_physical: `select md5(string_agg((indicator, kode, year)::text, '\n' order by ctid)) from indicator_value`,
  sasaran: `select count(*), md5(string_agg(t::text, '\n' order by kode, year, "group")) from sasaran t`,
  sasaran_physical: `select md5(string_agg((kode, year, "group")::text, '\n' order by ctid)) from sasaran`,
  value_rollup: `select count(*), md5(string_agg(t::text, '\n' order by kode, indicator, year)) from value_rollup t`,
  value_rollup_physical: `select md5(string_agg((kode, indicator, year)::text, '\n' order by ctid)) from value_rollup`,
  data_load: `select count(*), md5(string_agg((id, kind, description, simulated, target, oleh, details - 'rollupMs')::text, '\n' order by id)) from data_load where kind = 'demo'`,
  indexes: `select md5(string_agg(indexdef, '\n' order by indexname)) from pg_indexes where tablename in ('indicator_value', 'sasaran', 'value_rollup')`,
  constraints: `select md5(string_agg(conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated, '\n' order by conname)) from pg_constraint where conrelid in ('indicator_value'::regclass, 'sasaran'::regclass, 'value_rollup'::regclass)`,
};
const database = await openDatabase({ dataDir: join(dir, 'pg') });
try {
  for (const [name, sql] of Object.entries(QUERIES)) {
    const row = (await database.pool.query(sql)).rows[0] as { count?: string; md5: string };
    console.log(`${name}\t${row.count ?? ''}\t${row.md5}`);
  }
} finally {
  await database.close();
}
