// The one question the small-count rule asks the database beyond the values: is a sasaran a register (counted by
// name) or an estimate? A register of a sensitive indicator is itself protected (domain denominatorProtected).
import { and, eq, like, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@peta/db';

const { sasaran } = schema;

export function privacyRepository(db: DbOrTx) {
  return {
    /**
     * The version of what one protection table is computed from (privacy-service tableVersion), in one round trip of
     * primary-key and index lookups:
     * - the kabupaten's roll-up load_id for the indicators (a count family: the max over its members) and year: the
     *   last load that changed a desa value of them under it, or a sasaran row of their group (rollup-upkeep
     *   recomputes the indicators of a changed sasaran group; a register flag only changes with its row);
     * - the latest roll-out event of the kabupaten (wilayah kerja moves carry the kabupaten of their puskesmas and
     *   desa) or of none (the seed proposes wilayah kerja for every kabupaten);
     * - the latest boundary import (the desa of the kabupaten).
     * An import elsewhere changes none of these: the other kabupaten keep their protection.
     */
    async tableVersion(indicators: readonly string[], kabupaten: string, year: number): Promise<string> {
      const codes = sql.join(
        indicators.map((c) => sql`${c}`),
        sql`, `,
      );
      const { rows } = await db.execute<{ load: number | null; events: number; boundary: number }>(sql`select
        (select max(vr.load_id) from value_rollup vr
          where vr.indicator in (${codes}) and vr.year = ${year} and vr.kode = ${kabupaten})::int as load,
        greatest(
          (select coalesce(max(e.id), 0) from rollout_event e where e.kabupaten_kode = ${kabupaten}),
          (select coalesce(max(e.id), 0) from rollout_event e where e.kabupaten_kode is null))::int as events,
        (select coalesce(max(b.id), 0) from boundary_import b)::int as boundary`);
      const row = rows[0];
      return `${row?.load ?? 0}.${row?.events ?? 0}.b${row?.boundary ?? 0}`;
    },
    /** Any sasaran row of this group in the kabupaten and year is a register (conservative: one is enough). */
    async sasaranIsRegister(group: string, kabupaten: string, year: number): Promise<boolean> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(sasaran)
        .where(
          and(
            eq(sasaran.group, group),
            eq(sasaran.year, year),
            like(sasaran.kode, `${kabupaten}.%`),
            eq(sasaran.kind, 'register'),
          ),
        );
      return (row?.n ?? 0) > 0;
    },
    /**
     * Σ the sasaran of every desa under each kode (a desa kode has 13 characters): the denominator of a total for a
     * reader outside it when a sensitive indicator's totals take all their desa (domain all-sasaran.ts). Summed as
     * numeric: a sum of double precision values depends on the order of the additions, which PostgreSQL (and its
     * parallel workers) do not keep, so a national total differed in its last digits from one request to the next — and
     * so did the answer's bytes and ETag, between two API processes too.
     */
    async sasaranTotals(group: string, year: number, kodes: readonly string[]): Promise<Map<string, number>> {
      if (kodes.length === 0) return new Map();
      const list = sql.join(
        kodes.map((k) => sql`${k}`),
        sql`, `,
      );
      const { rows } = await db.execute<{
        kode: string;
        total: number;
      }>(sql`select k.kode, sum(s.value::numeric)::float8 as total
        from unnest(array[${list}]::text[]) as k(kode)
        join ${sasaran} s on s.kode like k.kode || '.%' and length(s.kode) = 13
        where s."group" = ${group} and s.year = ${year}
        group by k.kode`);
      return new Map(rows.map((r) => [r.kode, Number(r.total)]));
    },
    /** The latest data load (0: none). */
    async latestLoad(): Promise<number> {
      const { rows } = await db.execute<{ id: number }>(sql`select coalesce(max(id), 0)::int as id from data_load`);
      return rows[0]?.id ?? 0;
    },
    /**
     * What a load changed, per kabupaten × year: indicators of its value cells and sasaran groups of its sasaran rows
     * (an undo is a load too, with its own change rows).
     */
    async touchedBy(
      loadId: number,
    ): Promise<{ kabupaten: string; year: number; indicator: string | null; group: string | null }[]> {
      const { rows } = await db.execute<{
        kabupaten: string;
        year: number;
        indicator: string | null;
        group: string | null;
      }>(sql`
        select distinct left(h.kode, 5) as kabupaten, h.year, i.indicator, null::text as "group"
          from indicator_value_history h cross join unnest(h.indicators) as i(indicator)
          where h.load_id = ${loadId} and length(h.kode) = 13
        union
        select distinct left(kode, 5) as kabupaten, year, null::text as indicator, "group"
          from sasaran_change where load_id = ${loadId} and length(kode) = 13`);
      return rows;
    },
  };
}
