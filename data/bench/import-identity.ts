// The hard rule before timing a change to the import's statements (docs/measurements.md, sessions 9–13): committed on
// a fresh copy of the national data, a national month (SALT, default 4242), then six months of provinsi 33 (2025-12 and
// 2026-01..05, with its October cells again, all unchanged), then the undo of that import, printing after each step
// the counts, a hash of the warnings and of the sample, and the md5 of indicator_value, indicator_value_history and
// value_rollup. Run with main's code and a change's on two identical copies: every line must be the same.
//   BENCH_DATA_DIR=<DATA_DIR> pnpm --filter @peta/data exec tsx bench/import-identity.ts
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { openDatabase } from '@peta/db';
import { getIndicator } from '@peta/domain';
import { parseImportFile, runImport, undoImport, type ImportOutcome } from '@peta/server-core';
import { BIG_LIMITS, importInputs, TODAY } from './values-at-scale.ts';

const dataDir = process.env.BENCH_DATA_DIR!;
const database = await openDatabase({ dataDir: `${dataDir}/pg`, reuseRunning: true });
const { desa, indicators } = await importInputs(database);
let i = Number(process.env.SALT ?? 4242);
const line = (kode: string, month: string, code: string) => {
  const counted = getIndicator(code)!.denominator.kind === 'counted';
  const numerator = (i = (i * 1103515245 + 12345) % 2147483648) % 17;
  return `${kode},${month},${code},${numerator},${counted ? numerator + (i % 5) : ''}`;
};
const header = 'kode_wilayah,periode,indikator,pembilang,penyebut';
const national = desa.flatMap((kode) => indicators.map((code) => line(kode, '2026-10', code)));
const jateng = desa.filter((kode) => kode.startsWith('33.'));
const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
const provinsi = [
  ...months.flatMap((month) => jateng.flatMap((kode) => indicators.map((code) => line(kode, month, code)))),
  ...national.filter((l) => l.startsWith('33.')),
];

const hash = (value: unknown) => createHash('md5').update(JSON.stringify(value)).digest('hex');
const tableMd5 = async (table: string, order: string) =>
  (
    await database.pool.query<{ md5: string; n: string }>(
      `select md5(string_agg(md5(t::text), '' order by ${order})) as md5, count(*)::text as n from ${table} t`,
    )
  ).rows[0]!;
async function state(step: string) {
  for (const [table, order] of [
    ['indicator_value', 'indicator, kode, year'],
    ['indicator_value_history', 'load_id, kode, year'],
    ['value_rollup', 'kode, indicator, year'],
  ] as const) {
    const { md5, n } = await tableMd5(table, order);
    console.log(`${step}: ${table} ${n} rows md5 ${md5}`);
  }
}
function report(step: string, outcome: ImportOutcome) {
  console.log(
    `${step}: ${outcome.status} ${JSON.stringify(outcome.counts)} warnings ${outcome.warnings.length} hash ${hash(outcome.warnings)} sample ${hash(outcome.sample)}`,
  );
}
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const importLines = (lines: string[], fileName: string) =>
  runImport(database, {
    bytes: new TextEncoder().encode(`${[header, ...lines].join('\n')}\n`),
    fileName,
    oleh: 'identity',
    today: TODAY,
    parse: (bytes, name, pc) => parseImportFile(bytes, name, pc, BIG_LIMITS),
  });

console.log(`load ${load()}`);
let t = performance.now();
const first = await importLines(national, 'national.csv');
report(`national (${((performance.now() - t) / 1000).toFixed(1)} s)`, first);
await state('national');
t = performance.now();
const second = await importLines(provinsi, 'jateng.csv');
report(`provinsi 33 (${((performance.now() - t) / 1000).toFixed(1)} s)`, second);
await state('provinsi 33');
const undone = await undoImport(database, second.loadId!, 'identity');
console.log(`undo: restored ${undone.restored}`);
await state('undo');
console.log(`load ${load()}`);
await database.close();
