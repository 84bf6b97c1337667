// The reads behind one answer about the children of a wilayah (GET /api/nilai): the version of the answer alone, or the
// version together with the rows the answer is computed from. The version is the parent's roll-up load_id for the
// indicator and year (the last load that changed a desa under it; null: none) and the latest boundary import (a new one
// can change the children and their desa). Each request's read is ONE row of ONE statement shared with the requests
// that arrived in the same event-loop turn (batchedCalls: up to BATCH_LIMIT per statement), a named prepared statement
// (drizzle builds the SQL once; each pooled connection plans it once; rawStatement runs it). The statement starts after
// every request in it arrived and reads each request's version with its rows in one snapshot, as a statement of its own
// did: the answers, their ETags and what is cached are the same, and the round trip — as much CPU as a whole
// /api/health — is paid once per batch.
import { and, Placeholder, sql } from 'drizzle-orm';
import { schema, type Db } from '@peta/db';
import { TRIANGLE_CELLS, triangleIndex, type RollupSums } from '@peta/domain';
import { batchedCalls } from '../batched-calls.ts';
import { parseBoolArray, parseIntArray, parseNumberArray } from '../imports/bulk-sql.ts';
import type { DesaYearValues } from './values-repository.ts';

const { indicatorValue, sasaran } = schema;

export interface AnswerVersion {
  /** value_rollup.load_id of the parent (null: no desa under it has a row for the indicator and year). */
  loadId: number | null;
  /** The latest boundary import (0: none). */
  boundary: number;
}

/**
 * The requests of a batch as rows `r` (indicator, year, parent and `columns`, in the order of the array parameters of
 * the same names; r.n from 1): every statement answers a batch of requests, one row each, through scalar subqueries
 * per request. The boundary import does not depend on r: PostgreSQL evaluates it once per statement.
 */
const requestsTable = (columns: [name: string, type: 'int' | 'text'][]) => {
  const all: [string, string][] = [['indicator', 'text'], ['year', 'int'], ['parent', 'text'], ...columns];
  return sql`unnest(${sql.join(
    all.map(([name, type]) => sql`${sql.placeholder(name)}::${sql.raw(type)}[]`),
    sql`, `,
  )}) with ordinality as r (${sql.raw(all.map(([name]) => `"${name}"`).join(', '))}, n)`;
};
const loadIdOf = sql<number | null>`(select vr.load_id from value_rollup vr
  where vr.indicator = r.indicator and vr.year = r.year and vr.kode = r.parent)`;
const boundaryNow = sql<number>`(select coalesce(max(b.id), 0)::int from boundary_import b)`;
/** The kodes of request r: its slice of the one flat array parameter `kodes` (kodeFrom..kodeTo, 1-based). */
const kodesOfRequest = sql`(${sql.placeholder('kodes')}::text[])[r."kodeFrom":r."kodeTo"]`;
/** At most this many requests per statement: more arriving in one turn are split over several. */
const BATCH_LIMIT = 64;

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

/** The first columns of every answer statement's row: the parent's roll-up load_id and the boundary import. */
const versionOf = (row: readonly unknown[]): AnswerVersion => ({
  loadId: (row[0] as number | null) ?? null,
  boundary: (row[1] as number | null) ?? 0,
});

/**
 * A statement drizzle built, run on `pool` itself (Database.genericPlanPool: planned once per connection) as a named
 * prepared statement, its rows as arrays of column values. Every GET /api/nilai runs one of these: drizzle's prepared execute added its tracing spans, its
 * placeholder filling, its result cache hook and a type parser chosen per column per reply (~0.04 ms of the API's
 * ~0.9 ms of CPU per answer); the SQL text and the parameters' order are still drizzle's, read once here.
 */
function rawStatement<Name extends string>(
  pool: AnswersPool,
  name: string,
  query: { toSQL(): { sql: string; params: unknown[] } },
) {
  const built = query.toSQL();
  const order = built.params.map((p) => {
    if (!(p instanceof Placeholder)) throw new Error(`${name}: every parameter must be a placeholder`);
    return p.name as Name;
  });
  return async (args: Record<Name, unknown>): Promise<unknown[][]> => {
    const result = await pool.query<unknown[]>({
      name,
      text: built.sql,
      values: order.map((n) => args[n]),
      rowMode: 'array',
    });
    return result.rows;
  };
}

/** The parameters every batched statement takes: the indicator, year and parent of each request. */
interface AnswerRequest {
  indicator: string;
  year: number;
  parent: string;
}

/** The kodes of every request of a batch as one flat array, with each request's slice of it (1-based, inclusive). */
function flatKodes(lists: readonly (readonly string[])[]) {
  const kodes: string[] = [];
  const kodeFrom: number[] = [];
  const kodeTo: number[] = [];
  for (const list of lists) {
    kodeFrom.push(kodes.length + 1);
    for (const kode of list) kodes.push(kode);
    kodeTo.push(kodes.length);
  }
  return { kodes, kodeFrom, kodeTo };
}

const requestArrays = (calls: readonly AnswerRequest[]) => ({
  indicator: calls.map((c) => c.indicator),
  year: calls.map((c) => c.year),
  parent: calls.map((c) => c.parent),
});

/** The rows of a batch, one per request, in order (r.n); a missing row would be a bug in the statement. */
function rowPerRequest(rows: unknown[][], count: number): unknown[][] {
  if (rows.length !== count) throw new Error(`answer statement: ${rows.length} rows for ${count} requests`);
  return rows;
}

/** The pool the answers' statements run on (the API gives Database.genericPlanPool: planned once, not per run). */
export type AnswersPool = Pick<Db['$client'], 'query'>;

export function answerRepository(db: Db, pool: AnswersPool = db.$client) {
  // Every read of an answer is queued and run with the others of the same event-loop turn (batchedCalls): ONE
  // statement per kind for up to BATCH_LIMIT concurrent requests, each request's version and rows read by that
  // statement, in one snapshot, after the request arrived.
  const versionOnly = rawStatement(
    pool,
    'answer_version',
    db.select({ loadId: loadIdOf, boundary: boundaryNow }).from(requestsTable([])).orderBy(sql`r.n`),
  );
  const versions = batchedCalls(async (calls: AnswerRequest[]) => {
    const rows = rowPerRequest(await versionOnly(requestArrays(calls)), calls.length);
    return rows.map(versionOf);
  }, BATCH_LIMIT);

  // Per request, its children's roll-ups in ONE text (the desa's statement does the same): per child (in the order of
  // its kodes) its seven arrays as text, ';' between them ('' for a child without a roll-up), '/' between children —
  // parsed here. Of the two 78-cell triangles only the row of the period's last month (cells lastFrom..lastTo,
  // 1-based), all a period reads: PostgreSQL turned ~4,000 array elements into text for a kabupaten's 16 kecamatan,
  // ~1,600 now. A triangle the indicator does not keep (NULL) reads as '{}' (zeros) so that concat_ws keeps its place
  // — of a stored row only: a child without a roll-up stays ''.
  const lastRow = (column: string) =>
    sql`case when vr.kode is not null then coalesce(vr.${sql.raw(column)}[r."lastFrom":r."lastTo"]::text, '{}') end`;
  const rollupsOfChildren = rawStatement(
    pool,
    'answer_rollups_of_children',
    db
      .select({
        loadId: loadIdOf,
        boundary: boundaryNow,
        children: sql<string | null>`(select string_agg(concat_ws(';', vr.num::text, vr.den::text,
          vr.reports::text, vr.reports_with_den::text, vr.simulated::text, ${lastRow('last_num')},
          ${lastRow('last_den')}), '/' order by c.n)
          from unnest(${kodesOfRequest}) with ordinality as c (kode, n)
          left join value_rollup vr on vr.indicator = r.indicator and vr.year = r.year and vr.kode = c.kode)`,
      })
      .from(
        requestsTable([
          ['kodeFrom', 'int'],
          ['kodeTo', 'int'],
          ['lastFrom', 'int'],
          ['lastTo', 'int'],
        ]),
      )
      .orderBy(sql`r.n`),
  );
  const rollupBatch = batchedCalls(
    async (calls: (AnswerRequest & { children: string[]; lastFrom: number; lastTo: number })[]) =>
      rowPerRequest(
        await rollupsOfChildren({
          ...requestArrays(calls),
          ...flatKodes(calls.map((c) => c.children)),
          lastFrom: calls.map((c) => c.lastFrom),
          lastTo: calls.map((c) => c.lastTo),
        }),
        calls.length,
      ),
    BATCH_LIMIT,
  );

  // Per request, the desa of a kecamatan in ONE text each for their stored years and their sasaran, each desa led by
  // its kode ('/' between desa, ';' between a desa's fields), parsed here — the driver then handles a row per request
  // instead of one per desa (a kecamatan has ~10 to 100), which cost more than the text they carry. Each table is read
  // by ONE index scan for all the desa of a request (`kode = any`; from PostgreSQL 17 one descent, the desa side by
  // side on the leaf pages; before, a descent per desa but no join) instead of a probe per desa from the list: a
  // kecamatan's answer cost PostgreSQL ~480 µs of CPU with a probe per desa, ~300 µs so (57 desa, PG 18). Without a
  // sasaran group (counted denominators) the sasaran is not read at all.
  const desaRows = rawStatement(
    pool,
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
              sql`${indicatorValue.indicator} = r.indicator`,
              sql`${indicatorValue.year} = r.year`,
              sql`${indicatorValue.kode} = any(${kodesOfRequest})`,
            ),
          )})`,
        sasaran: sql<string | null>`(${db
          .select({ text: sql`string_agg(${sasaran.kode} || ';' || ${sasaran.value}::text, '/')` })
          .from(sasaran)
          .where(
            and(
              sql`r."group" <> ''`,
              sql`${sasaran.group} = r."group"`,
              sql`${sasaran.year} = r.year`,
              sql`${sasaran.kode} = any(${kodesOfRequest})`,
            ),
          )})`,
      })
      .from(
        requestsTable([
          ['group', 'text'],
          ['kodeFrom', 'int'],
          ['kodeTo', 'int'],
        ]),
      )
      .orderBy(sql`r.n`),
  );
  const desaBatch = batchedCalls(
    async (calls: (AnswerRequest & { desa: string[]; group: string })[]) =>
      rowPerRequest(
        await desaRows({
          ...requestArrays(calls),
          group: calls.map((c) => c.group),
          ...flatKodes(calls.map((c) => c.desa)),
        }),
        calls.length,
      ),
    BATCH_LIMIT,
  );

  return {
    /**
     * Prepare the statements on about `connections` pooled connections (as many chains at once make the pool open
     * that many: @peta/db keeps 10), with a request that matches no row.
     */
    async warm(connections = 10): Promise<void> {
      const none = {
        indicator: [''],
        year: [0],
        parent: [''],
        group: [''],
        kodes: [''],
        kodeFrom: [1],
        kodeTo: [1],
        lastFrom: [1],
        lastTo: [1],
      };
      await Promise.all(
        Array.from({ length: connections }, async () => {
          for (const statement of [versionOnly, rollupsOfChildren, desaRows]) await statement(none);
        }),
      );
    },

    /** The version of the answers about the children of `parent` ('' for Indonesia) for an indicator and year. */
    version(indicatorCode: string, yearNumber: number, parent: string): Promise<AnswerVersion> {
      return versions({ indicator: indicatorCode, year: yearNumber, parent });
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
      const read = await rollupBatch({
        indicator: indicatorCode,
        year: yearNumber,
        parent,
        children,
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
      const parts = (read[2] as string | null)?.split('/') ?? [];
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
      const read = await desaBatch({ indicator: indicatorCode, year: yearNumber, parent, desa, group: group ?? '' });
      const text = (i: number) => (read[i] as string | null) ?? null;
      return { version: versionOf(read), rows: desaFields(text(2), text(3), desa) };
    },
  };
}

export type AnswerRepository = ReturnType<typeof answerRepository>;
