import { openDatabase } from '@peta/db';
const database = await openDatabase({ dataDir: `${process.env.BENCH_DATA_DIR}/pg`, reuseRunning: true });
const q = async (expr: string) =>
  (
    await database.pool.query(
      `select md5(string_agg(md5(${expr}), '' order by kode, indicator, year)) as m, count(*) filter (where t::text ~ '(^|[{,(])-0([,})]|$)') as neg from value_rollup t`,
    )
  ).rows[0];
console.log('raw', await q('t::text'));
console.log('zero-sign normalized', await q(`regexp_replace(t::text, '(^|[{,(])-0(?=[,})]|$)', '\\1' || '0', 'g')`));
await database.close();
