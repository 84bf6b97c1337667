import { describe, expect, it } from 'vitest';
import { sortLongRows, toLongSheet, toSourceIssue, type LongRow } from './long-rows.ts';

const rows: LongRow[] = [
  {
    kode_wilayah: '12.10.09.2002',
    periode: '2026-10',
    indikator: 'KIA_K4',
    pembilang: '3',
    penyebut: '',
    sumber: { row: null, column: 'dataValues[4]' },
  },
  {
    kode_wilayah: '12.10.09.2001',
    periode: '2026-10',
    indikator: 'KIA_MTBS',
    pembilang: '3',
    penyebut: '4',
    sumber: { row: 7, column: '<dataValue dataElement="X">' },
  },
];

describe('long rows', () => {
  it('become a sheet of the long import format, header first', () => {
    expect(toLongSheet(rows)).toEqual([
      ['kode_wilayah', 'periode', 'indikator', 'pembilang', 'penyebut'],
      ['12.10.09.2002', '2026-10', 'KIA_K4', '3', ''],
      ['12.10.09.2001', '2026-10', 'KIA_MTBS', '3', '4'],
    ]);
  });

  it('sort by kode, periode, indikator', () => {
    expect(sortLongRows([...rows]).map((r) => r.kode_wilayah)).toEqual(['12.10.09.2001', '12.10.09.2002']);
  });

  it('turn an issue about sheet row n into one about the data value it came from', () => {
    const issue = {
      row: 2,
      column: 'kode_wilayah',
      code: 'KODE_UNKNOWN',
      message: 'Kode 12.10.09.2002 tidak dikenal.',
    };
    expect(toSourceIssue(issue, rows)).toEqual({ ...issue, row: null, column: 'dataValues[4] (kode_wilayah)' });
    expect(toSourceIssue({ ...issue, row: 3, column: null }, rows)).toEqual({
      ...issue,
      row: 7,
      column: '<dataValue dataElement="X">',
    });
    expect(toSourceIssue({ ...issue, row: null }, rows)).toEqual({ ...issue, row: null });
    expect(toSourceIssue({ ...issue, row: 9 }, rows)).toEqual({ ...issue, row: 9 });
  });
});
