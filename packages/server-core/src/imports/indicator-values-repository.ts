// SQL on indicator_value and its history (indicator_value_history) used by undo and the entry grid (a value import diffs and writes
// set-based in plan-values.ts). Rows move in bulk, never one query per row: keys as unnest() arrays, arrays read back
// as text (cheaper to parse), rows COPYed into a staging table and upserted from it in one statement.
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { indicatorValue as v, indicatorValueHistory as h } from '@peta/db/schema';
import { arrayLiteral, arrayParam, copyInto, parseBoolArray, parseIntArray } from './bulk-sql.ts';

/** One stored row (desa × indicator × year) with its per-month provenance; index 0 = January. */
export interface ValueRow {
  indicator: string;
  kode: string;
  year: number;
  numerators: (number | null)[];
  denominators: (number | null)[] | null;
  monthLoadIds: (number | null)[];
  monthSimulated: (boolean | null)[];
}

/** One changed cell; the history keeps it in the row of its load × desa × year (indicator_value_history). */
export interface ValueChange {
  indicator: string;
  kode: string;
  year: number;
  month: number;
  oldNumerator: number | null;
  oldDenominator: number | null;
  oldLoadId: number | null;
  oldSimulated: boolean | null;
  newNumerator: number | null;
  newDenominator: number | null;
}

export type ValueKey = Pick<ValueRow, 'indicator' | 'kode' | 'year'>;

export const rowKey = (indicator: string, kode: string, year: number) => `${indicator}|${kode}|${year}`;

/** The keys as a set of rows, for `(indicator, kode, year) in (…)`. */
const keyRows = (keys: ValueKey[]) =>
  sql`(select * from unnest(${arrayParam(
    keys.map((k) => k.indicator),
    'text',
  )}, ${arrayParam(
    keys.map((k) => k.kode),
    'text',
  )}, ${arrayParam(
    keys.map((k) => k.year),
    'int',
  )}))`;

/** The stored arrays as text: parseIntArray is several times cheaper than the driver's array parser. */
const ROW_TEXT_COLUMNS = {
  indicator: v.indicator,
  kode: v.kode,
  year: v.year,
  n: sql<string>`${v.numerators}::text`,
  d: sql<string | null>`${v.denominators}::text`,
  l: sql<string>`${v.monthLoadIds}::text`,
  s: sql<string>`${v.monthSimulated}::text`,
};

/** The columns of a ValueRow in COPY order (valueCopyLine). */
const VALUE_COPY_COLUMNS = 'indicator, kode, year, numerators, denominators, month_load_ids, month_simulated';
const valueCopyLine = (r: ValueRow) =>
  `${r.indicator}\t${r.kode}\t${r.year}\t${arrayLiteral(r.numerators)}\t${r.denominators ? arrayLiteral(r.denominators) : '\\N'}\t${arrayLiteral(r.monthLoadIds)}\t${arrayLiteral(r.monthSimulated)}\n`;

/** The lines of a COPY one at a time (an array of 1.7 M lines would double an import's memory). */
function* lazily<T>(items: readonly T[], line: (item: T) => string): Generator<string> {
  for (const item of items) yield line(item);
}

function rowsByKey(
  rows: { indicator: string; kode: string; year: number; n: string; d: string | null; l: string; s: string }[],
): Map<string, ValueRow> {
  const out = new Map<string, ValueRow>();
  for (const row of rows) {
    out.set(rowKey(row.indicator, row.kode, row.year), {
      indicator: row.indicator,
      kode: row.kode,
      year: row.year,
      numerators: parseIntArray(row.n)!,
      denominators: parseIntArray(row.d),
      monthLoadIds: parseIntArray(row.l)!,
      monthSimulated: parseBoolArray(row.s),
    });
  }
  return out;
}

export function indicatorValuesRepository(db: DbOrTx) {
  return {
    async readRows(keys: ValueKey[]): Promise<Map<string, ValueRow>> {
      if (!keys.length) return new Map();
      return rowsByKey(
        await db
          .select(ROW_TEXT_COLUMNS)
          .from(v)
          .where(sql`(${v.indicator}, ${v.kode}, ${v.year}) in ${keyRows(keys)}`),
      );
    },

    /** Insert or replace whole rows: COPY into a staging table, then one upsert (needs the writing transaction). */
    async writeRows(rows: ValueRow[]): Promise<void> {
      if (!rows.length) return;
      await db.execute(sql`create temp table import_value (like indicator_value) on commit drop`);
      await copyInto(db, `import_value (${VALUE_COPY_COLUMNS})`, lazily(rows, valueCopyLine));
      await db.execute(sql`insert into indicator_value (${sql.raw(VALUE_COPY_COLUMNS)})
        select ${sql.raw(VALUE_COPY_COLUMNS)} from import_value
        on conflict (indicator, kode, year) do update set numerators = excluded.numerators,
          denominators = excluded.denominators, month_load_ids = excluded.month_load_ids,
          month_simulated = excluded.month_simulated`);
      await db.execute(sql`drop table import_value`);
    },

    async deleteRows(keys: ValueKey[]): Promise<void> {
      if (!keys.length) return;
      await db.delete(v).where(sql`(${v.indicator}, ${v.kode}, ${v.year}) in ${keyRows(keys)}`);
    },

    /**
     * The history of the changed cells, COPYed into indicator_value_history as one row per desa × year, its cells as
     * parallel arrays (needs the writing transaction).
     */
    async insertChanges(loadId: number, changes: ValueChange[]): Promise<void> {
      if (!changes.length) return;
      const byDesaYear = new Map<string, ValueChange[]>();
      for (const c of changes) {
        const key = `${c.kode}|${c.year}`;
        const cells = byDesaYear.get(key);
        if (cells) cells.push(c);
        else byDesaYear.set(key, [c]);
      }
      await copyInto(
        db,
        `indicator_value_history (load_id, kode, year, ${HISTORY_CELL_COLUMNS.join(', ')})`,
        lazily([...byDesaYear.values()], (cells) => {
          const { kode, year } = cells[0]!;
          const column = (value: (c: ValueChange) => number | boolean | null) => arrayLiteral(cells.map(value));
          // Indicator codes are the catalogue's (letters, digits, _): an array literal needs no quoting for them.
          return `${loadId}\t${kode}\t${year}\t{${cells.map((c) => c.indicator).join(',')}}\t${column((c) => c.month)}\t${column((c) => c.oldNumerator)}\t${column((c) => c.oldDenominator)}\t${column((c) => c.oldLoadId)}\t${column((c) => c.oldSimulated)}\t${column((c) => c.newNumerator)}\t${column((c) => c.newDenominator)}\n`;
        }),
      );
    },

    /** The changes a load made, cell by cell, with the load that holds each cell now (to refuse an undo under later imports). */
    async readChanges(loadId: number): Promise<(ValueChange & { currentLoadId: number | null })[]> {
      // Pick: a mapped type, which db.execute accepts as a row (an interface has no index signature).
      const { rows } = await db.execute<Pick<ValueChange, keyof ValueChange> & { currentLoadId: number | null }>(sql`
        select c.indicator, h.kode, h.year, c.month, c.old_numerator as "oldNumerator",
          c.old_denominator as "oldDenominator", c.old_load_id as "oldLoadId", c.old_simulated as "oldSimulated",
          c.new_numerator as "newNumerator", c.new_denominator as "newDenominator",
          v.month_load_ids[c.month] as "currentLoadId"
        from ${HISTORY_CELLS}
        left join indicator_value v on v.indicator = c.indicator and v.kode = h.kode and v.year = h.year
        where h.load_id = ${loadId}
        order by h.kode, c.indicator, h.year, c.month`);
      return rows;
    },

    /** The desa a load changed. */
    async desaOfLoad(loadId: number): Promise<string[]> {
      const rows = await db.selectDistinct({ kode: h.kode }).from(h).where(eq(h.loadId, loadId));
      return rows.map((r) => r.kode);
    },
  };
}

/** The per-cell arrays of a history row, in the order of each cell's fields. */
const HISTORY_CELL_COLUMNS = [
  'indicators',
  'months',
  'old_numerators',
  'old_denominators',
  'old_load_ids',
  'old_simulated_flags',
  'new_numerators',
  'new_denominators',
] as const;

/**
 * The history one cell per row, for a FROM clause: `h` the history row (load_id, kode, year), `c` one of its cells
 * (indicator, month, old_numerator, old_denominator, old_load_id, old_simulated, new_numerator, new_denominator).
 * Ask for one load (`where h.load_id = …`): the primary key finds its rows.
 */
export const HISTORY_CELLS_SQL = `indicator_value_history h cross join unnest(${HISTORY_CELL_COLUMNS.map((column) => `h.${column}`).join(', ')})
  as c(indicator, month, old_numerator, old_denominator, old_load_id, old_simulated, new_numerator, new_denominator)`;
const HISTORY_CELLS = sql.raw(HISTORY_CELLS_SQL);
