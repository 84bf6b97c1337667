// The roll-up upkeep of a value import, as deltas: each changed desa row adds what its new year adds and takes back
// what its stored year added (addDesaRollupSums, the domain's rule), summed per kecamatan here and from those per
// kabupaten, provinsi and Indonesia; then one statement adds the deltas to the stored rows of exactly those ancestors
// and stamps them with the load. The import already holds both years of every changed row (its diff), so nothing is
// read back: the cost follows the rows changed, not the desa under their ancestors. Sums of sasaran (den, last_den)
// are float8; each addition is rounded to 6 decimals so a long run of imports leaves no drift behind (sasaran have
// at most 2 decimals). Undo and sasaran imports recompute instead (rollup-upkeep.ts): the same sums.
import {
  addDesaRollupSums,
  addRollupSums,
  ancestorAt,
  emptyRollupSums,
  getIndicator,
  sasaranGroupOf,
  type RollupSums,
} from '@peta/domain';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { copyInto } from '../imports/bulk-sql.ts';
import type { ValueRow } from '../imports/indicator-values-repository.ts';
import { ROLLUP_COPY_COLUMNS, rollupCopyLine } from './rollup-accumulator.ts';
import { INDONESIA } from './rollup-repository.ts';

/** One changed desa row: its stored year (absent: new row) and the year the import writes. */
export interface RowChange {
  before: ValueRow | undefined;
  after: ValueRow;
}

type Sums = Map<string, RollupSums>; // `${indicator}|${year}|${kode}`

function take(sums: Sums, key: string): RollupSums {
  let s = sums.get(key);
  if (!s) sums.set(key, (s = emptyRollupSums()));
  return s;
}

const FIELDS = ['num', 'den', 'reports', 'reportsWithDen', 'simulated', 'lastNum', 'lastDen'] as const;

/** into −= from, element by element. */
function subtract(into: RollupSums, from: RollupSums) {
  for (const field of FIELDS) {
    const a = into[field];
    const b = from[field];
    for (let i = 0; i < a.length; i++) a[i]! -= b[i]!;
  }
}

/**
 * The deltas of every ancestor (kecamatan, kabupaten, provinsi, Indonesia) of the changed rows. `sasaranOf` gives a
 * desa's annual sasaran of a group (null: unknown); an import leaves sasaran as they are, so before and after share it.
 */
export function rollupDeltas(
  changes: Iterable<RowChange>,
  sasaranOf: (kode: string, year: number, group: string) => number | null,
): Sums {
  const added: Sums = new Map();
  const removed: Sums = new Map();
  let lastDesa = '';
  let lastKecamatan: string | null = null;
  for (const { before, after } of changes) {
    const def = getIndicator(after.indicator);
    if (!def) continue;
    if (after.kode !== lastDesa) [lastDesa, lastKecamatan] = [after.kode, ancestorAt(after.kode, 'kecamatan')];
    if (!lastKecamatan || lastKecamatan === after.kode) continue;
    const group = sasaranGroupOf(def);
    const sasaran = group ? sasaranOf(after.kode, after.year, group) : null;
    const key = `${after.indicator}|${after.year}|${lastKecamatan}`;
    addDesaRollupSums(take(added, key), def, after, sasaran);
    if (before) addDesaRollupSums(take(removed, key), def, before, sasaran);
  }
  const deltas: Sums = new Map();
  for (const [key, sums] of added) {
    const gone = removed.get(key);
    if (gone) subtract(sums, gone);
    deltas.set(key, sums);
  }
  // Each level from the one below: kecamatan → kabupaten → provinsi → Indonesia.
  let level = deltas;
  for (const parentOf of [
    (kode: string) => ancestorAt(kode, 'kabupaten')!,
    (kode: string) => ancestorAt(kode, 'provinsi')!,
    () => INDONESIA,
  ]) {
    const upper: Sums = new Map();
    for (const [key, sums] of level) {
      const [indicator, year, kode] = key.split('|') as [string, string, string];
      addRollupSums(take(upper, `${indicator}|${year}|${parentOf(kode)}`), sums);
    }
    for (const [key, sums] of upper) deltas.set(key, sums);
    level = upper;
  }
  return deltas;
}

/** element-wise stored + delta, in month (or triangle cell) order; sums of sasaran rounded to 6 decimals. */
const plus = (column: string, float: boolean) =>
  `${column} = array(select ${float ? 'round((a + b) * 1e6) / 1e6' : 'a + b'}
    from unnest(value_rollup.${column}, excluded.${column}) with ordinality u(a, b, i) order by i)`;

/** Add the deltas to the stored roll-ups (a missing row: the deltas are its sums) and stamp them with the load. */
export async function applyRollupDeltas(db: DbOrTx, deltas: Sums, loadId: number): Promise<void> {
  if (!deltas.size) return;
  await db.execute(sql`create temp table rollup_delta (like value_rollup) on commit drop`);
  await copyInto(
    db,
    `rollup_delta (${ROLLUP_COPY_COLUMNS})`,
    (function* () {
      for (const [key, sums] of deltas) {
        const [indicator, year, kode] = key.split('|') as [string, string, string];
        yield rollupCopyLine({ indicator, year: Number(year), kode, loadId, ...sums });
      }
    })(),
  );
  await db.execute(
    sql.raw(`insert into value_rollup (${ROLLUP_COPY_COLUMNS}) select ${ROLLUP_COPY_COLUMNS} from rollup_delta
    on conflict (kode, indicator, year) do update set ${[
      plus('num', false),
      plus('den', true),
      plus('reports', false),
      plus('reports_with_den', false),
      plus('simulated', false),
      plus('last_num', false),
      plus('last_den', true),
    ].join(', ')}, load_id = excluded.load_id`),
  );
  await db.execute(sql`drop table rollup_delta`);
}
