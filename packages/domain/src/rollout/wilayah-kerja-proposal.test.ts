import { describe, expect, it } from 'vitest';
import { nameKey, proposeWilayahKerja } from './wilayah-kerja-proposal.ts';

describe('name keys', () => {
  it('ignore case, punctuation, spaces and prefixes, and read Sei as Sungai', () => {
    expect(nameKey('PUSKESMAS BIRU-BIRU')).toBe(nameKey('Biru Biru'));
    expect(nameKey('PUSKESMAS DELITUA')).toBe(nameKey('Deli Tua'));
    expect(nameKey('PUSKESMAS SEI MENCIRIM')).toBe(nameKey('Sungai Mencirim'));
    expect(nameKey('UPTD Puskesmas Kec. Galang')).toBe('galang');
  });
});

describe('wilayah kerja proposal', () => {
  const kecamatan = [
    { kode: '12.07.01', nama: 'Galang' },
    { kode: '12.07.02', nama: 'Tanjung Morawa' },
    { kode: '12.07.03', nama: 'Sunggal' },
    { kode: '12.07.04', nama: 'Pantai Labu' },
  ];
  const desa = [
    { kode: '12.07.01.2001', nama: 'Petumbukan', kecamatan: '12.07.01' },
    { kode: '12.07.01.2002', nama: 'Galang Kota', kecamatan: '12.07.01' },
    { kode: '12.07.02.2001', nama: 'Dalu Sepuluh A', kecamatan: '12.07.02' },
    { kode: '12.07.02.2002', nama: 'Bangun Sari', kecamatan: '12.07.02' },
    { kode: '12.07.03.2001', nama: 'Sei Mencirim', kecamatan: '12.07.03' },
    { kode: '12.07.03.2002', nama: 'Tanjung Gusta', kecamatan: '12.07.03' },
    { kode: '12.07.04.2001', nama: 'Binjai Bakung', kecamatan: '12.07.04' },
  ];
  const puskesmas = [
    { kode: 'A1', nama: 'PUSKESMAS GALANG' },
    { kode: 'A2', nama: 'PUSKESMAS PETUMBUKAN' }, // a desa of Galang: shares the kecamatan
    { kode: 'A3', nama: 'PUSKESMAS TANJUNG MORAWA' },
    { kode: 'A4', nama: 'PUSKESMAS SEI MENCIRIM' }, // a desa of Sunggal: the only one there, gets it whole
    { kode: 'A5', nama: 'PUSKESMAS KOTA DATAR' }, // matches nothing
  ];

  it('places by kecamatan name, then by desa name, never splits a kecamatan, and lists the rest', () => {
    const p = proposeWilayahKerja(puskesmas, kecamatan, desa);
    expect(p.confirmed).toBe(false);
    expect(p.placements).toEqual([
      {
        puskesmas: 'A1',
        kind: 'nama-kecamatan',
        kecamatan: '12.07.01',
        sharesWith: null,
        desa: ['12.07.01.2001', '12.07.01.2002'],
      },
      { puskesmas: 'A2', kind: 'berbagi-kecamatan', kecamatan: '12.07.01', sharesWith: 'A1', desa: [] },
      {
        puskesmas: 'A3',
        kind: 'nama-kecamatan',
        kecamatan: '12.07.02',
        sharesWith: null,
        desa: ['12.07.02.2001', '12.07.02.2002'],
      },
      {
        puskesmas: 'A4',
        kind: 'nama-desa',
        kecamatan: '12.07.03',
        sharesWith: null,
        desa: ['12.07.03.2001', '12.07.03.2002'],
      },
      { puskesmas: 'A5', kind: 'tidak-ditemukan', kecamatan: null, sharesWith: null, desa: [] },
    ]);
    expect(p.desaWithoutPuskesmas).toEqual(['12.07.04.2001']);
    // each desa in exactly one puskesmas
    expect(p.assignment.size).toBe(6);
    expect(p.assignment.get('12.07.01.2001')).toBe('A1');
  });

  it('gives a kecamatan with several desa-named puskesmas to the lowest kode', () => {
    const p = proposeWilayahKerja(
      [
        { kode: 'B2', nama: 'Puskesmas Tanjung Gusta' },
        { kode: 'B1', nama: 'Puskesmas Sei Mencirim' },
      ],
      kecamatan,
      desa,
    );
    expect(p.placements.map((x) => [x.puskesmas, x.kind, x.sharesWith])).toEqual([
      ['B1', 'nama-desa', null],
      ['B2', 'berbagi-kecamatan', 'B1'],
    ]);
  });

  it('finds desa by the start of their names and kecamatan inside the puskesmas name, when unambiguous', () => {
    const p = proposeWilayahKerja(
      [
        { kode: 'C1', nama: 'PUSKESMAS DALU SEPULUH' }, // desa "Dalu Sepuluh A", in Tanjung Morawa
        { kode: 'C2', nama: 'PUSKESMAS SP IV PANTAI LABU' }, // contains the kecamatan name Pantai Labu
        { kode: 'C3', nama: 'PUSKESMAS BANGUN' }, // prefix of "Bangun Sari" but also a short word: still one kecamatan
        { kode: 'C4', nama: 'PUSKESMAS TANJUNG' }, // only desa Tanjung Gusta starts so (Tanjung Morawa is a kecamatan)
        { kode: 'C5', nama: 'PUSKESMAS BA' }, // too short to match by prefix ("Bangun Sari", "Binjai Bakung")
      ],
      kecamatan,
      desa,
    );
    expect(p.placements.map((x) => [x.puskesmas, x.kind, x.kecamatan])).toEqual([
      ['C1', 'nama-desa', '12.07.02'],
      ['C2', 'nama-desa', '12.07.04'],
      ['C3', 'berbagi-kecamatan', '12.07.02'],
      ['C4', 'nama-desa', '12.07.03'],
      ['C5', 'tidak-ditemukan', null],
    ]);
  });
});
