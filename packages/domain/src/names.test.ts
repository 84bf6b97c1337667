import { describe, expect, it } from 'vitest';
import { withTingkatWord } from './names.ts';

describe('withTingkatWord', () => {
  it('names a provinsi, kecamatan and desa with their word, a kabupaten/kota as it is named', () => {
    expect(withTingkatWord('provinsi', 'Sumatera Utara')).toBe('Provinsi Sumatera Utara');
    expect(withTingkatWord('kecamatan', 'Bilah Hulu')).toBe('Kecamatan Bilah Hulu');
    expect(withTingkatWord('desa', "Ma'u")).toBe("Desa Ma'u");
    expect(withTingkatWord('kabupaten', 'Kabupaten Labuhanbatu')).toBe('Kabupaten Labuhanbatu');
    expect(withTingkatWord('kabupaten', 'Kota Medan')).toBe('Kota Medan');
  });
  it('keeps a word the name already starts with once, whatever its case', () => {
    expect(withTingkatWord('kecamatan', 'KECAMATAN SATU')).toBe('KECAMATAN SATU');
    expect(withTingkatWord('desa', 'Desa Dua')).toBe('Desa Dua');
  });
});
