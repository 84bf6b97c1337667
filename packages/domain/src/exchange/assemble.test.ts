import { describe, expect, it } from 'vitest';
import { DataValueAssembler, type DataValueIn } from './assemble.ts';
import type { ExchangeMapping } from './mapping.ts';
import { parseDhis2Period } from './periods.ts';

const mapping: ExchangeMapping = {
  nama: 'Uji',
  orgUnit: 'kode',
  orgUnits: { OU_A: '12.10.09.2001' },
  dataElements: [
    { dataElement: 'K4', indikator: 'KIA_K4', peran: 'pembilang' },
    { dataElement: 'MTBS_D', indikator: 'KIA_MTBS', peran: 'pembilang' },
    { dataElement: 'MTBS_S', indikator: 'KIA_MTBS', peran: 'penyebut' },
  ],
};

let n = 0;
const dv = (over: Partial<DataValueIn>): DataValueIn => ({
  dataElement: 'K4',
  orgUnit: 'OU_A',
  period: '202610',
  value: '1',
  row: null,
  column: `dataValues[${n++}]`,
  ...over,
});

function read(values: Partial<DataValueIn>[], m: ExchangeMapping = mapping, max = 100) {
  const a = new DataValueAssembler(m, parseDhis2Period, max);
  for (const v of values) if (!a.add(dv(v))) break;
  return a.finish();
}

describe('DataValueAssembler', () => {
  it('sums values mapped to the same indicator role (disaggregations) and pairs numerator and denominator', () => {
    const r = read([
      { value: '7', categoryOptionCombo: 'L', column: 'dataValues[0]' },
      { value: '5', categoryOptionCombo: 'P', column: 'dataValues[1]' },
      { dataElement: 'MTBS_D', value: '3' },
      { dataElement: 'MTBS_S', value: '4' },
      { orgUnit: '1210092002', value: '0' },
    ]);
    expect(r.errorCount).toBe(0);
    expect(r.rows.map(({ sumber: _, ...row }) => row)).toEqual([
      { kode_wilayah: '12.10.09.2001', periode: '2026-10', indikator: 'KIA_K4', pembilang: '12', penyebut: '' },
      { kode_wilayah: '12.10.09.2001', periode: '2026-10', indikator: 'KIA_MTBS', pembilang: '3', penyebut: '4' },
      { kode_wilayah: '12.10.09.2002', periode: '2026-10', indikator: 'KIA_K4', pembilang: '0', penyebut: '' },
    ]);
    // A summed row points at the first value it came from, for messages about it.
    expect(r.rows[0]!.sumber).toEqual({ row: null, column: 'dataValues[0]' });
    expect(r.summary).toEqual({ dataValues: 5, used: 5, unmapped: 0, empty: 0, deleted: 0, rows: 3 });
  });

  it('skips unmapped, empty and deleted values with one warning each kind, counted', () => {
    const r = read([
      { dataElement: 'ASING' },
      { dataElement: 'ASING' },
      { value: '' },
      { value: '9', deleted: true },
      { value: '2' },
    ]);
    expect(r.errorCount).toBe(0);
    expect(r.warnings.map((w) => [w.code, w.message])).toEqual([
      ['EXCHANGE_UNMAPPED', '2 data value ASING tidak ada dalam pemetaan "Uji" dan dilewati.'],
      ['EXCHANGE_EMPTY', '1 data value tanpa nilai dilewati (tidak dihitung sebagai laporan).'],
      ['EXCHANGE_DELETED', '1 data value bertanda terhapus (deleted) dilewati.'],
    ]);
    expect(r.summary).toMatchObject({ dataValues: 5, used: 1, unmapped: 2, empty: 1, deleted: 1, rows: 1 });
  });

  it('reads only the attribute option combo the mapping names', () => {
    const r = read(
      [
        { value: '2', attributeOptionCombo: 'APBD' },
        { value: '3', attributeOptionCombo: 'BOK' },
      ],
      { ...mapping, attributeOptionCombo: 'APBD' },
    );
    expect(r.rows.map((x) => x.pembilang)).toEqual(['2']);
    expect(r.warnings[0]!.message).toContain('attributeOptionCombo "BOK" dilewati');
  });

  it('refuses the file, with every error at its place, and gives no rows', () => {
    const r = read([
      { orgUnit: 'DiszpKrYNg8', column: 'dataValues[0]' },
      { period: '2026Q3', column: 'dataValues[1]' },
      { value: '1.5', column: 'dataValues[2]' },
      { value: '4', column: 'dataValues[3]' },
      { value: '4', column: 'dataValues[4]' },
      { dataElement: 'MTBS_S', value: '4', column: 'dataValues[5]' },
    ]);
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.column, e.code])).toEqual([
      ['dataValues[0]', 'EXCHANGE_ORGUNIT_UNKNOWN'],
      ['dataValues[1]', 'EXCHANGE_PERIOD'],
      ['dataValues[2]', 'VALUE_NOT_WHOLE'],
      ['dataValues[4]', 'EXCHANGE_DUPLICATE'],
      ['dataValues[5]', 'EXCHANGE_NUMERATOR_MISSING'],
    ]);
    expect(r.errors[1]!.message).toBe(
      'Periode "2026Q3" (Triwulan III 2026) lebih dari satu bulan: nilai disimpan per bulan, kirim data bulanan.',
    );
    expect(r.errors[3]!.message).toBe('Data value ganda: K4 untuk 12.10.09.2001, 2026-10 sudah ada di dataValues[3].');
    expect(r.summary.rows).toBe(0);
  });

  it('stops past the bound on data values', () => {
    const r = read(
      [{ value: '1' }, { value: '2', orgUnit: '1210092002' }, { value: '3', orgUnit: '1210092003' }],
      mapping,
      2,
    );
    expect(r.errors).toMatchObject([{ code: 'EXCHANGE_TOO_LARGE' }]);
    expect(r.summary.dataValues).toBe(3);
  });
});
