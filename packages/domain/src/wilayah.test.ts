import { describe, expect, it } from 'vitest';
import { ancestorAt, ancestorsOf, parentOf, tingkatOf } from './wilayah.ts';

describe('ancestorAt', () => {
  it('cuts a desa kode at every level, itself at its own', () => {
    expect(ancestorAt('12.10.09.2001', 'provinsi')).toBe('12');
    expect(ancestorAt('12.10.09.2001', 'kabupaten')).toBe('12.10');
    expect(ancestorAt('12.10.09.2001', 'kecamatan')).toBe('12.10.09');
    expect(ancestorAt('12.10.09.2001', 'desa')).toBe('12.10.09.2001');
  });

  it('gives a kecamatan or a kabupaten its own level and the levels above', () => {
    expect(ancestorAt('12.10.09', 'kecamatan')).toBe('12.10.09');
    expect(ancestorAt('12.10.09', 'kabupaten')).toBe('12.10');
    expect(ancestorAt('21.71', 'provinsi')).toBe('21');
  });

  it('is null below the kode: a kabupaten has no kecamatan, a provinsi no kabupaten', () => {
    expect(ancestorAt('12.10', 'kecamatan')).toBeNull();
    expect(ancestorAt('12.10', 'desa')).toBeNull();
    expect(ancestorAt('12', 'kabupaten')).toBeNull();
  });

  it('is null for what is not a kode wilayah, never a cut of its text', () => {
    expect(ancestorAt(null, 'kabupaten')).toBeNull();
    expect(ancestorAt(undefined, 'provinsi')).toBeNull();
    expect(ancestorAt('', 'provinsi')).toBeNull();
    expect(ancestorAt('1010453', 'provinsi')).toBeNull(); // a puskesmas code
    expect(ancestorAt('12.1.09', 'kabupaten')).toBeNull(); // "12.1" is not the kabupaten 12.10
    expect(ancestorAt('12.10.09.2001 ', 'kecamatan')).toBeNull();
  });

  it('agrees with the other kode rules: the level, the parent and the ancestors', () => {
    const kode = '92.04.11.2005';
    expect(ancestorAt(kode, tingkatOf(kode))).toBe(kode);
    expect(ancestorAt(kode, 'kecamatan')).toBe(parentOf(kode));
    expect(ancestorsOf(kode)).toEqual([
      ancestorAt(kode, 'provinsi'),
      ancestorAt(kode, 'kabupaten'),
      ancestorAt(kode, 'kecamatan'),
    ]);
  });
});
