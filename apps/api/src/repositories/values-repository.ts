// All SQL about indicator values and sasaran. Rows come back per desa; roll-up happens in the domain code
// (packages/domain rollUpDesa), so the API and the hand-computed tests share one rule.
import type { Db } from '@peta/db';
import { sql } from 'drizzle-orm';

export type DesaYearValues = {
  kode: string;
  numerators: (number | null)[];
  denominators: (number | null)[] | null;
  /** Per month: the cell is simulated (null: never written). */
  monthSimulated: (boolean | null)[];
};

/** `kode LIKE '12.10.%'` (C collation: uses the primary-key index); null parent = everything. */
const under = (parent: string | null) => (parent ? `${parent}.%` : '%');

export function valuesRepository(db: Db) {
  return {
    /** Every desa at or under `parent` (the desa itself when parent is a desa code). */
    async desaUnder(parent: string | null): Promise<string[]> {
      const r = await db.execute<{ kode: string }>(sql`
        select kode from wilayah where tingkat = 'desa' and (kode like ${under(parent)} or kode = ${parent ?? ''})
        order by kode`);
      return r.rows.map((row) => row.kode);
    },

    async values(indicator: string, parent: string | null, year: number): Promise<Map<string, DesaYearValues>> {
      const r = await db.execute<DesaYearValues>(sql`
        select kode, numerators, denominators, month_simulated as "monthSimulated" from indicator_value
        where indicator = ${indicator} and year = ${year} and (kode like ${under(parent)} or kode = ${parent ?? ''})`);
      return new Map(r.rows.map((row) => [row.kode, row]));
    },

    async sasaran(group: string, parent: string | null, year: number): Promise<Map<string, number>> {
      const r = await db.execute<{ kode: string; value: number }>(sql`
        select kode, value from sasaran
        where "group" = ${group} and year = ${year} and (kode like ${under(parent)} or kode = ${parent ?? ''})`);
      return new Map(r.rows.map((row) => [row.kode, row.value]));
    },

    /** Changes whenever values change: every demo load, import and undo is a new data_load row. */
    async dataVersion(): Promise<number> {
      const r = await db.execute<{ v: number }>(sql`select coalesce(max(id), 0)::int as v from data_load`);
      return r.rows[0]?.v ?? 0;
    },

    /**
     * The latest month holding at least one report of any indicator anywhere (null: no values at all). The domain's
     * latestDataMonth turns it into "the latest month with data". Reads the latest year's arrays only.
     */
    async lastReportedMonth(): Promise<{ year: number; month: number } | null> {
      const years = await db.execute<{ year: number }>(sql`select distinct year from indicator_value order by year desc`);
      for (const { year } of years.rows) {
        const r = await db.execute<{ month: number | null }>(sql`
          select max(u.month)::int as month
          from indicator_value v, unnest(v.numerators) with ordinality as u(n, month)
          where v.year = ${year} and u.n is not null`);
        const month = r.rows[0]?.month;
        if (month != null) return { year, month };
      }
      return null;
    },

    /** Indicator codes that have at least one value (for the picker). */
    async indicatorsWithData(): Promise<Set<string>> {
      const r = await db.execute<{ indicator: string }>(sql`select distinct indicator from indicator_value`);
      return new Set(r.rows.map((row) => row.indicator));
    },
  };
}

export type ValuesRepository = ReturnType<typeof valuesRepository>;
