import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database.ts';
import { copyChunksInto, copyOutNumbers, parseBoolArray, parseIntArray, parseNumberArray } from './bulk-sql.ts';
import { copyChunks } from './copy-text.ts';

describe('array text from PostgreSQL', () => {
  it('reads a number array: integers, negatives, doubles and exponents as Number reads them', () => {
    expect(parseNumberArray('{0,12,-3,16.24,-0.5,1e+21,1.5e-7}')).toEqual([0, 12, -3, 16.24, -0.5, 1e21, 1.5e-7]);
    expect(parseNumberArray('{7}')).toEqual([7]);
    expect(parseNumberArray('{}')).toEqual([]);
    expect(parseNumberArray('')).toEqual([]);
    expect(parseNumberArray(null)).toEqual([]);
    expect(parseNumberArray('{NaN,Infinity,-Infinity}')).toEqual([Number.NaN, Infinity, -Infinity]);
  });
  it('reads what the split parser read for every roll-up shape (twelve months, the 78-cell triangle)', () => {
    const months = `{${Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? i * 1.25 : i * 101)).join(',')}}`;
    const triangle = `{${Array.from({ length: 78 }, (_, i) => i * 7 - 100).join(',')}}`;
    for (const text of [months, triangle])
      expect(parseNumberArray(text)).toEqual(text.slice(1, -1).split(',').map(Number));
  });
  it('reads integer arrays with NULLs and boolean arrays', () => {
    expect(parseIntArray('{1,NULL,-3}')).toEqual([1, null, -3]);
    expect(parseBoolArray('{t,f,NULL}')).toEqual([true, false, null]);
  });
});

describe('COPY with PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('reads numbers, booleans and NULL of many rows (copyOutNumbers), fields split across chunks', async () => {
    const rows: number[][] = [];
    await db.database.db.transaction(async (tx) => {
      await copyOutNumbers(
        tx,
        `select i, -i::bigint * 1000003, case when i % 3 = 0 then null else i % 2 = 0 end, i / 8.0::float8, 1e300::float8
        from generate_series(1, 50000) i`,
        5,
        (f) => rows.push([...f]),
      );
    });
    expect(rows).toHaveLength(50_000);
    for (const i of [1, 2, 3, 777, 50_000]) {
      const row = rows[i - 1]!;
      expect(row.slice(0, 2)).toEqual([i, -i * 1000003]);
      if (i % 3 === 0) expect(row[2]).toBeNaN();
      else expect(row[2]).toBe(i % 2 === 0 ? 1 : 0);
      expect(row.slice(3)).toEqual([i / 8, 1e300]);
    }
  });

  it('COPYs chunks of COPY text into a table (copyChunksInto)', async () => {
    const chunks = [
      ...copyChunks(
        Array.from({ length: 30_000 }, (_, i) => i),
        (i, w) => {
          w.ascii(`k${i}`).char(9);
          if (i % 7 === 0) w.ascii('\\N');
          else w.number(i - 15_000);
          w.char(10);
        },
      ),
    ];
    expect(chunks.length).toBeGreaterThan(1);
    const stored = await db.database.db.transaction(async (tx) => {
      await tx.execute(sql`create temp table copied (k text, v int)`);
      await copyChunksInto(tx, 'copied', chunks);
      return (await tx.execute(sql`select count(*)::int as n, sum(v)::int as s, count(v)::int as c from copied`))
        .rows[0];
    });
    let sum = 0;
    let counted = 0;
    for (let i = 0; i < 30_000; i++)
      if (i % 7 !== 0) {
        sum += i - 15_000;
        counted++;
      }
    expect(stored).toEqual({ n: 30_000, s: sum, c: counted });
  });
});
