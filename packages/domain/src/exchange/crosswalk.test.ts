import { describe, expect, it } from 'vitest';
import { applyCrosswalk, crosswalkLookup, validateCrosswalk, type KodeCrosswalk } from './crosswalk.ts';
import type { LongRow } from './long-rows.ts';

// 2022: Merauke (94.01) went from Papua to Papua Selatan as 93.01; a desa renumbered; a desa split in two, the old
// kode staying with the desa induk.
const CROSSWALK: KodeCrosswalk = {
  nama: 'Kepmendagri 2022 → 2023',
  entries: [
    { lama: '94.01', baru: ['93.01'] },
    { lama: '12.10.09.2005', baru: ['12.10.09.2011'] },
    { lama: '12.10.09.2001', baru: ['12.10.09.2001', '12.10.09.2012'] },
    { lama: '12.10.09.2006', baru: ['12.10.09.2007'] },
    { lama: '12.10.09.2007', baru: ['12.10.09.2006'] },
  ],
};

const row = (kode: string, periode = '2022-10'): LongRow => ({
  kode_wilayah: kode,
  periode,
  indikator: 'KIA_K4',
  pembilang: '1',
  penyebut: '',
  sumber: { row: null, column: '' },
});

describe('crosswalkLookup', () => {
  const lookup = crosswalkLookup(CROSSWALK);
  it('moves everything under a kabupaten entry, and the most specific entry wins', () => {
    expect(lookup('94.01.02.2003')).toMatchObject({ kind: 'moved', baru: '93.01.02.2003' });
    expect(lookup('94.01')).toMatchObject({ kind: 'moved', baru: '93.01' });
    expect(lookup('94.02.01.2001')).toEqual({ kind: 'same' });
    expect(lookup('12.10.09.2005')).toMatchObject({ kind: 'moved', baru: '12.10.09.2011' });
    expect(lookup('12.10.09.2001')).toMatchObject({ kind: 'split', baru: ['12.10.09.2001', '12.10.09.2012'] });
  });

  it('applies a swap once, not through a chain', () => {
    expect(lookup('12.10.09.2006')).toMatchObject({ baru: '12.10.09.2007' });
    expect(lookup('12.10.09.2007')).toMatchObject({ baru: '12.10.09.2006' });
  });
});

describe('applyCrosswalk', () => {
  it('remaps old kode with one warning per old kode listing the rows', () => {
    const r = applyCrosswalk(
      [row('94.01.02.2003'), row('1210092005'), row('94.01.02.2003', '2022-11'), row('12.10.09.2002')],
      CROSSWALK,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.kode_wilayah)).toEqual([
      '93.01.02.2003',
      '12.10.09.2011',
      '93.01.02.2003',
      '12.10.09.2002',
    ]);
    expect(r.warnings.map((w) => [w.row, w.code, w.message])).toEqual([
      [
        2,
        'KODE_REMAPPED',
        'Kode lama 94.01.02.2003 diganti 93.01.02.2003 (Kepmendagri 2022 → 2023) pada 2 baris: 2, 4.',
      ],
      [3, 'KODE_REMAPPED', 'Kode lama 12.10.09.2005 diganti 12.10.09.2011 (Kepmendagri 2022 → 2023) pada 1 baris: 3.'],
    ]);
  });

  it('refuses rows of a split kode, naming the new kode, and lists the decision to make', () => {
    const r = applyCrosswalk([row('12.10.09.2001'), row('12.10.09.2002'), row('12.10.09.2001', '2022-11')], CROSSWALK);
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'kode_wilayah', 'KODE_SPLIT'],
      [4, 'kode_wilayah', 'KODE_SPLIT'],
    ]);
    expect(r.errors[0]!.message).toContain(
      'Kode lama 12.10.09.2001 (Kepmendagri 2022 → 2023) dipecah menjadi 12.10.09.2001, 12.10.09.2012',
    );
    expect(r.decisions).toEqual([{ lama: '12.10.09.2001', baru: ['12.10.09.2001', '12.10.09.2012'], rows: [2, 4] }]);
  });

  it('applies a decision the user made, and refuses one that is not among the new kode', () => {
    const ok = applyCrosswalk([row('12.10.09.2001')], CROSSWALK, { decisions: { '12.10.09.2001': '12.10.09.2012' } });
    expect(ok.rows.map((x) => x.kode_wilayah)).toEqual(['12.10.09.2012']);
    expect(ok.warnings[0]!.message).toContain('pilihan pengguna atas pemecahan wilayah');
    const bad = applyCrosswalk([row('12.10.09.2001')], CROSSWALK, { decisions: { '12.10.09.2001': '12.10.09.2099' } });
    expect(bad.errors[0]!.message).toBe(
      'Kode 12.10.09.2001 dipecah menjadi 12.10.09.2001, 12.10.09.2012; pilihan 12.10.09.2099 bukan salah satunya.',
    );
  });

  it('leaves rows from the month the new codes apply alone', () => {
    const r = applyCrosswalk(
      [row('12.10.09.2001', '2022-12'), row('12.10.09.2001', '2023-01')],
      { ...CROSSWALK, berlaku: '2023-01' },
      { rowOf: (i) => i + 10 },
    );
    expect(r.errors.map((e) => e.row)).toEqual([10]);
    const after = applyCrosswalk([row('12.10.09.2001', '2023-01')], { ...CROSSWALK, berlaku: '2023-01' });
    expect(after.rows.map((x) => x.kode_wilayah)).toEqual(['12.10.09.2001']);
  });
});

describe('validateCrosswalk', () => {
  it('merges pairs that repeat an old kode into a split, normalising kode', () => {
    expect(
      validateCrosswalk({
        nama: 'x',
        berlaku: '2023-01',
        entries: [
          { lama: '1210092001', baru: '12.10.09.2001' },
          { lama: '12.10.09.2001', baru: ['1210092012'] },
        ],
      }),
    ).toEqual({
      ok: true,
      crosswalk: {
        nama: 'x',
        berlaku: '2023-01',
        entries: [{ lama: '12.10.09.2001', baru: ['12.10.09.2001', '12.10.09.2012'] }],
      },
    });
  });

  it('names every wrong field', () => {
    const r = validateCrosswalk({
      nama: '',
      berlaku: '2023',
      entries: [
        { lama: 'x', baru: ['12.10'] },
        { lama: '12.10', baru: ['12.10.09'] },
        { lama: '12.10', baru: [] },
      ],
    });
    expect(r.ok ? [] : r.errors.map((e) => e.column)).toEqual([
      'nama',
      'berlaku',
      'entries[0].lama',
      'entries[1].baru',
      'entries[2].baru',
    ]);
    expect(r.ok ? '' : r.errors[3]!.message).toBe(
      'entries[1]: 12.10 (kabupaten) dipadankan dengan 12.10.09 (kecamatan); tingkatnya harus sama.',
    );
    expect(validateCrosswalk('x')).toMatchObject({ ok: false });
  });
});
