// The roll-up upkeep of a value import (and of an undo's values), as deltas computed in PostgreSQL from the import's staged tables (plan-values.ts):
// every changed cell adds what it adds to the sums of its kecamatan and takes back what the stored cell added, those
// are summed per kecamatan, kabupaten, provinsi and Indonesia (kode prefixes), and one UPDATE adds them to exactly the
// elements of the stored rows they touch, stamping the rows with the load. Nothing is read back into this process: the
// cost follows the cells changed, not the desa under their ancestors.
//
// Which sums a desa adds is the domain's (packages/domain indicators/rollup-sums.ts, addDesaRollupSums): per month Σ
// numerators and denominators (counted, or the annual sasaran) of usable reports with a denominator, reports, reports
// with a denominator, simulated cells; and the triangle (t, k) of each desa's last usable month k ≤ t. This module
// states the same rule as a difference per changed cell, so it needs no whole rows. Changes are applied month by month
// in increasing order (a telescoping sum), so for a change in month m the row holds its new months before m and its
// stored months after m; then only these move:
//   - month m's five monthly sums (the cell's usable report, numerator, denominator, simulated flag);
//   - the triangle cells (t, L(t)) for t = m … N − 1, N the first usable stored month after m (the months after N keep
//     their last usable month): L(t) is m when month m is usable, else P, the last usable month before m.
// The property test (rollup-upkeep.test.ts, embedded and PostgreSQL) checks after random imports and undos that every
// stored roll-up equals a recomputation from the desa rows through addDesaRollupSums: the SQL and the domain agree.
// Sums of sasaran (den, last_den) are float8; each addition is rounded to 6 decimals so a long run of imports leaves no
// drift (sasaran have at most 2 decimals). An undo feeds its restored cells the same way (undo-values.ts: a restored cell
// may be empty or simulated); sasaran imports recompute instead (rollup-upkeep.ts).
// The triangles exist only for the indicators whose period rule reads them (domain keptTriangles; NULL otherwise): no
// triangle deltas are computed for the others, and a NULL triangle stays NULL.
import { INDICATORS, keptTriangles } from '@peta/domain';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { after, STAGED } from '../imports/plan-values.ts';

/** The indicators that keep a triangle, as a SQL array literal. */
const keeping = (triangle: 'lastNum' | 'lastDen') =>
  `array[${INDICATORS.filter((d) => keptTriangles(d)[triangle])
    .map((d) => `'${d.code}'`)
    .join(', ')}]::text[]`;
const KEEPS_LAST_NUM = keeping('lastNum');
const KEEPS_LAST_DEN = keeping('lastDen'); // every indicator that keeps last_num keeps last_den

const MONTH_FIELDS = ['num', 'den', 'reports', 'reports_with_den', 'simulated'] as const;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The changed desa rows of a write, as the deltas read them: a staged table (alias r) with one row per desa row —
 * kode, indicator, year, months (the changed months), f_num and f_den (the new cells of those months), b_num, b_den,
 * b_sim (the stored arrays), counted, sasaran (the desa's annual sasaran of the indicator's group) — and how it reads.
 */
export interface DeltaSource {
  table: string;
  /** Month j of the row after the write, in terms of r. */
  after: { num: (j: number | string) => string; den: (j: number | string) => string };
  /** The columns of r that `after` reads. */
  afterColumns: string[];
  /** The new cell of a changed month may be empty (an undo back to no report); an import always writes a numerator. */
  newMayBeEmpty: boolean;
  /** The new cell's simulated flag (month m of r; an undo restores simulated cells), null: never simulated. */
  newSimulated: string | null;
}

/** An import's rows as planValues staged them. */
export const IMPORT_DELTAS: DeltaSource = {
  table: STAGED.row,
  after,
  afterColumns: ['f_num', 'f_den', 'b_num', 'b_den'],
  newMayBeEmpty: false,
  newSimulated: null,
};

/**
 * The deltas of every ancestor of the changed desa cells of the source, into the unlogged table rollup_delta (dropped again by applyRollupDeltas):
 * (kode, indicator, year, slot, num, den, reports, reports_with_den, simulated). Slots 1–12 are months (all five
 * sums); slot 12 + i is element i of the triangle (last_num, last_den in num, den). The counts stay int at every step
 * (a sum of sums of int would be numeric, slower to sum and to add; the stored arrays are int anyway).
 */
export function stageRollupDeltas(source: DeltaSource): string {
  /** A month of the row after the write (months before the change) is usable: a numerator and, if counted, a denominator. */
  const usableAfter = (j: number) =>
    `(${source.after.num(j)} is not null and (not r.counted or ${source.after.den(j)} is not null))`;
  /** A stored month (months after the change) is usable. */
  const usableBefore = (j: number) => `(r.b_num[${j}] is not null and (not r.counted or r.b_den[${j}] is not null))`;
  /** The new cell of month m is usable. */
  const usableNew = `(${source.newMayBeEmpty ? 'r.f_num[m] is not null and ' : ''}(not r.counted or r.f_den[m] is not null))`;
  const inC = (expression: string) => expression.replaceAll('r.', 'c.');
  return `create unlogged table rollup_delta as
    with c as (
      select r.kode, r.indicator, r.year, m, r.f_num[m] as num, r.f_den[m] as den, r.b_num[m] as old_num,
        r.b_den[m] as old_den, r.b_sim[m] as old_sim, r.counted, r.sasaran,
        (r.counted or r.sasaran is not null) as has_den, r.indicator = any(${KEEPS_LAST_DEN}) as tri,
        ${usableNew} as un,
        (r.b_num[m] is not null and (not r.counted or r.b_den[m] is not null)) as uo,
        ${source.newSimulated ? `${source.newSimulated} as new_sim, ` : ''}${source.afterColumns.map((column) => `r.${column}`).join(', ')},
        -- P and N once per cell (P only matters when the cell's usability changes: a report added or removed). The
        -- offset 0 keeps c a subquery of its own, so they are not expanded into every use of p and nx below; computed
        -- here rather than in a lateral subquery, they run in the parallel workers with the scan.
        case when ${usableNew}
            <> (r.b_num[m] is not null and (not r.counted or r.b_den[m] is not null))
          then greatest(${range(1, 11)
            .map((j) => `case when ${j} < m and ${usableAfter(j)} then ${j} end`)
            .join(', ')}) end as p,
        coalesce(least(${range(2, 12)
          .map((j) => `case when ${j} > m and ${usableBefore(j)} then ${j} end`)
          .join(', ')}), 13) as nx
      from ${source.table} r cross join unnest(r.months) m
      where length(r.kode) = 13 offset 0),
    q as (
      select c.kode, c.indicator, c.year, c.m, c.nx, c.has_den, c.tri, c.un, c.uo,
        case when c.counted then c.den else c.sasaran end as den_new,
        case when c.counted then c.old_den else c.sasaran end as den_old,
        c.num, c.old_num, c.old_sim, ${source.newSimulated ? 'c.new_sim, ' : ''}c.p,
        ${inC(source.after.num('c.p'))} as num_p,
        case when c.counted then ${inC(source.after.den('c.p'))} else c.sasaran end as den_p
      from c),
    -- Cells summed per kecamatan and shape (month, range of t, k of the new and the old side) before fanning out.
    g as (
      select left(q.kode, 8) as kode, q.indicator, q.year, q.m, q.nx,
        -- the triangle cells (t, k) the cell moves, for an indicator that keeps the triangles
        case when q.has_den and q.tri then case when q.un then q.m else q.p end end as k_new,
        case when q.has_den and q.tri then case when q.uo then q.m else q.p end end as k_old,
        sum(case when q.has_den then (case when q.un then q.num else 0 end) - (case when q.uo then q.old_num else 0 end)
          else 0 end)::int as num,
        sum(case when q.has_den then (case when q.un then q.den_new else 0 end)
          - (case when q.uo then q.den_old else 0 end) else 0 end) as den,
        sum(q.un::int - q.uo::int)::int as reports,
        sum(case when q.has_den then q.un::int - q.uo::int else 0 end)::int as reports_with_den,
        sum(${source.newSimulated ? '(q.num is not null and q.new_sim is true)::int ' : ''}-(q.old_num is not null and q.old_sim is true)::int)::int
          as simulated,
        sum(case when q.un then q.num else q.num_p end)::int as last_num_new,
        sum(case when q.un then q.den_new else q.den_p end) as last_den_new,
        sum(case when q.uo then q.old_num else q.num_p end)::int as last_num_old,
        sum(case when q.uo then q.den_old else q.den_p end) as last_den_old
      from q group by 1, 2, 3, 4, 5, 6, 7),
    kecamatan as (
      select g.kode, g.indicator, g.year, g.m as slot, g.num, g.den, g.reports, g.reports_with_den, g.simulated
      from g
      union all
      select g.kode, g.indicator, g.year, 12 + t * (t - 1) / 2 + e.k, e.num, e.den, 0, 0, 0
      from g cross join generate_series(g.m, g.nx - 1) t
        cross join lateral (values (g.k_new, g.last_num_new, g.last_den_new),
          (g.k_old, -g.last_num_old, -g.last_den_old)) e(k, num, den)
      where e.k is not null),
    -- Summed level by level: each kecamatan, then each kabupaten from its kecamatan's sums, each provinsi from its
    -- kabupaten's, Indonesia from the provinsi's (a national month: ~2 M rows summed instead of the 4.7 M of every
    -- row fanned out to its four ancestors).
    kec as (${sumBy('k.kode', 'kecamatan')}),
    kab as (${sumBy('left(k.kode, 5)', 'kec')}),
    prov as (${sumBy('left(k.kode, 2)', 'kab')})
    select * from kec union all select * from kab union all select * from prov
    union all ${sumBy("''", 'prov')}`;
}

/** The rows of `from` (alias k) summed per kode (the given expression of k.kode), indicator, year and slot. */
const sumBy = (kode: string, from: string) =>
  `select ${kode} as kode, k.indicator, k.year, k.slot, sum(k.num)::int as num, sum(k.den) as den,
      sum(k.reports)::int as reports, sum(k.reports_with_den)::int as reports_with_den, sum(k.simulated)::int as simulated
    from ${from} k group by 1, 2, 3, 4`;

const FLOAT_COLUMNS = new Set(['den', 'last_den']);
const TRIANGLE_KEPT_BY: Record<string, string> = { last_num: KEEPS_LAST_NUM, last_den: KEEPS_LAST_DEN };
const LENGTH: Record<string, number> = { last_num: 78, last_den: 78 };

/**
 * The column plus the deltas of its touched elements, as one array expression: the untouched runs as slices of the
 * stored array (of zeros for a row not stored yet, `stored` = false), the touched runs as array constructors (sums of
 * sasaran rounded to 6 decimals), joined by `||`. Assigning the elements one by one (`column[i] = …` per element) copied
 * the whole array for each of them: measured on a national month (156,760 rows, 28 touched slots) the expressions took
 * ~4.5 s that way against ~1.3 s this way.
 */
function plusDeltas(column: string, deltas: Map<number, string>, stored: boolean): string {
  const length = LENGTH[column] ?? 12;
  const float = FLOAT_COLUMNS.has(column);
  const element = (i: number) => {
    const sum = stored ? `v.${column}[${i}] + ${deltas.get(i)}` : deltas.get(i)!;
    return float ? `round((${sum}) * 1e6) / 1e6` : sum;
  };
  const parts: string[] = [];
  for (let i = 1; i <= length; ) {
    const from = i;
    const touched = deltas.has(i);
    while (i <= length && deltas.has(i) === touched) i++;
    if (touched)
      parts.push(
        `array[${range(from, i - 1)
          .map(element)
          .join(', ')}]`,
      );
    else if (stored) parts.push(`v.${column}[${from}:${i - 1}]`);
    else parts.push(`array_fill(0${float ? '::float8' : ''}, array[${i - from}])`);
  }
  return parts.join(' || ');
}

/**
 * Add the deltas of the write staged in the source (an import's by planValues, unless told) to the stored roll-ups (a
 * missing row starts from zero).
 */
export async function applyRollupDeltas(db: DbOrTx, loadId: number, source = IMPORT_DELTAS): Promise<void> {
  await db.execute(sql.raw('drop table if exists rollup_delta'));
  await db.execute(sql.raw(stageRollupDeltas(source)));
  const slots = (
    await db.execute<{ slot: number }>(sql.raw('select distinct slot from rollup_delta order by slot'))
  ).rows.map((r) => r.slot);
  if (slots.length) await mergeDeltas(db, loadId, slots);
  await db.execute(sql.raw('drop table rollup_delta'));
}

async function mergeDeltas(db: DbOrTx, loadId: number, slots: number[]): Promise<void> {
  // Only the touched elements change (an import of one month touches a handful of the 216).
  const pivot: string[] = [];
  const deltas = new Map<string, Map<number, string>>();
  const touch = (column: string, index: number, field: string, slot: number) => {
    const cast = FLOAT_COLUMNS.has(column) ? '' : '::int';
    pivot.push(`coalesce(sum(${field}) filter (where slot = ${slot}), 0)${cast} as ${field}_${slot}`);
    deltas.set(column, (deltas.get(column) ?? new Map()).set(index, `d.${field}_${slot}`));
  };
  for (const slot of slots) {
    if (slot <= 12) for (const field of MONTH_FIELDS) touch(field, slot, field, slot);
    else {
      touch('last_num', slot - 12, 'num', slot);
      touch('last_den', slot - 12, 'den', slot);
    }
  }
  // One pass over the stored rows: a row not stored yet (a wilayah's first cell of the indicator and year) starts
  // from zeros. (An INSERT of the missing rows before an UPDATE read every touched row twice.)
  const columns = ['num', 'den', 'reports', 'reports_with_den', 'simulated', 'last_num', 'last_den'];
  const plain = (column: string, stored: boolean) => {
    const touched = deltas.get(column);
    if (touched) return plusDeltas(column, touched, stored);
    const length = LENGTH[column] ?? 12;
    return stored ? `v.${column}` : `array_fill(0${FLOAT_COLUMNS.has(column) ? '::float8' : ''}, array[${length}])`;
  };
  // A triangle stays NULL where its indicator does not keep it, and a new row has it only where it does.
  const value = (column: string, stored: boolean) => {
    const keeps = TRIANGLE_KEPT_BY[column];
    if (!keeps) return plain(column, stored);
    return stored
      ? `case when v.${column} is not null then ${plain(column, true)} end`
      : `case when d.indicator = any(${keeps}) then ${plain(column, false)} end`;
  };
  await db.execute(
    sql.raw(`merge into value_rollup v
    using (select kode, indicator, year, ${pivot.join(', ')} from rollup_delta group by kode, indicator, year) d
    on v.kode = d.kode and v.indicator = d.indicator and v.year = d.year
    when matched then update set ${columns
      .filter((column) => deltas.has(column))
      .map((column) => `${column} = ${value(column, true)}`)
      .join(', ')}, load_id = ${loadId}
    when not matched then insert (indicator, year, kode, ${columns.join(', ')}, load_id)
      values (d.indicator, d.year, d.kode, ${columns.map((column) => value(column, false)).join(', ')}, ${loadId})`),
  );
}
