// All SQL about indicator values and sasaran (read side; imports write them). Rows come back per desa; roll-up happens in
// the domain code (packages/domain rollUpDesa), so the API and the hand-computed tests share one rule.
import { and, desc, eq, isNotNull, like, or, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { schema, type DbOrTx } from '@peta/db';
import type { StoredYear } from '@peta/domain';

const { indicatorValue, sasaran, dataLoad } = schema;

export type DesaYearValues = StoredYear & {
  kode: string;
  numerators: (number | null)[];
  denominators: (number | null)[] | null;
  /** Per month: the cell is simulated (null: never written). */
  monthSimulated: (boolean | null)[];
};

/**
 * The kode column at or under `parent`: `kode LIKE '12.10.%'` (C collation: uses the primary-key index) or the parent
 * itself (a desa asks for its own row); no parent = everything.
 */
function atOrUnder(kode: PgColumn, parent: string | null) {
  return parent === null ? undefined : or(like(kode, `${parent}.%`), eq(kode, parent));
}

export function valuesRepository(db: DbOrTx) {
  return {
    async values(indicator: string, parent: string | null, year: number): Promise<Map<string, DesaYearValues>> {
      const rows = await db.select({
        kode: indicatorValue.kode, numerators: indicatorValue.numerators, denominators: indicatorValue.denominators,
        monthSimulated: indicatorValue.monthSimulated,
      }).from(indicatorValue)
        .where(and(eq(indicatorValue.indicator, indicator), eq(indicatorValue.year, year), atOrUnder(indicatorValue.kode, parent)));
      return new Map(rows.map((row) => [row.kode, row]));
    },

    async sasaran(group: string, parent: string | null, year: number): Promise<Map<string, number>> {
      const rows = await db.select({ kode: sasaran.kode, value: sasaran.value }).from(sasaran)
        .where(and(eq(sasaran.group, group), eq(sasaran.year, year), atOrUnder(sasaran.kode, parent)));
      return new Map(rows.map((row) => [row.kode, row.value]));
    },

    /** Changes whenever values change: every demo load, import and undo is a new data_load row. */
    async dataVersion(): Promise<number> {
      const [row] = await db.select({ v: sql<number>`coalesce(max(${dataLoad.id}), 0)::int` }).from(dataLoad);
      return row?.v ?? 0;
    },

    /**
     * The latest month holding at least one report of any indicator anywhere (null: no values at all). The domain's
     * latestDataMonth turns it into "the latest month with data". Reads the latest year's arrays only.
     */
    async lastReportedMonth(): Promise<{ year: number; month: number } | null> {
      const years = await db.selectDistinct({ year: indicatorValue.year }).from(indicatorValue).orderBy(desc(indicatorValue.year));
      for (const { year } of years) {
        // Each numerator with its month (1..12); a NULL element is no report.
        const [row] = await db.select({ month: sql<number | null>`max(u.month)::int` }).from(indicatorValue)
          .crossJoin(sql`unnest(${indicatorValue.numerators}) with ordinality as u(n, month)`)
          .where(and(eq(indicatorValue.year, year), isNotNull(sql`u.n`)));
        const month = row?.month;
        if (month != null) return { year, month };
      }
      return null;
    },

    /** Indicator codes that have at least one value (for the picker). */
    async indicatorsWithData(): Promise<Set<string>> {
      const rows = await db.selectDistinct({ indicator: indicatorValue.indicator }).from(indicatorValue);
      return new Set(rows.map((row) => row.indicator));
    },
  };
}

export type ValuesRepository = ReturnType<typeof valuesRepository>;
