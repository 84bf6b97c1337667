// SQL on indicator_value and indicator_value_change used by undo and the entry grid (a value import diffs and writes
// set-based in plan-values.ts). Rows move in bulk, never one query per row: keys as unnest() arrays, arrays read back
// as text (cheaper to parse), rows COPYed into a staging table and upserted from it in one statement.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { indicatorValue as v, indicatorValueChange as c } from '@peta/db/schema';
import { arrayLiteral, arrayParam, copyField, copyInto, parseBoolArray, parseIntArray } from './bulk-sql.ts';

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

/** One changed cell, written to indicator_value_change. */
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

    /** The history of the changed cells, COPYed into indicator_value_change (needs the writing transaction). */
    async insertChanges(loadId: number, changes: ValueChange[]): Promise<void> {
      if (!changes.length) return;
      await copyInto(
        db,
        'indicator_value_change (load_id, indicator, kode, year, month, old_numerator, old_denominator, old_load_id, old_simulated, new_numerator, new_denominator)',
        lazily(
          changes,
          (x) =>
            `${loadId}\t${x.indicator}\t${x.kode}\t${x.year}\t${x.month}\t${copyField(x.oldNumerator)}\t${copyField(x.oldDenominator)}\t${copyField(x.oldLoadId)}\t${copyField(x.oldSimulated)}\t${copyField(x.newNumerator)}\t${copyField(x.newDenominator)}\n`,
        ),
      );
    },

    /** The changes a load made, with the load that holds each cell now (to refuse an undo under later imports). */
    async readChanges(loadId: number): Promise<(ValueChange & { currentLoadId: number | null })[]> {
      return db
        .select({
          indicator: c.indicator,
          kode: c.kode,
          year: c.year,
          month: c.month,
          oldNumerator: c.oldNumerator,
          oldDenominator: c.oldDenominator,
          oldLoadId: c.oldLoadId,
          oldSimulated: c.oldSimulated,
          newNumerator: c.newNumerator,
          newDenominator: c.newDenominator,
          currentLoadId: sql<number | null>`${v.monthLoadIds}[${c.month}]`,
        })
        .from(c)
        .leftJoin(v, and(eq(v.indicator, c.indicator), eq(v.kode, c.kode), eq(v.year, c.year)))
        .where(eq(c.loadId, loadId))
        .orderBy(asc(c.kode), asc(c.indicator), asc(c.year), asc(c.month));
    },

    /** The desa a load changed. */
    async desaOfLoad(loadId: number): Promise<string[]> {
      const rows = await db.selectDistinct({ kode: c.kode }).from(c).where(eq(c.loadId, loadId));
      return rows.map((r) => r.kode);
    },
  };
}

export type IndicatorValuesRepository = ReturnType<typeof indicatorValuesRepository>;
