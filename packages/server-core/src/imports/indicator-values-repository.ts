// All SQL on indicator_value and indicator_value_change used by imports and undo. Rows move in bulk: one
// statement with unnest() arrays per step, never one query per row (100,000 cells import in seconds).
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { indicatorValue as v, indicatorValueChange as c } from '@peta/db/schema';

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

/** PostgreSQL array literal; unnest() of a 2-D array would flatten it, so each row's array travels as text. */
export const arrayLiteral = (values: readonly (number | boolean | null)[]) =>
  `{${values.map((value) => (value === null ? 'NULL' : value === true ? 't' : value === false ? 'f' : value)).join(',')}}`;

/** One JS array as one typed PostgreSQL array parameter. */
export const arrayParam = (values: readonly unknown[], type: string): SQL =>
  sql`${sql.param(values)}::${sql.raw(type)}[]`;

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

const ROW_COLUMNS = {
  indicator: v.indicator,
  kode: v.kode,
  year: v.year,
  numerators: v.numerators,
  denominators: v.denominators,
  monthLoadIds: v.monthLoadIds,
  monthSimulated: v.monthSimulated,
};

export function indicatorValuesRepository(db: DbOrTx) {
  return {
    async readRows(keys: ValueKey[]): Promise<Map<string, ValueRow>> {
      if (!keys.length) return new Map();
      const rows = await db
        .select(ROW_COLUMNS)
        .from(v)
        .where(sql`(${v.indicator}, ${v.kode}, ${v.year}) in ${keyRows(keys)}`);
      return new Map(rows.map((row) => [rowKey(row.indicator, row.kode, row.year), row]));
    },

    async writeRows(rows: ValueRow[]): Promise<void> {
      if (!rows.length) return;
      await db
        .insert(v)
        .select(sql`select i, k, y, n::int[], d::int[], l::int[], s::boolean[]
        from unnest(${arrayParam(
          rows.map((r) => r.indicator),
          'text',
        )}, ${arrayParam(
          rows.map((r) => r.kode),
          'text',
        )},
          ${arrayParam(
            rows.map((r) => r.year),
            'int',
          )}, ${arrayParam(
            rows.map((r) => arrayLiteral(r.numerators)),
            'text',
          )},
          ${arrayParam(
            rows.map((r) => (r.denominators ? arrayLiteral(r.denominators) : null)),
            'text',
          )},
          ${arrayParam(
            rows.map((r) => arrayLiteral(r.monthLoadIds)),
            'text',
          )},
          ${arrayParam(
            rows.map((r) => arrayLiteral(r.monthSimulated)),
            'text',
          )}) u(i, k, y, n, d, l, s)`)
        .onConflictDoUpdate({
          target: [v.indicator, v.kode, v.year],
          set: {
            numerators: sql`excluded.numerators`,
            denominators: sql`excluded.denominators`,
            monthLoadIds: sql`excluded.month_load_ids`,
            monthSimulated: sql`excluded.month_simulated`,
          },
        });
    },

    async deleteRows(keys: ValueKey[]): Promise<void> {
      if (!keys.length) return;
      await db.delete(v).where(sql`(${v.indicator}, ${v.kode}, ${v.year}) in ${keyRows(keys)}`);
    },

    async insertChanges(loadId: number, changes: ValueChange[]): Promise<void> {
      if (!changes.length) return;
      const col = <K extends keyof ValueChange>(k: K, type: string) =>
        arrayParam(
          changes.map((change) => change[k]),
          type,
        );
      await db
        .insert(c)
        .select(sql`select ${loadId}::int, * from unnest(${col('indicator', 'text')}, ${col('kode', 'text')}, ${col('year', 'int')},
        ${col('month', 'int')}, ${col('oldNumerator', 'int')}, ${col('oldDenominator', 'int')}, ${col('oldLoadId', 'int')},
        ${col('oldSimulated', 'boolean')}, ${col('newNumerator', 'int')}, ${col('newDenominator', 'int')})`);
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
