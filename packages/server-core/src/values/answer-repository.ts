// The reads behind one answer about the children of a wilayah (GET /api/nilai), each ONE round trip on a named
// prepared statement (drizzle builds the SQL once; each pooled connection plans it once; rawStatement runs it): the
// version of the answer alone, or the version together with the rows the answer is computed from. The version is the parent's roll-up
// load_id for the indicator and year (the last load that changed a desa under it; null: none) and the latest boundary
// import (a new one can change the children and their desa).
import { and, eq, Placeholder, sql } from 'drizzle-orm';
import { schema, type Db } from '@peta/db';
import { TRIANGLE_CELLS, triangleIndex, type RollupSums } from '@peta/domain';
import { parseBoolArray, parseIntArray, parseNumberArray } from '../imports/bulk-sql.ts';
import type { DesaYearValues } from './values-repository.ts';

const { indicatorValue, sasaran, valueRollup } = schema;

export interface AnswerVersion {
  /** value_rollup.load_id of the parent (null: no desa under it has a row for the indicator and year). */
  loadId: number | null;
  /** The latest boundary import (0: none). */
  boundary: number;
}

const indicator = sql.placeholder('indicator');
const year = sql.placeholder('year');
// Scalar subqueries: evaluated once per statement, whatever the rows beside them. Aliased, since the rows may come
// from value_rollup too.
const loadIdOf = sql<number | null>`(select vr.load_id from value_rollup vr
  where vr.indicator = ${indicator} and vr.year = ${year} and vr.kode = ${sql.placeholder('parent')})`;
const boundaryNow = sql<number>`(select coalesce(max(b.id), 0)::int from boundary_import b)`;
/** One row per kode of the array parameter `kodes`, in its order: what the left joins hang the rows on. */
const kodesTable = sql`unnest(${sql.placeholder('kodes')}::text[]) with ordinality as c (kode, n)`;

/** A PostgreSQL array without NULLs as text ('{1,2.5,3}') → numbers. */
const numbers = parseNumberArray;

/**
 * The desa of answer_desa_rows' one row, in the order of `desa`: `values` holds `kode;numerators;denominators;
 * monthSimulated` per desa that has a value row ('/' between desa; concat_ws leaves out NULL denominators, so an
 * indicator over a sasaran has three fields after the kode), `sasaran` holds `kode;value` per desa with a sasaran.
 */
function desaFields(
  values: string | null,
  sasaranText: string | null,
  desa: readonly string[],
): { row: DesaYearValues | undefined; sasaran: number | null }[] {
  const rows = new Map<string, DesaYearValues>();
  if (values !== null) {
    for (const part of values.split('/')) {
      const fields = part.split(';');
      const kode = fields[0]!;
      const withDenominators = fields.length === 4; // kode, numerators, denominators, monthSimulated
      rows.set(kode, {
        kode,
        numerators: parseIntArray(fields[1]!)!,
        denominators: withDenominators ? parseIntArray(fields[2]!) : null,
        monthSimulated: parseBoolArray(fields[withDenominators ? 3 : 2]!),
      });
    }
  }
  const sasaranOf = new Map<string, number>();
  if (sasaranText !== null) {
    for (const part of sasaranText.split('/')) {
      const at = part.indexOf(';');
      sasaranOf.set(part.slice(0, at), Number(part.slice(at + 1)));
    }
  }
  return desa.map((kode) => ({ row: rows.get(kode), sasaran: sasaranOf.get(kode) ?? null }));
}

/** The first columns of every answer statement's one row: the parent's roll-up load_id and the boundary import. */
const versionOf = (row: readonly unknown[] | undefined): AnswerVersion => ({
  loadId: (row?.[0] as number | null | undefined) ?? null,
  boundary: (row?.[1] as number | undefined) ?? 0,
});

/**
 * A statement drizzle built, run on the pg pool itself as a named prepared statement, its one row as an array of
 * column values. Every GET /api/nilai runs one of these: drizzle's prepared execute added its tracing spans, its
 * placeholder filling, its result cache hook and a type parser chosen per column per reply (~0.04 ms of the API's
 * ~0.9 ms of CPU per answer); the SQL text and the parameters' order are still drizzle's, read once here.
 */
function rawStatement<Name extends string>(
  db: Db,
  name: string,
  query: { toSQL(): { sql: string; params: unknown[] } },
) {
  const built = query.toSQL();
  const order = built.params.map((p) => {
    if (!(p instanceof Placeholder)) throw new Error(`${name}: every parameter must be a placeholder`);
    return p.name as Name;
  });
  return async (args: Record<Name, unknown>): Promise<unknown[] | undefined> => {
    const result = await db.$client.query<unknown[]>({
      name,
      text: built.sql,
      values: order.map((n) => args[n]),
      rowMode: 'array',
    });
    return result.rows[0];
  };
}

export function answerRepository(db: Db) {
  const versionOnly = rawStatement(
    db,
    'answer_version',
    db.select({ loadId: loadIdOf, boundary: boundaryNow }).from(sql`(values (1)) as one (x)`),
  );

  // The children's roll-ups in ONE row, as answer_desa_rows: per child (in the order of `kodes`) its seven arrays as
  // text, ';' between them ('' for a child without a roll-up), '/' between children — parsed here. Of the two
  // 78-cell triangles only the row of the period's last month (cells lastFrom..lastTo, 1-based), all a period reads:
  // PostgreSQL turned ~4,000 array elements into text for a kabupaten's 16 kecamatan, ~1,600 now. A triangle the
  // indicator does not keep (NULL) reads as '{}' (zeros) so that concat_ws keeps its place — of a stored row only: a
  // child without a roll-up stays ''.
  const lastRow = (column: typeof valueRollup.lastNum | typeof valueRollup.lastDen) =>
    sql`case when ${valueRollup.kode} is not null
      then coalesce(${column}[${sql.placeholder('lastFrom')}::int:${sql.placeholder('lastTo')}::int]::text, '{}') end`;
  const rollupsOfChildren = rawStatement(
    db,
    'answer_rollups_of_children',
    db
      .select({
        loadId: loadIdOf,
        boundary: boundaryNow,
        children: sql<string | null>`string_agg(concat_ws(';', ${valueRollup.num}::text, ${valueRollup.den}::text,
        ${valueRollup.reports}::text, ${valueRollup.reportsWithDen}::text, ${valueRollup.simulated}::text,
        ${lastRow(valueRollup.lastNum)}, ${lastRow(valueRollup.lastDen)}), '/' order by c.n)`,
      })
      .from(kodesTable)
      .leftJoin(
        valueRollup,
        and(eq(valueRollup.indicator, indicator), eq(valueRollup.year, year), sql`${valueRollup.kode} = c.kode`),
      ),
  );

  // The desa of a kecamatan in ONE row: their stored years and their sasaran as text, each desa led by its kode
  // ('/' between desa, ';' between a desa's fields), parsed here — the driver and drizzle then handle one row instead
  // of one per desa (a kecamatan has ~10 to 100), which cost more than the text they carry. Each table is read by ONE
  // index scan for all the desa (`kode = any`; from PostgreSQL 17 one descent, the desa side by side on the leaf pages;
  // before, a descent per desa but no join) instead of a probe per desa from the list: a kecamatan's answer cost
  // PostgreSQL ~480 µs of CPU with a probe per desa, ~300 µs so (57 desa, PG 18). Without a sasaran group (counted
  // denominators) the sasaran is not read at all.
  const kodes = sql`${sql.placeholder('kodes')}::text[]`;
  const group = sql.placeholder('group');
  const desaRows = rawStatement(
    db,
    'answer_desa_rows',
    db
      .select({
        loadId: loadIdOf,
        boundary: boundaryNow,
        values: sql<string | null>`(${db
          .select({
            text: sql`string_agg(concat_ws(';', ${indicatorValue.kode}, ${indicatorValue.numerators}::text,
            ${indicatorValue.denominators}::text, ${indicatorValue.monthSimulated}::text), '/')`,
          })
          .from(indicatorValue)
          .where(
            and(
              eq(indicatorValue.indicator, indicator),
              eq(indicatorValue.year, year),
              sql`${indicatorValue.kode} = any(${kodes})`,
            ),
          )})`,
        sasaran: sql<string | null>`(${db
          .select({ text: sql`string_agg(${sasaran.kode} || ';' || ${sasaran.value}::text, '/')` })
          .from(sasaran)
          .where(
            and(
              sql`${group} <> ''`,
              eq(sasaran.group, group),
              eq(sasaran.year, year),
              sql`${sasaran.kode} = any(${kodes})`,
            ),
          )})`,
      })
      .from(sql`(values (1)) as one (x)`),
  );

  return {
    /**
     * Prepare the statements on about `connections` pooled connections (as many chains at once make the pool open
     * that many: @peta/db keeps 10), with arguments that match no row.
     */
    async warm(connections = 10): Promise<void> {
      const none = { indicator: '', year: 0, parent: '', kodes: [''], group: '', lastFrom: 1, lastTo: 1 };
      await Promise.all(
        Array.from({ length: connections }, async () => {
          for (const statement of [versionOnly, rollupsOfChildren, desaRows]) await statement(none);
        }),
      );
    },

    /** The version of the answers about the children of `parent` ('' for Indonesia) for an indicator and year. */
    async version(indicatorCode: string, yearNumber: number, parent: string): Promise<AnswerVersion> {
      return versionOf(await versionOnly({ indicator: indicatorCode, year: yearNumber, parent }));
    },

    /**
     * The version and the stored roll-up of each child (null: none), in the order of `children` (at least one), for a
     * period ending in month `toMonth`: of the triangles (lastNum, lastDen) only row `toMonth` is read — what
     * rollUpFromSums reads for such a period — and the other cells are 0 (all of them where the indicator keeps no
     * triangle).
     */
    async rollups(
      indicatorCode: string,
      yearNumber: number,
      parent: string,
      children: string[],
      toMonth: number,
    ): Promise<{ version: AnswerVersion; rows: (RollupSums | null)[] }> {
      const first = triangleIndex(toMonth, 1);
      const read = await rollupsOfChildren({
        indicator: indicatorCode,
        year: yearNumber,
        parent,
        kodes: children,
        lastFrom: first + 1,
        lastTo: first + toMonth,
      });
      /** Row `toMonth` of a triangle, in place among zeros. */
      const triangle = (row: string): number[] => {
        const cells: number[] = Array(TRIANGLE_CELLS).fill(0);
        const values = numbers(row);
        for (let k = 0; k < values.length; k++) cells[first + k] = values[k]!;
        return cells;
      };
      const parts = (read?.[2] as string | null | undefined)?.split('/') ?? [];
      return {
        version: versionOf(read),
        rows: children.map((_, i) => {
          const text = parts[i] ?? '';
          if (text === '') return null;
          const [num, den, reports, reportsWithDen, simulated, lastNum, lastDen] = text.split(';');
          return {
            num: numbers(num!),
            den: numbers(den!),
            reports: numbers(reports!),
            reportsWithDen: numbers(reportsWithDen!),
            simulated: numbers(simulated!),
            lastNum: triangle(lastNum!),
            lastDen: triangle(lastDen!),
          };
        }),
      };
    },

    /**
     * The version and each desa's stored year (undefined: no row) and sasaran of `group` (null: none, or no group),
     * in the order of `desa` (at least one).
     */
    async desaYears(
      indicatorCode: string,
      yearNumber: number,
      parent: string,
      desa: string[],
      group: string | null,
    ): Promise<{ version: AnswerVersion; rows: { row: DesaYearValues | undefined; sasaran: number | null }[] }> {
      const read = await desaRows({
        indicator: indicatorCode,
        year: yearNumber,
        parent,
        kodes: desa,
        group: group ?? '',
      });
      const text = (i: number) => (read?.[i] as string | null | undefined) ?? null;
      return { version: versionOf(read), rows: desaFields(text(2), text(3), desa) };
    },
  };
}

export type AnswerRepository = ReturnType<typeof answerRepository>;
