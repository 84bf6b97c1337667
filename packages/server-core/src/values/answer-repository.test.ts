// The answers' reads of concurrent requests share one statement per kind (batchedCalls), and each request still gets
// its own version and rows: what a request reads alone is what it reads in a batch, on a real database (embedded, or
// the PostgreSQL server in DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@peta/db';
import { runImport } from '../imports/run-import.ts';
import { addManyDesa, longCsv, openTestDatabase } from '../testing/test-database.ts';
import { answerRepository } from './answer-repository.ts';

const today = { year: 2026, month: 11 };
let database: Database;
let close: () => Promise<void>;
let besar: string[];
let loadId: number;

beforeAll(async () => {
  ({ database, close } = await openTestDatabase());
  besar = await addManyDesa(database, 5);
  const sasaran = await runImport(database, {
    bytes: new TextEncoder().encode(
      `kode_wilayah,tahun,sasaran,jumlah,sumber\n99.01.01.2001,2026,bumil,40,uji\n${besar[2]},2026,bumil,12,uji\n`,
    ),
    fileName: 'sasaran.csv',
    oleh: 'uji',
    today,
  });
  expect(sasaran.errors).toEqual([]);
  const values = await runImport(database, {
    bytes: longCsv([
      ['99.01.01.2001', '2026-01', 'KIA_K1', 4],
      ['99.01.01.2001', '2026-02', 'KIA_K1', 3],
      ['99.01.01.2002', '2026-01', 'KIA_K1', 1],
      [besar[2]!, '2026-02', 'KIA_K1', 7],
      [besar[4]!, '2026-03', 'KIA_K1', 9],
      ['99.01.02.2001', '2026-01', 'SPM11_TB', 2, 5],
    ]),
    fileName: 'nilai.csv',
    oleh: 'uji',
    today,
  });
  expect(values.errors).toEqual([]);
  loadId = values.loadId!;
}, 120_000);
afterAll(async () => {
  await close?.();
});

/** Counts the statements run on the pool, by name, while `work` runs. */
async function statementsDuring<T>(work: () => Promise<T>): Promise<{ result: T; counts: Record<string, number> }> {
  const counts: Record<string, number> = {};
  const pool = database.read.$client;
  const query = pool.query.bind(pool);
  const spy = vi.spyOn(pool, 'query').mockImplementation(((config: { name?: string }, ...rest: unknown[]) => {
    const name = config.name ?? 'unnamed';
    counts[name] = (counts[name] ?? 0) + 1;
    return (query as (...args: unknown[]) => unknown)(config, ...rest);
  }) as typeof pool.query);
  try {
    return { result: await work(), counts };
  } finally {
    spy.mockRestore();
  }
}

describe('answer reads of concurrent requests', () => {
  it('share one statement per kind, each request answered with its own version and rows', async () => {
    const answers = answerRepository(database.read);
    const all = () =>
      Promise.all([
        answers.desaYears('KIA_K1', 2026, '99.01.01', ['99.01.01.2001', '99.01.01.2002'], 'bumil'),
        answers.desaYears('KIA_K1', 2026, '99.02.01', besar, 'bumil'),
        answers.desaYears('SPM11_TB', 2026, '99.01.02', ['99.01.02.2001', '99.01.02.2002'], null),
        answers.rollups('KIA_K1', 2026, '99', ['99.01', '99.02'], 3),
        answers.rollups('SPM11_TB', 2026, '99.01', ['99.01.01', '99.01.02'], 1),
        answers.version('KIA_K1', 2026, '99.02'),
        answers.version('KIA_K1', 2025, '99.02'),
      ]);
    // Each alone: a statement of its own.
    const { result: alone, counts: countsAlone } = await statementsDuring(async () => [
      await answers.desaYears('KIA_K1', 2026, '99.01.01', ['99.01.01.2001', '99.01.01.2002'], 'bumil'),
      await answers.desaYears('KIA_K1', 2026, '99.02.01', besar, 'bumil'),
      await answers.desaYears('SPM11_TB', 2026, '99.01.02', ['99.01.02.2001', '99.01.02.2002'], null),
      await answers.rollups('KIA_K1', 2026, '99', ['99.01', '99.02'], 3),
      await answers.rollups('SPM11_TB', 2026, '99.01', ['99.01.01', '99.01.02'], 1),
      await answers.version('KIA_K1', 2026, '99.02'),
      await answers.version('KIA_K1', 2025, '99.02'),
    ]);
    expect(countsAlone).toEqual({ answer_desa_rows: 3, answer_rollups_of_children: 2, answer_version: 2 });
    const { result: together, counts } = await statementsDuring(all);

    expect(counts).toEqual({ answer_desa_rows: 1, answer_rollups_of_children: 1, answer_version: 1 });
    expect(together).toEqual(alone);
    const [satu, kecBesar, tb, provinsi, kabTb, version, none] = together;
    // Each request's own rows: Satu's two desa (40 bumil in 2001, none known in 2002), the five desa of Kec Besar in
    // their order, the counted TB desa without a sasaran.
    expect(satu.version).toEqual({ loadId, boundary: 0 });
    expect(satu.rows.map((r) => [r.row?.numerators.slice(0, 3), r.sasaran])).toEqual([
      [[4, 3, null], 40],
      [[1, null, null], null],
    ]);
    expect(kecBesar.rows.map((r) => [r.row?.numerators.slice(0, 3) ?? null, r.sasaran])).toEqual([
      [null, null],
      [null, null],
      [[null, 7, null], 12],
      [null, null],
      [[null, null, 9], null],
    ]);
    expect(tb.rows.map((r) => [r.row?.numerators[0] ?? null, r.row?.denominators?.[0] ?? null, r.sasaran])).toEqual([
      [2, 5, null],
      [null, null, null],
    ]);
    // Roll-ups: each child's own stored row, in the order asked.
    const stored = async (indicator: string, kode: string) =>
      (
        await database.pool.query<{ num: number[] }>(
          'select num from value_rollup where indicator = $1 and year = 2026 and kode = $2',
          [indicator, kode],
        )
      ).rows[0]?.num ?? null;
    expect(provinsi.rows.map((r) => r!.num)).toEqual([
      await stored('KIA_K1', '99.01'),
      await stored('KIA_K1', '99.02'),
    ]);
    expect(provinsi.rows[0]!.num).not.toEqual(provinsi.rows[1]!.num);
    expect(kabTb.rows.map((r) => r?.num[0] ?? null)).toEqual([null, 2]);
    expect(version).toEqual({ loadId, boundary: 0 });
    expect(none).toEqual({ loadId: null, boundary: 0 });
  });

  it('split over several statements when more arrive at once than one statement takes', async () => {
    const answers = answerRepository(database.read);
    const parents = Array.from({ length: 70 }, (_, i) => (i % 2 === 0 ? '99.01' : '99.03'));
    const { result, counts } = await statementsDuring(() =>
      Promise.all(parents.map((parent) => answers.version('KIA_K1', 2026, parent))),
    );
    expect(counts).toEqual({ answer_version: 2 });
    expect(result).toEqual(parents.map((parent) => ({ loadId: parent === '99.01' ? loadId : null, boundary: 0 })));
  });
});
