// All SQL about indicator values and sasaran (read side; imports write them). Rows come back per desa; roll-up happens in
// the domain code (packages/domain rollUpDesa), so the API and the hand-computed tests share one rule.
import { and, desc, eq, like, or, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { schema, type DbOrTx } from '@peta/db';
import type { StoredYear } from '@peta/domain';
import { INDONESIA } from './rollup-repository.ts';

const { indicatorValue, sasaran, dataLoad, valueRollup } = schema;

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
      const rows = await db
        .select({
          kode: indicatorValue.kode,
          numerators: indicatorValue.numerators,
          denominators: indicatorValue.denominators,
          monthSimulated: indicatorValue.monthSimulated,
        })
        .from(indicatorValue)
        .where(
          and(
            eq(indicatorValue.indicator, indicator),
            eq(indicatorValue.year, year),
            atOrUnder(indicatorValue.kode, parent),
          ),
        );
      return new Map(rows.map((row) => [row.kode, row]));
    },

    /**
     * The stored years of every desa at or under `parent` (null: Indonesia) for one indicator and year, and the
     * sasaran of `group` (null: not read), each as ONE text in kode order for parseDesaYearColumns: per desa
     * "kode;numerators;denominators;simulated" (NULL elements as nothing, NULL denominators as '-'), '/' between desa.
     * One string instead of a row per desa: node-postgres turned Indonesia's 83,762 rows into ~600,000 objects.
     */
    async desaYearTexts(
      indicator: string,
      parent: string | null,
      year: number,
      group: string | null,
    ): Promise<{ values: string | null; sasaran: string | null }> {
      const v = indicatorValue;
      const valuesText = sql`(select string_agg(${v.kode} || ';' || array_to_string(${v.numerators}, ',', '') || ';'
        || coalesce(array_to_string(${v.denominators}, ',', ''), '-') || ';'
        || array_to_string(${v.monthSimulated}, ',', ''), '/' order by ${v.kode})
        from ${v} where ${and(eq(v.indicator, indicator), eq(v.year, year), atOrUnder(v.kode, parent))})`;
      const sasaranText =
        group === null
          ? sql`null::text`
          : sql`(select string_agg(${sasaran.kode} || ';' || ${sasaran.value}::text, '/' order by ${sasaran.kode})
            from ${sasaran} where ${and(eq(sasaran.group, group), eq(sasaran.year, year), atOrUnder(sasaran.kode, parent))})`;
      const { rows } = await db.execute<{ values: string | null; sasaran: string | null }>(
        sql`select ${valuesText} as "values", ${sasaranText} as "sasaran"`,
      );
      return rows[0] ?? { values: null, sasaran: null };
    },

    async sasaran(group: string, parent: string | null, year: number): Promise<Map<string, number>> {
      const rows = await db
        .select({ kode: sasaran.kode, value: sasaran.value })
        .from(sasaran)
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
     * latestDataMonth turns it into "the latest month with data". Reads Indonesia's roll-ups (one row per indicator
     * and year), not the desa rows.
     */
    async lastReportedMonth(): Promise<{ year: number; month: number } | null> {
      const [row] = await db
        .select({ year: valueRollup.year, month: sql<number>`max(u.month)::int` })
        .from(valueRollup)
        .crossJoin(sql`unnest(${valueRollup.reports}) with ordinality as u(n, month)`)
        .where(and(eq(valueRollup.kode, INDONESIA), sql`u.n > 0`))
        .groupBy(valueRollup.year)
        .orderBy(desc(valueRollup.year))
        .limit(1);
      return row ? { year: row.year, month: row.month } : null;
    },

    /** Indicator codes that have at least one report (for the picker): from Indonesia's roll-ups. */
    async indicatorsWithData(): Promise<Set<string>> {
      const rows = await db
        .selectDistinct({ indicator: valueRollup.indicator })
        .from(valueRollup)
        .where(and(eq(valueRollup.kode, INDONESIA), sql`0 < any(${valueRollup.reports})`));
      return new Set(rows.map((row) => row.indicator));
    },
  };
}

export type ValuesRepository = ReturnType<typeof valuesRepository>;
