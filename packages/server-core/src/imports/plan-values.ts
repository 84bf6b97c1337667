// Diffs the file's value cells against the stored rows inside PostgreSQL, set-based: the cells are COPYed into a
// staging table (import_cell) and every step — added/changed/unchanged, the sample, the warnings that depend on stored
// data (jump from last month, above sasaran), the rows written and their history — is one statement over it. Nothing
// of the stored data comes back to this process but counts, 20 sample cells and the warnings, so a national import
// (1.7 M cells) costs the cells' COPY here and set work in the database, never 1.7 M stored rows in memory.
//
// The rules are the domain's (packages/domain imports/checks.ts: compareCell, isJump, aboveSasaran); the SQL below
// states them once more for whole tables, with the domain's constants, and run-import.test.ts checks both agree on
// every case they name. A dry run (preview) runs planValues and rolls back: the staging tables live until the end of
// the transaction.
import {
  getIndicator,
  JUMP_FACTOR,
  JUMP_MIN_VALUE,
  sasaranGroupOf,
  type ImportIssue,
  type IndicatorDef,
} from '@peta/domain';
import type { DbOrTx } from '@peta/db';
import { sql } from 'drizzle-orm';
import { arrayParam, copyField, copyInto, copyText } from './bulk-sql.ts';
import type { ValueCell } from './parse/parsed.ts';

export interface Counts {
  added: number;
  changed: number;
  unchanged: number;
}

export interface CellSample {
  row: number;
  kode: string;
  indicator: string;
  period: string;
  change: 'added' | 'changed';
  old: { numerator: number | null; denominator: number | null; simulated: boolean | null } | null;
  new: { numerator: number; denominator: number | null };
}

export interface ValuesPlan {
  counts: Counts;
  warnings: ImportIssue[];
  sample: CellSample[];
}

export const SAMPLE_SIZE = 20;
/** work_mem of an import's transaction. */
const IMPORT_WORK_MEM = '256MB';
/** Stands for the id of the data_load being written (known only at commit). */
export const LOAD_PLACEHOLDER = -1;

const ym = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** `array[expr(1), …, expr(12)]`: twelve expressions side by side are far cheaper than a subquery per row. */
export const monthArray = (expr: (m: number) => string) => `array[${MONTHS.map(expr).join(', ')}]`;

/** Staged tables of one import (temporary, dropped at the end of its transaction). */
export const STAGED = {
  /** Per indicator of the file: what its rules need from the catalogue. */
  indicator: 'import_indicator',
  /** Every cell of the file, `n` = its place in the file's order. */
  cell: 'import_cell',
  /** Every cell with its stored month and verdict. */
  diff: 'import_diff',
  /**
   * Per desa row with a changed month: its changed months, the stored arrays (b_*), the file's changed months (f_*,
   * NULL elsewhere), whether the denominator is counted and the desa's annual sasaran of the indicator's group.
   */
  row: 'import_row',
  /** Every cell with what its warnings are judged on: last month and January..month after the import. */
  judged: 'import_judged',
} as const;

/** The stored arrays merged with the file's changed months: the row as it is after the import. */
export const after = {
  num: (m: number | string) => `coalesce(r.f_num[${m}], r.b_num[${m}])`,
  den: (m: number | string) => `(case when r.f_num[${m}] is null then r.b_den[${m}] else r.f_den[${m}] end)`,
};

export async function planValues(db: DbOrTx, cells: ValueCell[]): Promise<ValuesPlan> {
  const defs = new Map<string, IndicatorDef>();
  for (const c of cells) if (!defs.has(c.indicator)) defs.set(c.indicator, getIndicator(c.indicator)!);
  const indicators = [...defs.values()];
  // The statements below join and sort a whole file (a national import: 1.7 M cells) once each: with the default
  // 4 MB they spill to disk. One import runs at a time (the import lock), and the setting ends with its transaction.
  await db.execute(sql.raw(`set local work_mem = '${IMPORT_WORK_MEM}'`));
  // Each statement here is estimated far above jit_above_cost, so a server built with JIT (PostgreSQL 15 from Debian)
  // would compile its twelve-element array expressions anew for every statement of every import: seconds of
  // compilation for statements that run once. The embedded server has no JIT; this keeps a server's plans the same.
  await db.execute(sql.raw('set local jit = off'));
  await db.execute(
    sql.raw(`create temp table ${STAGED.indicator} (indicator text primary key, counted bool not null, grp text,
      above_check bool not null, cumulative bool not null) on commit drop`),
  );
  await db.execute(sql`insert into ${sql.raw(STAGED.indicator)}
    select * from unnest(${arrayParam(
      indicators.map((d) => d.code),
      'text',
    )}, ${arrayParam(
      indicators.map((d) => d.denominator.kind === 'counted'),
      'bool',
    )}, ${arrayParam(
      indicators.map((d) => sasaranGroupOf(d)),
      'text',
    )}, ${arrayParam(
      // aboveSasaran: only a sasaran denominator is a ceiling
      indicators.map((d) => d.denominator.kind === 'sasaran'),
      'bool',
    )}, ${arrayParam(
      indicators.map((d) => d.periodKind === 'ytd_cum' || d.periodKind === 'annual'),
      'bool',
    )})`);
  await db.execute(
    sql.raw(`create temp table ${STAGED.cell} (n int, file_row int, file_column text, indicator text,
      kode text collate "C", year int, month int, num int, den int) on commit drop`),
  );
  await copyInto(
    db,
    STAGED.cell,
    (function* () {
      for (let n = 0; n < cells.length; n++) {
        const c = cells[n]!;
        yield `${n}\t${c.row}\t${copyText(c.column)}\t${c.indicator}\t${c.kode}\t${c.year}\t${c.month}\t${c.numerator}\t${copyField(c.denominator)}\n`;
      }
    })(),
  );
  await db.execute(sql.raw(`analyze ${STAGED.cell}`));
  // compareCell: no stored numerator → added; the same numbers on a real (not simulated) cell → unchanged.
  await db.execute(
    sql.raw(`create temp table ${STAGED.diff} on commit drop as
    select c.n, c.file_row, c.file_column, c.indicator, c.kode, c.year, c.month, c.num, c.den,
      v.numerators[c.month] as old_num, v.denominators[c.month] as old_den,
      v.month_load_ids[c.month] as old_load, v.month_simulated[c.month] as old_sim,
      case when v.numerators[c.month] is null then 'added'
        when v.numerators[c.month] = c.num and v.denominators[c.month] is not distinct from c.den
          and v.month_simulated[c.month] is false then 'unchanged'
        else 'changed' end as verdict,
      -- for the warnings: the stored month before, and the stored January..month of a cumulative indicator
      v.numerators[c.month - 1] as prev_stored,
      case when i.cumulative and i.above_check then
        ${MONTHS.map((m) => `(case when c.month >= ${m} then coalesce(v.numerators[${m}], 0) else 0 end)`).join(' + ')}
      end as cum_stored
    from ${STAGED.cell} c join ${STAGED.indicator} i using (indicator)
    left join indicator_value v using (indicator, kode, year)`),
  );
  const counts: Counts = { added: 0, changed: 0, unchanged: 0 };
  for (const r of (
    await db.execute<{ verdict: keyof Counts; count: number }>(
      sql.raw(`select verdict, count(*)::int as count from ${STAGED.diff} group by verdict`),
    )
  ).rows)
    counts[r.verdict] = r.count;
  const sample = (
    await db.execute<{
      file_row: number;
      kode: string;
      indicator: string;
      year: number;
      month: number;
      verdict: 'added' | 'changed';
      num: number;
      den: number | null;
      old_num: number | null;
      old_den: number | null;
      old_sim: boolean | null;
    }>(
      sql.raw(`select file_row, kode, indicator, year, month, verdict, num, den, old_num, old_den, old_sim
      from ${STAGED.diff} where verdict <> 'unchanged' order by n limit ${SAMPLE_SIZE}`),
    )
  ).rows.map(
    (r): CellSample => ({
      row: r.file_row,
      kode: r.kode,
      indicator: r.indicator,
      period: ym(r.year, r.month),
      change: r.verdict,
      old: r.verdict === 'added' ? null : { numerator: r.old_num, denominator: r.old_den, simulated: r.old_sim },
      new: { numerator: r.num, denominator: r.den },
    }),
  );
  // The desa rows with a changed month: the stored arrays and the file's changed months, for the warnings judged on
  // the data after the import and for the writes.
  await db.execute(
    sql.raw(`create temp table ${STAGED.row} on commit drop as
    with f as (
      select indicator, kode, year, array_agg(month order by month) as months,
        ${monthArray((m) => `max(num) filter (where month = ${m})`)} as f_num,
        ${monthArray((m) => `max(den) filter (where month = ${m})`)} as f_den
      from ${STAGED.diff} where verdict <> 'unchanged' group by indicator, kode, year)
    select f.*, i.counted, s.value as sasaran, v.numerators as b_num, v.denominators as b_den,
      v.month_load_ids as b_load, v.month_simulated as b_sim
    from f join ${STAGED.indicator} i using (indicator)
    left join indicator_value v using (indicator, kode, year)
    left join sasaran s on s.kode = f.kode and s.year = f.year and s."group" = i.grp`),
  );
  const warnings = await stateWarnings(db);
  return { counts, warnings, sample };
}

/** Warnings judged on the data as it will be after the import: > 3× last month, numerator above its sasaran. */
async function stateWarnings(db: DbOrTx): Promise<ImportIssue[]> {
  // One pass over the cells in row × month order: the month before as it is after the import (the file's cell when the
  // file holds it, else the stored one) and January..month after the import (stored + what the file's cells change).
  await db.execute(
    sql.raw(`create temp table ${STAGED.judged} on commit drop as
    select d.n, d.file_row, d.file_column, d.indicator, d.kode, d.year, d.month, d.num, i.grp, i.cumulative,
      i.above_check,
      case when d.month = 1 then null
        when lag(d.month) over w = d.month - 1 then lag(d.num) over w
        else d.prev_stored end as previous,
      case when i.cumulative
        then d.cum_stored + sum(d.num - coalesce(d.old_num, 0)) over (w rows between unbounded preceding and current row)
        else d.num end as amount
    from ${STAGED.diff} d join ${STAGED.indicator} i using (indicator)
    window w as (partition by d.indicator, d.kode, d.year order by d.month)`),
  );
  await db.execute(sql.raw(`analyze ${STAGED.judged}`));
  // January looks at December of the year before: the file's, else the stored one (a separate, usually empty, step).
  await db.execute(
    sql.raw(`update ${STAGED.judged} j set previous = coalesce(p.num, v.numerators[12])
    from ${STAGED.judged} j1
    left join ${STAGED.cell} p on p.indicator = j1.indicator and p.kode = j1.kode and p.year = j1.year - 1
      and p.month = 12
    left join indicator_value v on v.indicator = j1.indicator and v.kode = j1.kode and v.year = j1.year - 1
    where j1.month = 1 and j.n = j1.n`),
  );
  const jumps = await db.execute<{
    n: number;
    file_row: number;
    file_column: string;
    indicator: string;
    kode: string;
    year: number;
    month: number;
    num: number;
    previous: number;
  }>(
    sql.raw(`select n, file_row, file_column, indicator, kode, year, month, num, previous from ${STAGED.judged}
    where num >= ${JUMP_MIN_VALUE} and previous > 0 and num > ${JUMP_FACTOR} * previous`),
  );
  // aboveSasaran: once per desa × indicator × year, at its first cell in the file above the desa's annual sasaran.
  const above = await db.execute<{
    n: number;
    file_row: number;
    file_column: string;
    indicator: string;
    kode: string;
    year: number;
    month: number;
    grp: string;
    cumulative: boolean;
    amount: number;
    target: number;
  }>(
    sql.raw(`select distinct on (j.indicator, j.kode, j.year) j.n, j.file_row, j.file_column, j.indicator, j.kode,
      j.year, j.month, j.grp, j.cumulative, j.amount, s.value as target
    from ${STAGED.judged} j join sasaran s on s.kode = j.kode and s.year = j.year and s."group" = j.grp
    where j.above_check and j.amount > s.value
    order by j.indicator, j.kode, j.year, j.n`),
  );
  const issues: (ImportIssue & { n: number; order: number })[] = [];
  for (const j of jumps.rows)
    issues.push({
      n: j.n,
      order: 0,
      row: j.file_row,
      column: j.file_column,
      code: 'JUMP',
      message: `${j.indicator} ${j.kode} ${ym(j.year, j.month)}: ${j.num}, lebih dari 3× bulan sebelumnya (${j.previous}).`,
    });
  for (const a of above.rows)
    issues.push({
      n: a.n,
      order: 1,
      row: a.file_row,
      column: a.file_column,
      code: 'ABOVE_SASARAN',
      message: `${a.indicator} ${a.kode} ${ym(a.year, a.month)}: ${a.cumulative ? 'jumlah Januari s.d. bulan ini' : 'pembilang'} ${a.amount} melebihi sasaran ${a.grp} ${a.target}.`,
    });
  issues.sort((a, b) => a.n - b.n || a.order - b.order);
  return issues.map(({ n: _n, order: _order, ...issue }) => issue);
}

/** Writes the staged plan: the desa rows with their changed months, and the history of every changed cell. */
export async function writeValues(db: DbOrTx, loadId: number): Promise<void> {
  const changed = (m: number) => `r.f_num[${m}] is not null`;
  // A row with one changed month (a monthly file: nearly all) is its stored arrays with that element replaced — slices,
  // about half the work of twelve expressions per array; any other row is built month by month.
  const spliced = (column: string, value: string) => `r.${column}[1:r.m - 1] || ${value} || r.${column}[r.m + 1:12]`;
  await db.execute(
    sql.raw(`insert into indicator_value (indicator, kode, year, numerators, denominators, month_load_ids, month_simulated)
    select r.indicator, r.kode, r.year,
      case when r.single then ${spliced('b_num', 'r.f_num[r.m]')} else ${monthArray(after.num)} end,
      case when r.b_den is null and not r.counted then null
        when r.single and r.b_den is not null then ${spliced('b_den', 'r.f_den[r.m]')}
        else ${monthArray(after.den)} end,
      case when r.single then ${spliced('b_load', String(loadId))}
        else ${monthArray((m) => `case when ${changed(m)} then ${loadId} else r.b_load[${m}] end`)} end,
      case when r.single then ${spliced('b_sim', 'false')}
        else ${monthArray((m) => `case when ${changed(m)} then false else r.b_sim[${m}] end`)} end
    from (select *, months[1] as m, b_num is not null and cardinality(months) = 1 as single from ${STAGED.row}
      offset 0) r
    order by r.indicator, r.kode, r.year
    on conflict (indicator, kode, year) do update set numerators = excluded.numerators,
      denominators = excluded.denominators, month_load_ids = excluded.month_load_ids,
      month_simulated = excluded.month_simulated`),
  );
  // The history keeps its foreign key to data_load although PostgreSQL checks it once per row (a national month: 5.5–8.4 s
  // of the statement's 16–24 s, about 4 % of the import): the load row is inserted just before in this transaction, but
  // dropping the constraint would leave history that no load explains to every other writer (an undo, a cleanup).
  await db.execute(
    sql.raw(`insert into indicator_value_change (load_id, indicator, kode, year, month, old_numerator, old_denominator,
      old_load_id, old_simulated, new_numerator, new_denominator)
    select ${loadId}, indicator, kode, year, month, old_num, old_den, old_load, old_sim, num, den
    from ${STAGED.diff} where verdict <> 'unchanged'
    order by indicator, kode, year, month`),
  );
}
