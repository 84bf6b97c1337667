// The texts of values-repository.ts desaYearTexts parsed into columns, and each desa's row made again from them: by
// hand here, and on a real database against the rows node-postgres reads (embedded, or DATABASE_URL's server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { runImport } from '../imports/run-import.ts';
import { addManyDesa, longCsv, openTestDatabase } from '../testing/test-database.ts';
import { parseDesaYearColumns, sasaranAt, storedYearAt } from './desa-year-columns.ts';
import { valuesRepository } from './values-repository.ts';
import { wilayahRepository } from '../wilayah/wilayah-repository.ts';

const twelve = <T>(months: Record<number, T>, otherwise: T): T[] =>
  Array.from({ length: 12 }, (_, i) => months[i + 1] ?? otherwise);

describe('parseDesaYearColumns', () => {
  const kodes = ['99.01.01.2001', '99.01.01.2002', '99.01.01.2003', '99.01.02.2001'];

  it('reads numerators, denominators, NULL months and simulated cells per desa, in the order of the kodes', () => {
    const columns = parseDesaYearColumns(
      kodes,
      [
        // January 4 (simulated), February NULL, March 12 (real); no denominators stored.
        '99.01.01.2001;4,,12,,,,,,,,,;-;t,,f,,,,,,,,,',
        // Counted denominators: January 2 of 5, February 0 of 0; a denominator without a numerator in March.
        '99.01.01.2003;2,0,,,,,,,,,,;5,0,7,,,,,,,,,;f,f,t,,,,,,,,,',
      ].join('/'),
      '99.01.01.2001;40/99.01.01.2002;12.5',
    );
    expect(storedYearAt(columns, 0)).toEqual({
      kode: '99.01.01.2001',
      numerators: twelve<number | null>({ 1: 4, 3: 12 }, null),
      denominators: null,
      monthSimulated: twelve({ 1: true }, false),
    });
    expect(storedYearAt(columns, 1)).toBeUndefined();
    expect(storedYearAt(columns, 2)).toEqual({
      kode: '99.01.01.2003',
      numerators: twelve<number | null>({ 1: 2, 2: 0 }, null),
      denominators: twelve<number | null>({ 1: 5, 2: 0, 3: 7 }, null),
      monthSimulated: twelve({ 3: true }, false),
    });
    expect(storedYearAt(columns, 3)).toBeUndefined();
    expect([0, 1, 2, 3].map((i) => sasaranAt(columns, i))).toEqual([40, 12.5, null, null]);
  });

  it('skips rows of desa not asked for and reads large and negative numbers whole', () => {
    const columns = parseDesaYearColumns(
      ['99.01.01.2002'],
      '99.01.01.2001;1,,,,,,,,,,,;-;t,,,,,,,,,,,/99.01.01.2002;2147483647,-3,,,,,,,,,,;-;,,,,,,,,,,,/99.01.09.2001;5,,,,,,,,,,,;-;,,,,,,,,,,,',
      null,
    );
    expect(storedYearAt(columns, 0)?.numerators).toEqual(twelve<number | null>({ 1: 2147483647, 2: -3 }, null));
    expect(sasaranAt(columns, 0)).toBeNull();
  });

  it('gives no rows and no sasaran when the texts are empty (no desa reported)', () => {
    const columns = parseDesaYearColumns(kodes, null, null);
    expect(kodes.map((_, i) => storedYearAt(columns, i))).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('desaYearTexts on a real database', () => {
  let database: Database;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ database, close } = await openTestDatabase());
    const besar = await addManyDesa(database, 3);
    const sasaran = await runImport(database, {
      bytes: new TextEncoder().encode(
        `kode_wilayah,tahun,sasaran,jumlah,sumber\n99.01.01.2001,2026,bumil,40,uji\n${besar[1]},2026,bumil,12,uji\n`,
      ),
      fileName: 'sasaran.csv',
      oleh: 'uji',
      today: { year: 2026, month: 11 },
    });
    expect(sasaran.errors).toEqual([]);
    const values = await runImport(database, {
      bytes: longCsv([
        ['99.01.01.2001', '2026-01', 'KIA_K1', 4],
        ['99.01.01.2001', '2026-03', 'KIA_K1', 3],
        [besar[2]!, '2026-02', 'KIA_K1', 7],
        ['99.01.02.2001', '2026-01', 'SPM11_TB', 2, 5],
        ['99.01.02.2001', '2026-04', 'SPM11_TB', 0, 0],
      ]),
      fileName: 'nilai.csv',
      oleh: 'uji',
      today: { year: 2026, month: 11 },
    });
    expect(values.errors).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await close?.();
  });

  it('gives every desa the row and the sasaran that the row-by-row reads give', async () => {
    const values = valuesRepository(database.db);
    const wilayah = wilayahRepository(database.db);
    for (const [indicator, group, parents] of [
      ['KIA_K1', 'bumil', [null, '99', '99.02', '99.01.01']],
      ['SPM11_TB', null, [null, '99', '99.01.02']],
    ] as const) {
      for (const parent of parents) {
        const desa = await wilayah.desaUnder(parent);
        const texts = await values.desaYearTexts(indicator, parent, 2026, group);
        const columns = parseDesaYearColumns(desa, texts.values, texts.sasaran);
        const rows = await values.values(indicator, parent, 2026);
        const sasaran = group ? await values.sasaran(group, parent, 2026) : new Map<string, number>();
        const expected = desa.map((kode) => ({ row: rows.get(kode), sasaran: sasaran.get(kode) ?? null }));
        const stored = [...rows.values()].filter((row) => row.numerators.some((n) => n !== null));
        expect(stored.length, `${indicator} under ${parent}`).toBeGreaterThan(0);
        expect(desa.map((_, i) => ({ row: storedYearAt(columns, i), sasaran: sasaranAt(columns, i) }))).toEqual(
          expected.map(({ row, sasaran }) => ({
            // monthSimulated NULL (a cell never written) reads as not simulated, as simulatedIn treats it.
            row: row && { ...row, monthSimulated: row.monthSimulated.map((s) => s === true) },
            sasaran,
          })),
        );
      }
    }
  });
});
