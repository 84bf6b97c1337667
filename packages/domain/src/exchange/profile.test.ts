import { describe, expect, it } from 'vitest';
import { buildDesaNameIndex } from './desa-names.ts';
import {
  headerLabels,
  headerSignature,
  monthOfLabel,
  readMonthCell,
  validateProfile,
  yearInText,
  type ImportProfile,
} from './profile.ts';
import { readProfileSheet } from './profile-read.ts';

const WILAYAH = [
  { kode: '12.10.01', nama: 'Bilah Hulu' },
  { kode: '12.10.02', nama: 'Pangkatan' },
  { kode: '12.10.01.2001', nama: 'Tanjung Siram' },
  { kode: '12.10.01.2002', nama: 'Sukamaju' },
  { kode: '12.10.02.2001', nama: 'Sukamaju' },
  { kode: '12.10.02.2002', nama: 'Jati Mulia' },
];
const names = buildDesaNameIndex(WILAYAH);
const read = (rows: unknown[][], profile: ImportProfile) =>
  readProfileSheet(rows as never, profile, { names, maxDataValues: 1000 });

describe('header labels and signature', () => {
  it('joins a two-row header: the upper label carried over its merged months', () => {
    const rows = [['PWS KIA 2026'], ['No', 'Desa', 'K1', null, 'K4', null], [null, null, 'Jan', 'Feb', 'Jan', 'Feb']];
    expect(headerLabels(rows, 2, 2)).toEqual(['No', 'Desa', 'K1 / Jan', 'K1 / Feb', 'K4 / Jan', 'K4 / Feb']);
    expect(headerLabels([['Desa', null, ' Jumlah  Bumil ']], 1)).toEqual(['Desa', '(kolom B)', 'Jumlah Bumil']);
    expect(headerSignature(['Desa', 'K1 / Jan'])).toBe('desa|k1 / jan');
  });
  it('reads months and years as other systems write them', () => {
    expect([monthOfLabel('K1 / Feb'), monthOfLabel('Agustus'), monthOfLabel('Desa'), monthOfLabel('Jan Feb')]).toEqual([
      2,
      8,
      null,
      null,
    ]);
    expect(
      [
        '2026-10',
        '2026-10-01',
        '202610',
        '10/2026',
        'Oktober 2026',
        'okt 2026',
        'Okt-26',
        202610,
        new Date(Date.UTC(2026, 9, 1)),
      ].map(readMonthCell),
    ).toEqual(['2026-10', '2026-10', '2026-10', '2026-10', '2026-10', '2026-10', null, '2026-10', '2026-10']);
    expect([yearInText('TAHUN 2026'), yearInText(2025), yearInText('2025 s.d. 2026'), yearInText('tanpa')]).toEqual([
      2026,
      2025,
      null,
      null,
    ]);
  });
});

describe('validateProfile', () => {
  it('refuses an unknown indicator, a sasaran denominator, monthly columns without a year, each with its path', () => {
    const check = validateProfile({
      versi: 1,
      nama: 'PWS',
      kabupaten: '12.10',
      barisJudul: 1,
      desa: { kolom: 'Desa', isi: 'nama' },
      nilai: [
        { kolom: 'A', peran: 'pembilang', indikator: 'XX' },
        { kolom: 'B', peran: 'penyebut', indikator: 'KIA_K1', bulan: 1 },
      ],
    });
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.errors.map((e) => e.column)).toEqual([
        'nilai[0].indikator',
        'nilai[0].bulan',
        'nilai[1].peran',
        'tahun',
      ]);
  });
});

describe('readProfileSheet', () => {
  it('a PWS KIA sheet: one row per desa, monthly columns per indicator, the year from a cell, totals skipped', () => {
    const profile: ImportProfile = {
      versi: 1,
      nama: 'PWS KIA',
      kabupaten: '12.10',
      barisJudul: 2,
      tinggiJudul: 2,
      tahun: { sel: 'A1' },
      desa: { kolom: 'Desa', isi: 'nama', kolomKecamatan: 'Kecamatan' },
      nilai: [
        { kolom: 'K1 / Jan', peran: 'pembilang', indikator: 'KIA_K1', bulan: 1 },
        { kolom: 'K1 / Feb', peran: 'pembilang', indikator: 'KIA_K1', bulan: 2 },
      ],
    };
    const result = read(
      [
        ['PWS KIA TAHUN 2026'],
        ['Kecamatan', 'Desa', 'K1', null],
        [null, null, 'Jan', 'Feb'],
        ['Bilah Hulu', 'Ds. Tanjung-Siram', 4, ''],
        ['Pangkatan', 'SUKAMAJU', '2', 3],
        [null, 'JUMLAH', 6, 3],
      ],
      profile,
    );
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.kode_wilayah, r.periode, r.indikator, r.pembilang, r.sumber])).toEqual([
      ['12.10.01.2001', '2026-01', 'KIA_K1', '4', { row: 4, column: 'K1 / Jan' }],
      ['12.10.02.2001', '2026-01', 'KIA_K1', '2', { row: 5, column: 'K1 / Jan' }],
      ['12.10.02.2001', '2026-02', 'KIA_K1', '3', { row: 5, column: 'K1 / Feb' }],
    ]);
    expect(result.warnings.map((w) => w.code)).toEqual([
      'DESA_NAME_MATCHED',
      'DESA_NAME_MATCHED',
      'PROFILE_ROWS_SKIPPED',
    ]);
  });

  it('a long export with its own column names: labels mapped to indicators, ambiguous and near names asked, never guessed', () => {
    const profile: ImportProfile = {
      versi: 1,
      nama: 'ASIK',
      kabupaten: '12.10',
      barisJudul: 1,
      desa: { kolom: 'Nama Desa', isi: 'nama' },
      periode: { kolom: 'Bulan' },
      indikator: { kolom: 'Program', kode: { 'K1 murni': 'KIA_K1' } },
      nilai: [{ kolom: 'Capaian', peran: 'pembilang' }],
    };
    const result = read(
      [
        ['Nama Desa', 'Bulan', 'Program', 'Capaian'],
        ['Jati Mulia', 'Oktober 2026', 'K1 murni', 5],
        ['Sukamaju', '2026-10', 'K1 murni', 1],
        ['Tanjung Sirem', '2026-10', 'K1 murni', 2],
        ['Jati Mulia', '2026-10', 'Lainnya', 1],
      ],
      profile,
    );
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'Nama Desa', 'DESA_NAME_AMBIGUOUS'],
      [4, 'Nama Desa', 'DESA_NAME_NEAR'],
      [5, 'Program', 'INDICATOR_UNKNOWN'],
    ]);
    expect(result.toConfirm).toEqual([
      {
        nama: 'Sukamaju',
        rows: [3],
        ambiguous: true,
        candidates: [
          { kode: '12.10.01.2002', nama: 'Sukamaju', kecamatan: 'Bilah Hulu' },
          { kode: '12.10.02.2001', nama: 'Sukamaju', kecamatan: 'Pangkatan' },
        ],
      },
      {
        nama: 'Tanjung Sirem',
        rows: [4],
        candidates: [{ kode: '12.10.01.2001', nama: 'Tanjung Siram', kecamatan: 'Bilah Hulu' }],
      },
    ]);
    expect(result.rows).toEqual([]);
  });

  it('a missing column is named with the header row; a confirmed name (alias) matches at once', () => {
    const profile: ImportProfile = {
      versi: 1,
      nama: 'ASIK',
      kabupaten: '12.10',
      barisJudul: 1,
      desa: { kolom: 'Desa', isi: 'nama' },
      periode: { kolom: 'Bulan' },
      nilai: [{ kolom: 'K1', peran: 'pembilang', indikator: 'KIA_K1' }],
    };
    expect(read([['Desa', 'Periode', 'K1']], profile).errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'Bulan', 'PROFILE_COLUMN_MISSING'],
    ]);
    const withAlias = buildDesaNameIndex(WILAYAH, [{ wilayah: '12.10', nama: 'Tanjung Sirem', kode: '12.10.01.2001' }]);
    const ok = readProfileSheet(
      [
        ['Desa', 'Bulan', 'K1'],
        ['Tanjung Sirem', '2026-09', 7],
      ],
      profile,
      { names: withAlias, maxDataValues: 10 },
    );
    expect(ok.rows.map((r) => [r.kode_wilayah, r.periode, r.pembilang])).toEqual([['12.10.01.2001', '2026-09', '7']]);
  });
});
