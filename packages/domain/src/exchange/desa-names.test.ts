import { describe, expect, it } from 'vitest';
import {
  buildDesaNameIndex,
  desaNameKey,
  desaNameMismatches,
  editDistance,
  matchDesaName,
  resolveDesaNames,
} from './desa-names.ts';

// A hand-made kabupaten: three kecamatan, two desa called Sukamaju.
const WILAYAH = [
  { kode: '12.10', nama: 'Labuhanbatu' },
  { kode: '12.10.01', nama: 'Bilah Hulu' },
  { kode: '12.10.02', nama: 'Pangkatan' },
  { kode: '12.10.03', nama: 'Bilah Hilir' },
  { kode: '12.10.01.2001', nama: 'Tanjung Siram' },
  { kode: '12.10.01.2002', nama: 'Sukamaju' },
  { kode: '12.10.01.2003', nama: 'Sungai Rampah II' },
  { kode: '12.10.01.1004', nama: 'Pasar Baru' },
  { kode: '12.10.02.2001', nama: 'Sukamaju' },
  { kode: '12.10.02.2002', nama: 'Jati Mulia' },
  { kode: '12.10.02.2003', nama: 'Kampung Harapan' },
  { kode: '12.10.03.2001', nama: 'Aek Buru' },
  { kode: '12.10.03.2002', nama: 'Sidomulyo' },
  { kode: '12.11.01.2001', nama: 'Aek Nabara' },
];
const index = buildDesaNameIndex(WILAYAH);
const match = (nama: string, wilayah = '12.10', kecamatan?: string) =>
  matchDesaName(index, { nama, wilayah, kecamatan: kecamatan ?? null });

describe('desaNameKey', () => {
  it.each([
    ['Tanjung Siram', 'tanjungsiram'],
    ['Ds. TANJUNG-SIRAM', 'tanjungsiram'],
    ['Desa  Tanjungsiram ', 'tanjungsiram'],
    ['Tg. Siram', 'tanjungsiram'],
    ['Sei Rampah 2', 'sungairampah2'],
    ['SUNGAI RAMPAH II', 'sungairampah2'],
    ['Kel. Pasar Baru', 'pasarbaru'],
    ['Kelurahan Pasar Baru', 'pasarbaru'],
    ['Djati Moelia', 'jatimulia'],
    ['Kampung Harapan', 'harapan'],
    ["Ma'rang", 'marang'],
    ['Désa Cibéréum', 'cibereum'],
    ['Desa', 'desa'],
    ['...', ''],
  ])('%s → %s', (name, key) => expect(desaNameKey(name)).toBe(key));

  it('drops kecamatan words for kecamatan names', () => {
    expect(desaNameKey('Kec. Bilah Hulu', 'kecamatan')).toBe('bilahhulu');
    expect(desaNameKey('Distrik Prafi', 'kecamatan')).toBe('prafi');
  });
});

describe('matchDesaName', () => {
  it('accepts a unique name, noting when it was written differently', () => {
    expect(match('Tanjung Siram')).toEqual({
      kind: 'exact',
      kode: '12.10.01.2001',
      nama: 'Tanjung Siram',
      normalised: false,
      alias: false,
    });
    expect(match('DS. TG SIRAM')).toMatchObject({ kind: 'exact', kode: '12.10.01.2001', normalised: true });
    expect(match('Sei Rampah 2')).toMatchObject({ kind: 'exact', kode: '12.10.01.2003' });
    expect(match('Djati Moelia')).toMatchObject({ kind: 'exact', kode: '12.10.02.2002' });
  });

  it('never guesses between two desa of the same name, unless the kecamatan decides', () => {
    expect(match('Sukamaju')).toEqual({
      kind: 'ambiguous',
      candidates: [
        { kode: '12.10.01.2002', nama: 'Sukamaju' },
        { kode: '12.10.02.2001', nama: 'Sukamaju' },
      ],
    });
    expect(match('Sukamaju', '12.10', 'Kec. Pangkatan')).toMatchObject({ kind: 'exact', kode: '12.10.02.2001' });
    expect(match('Sukamaju', '12.10.01')).toMatchObject({ kind: 'exact', kode: '12.10.01.2002' });
  });

  it('offers near names for confirmation, closest first, and never across the area', () => {
    expect(match('Tanjung Sirm')).toEqual({
      kind: 'near',
      candidates: [{ kode: '12.10.01.2001', nama: 'Tanjung Siram' }],
    });
    expect(match('Sidomulya')).toEqual({ kind: 'near', candidates: [{ kode: '12.10.03.2002', nama: 'Sidomulyo' }] });
    expect(match('Aek Nabara')).toEqual({ kind: 'none' }); // a desa of another kabupaten
    expect(match('Aek Buru', '12.10.01')).toEqual({ kind: 'none' });
    expect(match('Aek')).toEqual({ kind: 'none' }); // too short to be "near" anything
  });

  it('uses an alias confirmed for the area, and only there', () => {
    const withAlias = buildDesaNameIndex(WILAYAH, [
      { wilayah: '12.10.03', nama: 'Aek Buruh Lama', kode: '12.10.03.2001' },
    ]);
    expect(matchDesaName(withAlias, { nama: 'AEK BURUH LAMA', wilayah: '12.10' })).toEqual({
      kind: 'exact',
      kode: '12.10.03.2001',
      nama: 'Aek Buru',
      normalised: true,
      alias: true,
    });
    expect(matchDesaName(withAlias, { nama: 'Aek Buruh Lama', wilayah: '12.10.01' })).toEqual({ kind: 'none' });
  });
});

describe('editDistance', () => {
  it('counts edits and a swap of neighbouring letters as one, and stops past the limit', () => {
    expect(editDistance('sidomulyo', 'sidomulya')).toBe(1);
    expect(editDistance('sukamaju', 'sukamjau')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('resolveDesaNames', () => {
  it('gives a kode per row or a Bahasa Indonesia error naming the row, the column and the candidates', () => {
    const r = resolveDesaNames(
      index,
      [
        { row: 2, nama: 'Ds. Tanjung Siram' },
        { row: 3, nama: 'Ds. Tanjung Siram' },
        { row: 4, nama: 'Sukamaju' },
        { row: 5, nama: 'Sidomulya' },
        { row: 6, nama: 'Sidomulya' },
        { row: 7, nama: 'Entah' },
        { row: 8, nama: 'Sukamaju', kecamatan: 'Pangkatan' },
        { row: 9, nama: 'Sukamaju', kecamatan: 'Kota Pinang' },
      ],
      '12.10',
    );
    expect(r.kodes).toEqual(['12.10.01.2001', '12.10.01.2001', null, null, null, null, '12.10.02.2001', null]);
    expect(r.warnings).toEqual([
      {
        row: 2,
        column: 'nama_desa',
        code: 'DESA_NAME_MATCHED',
        message: 'Nama desa "Ds. Tanjung Siram" dibaca sebagai 12.10.01.2001 Tanjung Siram (Kec. Bilah Hulu).',
      },
    ]);
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([
      [4, 'DESA_NAME_AMBIGUOUS'],
      [5, 'DESA_NAME_NEAR'],
      [6, 'DESA_NAME_NEAR'],
      [7, 'DESA_NAME_UNKNOWN'],
      [9, 'KECAMATAN_NAME_UNKNOWN'],
    ]);
    expect(r.errors[0]!.message).toBe(
      'Nama desa "Sukamaju" dimiliki 2 desa di wilayah ini: 12.10.01.2002 Sukamaju (Kec. Bilah Hulu); 12.10.02.2001 Sukamaju (Kec. Pangkatan). Pilih desanya di pratinjau, tambahkan kolom kecamatan, atau tulis kode desanya.',
    );
    expect(r.errors[1]!.message).toBe(
      'Nama desa "Sidomulya" tidak ditemukan persis. Mungkin maksudnya: 12.10.03.2002 Sidomulyo (Kec. Bilah Hilir). Konfirmasi pilihan di pratinjau.',
    );
    expect(r.toConfirm).toEqual([
      {
        nama: 'Sukamaju',
        rows: [4],
        ambiguous: true,
        candidates: [
          { kode: '12.10.01.2002', nama: 'Sukamaju', kecamatan: 'Bilah Hulu' },
          { kode: '12.10.02.2001', nama: 'Sukamaju', kecamatan: 'Pangkatan' },
        ],
      },
      {
        nama: 'Sidomulya',
        rows: [5, 6],
        candidates: [{ kode: '12.10.03.2002', nama: 'Sidomulyo', kecamatan: 'Bilah Hilir' }],
      },
    ]);
  });

  it('takes the desa chosen in the preview for an ambiguous name, only among its candidates', () => {
    const rows = [
      { row: 2, nama: 'Sukamaju' },
      { row: 3, nama: 'Sukamaju' },
    ];
    const r = resolveDesaNames(index, rows, '12.10', { chosen: { Sukamaju: '12.10.02.2001' } });
    expect(r.kodes).toEqual(['12.10.02.2001', '12.10.02.2001']);
    expect(r.errors).toEqual([]);
    expect(r.toConfirm).toEqual([]);
    expect(r.warnings).toEqual([
      {
        row: 2,
        column: 'nama_desa',
        code: 'DESA_NAME_MATCHED',
        message:
          'Nama desa "Sukamaju" dimiliki 2 desa; dipilih di pratinjau untuk berkas ini: 12.10.02.2001 Sukamaju (Kec. Pangkatan).',
      },
    ]);
    // A kode that is not one of the same-named desa settles nothing: the name still asks.
    const other = resolveDesaNames(index, rows, '12.10', { chosen: { Sukamaju: '12.10.03.2002' } });
    expect(other.kodes).toEqual([null, null]);
    expect(other.toConfirm.map((c) => [c.nama, c.rows, c.ambiguous])).toEqual([['Sukamaju', [2, 3], true]]);
  });

  it('stops suggesting near names past a bound, and says so once', () => {
    // 'sidomulya' (9 letters, 2 edits allowed) is compared with the 6 keys of 7–11 letters in the kabupaten
    // (sukamaju, pasarbaru, jatimulia, harapan, aekburu, sidomulyo); the budget of 6 is then spent, so
    // 'tanjungsirm' gets no suggestion.
    const r = resolveDesaNames(
      index,
      [
        { row: 2, nama: 'Sidomulya' },
        { row: 3, nama: 'Tanjung Sirm' },
        { row: 4, nama: 'Tanjung Sirm' },
      ],
      '12.10',
      { maxNearComparisons: 6 },
    );
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'DESA_NAME_NEAR'],
      [3, 'DESA_NAME_UNKNOWN'],
      [4, 'DESA_NAME_UNKNOWN'],
    ]);
    expect(r.errorCount).toBe(3);
    expect(r.warnings.map((w) => [w.row, w.message])).toEqual([
      [
        3,
        'Terlalu banyak nama desa tidak dikenal: mulai baris 3 tidak ada lagi saran nama serupa. Periksa kolom nama_desa.',
      ],
    ]);
  });
});

describe('desaNameMismatches: the desa name of a row against the desa its kode belongs to now', () => {
  const names = new Map([
    ['12.10.09.2001', 'Desa Sukamaju'],
    ['12.10.09.2002', 'Desa Pasar Baru'],
  ]);
  it('warns once per kode and name with its rows; spelling and unit words do not count; unknown kode and empty names are left alone', () => {
    const warnings = desaNameMismatches(
      [
        { row: 2, kode: '12.10.09.2001', nama: 'Ds. SUKAMAJU' }, // the same desa, spelled otherwise
        { row: 3, kode: '12.10.09.2002', nama: 'Tanjung Siram' }, // the kode belongs to another desa now
        { row: 4, kode: '12.10.09.2002', nama: 'Tanjung-Siram' },
        { row: 5, kode: '12.10.09.2002', nama: 'Pasar Baru' },
        { row: 6, kode: '12.10.09.9999', nama: 'Entah' }, // unknown kode: the kode check speaks
        { row: 7, kode: '12.10.09.2001', nama: ' ' },
      ],
      (kode) => names.get(kode),
      'nama_desa',
    );
    expect(warnings).toEqual([
      {
        row: 3,
        column: 'nama_desa',
        code: 'DESA_NAME_MISMATCH',
        message:
          'Kode 12.10.09.2002 bernama "Tanjung Siram" di berkas, tetapi kode itu sekarang milik Desa Pasar Baru. Kode desa dapat dipakai ulang untuk desa lain pada edisi Kepmendagri yang berbeda: periksa kode dan nama desa pada 2 baris: 3, 4.',
      },
    ]);
  });
});
