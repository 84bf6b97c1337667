// SQL on indicator_value and its history (indicator_value_history) for the entry grid and the readers of one load's
// history (a value import diffs and writes set-based in plan-values.ts, an undo restores in undo-values.ts). Keys go
// in as unnest() arrays, never one query per row; arrays are read back as text (cheaper to parse).
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { indicatorValue as v, indicatorValueHistory as h } from '@peta/db/schema';
import { arrayParam, parseBoolArray, parseIntArray } from './bulk-sql.ts';

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
