// All SQL about the roll-ups kept at write time (table value_rollup): what the upkeep reads (desa rows, sasaran,
// children of wilayah, stored roll-ups) and writes, and what a view reads (one row per child, and the version of a
// parent). Which sums are kept and what they mean is packages/domain's (rollup-sums.ts).
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@peta/db';
import { getIndicator, keptTriangles, TRIANGLE_CELLS, type RollupSums } from '@peta/domain';
import { arrayLiteral, arrayParam, parseBoolArray, parseIntArray } from '../imports/bulk-sql.ts';

const { boundaryImport, indicatorValue, sasaran, valueRollup, wilayah } = schema;

/** The roll-up key of Indonesia (the parent of the provinces). */
export const INDONESIA = '';

export interface StoredRollup extends RollupSums {
  indicator: string;
  year: number;
  kode: string;
  loadId: number;
}

const rollupColumns = {
  indicator: valueRollup.indicator,
  year: valueRollup.year,
  kode: valueRollup.kode,
  num: valueRollup.num,
  den: valueRollup.den,
  reports: valueRollup.reports,
  reportsWithDen: valueRollup.reportsWithDen,
  simulated: valueRollup.simulated,
  lastNum: valueRollup.lastNum,
  lastDen: valueRollup.lastDen,
  loadId: valueRollup.loadId,
};

/** A stored roll-up as read: a triangle not kept (NULL) is zeros, as the domain's sums have it. */
function withTriangles<T extends { lastNum: number[] | null; lastDen: number[] | null }>(
  row: T,
): T & { lastNum: number[]; lastDen: number[] } {
  return {
    ...row,
    lastNum: row.lastNum ?? Array(TRIANGLE_CELLS).fill(0),
    lastDen: row.lastDen ?? Array(TRIANGLE_CELLS).fill(0),
  };
}

/** The triangles of a roll-up as stored: NULL where its indicator's period rule does not read them. */
export function storedTriangles(r: StoredRollup): { lastNum: number[] | null; lastDen: number[] | null } {
  const def = getIndicator(r.indicator);
  const kept = def ? keptTriangles(def) : { lastNum: true, lastDen: true };
  return { lastNum: kept.lastNum ? r.lastNum : null, lastDen: kept.lastDen ? r.lastDen : null };
}

/** Rows per statement (each column travels as one array parameter). */
const WRITE_CHUNK = 5000;

/** A desa's stored year, read for a bulk roll-up. */
export interface DesaValueText {
  indicator: string;
  kode: string;
  numerators: (number | null)[];
  denominators: (number | null)[] | null;
  monthSimulated: (boolean | null)[];
}

export function rollupRepository(db: DbOrTx) {
  return {
    /** Desa under the given kecamatan, with their kecamatan. */
    async desaOf(kecamatan: string[]): Promise<{ kode: string; parent: string }[]> {
      if (!kecamatan.length) return [];
      const rows = await db
        .select({ kode: wilayah.kode, parent: wilayah.parentKode })
        .from(wilayah)
        .where(and(eq(wilayah.tingkat, 'desa'), inArray(wilayah.parentKode, kecamatan)));
      return rows.map((r) => ({ kode: r.kode, parent: r.parent! }));
    },

    /** Children of the given wilayah (INDONESIA: the provinces), with their parent. */
    async childrenOf(parents: string[]): Promise<{ kode: string; parent: string }[]> {
      const national = parents.includes(INDONESIA);
      const named = parents.filter((p) => p !== INDONESIA);
      const rows = [
        ...(named.length
          ? await db
              .select({ kode: wilayah.kode, parent: wilayah.parentKode })
              .from(wilayah)
              .where(inArray(wilayah.parentKode, named))
          : []),
        ...(national
          ? await db
              .select({ kode: wilayah.kode, parent: wilayah.parentKode })
              .from(wilayah)
              .where(isNull(wilayah.parentKode))
          : []),
      ];
      return rows.map((r) => ({ kode: r.kode, parent: r.parent ?? INDONESIA }));
    },

    /** Kecamatan that hold at least one desa (a full rebuild starts from these). */
    async kecamatanWithDesa(): Promise<string[]> {
      const rows = await db
        .selectDistinct({ kode: wilayah.parentKode })
        .from(wilayah)
        .where(eq(wilayah.tingkat, 'desa'));
      return rows
        .map((r) => r.kode!)
        .filter(Boolean)
        .sort();
    },

    /** Indicator × year pairs that have value rows (a full rebuild keeps these). */
    async indicatorYears(): Promise<{ indicator: string; year: number }[]> {
      return db.selectDistinct({ indicator: indicatorValue.indicator, year: indicatorValue.year }).from(indicatorValue);
    },

    async desaValues(indicators: string[], year: number, desa: string[]) {
      if (!indicators.length || !desa.length) return [];
      return db
        .select({
          indicator: indicatorValue.indicator,
          kode: indicatorValue.kode,
          numerators: indicatorValue.numerators,
          denominators: indicatorValue.denominators,
          monthSimulated: indicatorValue.monthSimulated,
        })
        .from(indicatorValue)
        .where(
          and(
            sql`${indicatorValue.indicator} = any(${arrayParam(indicators, 'text')})`,
            eq(indicatorValue.year, year),
            sql`${indicatorValue.kode} = any(${arrayParam(desa, 'text')})`,
          ),
        );
    },

    async desaSasaran(groups: string[], year: number, desa: string[]) {
      if (!groups.length || !desa.length) return [];
      return db
        .select({ group: sasaran.group, kode: sasaran.kode, value: sasaran.value })
        .from(sasaran)
        .where(
          and(
            sql`${sasaran.group} = any(${arrayParam(groups, 'text')})`,
            eq(sasaran.year, year),
            sql`${sasaran.kode} = any(${arrayParam(desa, 'text')})`,
          ),
        );
    },

    async read(indicators: string[], year: number, kodes: string[]): Promise<StoredRollup[]> {
      if (!indicators.length || !kodes.length) return [];
      const rows = await db
        .select(rollupColumns)
        .from(valueRollup)
        .where(
          and(
            sql`${valueRollup.indicator} = any(${arrayParam(indicators, 'text')})`,
            eq(valueRollup.year, year),
            sql`${valueRollup.kode} = any(${arrayParam(kodes, 'text')})`,
          ),
        );
      return rows.map(withTriangles);
    },

    /** Every stored roll-up (the property test compares them with a recomputation). */
    async all(): Promise<StoredRollup[]> {
      return (await db.select(rollupColumns).from(valueRollup)).map(withTriangles);
    },

    async write(rows: StoredRollup[]): Promise<void> {
      for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
        const part = rows.slice(i, i + WRITE_CHUNK);
        const column = (pick: (r: StoredRollup, i: number) => number[] | null) =>
          arrayParam(
            part.map((r, i) => {
              const values = pick(r, i);
              return values === null ? null : arrayLiteral(values);
            }),
            'text',
          );
        const triangles = part.map(storedTriangles);
        await db
          .insert(valueRollup)
          .select(sql`select i, y, k, num::int[], den::float8[], rep::int[], rwd::int[], sim::int[], ln::int[], ld::float8[], l
          from unnest(${arrayParam(
            part.map((r) => r.indicator),
            'text',
          )}, ${arrayParam(
            part.map((r) => r.year),
            'int',
          )},
            ${arrayParam(
              part.map((r) => r.kode),
              'text',
            )}, ${column((r) => r.num)}, ${column((r) => r.den)}, ${column((r) => r.reports)},
            ${column((r) => r.reportsWithDen)}, ${column((r) => r.simulated)}, ${column((_, i) => triangles[i]!.lastNum)}, ${column((_, i) => triangles[i]!.lastDen)},
            ${arrayParam(
              part.map((r) => r.loadId),
              'int',
            )}) u(i, y, k, num, den, rep, rwd, sim, ln, ld, l)`)
          .onConflictDoUpdate({
            target: [valueRollup.indicator, valueRollup.year, valueRollup.kode],
            set: {
              num: sql`excluded.num`,
              den: sql`excluded.den`,
              reports: sql`excluded.reports`,
              reportsWithDen: sql`excluded.reports_with_den`,
              simulated: sql`excluded.simulated`,
              lastNum: sql`excluded.last_num`,
              lastDen: sql`excluded.last_den`,
              loadId: sql`excluded.load_id`,
            },
          });
      }
    },

    /** Provinces that hold desa (a bulk roll-up goes one provinsi at a time). */
    async provinsiWithDesa(): Promise<string[]> {
      const rows = await db
        .selectDistinct({ kode: sql<string>`substring(${wilayah.kode} from 1 for 2)` })
        .from(wilayah)
        .where(eq(wilayah.tingkat, 'desa'));
      return rows.map((r) => r.kode).sort();
    },

    /** Every desa row of one provinsi and year (of the given indicators; null: all), arrays read as text. */
    async desaValuesOfProvinsi(year: number, provinsi: string, indicators: string[] | null): Promise<DesaValueText[]> {
      const rows = await db
        .select({
          indicator: indicatorValue.indicator,
          kode: indicatorValue.kode,
          n: sql<string>`${indicatorValue.numerators}::text`,
          d: sql<string | null>`${indicatorValue.denominators}::text`,
          s: sql<string>`${indicatorValue.monthSimulated}::text`,
        })
        .from(indicatorValue)
        .innerJoin(wilayah, and(eq(wilayah.kode, indicatorValue.kode), eq(wilayah.tingkat, 'desa')))
        .where(
          and(
            eq(indicatorValue.year, year),
            sql`${indicatorValue.kode} like ${`${provinsi}.%`}`,
            indicators ? sql`${indicatorValue.indicator} = any(${arrayParam(indicators, 'text')})` : undefined,
          ),
        );
      return rows.map((r) => ({
        indicator: r.indicator,
        kode: r.kode,
        numerators: parseIntArray(r.n)!,
        denominators: parseIntArray(r.d),
        monthSimulated: parseBoolArray(r.s),
      }));
    },

    async sasaranOfProvinsi(year: number, provinsi: string) {
      return db
        .select({ group: sasaran.group, kode: sasaran.kode, value: sasaran.value })
        .from(sasaran)
        .where(and(eq(sasaran.year, year), sql`${sasaran.kode} like ${`${provinsi}.%`}`));
    },

    /** Remove the roll-ups of the given indicators and year at and under a provinsi (a bulk roll-up rewrites them). */
    async clearProvinsi(year: number, provinsi: string, indicators: string[] | null): Promise<void> {
      await db
        .delete(valueRollup)
        .where(
          and(
            eq(valueRollup.year, year),
            sql`(${valueRollup.kode} = ${provinsi} or ${valueRollup.kode} like ${`${provinsi}.%`})`,
            indicators ? sql`${valueRollup.indicator} = any(${arrayParam(indicators, 'text')})` : undefined,
          ),
        );
    },

    async clear(): Promise<void> {
      await db.delete(valueRollup);
    },

    /**
     * The version of the answers about one parent's children for an indicator and years: the last load that changed a
     * desa under it (0: none) per year, and the boundary import the wilayah come from (a new one can change the
     * children and their desa). One round trip: primary-key lookups.
     */
    async version(indicator: string, kode: string, years: number[]): Promise<string> {
      const rows = await db
        .select({ year: valueRollup.year, loadId: valueRollup.loadId })
        .from(valueRollup)
        .where(and(eq(valueRollup.indicator, indicator), inArray(valueRollup.year, years), eq(valueRollup.kode, kode)))
        .unionAll(
          db
            .select({ year: sql<number>`-1`, loadId: sql<number>`coalesce(max(${boundaryImport.id}), 0)::int` })
            .from(boundaryImport),
        );
      const byYear = new Map(rows.map((r) => [r.year, r.loadId]));
      return [`b${byYear.get(-1) ?? 0}`, ...years.map((y) => byYear.get(y) ?? 0)].join('.');
    },
  };
}

export type RollupRepository = ReturnType<typeof rollupRepository>;
