// Diffs the file's value cells against the stored rows inside PostgreSQL, set-based: the cells, grouped per desa row
// (indicator × kode × year) in this process, are COPYed into a staging table (import_file_row) and joined ONCE with the
// stored rows and the sasaran (import_row); every step after — added/changed/unchanged, the sample, the warnings that
// depend on stored data (jump from last month, above sasaran), the rows written, their history and the roll-up deltas —
// is one statement over that table, with no further join of the stored data. Nothing of the stored data comes back to
// this process but counts, 20 sample cells and the warnings (as places in the file: the row and column of a cell are
// looked up here), so a national import (1.7 M cells) costs the COPY here and set work in the database, never 1.7 M
// stored rows in memory.
//
// The rules are the domain's (packages/domain imports/checks.ts: compareCell, isJump, aboveSasaran); the SQL below
// states them once more for whole tables, with the domain's constants, and run-import.test.ts checks both agree on
// every case they name. A dry run (preview) runs planValues and rolls back: the staging tables go with the rollback of
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
import { arrayLiteral, arrayParam, copyChunksInto, copyOutNumbers } from './bulk-sql.ts';
import { copyChunks, type CopyTextWriter } from './copy-text.ts';
import { DesaRowGroups } from './parse/desa-rows.ts';
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

/** The desa rows the write will touch, counted in the tally's pass: the write needs no pass of its own for them. */
export interface RowsToWrite {
  /** Stored rows with a changed month (the UPDATE must write exactly these). */
  stored: number;
  /** Rows not stored yet (the INSERT: none in a month already reported, so it is skipped). */
  new: number;
}

export interface ValuesPlan {
  counts: Counts;
  /** Counted; their words written when asked (PlannedWarnings.list). */
  warnings: PlannedWarnings;
  sample: CellSample[];
  rows: RowsToWrite;
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

/**
 * Staged tables of one import: unlogged tables (no WAL, like temporary ones), not temporary, because PostgreSQL's
 * parallel workers cannot read a temporary table (its pages live in the backend's own memory). They are created inside
 * the import's transaction, so no other session ever sees them and a rollback or a crash removes them; a committing
 * import drops them before it commits (dropStagedValues).
 */
export const STAGED = {
  /** Per indicator of the file: what its rules need from the catalogue. */
  indicator: 'import_indicator',
  /**
   * The file's cells grouped per desa row (indicator × kode × year), as COPYed: a row with one cell (a monthly file:
   * nearly all) as that cell (n, m, num, den), any other as arrays (NULL where the file has no cell).
   */
  file: 'import_file_row',
  /**
   * Every desa row of the file, joined once with what is stored: the file's months (file_months; f_n = each cell's
   * place in the file, f_num, f_den), the changed months (months: added or changed, in month order), the stored arrays
   * (b_*), what the indicator's rules need, and the desa's annual sasaran of the indicator's group.
   */
  row: 'import_row',
} as const;

/**
 * The rows of a staged table (alias r) once per element m of one of its array columns (a row's changed months), as
 * `cross join unnest(r.column) m` gives them — but with unnest in the select list: a ProjectSet node, where a function
 * scan per row put each row's elements into a tuplestore of its own (a national month's 1.7 M rows: 1.1–1.3 s against
 * 2.6–3.0 s in one backend, docs/measurements.md "Session 10"). For serial statements only (the history's INSERT, an
 * undo's temporary table): PostgreSQL places a ProjectSet above a Gather, so parallel workers would pass whole staged
 * rows to the leader to unnest there (the tally, the warnings and the roll-up deltas measured slower that way).
 */
export const eachMonth = (table: string, column: string) => `(select r.*, unnest(r.${column}) as m from ${table} r) r`;

/** The stored arrays merged with the file's months: the row as it is after the import. */
export const after = {
  num: (m: number | string) => `coalesce(r.f_num[${m}], r.b_num[${m}])`,
  den: (m: number | string) => `(case when r.f_num[${m}] is null then r.b_den[${m}] else r.f_den[${m}] end)`,
};

/**
 * compareCell over a row: month m of the file is the stored real cell again (the same numbers, not simulated). A row of
 * one cell (f.m, nearly every row of a monthly file) is compared at that month only: each array subscript copies the
 * array out of its tuple, so twelve of them per row were most of the join's expression work.
 */
const unchanged = (m: number | string) =>
  `(v.numerators[${m}] = f.f_num[${m}] and v.denominators[${m}] is not distinct from f.f_den[${m}] and v.month_simulated[${m}] is false)`;

/**
 * The cells grouped per desa row, as COPY text in ~256 KB chunks: one row per indicator × kode × year in the order of
 * its first cell. A valid file holds each cell once (the parser's DUPLICATE), so a month is never written twice.
 * Exported for the parse bench (data/bench/import-read.ts).
 */
export function fileRowChunks(cells: readonly ValueCell[]): Generator<Buffer> {
  const groups = new DesaRowGroups(cells.length);
  for (let n = 0; n < cells.length; n++) {
    const c = cells[n]!;
    groups.add(n, groups.slot(c.kode, c.indicator), c.year);
  }
  return copyChunks(upTo(groups.size), (g, w) => writeFileRow(cells, groups, g, w));
}

const TAB = 9;
const NEWLINE = 10;

/** One desa row of the file. Its kode and indicator were matched against wilayah and the catalogue: ASCII, no escapes. */
function writeFileRow(cells: readonly ValueCell[], groups: DesaRowGroups, g: number, w: CopyTextWriter): void {
  const first = groups.firstCell(g);
  const c = cells[first]!;
  w.ascii(c.indicator).char(TAB).ascii(c.kode).char(TAB).number(c.year).char(TAB);
  if (!groups.hasMore(g)) {
    w.number(first).char(TAB).number(c.month).char(TAB).number(c.numerator).char(TAB);
    if (c.denominator === null) w.ascii('\\N');
    else w.number(c.denominator);
    w.ascii('\t\\N\t\\N\t\\N\t\\N\n');
    return;
  }
  const ns: (number | null)[] = Array(12).fill(null);
  const nums: (number | null)[] = Array(12).fill(null);
  const dens: (number | null)[] = Array(12).fill(null);
  for (const n of groups.cellsOf(g)) {
    const cell = cells[n]!;
    if (ns[cell.month - 1] !== null)
      throw new Error(`sel ganda ${cell.indicator} ${cell.kode} ${cell.year}-${cell.month}`);
    ns[cell.month - 1] = n;
    nums[cell.month - 1] = cell.numerator;
    dens[cell.month - 1] = cell.denominator;
  }
  const months = MONTHS.filter((m) => ns[m - 1] !== null);
  w.ascii('\\N\t\\N\t\\N\t\\N\t').array(months).char(TAB).array(ns).char(TAB).array(nums).char(TAB).array(dens);
  w.char(NEWLINE);
}

function* upTo(count: number): Generator<number> {
  for (let i = 0; i < count; i++) yield i;
}

/**
 * Sets settings for the rest of the transaction (as SET LOCAL does) in one statement: set_config(name, value, true)
 * per setting, instead of a round trip per SET LOCAL.
 */
async function setLocal(db: DbOrTx, settings: Readonly<Record<string, string>>): Promise<void> {
  const names = Object.keys(settings);
  await db.execute(
    sql`select set_config(s.name, s.value, true) from unnest(${arrayParam(names, 'text')}, ${arrayParam(
      names.map((name) => settings[name]),
      'text',
    )}) as s(name, value)`,
  );
}

/** Sets the given settings back to the session's value for the rest of the transaction (SET LOCAL … TO DEFAULT). */
async function resetLocal(db: DbOrTx, names: readonly string[]): Promise<void> {
  await db.execute(
    sql`select set_config(name, reset_val, true) from pg_settings where name = any(${arrayParam(names, 'text')})`,
  );
}

/** The settings of a transaction that writes a whole file (an import) or a whole load (an undo) set-based. */
const BULK_WRITE_SETTINGS = {
  // The statements join and sort a whole file (a national import: 1.7 M cells) once each: with the default 4 MB they
  // spill to disk. One import or undo runs at a time (the import lock), and the setting ends with its transaction.
  work_mem: IMPORT_WORK_MEM,
  // Each statement is estimated far above jit_above_cost, so a server built with JIT (PostgreSQL 15 from Debian) would
  // compile its twelve-element array expressions anew for every statement of every import: seconds of compilation for
  // statements that run once. The embedded server has no JIT; this keeps a server's plans the same.
  jit: 'off',
};

/** Sets BULK_WRITE_SETTINGS (an undo; planValues sets them with its own). */
export async function setBulkWriteSession(db: DbOrTx): Promise<void> {
  await setLocal(db, BULK_WRITE_SETTINGS);
}

/**
 * Lets PostgreSQL read an import's staged tables and the stored rows with parallel workers: the writes of one import
 * stay in its one backend (one all-or-nothing transaction), but the statements that only read — the join building
 * import_row and the roll-up deltas (CREATE TABLE AS may run its SELECT in parallel, INSERT … SELECT may not), the
 * counts, the sample and the warnings — can use the other core. Set per transaction, so that a server with other
 * defaults plans them alike.
 */
const PARALLEL_READS = {
  max_parallel_workers_per_gather: '2',
  // Each row a worker reads goes to the backend that writes the staged table; at the default cost of passing a row
  // (0.1) the planner kept a national join serial, measured slower (7.2 s against 6.2 s on 2 cores).
  parallel_tuple_cost: '0.001',
};

/** Drops the staged tables of planValues (a committing import, once its roll-ups are written; and before staging). */
export async function dropStagedValues(db: DbOrTx): Promise<void> {
  await db.execute(sql.raw(`drop table if exists ${Object.values(STAGED).join(', ')}`));
}

/**
 * What the SQL rules need of each indicator, as rows (indicator, counted, grp, above_check, cumulative): counted
 * denominator, sasaran group, whether its sasaran is a ceiling (aboveSasaran: only a sasaran denominator), cumulative.
 */
export const indicatorRulesRows = (indicators: readonly IndicatorDef[]) =>
  sql`select * from unnest(${arrayParam(
    indicators.map((d) => d.code),
    'text',
  )}, ${arrayParam(
    indicators.map((d) => d.denominator.kind === 'counted'),
    'bool',
  )}, ${arrayParam(
    indicators.map((d) => sasaranGroupOf(d)),
    'text',
  )}, ${arrayParam(
    indicators.map((d) => d.denominator.kind === 'sasaran'),
    'bool',
  )}, ${arrayParam(
    indicators.map((d) => d.periodKind === 'ytd_cum' || d.periodKind === 'annual'),
    'bool',
  )}) as i(indicator, counted, grp, above_check, cumulative)`;

export async function planValues(db: DbOrTx, cells: ValueCell[]): Promise<ValuesPlan> {
  const defs = new Map<string, IndicatorDef>();
  for (const c of cells) if (!defs.has(c.indicator)) defs.set(c.indicator, getIndicator(c.indicator)!);
  const indicators = [...defs.values()];
  const years = [...new Set(cells.map((c) => c.year))].sort();
  await setLocal(db, {
    ...BULK_WRITE_SETTINGS,
    // Every key joined here is unique in the file (one row per desa × indicator × year), so a cache of inner lookups
    // never hits: a national file spent more in Memoize's bookkeeping than in the index probes it was meant to save.
    enable_memoize: 'off',
    ...PARALLEL_READS,
  });
  await dropStagedValues(db);
  await db.execute(
    sql.raw(`create unlogged table ${STAGED.indicator} (indicator text primary key, counted bool not null, grp text,
      above_check bool not null, cumulative bool not null)`),
  );
  await db.execute(sql`insert into ${sql.raw(STAGED.indicator)} ${indicatorRulesRows(indicators)}`);
  await db.execute(
    sql.raw(`create unlogged table ${STAGED.file} (indicator text, kode text collate "C", year int, n int, m int,
      num int, den int, file_months int[], f_n int[], f_num int[], f_den int[])`),
  );
  await copyChunksInto(db, STAGED.file, fileRowChunks(cells));
  await db.execute(sql.raw(`analyze ${STAGED.file}`));
  // One join of the file's rows with the stored rows and the sasaran: everything after reads this table only.
  // compareCell per month: no stored numerator → added; the same numbers on a real (not simulated) cell → unchanged.
  // Only the stored rows of the file's years can match: said as a filter, the parallel workers scanning
  // indicator_value pass on those alone (a national month: 1.7 M of 3.35 M rows). Likewise only the sasaran of the
  // file's years and the indicators' groups go into the join's hash, built in the leader (1.17 M of 2.51 M rows).
  const single = (column: string) => monthArray((m) => `case when m = ${m} then ${column} end`);
  await db.execute(
    sql.raw(`create unlogged table ${STAGED.row} as
    select f.indicator, f.kode, f.year, f.file_months, f.f_n, f.f_num, f.f_den,
      case when f.m is null
        then array_remove(${monthArray((m) => `case when f.f_num[${m}] is not null and not coalesce(${unchanged(m)}, false) then ${m} end`)}, null)
        when coalesce(${unchanged('f.m')}, false) then '{}'::int[] else array[f.m] end as months,
      i.counted, i.grp, i.cumulative, i.above_check, s.value as sasaran, v.numerators as b_num,
      v.denominators as b_den, v.month_load_ids as b_load, v.month_simulated as b_sim, v.row_ctid as b_ctid
    from (select indicator, kode, year, m, coalesce(file_months, array[m]) as file_months,
        coalesce(f_n, ${single('n')}) as f_n, coalesce(f_num, ${single('num')}) as f_num,
        coalesce(f_den, ${single('den')}) as f_den
      from ${STAGED.file} offset 0) f
    join ${STAGED.indicator} i using (indicator)
    left join (select *, ctid as row_ctid from indicator_value where year = any('${arrayLiteral(years)}'::int[])) v
      using (indicator, kode, year)
    left join (select * from sasaran where year = any('${arrayLiteral(years)}'::int[])
        and "group" = any(array(select grp from ${STAGED.indicator}))) s
      on s.kode = f.kode and s.year = f.year and s."group" = i.grp`),
  );
  const [tally] = (
    await db.execute<{ added: number; changed: number; stored_rows: number; new_rows: number }>(
      // A row with changed months is counted once, at its first one (months holds each month once).
      sql.raw(`select count(*) filter (where r.b_num[m] is null)::int as added,
        count(*) filter (where r.b_num[m] is not null)::int as changed,
        count(*) filter (where m = r.months[1] and r.b_ctid is not null)::int as stored_rows,
        count(*) filter (where m = r.months[1] and r.b_ctid is null)::int as new_rows
      from ${STAGED.row} r cross join unnest(r.months) m`),
    )
  ).rows;
  const rows: RowsToWrite = { stored: tally?.stored_rows ?? 0, new: tally?.new_rows ?? 0 };
  const counts: Counts = {
    added: tally?.added ?? 0,
    changed: tally?.changed ?? 0,
    unchanged: cells.length - (tally?.added ?? 0) - (tally?.changed ?? 0),
  };
  // The sample (the first changed cells of the file) comes with the warnings' pass over the file's cells: that pass
  // also returns every changed cell before place `sampleBelow`, a bound where the tally expects ~4× the sample's
  // number of changed cells (all of them when there are fewer than that). Only when the changed cells lie so unevenly
  // that fewer than the sample came back does a pass of its own find them.
  const changedCells = counts.added + counts.changed;
  const sampleBelow =
    changedCells === 0
      ? 0
      : changedCells <= SAMPLE_SIZE
        ? cells.length
        : Math.min(cells.length, Math.ceil((4 * SAMPLE_SIZE * cells.length) / changedCells) + SAMPLE_SIZE);
  const checked = await stateWarnings(
    db,
    cells,
    cells.some((c) => c.month === 1),
    sampleBelow,
  );
  const sampled =
    checked.sampled.length >= Math.min(SAMPLE_SIZE, changedCells)
      ? checked.sampled.sort((a, b) => a.n - b.n).slice(0, SAMPLE_SIZE)
      : (
          await db.execute<SampledCell>(
            sql.raw(`select ${SAMPLED_COLUMNS} from ${STAGED.row} r cross join unnest(r.months) m
            order by 1 limit ${SAMPLE_SIZE}`),
          )
        ).rows;
  const sample = sampled.map(
    (r): CellSample => ({
      row: cells[r.n]!.row,
      kode: r.kode,
      indicator: r.indicator,
      period: ym(r.year, r.month),
      change: r.old_num === null ? 'added' : 'changed',
      old: r.old_num === null ? null : { numerator: r.old_num, denominator: r.old_den, simulated: r.old_sim },
      new: { numerator: r.num, denominator: r.den },
    }),
  );
  return { counts, warnings: checked.warnings, sample, rows };
}

/** A changed cell as the sample shows it (a type, not an interface: db.execute wants Record<string, unknown>). */
type SampledCell = {
  n: number;
  kode: string;
  indicator: string;
  year: number;
  month: number;
  num: number;
  den: number | null;
  old_num: number | null;
  old_den: number | null;
  old_sim: boolean | null;
};
/** The columns of SampledCell over import_row r and a month m of it. */
const SAMPLED_COLUMNS = `r.f_n[m] as n, r.kode, r.indicator, r.year, m as month, r.f_num[m] as num, r.f_den[m] as den,
  r.b_num[m] as old_num, r.b_den[m] as old_den, r.b_sim[m] as old_sim`;

/** Σ January..month m of the row after the import (a cumulative indicator's amount). */
const toDate = (m: string) =>
  MONTHS.map((j) => `(case when ${m} >= ${j} then coalesce(${after.num(j)}, 0) else 0 end)`).join(' + ');
/** The same for a row of one cell in the file (month m): the file's cell and the stored months before it. */
const toDateOfOneCell = (m: string) =>
  `r.f_num[${m}] + ${MONTHS.slice(0, 11)
    .map((j) => `(case when ${m} > ${j} then coalesce(r.b_num[${j}], 0) else 0 end)`)
    .join(' + ')}`;

/**
 * The warned cells of the file as columns, one entry per row of the warnings' statement (a national month: ~600,000):
 * typed arrays instead of an object per row, so that the garbage collector has nothing of them to mark.
 */
class WarnedCells {
  size = 0;
  n = new Int32Array(1024);
  flags = new Uint8Array(1024);
  previous = new Float64Array(1024);
  amount = new Float64Array(1024);
  target = new Float64Array(1024);
  /** The cell's desa row (the place of its first cell): aboveSasaran is said once per row. */
  row = new Int32Array(1024);

  add(n: number, flags: number, previous: number, amount: number, target: number, row: number): number {
    if (this.size === this.n.length) this.grow();
    const i = this.size++;
    this.n[i] = n;
    this.flags[i] = flags;
    this.previous[i] = previous;
    this.amount[i] = amount;
    this.target[i] = target;
    this.row[i] = row;
    return i;
  }

  private grow(): void {
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(from: T): T => {
      const to = new (from.constructor as new (length: number) => T)(from.length * 2);
      to.set(from);
      return to;
    };
    this.n = grown(this.n);
    this.flags = grown(this.flags);
    this.previous = grown(this.previous);
    this.amount = grown(this.amount);
    this.target = grown(this.target);
    this.row = grown(this.row);
  }
}
/** WarnedCells.flags: more than 3× the month before; above its sasaran; a candidate of the sample. */
const JUMPED = 1;
const ABOVE = 2;
const SAMPLED = 4;

/** Warnings judged on the data as it will be after the import: > 3× last month, numerator above its sasaran. */
async function stateWarnings(
  db: DbOrTx,
  cells: ValueCell[],
  hasJanuary: boolean,
  sampleBelow: number,
): Promise<{ warnings: PlannedWarnings; sampled: SampledCell[] }> {
  // Each cell of the file against the month before as it is after the import (the file's cell when the file holds it,
  // else the stored one); January against December of the year before (the file's, else the stored one), a statement
  // of its own only when the file holds a January. Both rules in one pass over import_row (it holds every stored array
  // of the file's rows: ~700 MB for a national month), each cell's month before and amount computed once. The same
  // pass returns the changed cells before place sampleBelow (the sample's candidates), with their stored cells.
  const early = `r.f_n[m] < ${sampleBelow}`;
  const jump = (num: string, previous: string) =>
    `${num} >= ${JUMP_MIN_VALUE} and ${previous} > 0 and ${num} > ${JUMP_FACTOR} * ${previous}`;
  // Only numbers come back, and only what the file does not say: a cell's indicator, desa, period, numerator and
  // denominator are the file's (cells[n]), its sasaran group and kind the catalogue's. A national month returns
  // ~600,000 warned cells: read as COPY text into columns (copyOutNumbers), not as rows of objects.
  const warned = new WarnedCells();
  const sampled: SampledCell[] = [];
  await copyOutNumbers(
    db,
    `select c.n, c.is_jump::int * ${JUMPED} + c.is_above::int * ${ABOVE} + c.sampled::int * ${SAMPLED},
      case when c.is_jump then c.previous end, case when c.is_above then c.amount end,
      case when c.is_above then c.target end, case when c.is_above then c.first_n end, c.old_num, c.old_den, c.old_sim
    from (
      select c.*, coalesce(${jump('c.num', 'c.previous')}, false) as is_jump, coalesce(c.amount > c.target, false) as is_above
      from (
        select r.f_n[m] as n, r.f_num[m] as num, case when m > 1 then ${after.num('m - 1')} end as previous,
          r.sasaran as target, r.f_n[r.file_months[1]] as first_n,
          case when r.above_check and r.sasaran is not null then
            case when not r.cumulative then r.f_num[m]
              when cardinality(r.file_months) = 1 then ${toDateOfOneCell('m')}
              else ${toDate('m')} end end as amount,
          ${early} and m = any(r.months) as sampled,
          case when ${early} then r.b_num[m] end as old_num, case when ${early} then r.b_den[m] end as old_den,
          case when ${early} then r.b_sim[m] end as old_sim
        from ${STAGED.row} r cross join unnest(r.file_months) m offset 0) c
      where (${jump('c.num', 'c.previous')}) or c.amount > c.target or c.sampled) c`,
    9,
    (f) => {
      const n = f[0]!;
      warned.add(n, f[1]!, f[2]!, f[3]!, f[4]!, f[5]!);
      if (f[1]! & SAMPLED) {
        const cell = cells[n]!;
        const nullable = (x: number) => (Number.isNaN(x) ? null : x);
        sampled.push({
          n,
          kode: cell.kode,
          indicator: cell.indicator,
          year: cell.year,
          month: cell.month,
          num: cell.numerator,
          den: cell.denominator,
          old_num: nullable(f[6]!),
          old_den: nullable(f[7]!),
          old_sim: Number.isNaN(f[8]!) ? null : f[8] === 1,
        });
      }
    },
  );
  // Each warned cell's entry, by its place in the file: the warnings come out in file order with no sort. A cell has
  // one entry at most (one row per cell of the file), a January cell one more of the January statement.
  const at = new Int32Array(cells.length).fill(-1);
  for (let i = 0; i < warned.size; i++) at[warned.n[i]!] = i;
  const januaryAt = hasJanuary ? new Int32Array(cells.length).fill(-1) : null;
  if (januaryAt)
    await copyOutNumbers(
      db,
      `select r.f_n[1], coalesce(p.f_num[12], v.numerators[12])
      from ${STAGED.row} r
      left join ${STAGED.row} p on p.indicator = r.indicator and p.kode = r.kode and p.year = r.year - 1
      left join indicator_value v on v.indicator = r.indicator and v.kode = r.kode and v.year = r.year - 1
      where r.f_num[1] is not null and ${jump('r.f_num[1]', 'coalesce(p.f_num[12], v.numerators[12])')}`,
      2,
      (f) => {
        januaryAt[f[0]!] = warned.add(f[0]!, JUMPED, f[1]!, Number.NaN, Number.NaN, -1);
      },
    );
  // The warnings in file order (a jump before an aboveSasaran of the same cell), as entries to say later: only the
  // count and the first ones are needed before the write, the words of all of them after it (PlannedWarnings).
  // At most two per entry: a cell may be both a jump and the first above its sasaran.
  const order = new Int32Array(2 * warned.size);
  let count = 0;
  // aboveSasaran: once per desa × indicator × year, at its first cell in the file above the desa's annual sasaran —
  // the first such cell met in file order.
  const aboveSaid = new Uint8Array(cells.length);
  for (let n = 0; n < cells.length; n++) {
    const i = at[n]!;
    const j = januaryAt ? januaryAt[n]! : -1;
    if (i < 0 && j < 0) continue;
    if (i >= 0 && warned.flags[i]! & JUMPED) order[count++] = i;
    if (j >= 0) order[count++] = j;
    if (i < 0 || !(warned.flags[i]! & ABOVE) || aboveSaid[warned.row[i]!]) continue;
    aboveSaid[warned.row[i]!] = 1;
    order[count++] = ~i;
  }
  return { warnings: new PlannedWarnings(cells, warned, order.subarray(0, count)), sampled };
}

/**
 * The warnings of planValues, counted, their words written only when asked: a national month has ~600,000, whose
 * messages cost ~1.4 s of this process's CPU — run-import has them written while PostgreSQL writes the rows
 * (writeValues), on the other core, and needs only the first ones before.
 */
export class PlannedWarnings {
  private said: ImportIssue[] = [];

  constructor(
    private readonly cells: readonly ValueCell[],
    private readonly warned: WarnedCells,
    /** Per warning in file order: its entry in warned, bitwise negated (~i) for an aboveSasaran. */
    private readonly order: Int32Array,
  ) {}

  get count(): number {
    return this.order.length;
  }

  /** The first `count` warnings (all of them by default). */
  list(count = this.order.length): ImportIssue[] {
    const { cells, warned, order, said } = this;
    for (let k = said.length; k < Math.min(count, order.length); k++) {
      const i = order[k]! < 0 ? ~order[k]! : order[k]!;
      const n = warned.n[i]!;
      const cell = cells[n]!;
      if (order[k]! >= 0) {
        said.push({
          row: cell.row,
          column: cell.column,
          code: 'JUMP',
          message: `${cell.indicator} ${cell.kode} ${ym(cell.year, cell.month)}: ${cell.numerator}, lebih dari 3× bulan sebelumnya (${warned.previous[i]}).`,
        });
        continue;
      }
      const def = getIndicator(cell.indicator)!;
      const cumulative = def.periodKind === 'ytd_cum' || def.periodKind === 'annual';
      said.push({
        row: cell.row,
        column: cell.column,
        code: 'ABOVE_SASARAN',
        message: `${cell.indicator} ${cell.kode} ${ym(cell.year, cell.month)}: ${cumulative ? 'jumlah Januari s.d. bulan ini' : 'pembilang'} ${warned.amount[i]} melebihi sasaran ${sasaranGroupOf(def)} ${warned.target[i]}.`,
      });
    }
    return count >= order.length ? said : said.slice(0, count);
  }
}

/**
 * The join methods switched off for the UPDATE of the stored rows, so that it fetches each by its ctid: only a nested
 * loop over a TID scan is left (PostgreSQL 12 and later take a join clause `ctid = …` as a TID scan's condition).
 */
const BY_CTID_ONLY = ['enable_hashjoin', 'enable_mergejoin', 'enable_indexscan', 'enable_bitmapscan'] as const;

/**
 * Writes the staged plan: the desa rows with their changed months, and the history of every changed cell. `meanwhile`
 * runs in this process once the rows' UPDATE is sent, while PostgreSQL writes them (its longest statement, one core).
 */
export async function writeValues(
  db: DbOrTx,
  loadId: number,
  rows: RowsToWrite,
  meanwhile?: () => void,
): Promise<void> {
  const changed = (m: number) => `${m} = any(r.months)`;
  // A row with one changed month (a monthly file: nearly all) is its stored arrays with that element replaced — slices,
  // about half the work of twelve expressions per array; any other row is built month by month.
  const spliced = (column: string, value: string) => `r.${column}[1:r.m - 1] || ${value} || r.${column}[r.m + 1:12]`;
  const arrays = {
    numerators: `case when r.single then ${spliced('b_num', 'r.f_num[r.m]')} else ${monthArray(after.num)} end`,
    denominators: `case when r.b_den is null and not r.counted then null
        when r.single and r.b_den is not null then ${spliced('b_den', 'r.f_den[r.m]')}
        else ${monthArray(after.den)} end`,
    month_load_ids: `case when r.single then ${spliced('b_load', String(loadId))}
        else ${monthArray((m) => `case when ${changed(m)} then ${loadId} else r.b_load[${m}] end`)} end`,
    month_simulated: `case when r.single then ${spliced('b_sim', 'false')}
        else ${monthArray((m) => `case when ${changed(m)} then false else r.b_sim[${m}] end`)} end`,
  };
  const staged = (
    stored: boolean,
  ) => `(select *, months[1] as m, b_num is not null and cardinality(months) = 1 as single
    from ${STAGED.row} where cardinality(months) > 0 and b_ctid is ${stored ? 'not ' : ''}null offset 0) r`;
  // A stored row is updated where import_row found it (its ctid, read in this transaction under the import lock): no
  // probe of the primary key per row, and the rows are visited in the order they lie on disk. Each row is fetched by
  // its ctid (a TID scan per staged row, BY_CTID_ONLY): the planner's default, a hash of every stored row of the
  // table to join on the ctid, cost ~3× as much (a national month's join alone: 6.8–10.6 s against 2.1–3.2 s,
  // docs/measurements.md "Session 9"). Every writer of indicator_value holds the import lock, so none can have moved a row
  // since; should one ever have, the key check skips whatever lies at that place now, the count below differs and the
  // import stops instead of losing a month or writing another row.
  await setLocal(db, Object.fromEntries(BY_CTID_ONLY.map((join) => [join, 'off'])));
  const updating = db.execute(
    sql.raw(`update indicator_value v set ${Object.entries(arrays)
      .map(([column, value]) => `${column} = ${value}`)
      .join(', ')}
    from ${staged(true)} where v.ctid = r.b_ctid and v.indicator = r.indicator and v.kode = r.kode and v.year = r.year`),
  );
  try {
    meanwhile?.();
  } catch (error) {
    await updating.catch(() => {});
    throw error;
  }
  const updated = await updating;
  await resetLocal(db, BY_CTID_ONLY);
  if (updated.rowCount !== rows.stored)
    throw new Error(`indicator_value berubah selama impor: ${updated.rowCount} dari ${rows.stored} baris diperbarui`);
  // A month already reported has no new rows: the INSERT would scan all of import_row for none.
  if (rows.new > 0)
    await db.execute(
      sql.raw(`insert into indicator_value (indicator, kode, year, ${Object.keys(arrays).join(', ')})
      select r.indicator, r.kode, r.year, ${Object.values(arrays).join(', ')} from ${staged(false)}`),
    );
  // The history: one row per desa × year the load changed, its cells as parallel arrays (a national month: ~84,000 rows
  // instead of 1.7 M, each with its primary-key entry and foreign-key check). The cells are sorted once by desa, year,
  // indicator and month, so each row's arrays come out in that order and the rows in primary-key order. The foreign
  // key to data_load stays (checked once per row): dropping it would leave history that no load explains to every
  // other writer (an undo, a cleanup).
  await db.execute(
    sql.raw(`insert into indicator_value_history (load_id, kode, year, indicators, months, old_numerators,
      old_denominators, old_load_ids, old_simulated_flags, new_numerators, new_denominators)
    select ${loadId}, kode, year, array_agg(indicator), array_agg(m), array_agg(old_num), array_agg(old_den),
      array_agg(old_load), array_agg(old_sim), array_agg(new_num), array_agg(new_den)
    from (select r.kode, r.year, r.indicator, m, r.b_num[m] as old_num, r.b_den[m] as old_den, r.b_load[m] as old_load,
        r.b_sim[m] as old_sim, r.f_num[m] as new_num, r.f_den[m] as new_den
      from ${eachMonth(STAGED.row, 'months')}
      order by r.kode, r.year, r.indicator, m) c
    group by kode, year`),
  );
}
