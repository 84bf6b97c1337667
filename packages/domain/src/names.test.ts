import { describe, expect, it } from 'vitest';
import { placeNameWords, titleCase, withTingkatWord } from './names.ts';

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

describe('titleCase', () => {
  it('keeps roman numerals upper case', () => expect(titleCase('PUSKESMAS SP IV PRAFI')).toBe('Puskesmas Sp IV Prafi'));
});

describe('placeNameWords', () => {
  it.each([
    ['Ds. TANJUNG-SIRAM', ['ds', 'tanjung', 'siram']],
    ['Tg. Siram', ['tanjung', 'siram']],
    ['Tj Balai', ['tanjung', 'balai']],
    ['SEI RAMPAH II', ['sungai', 'rampah', '2']],
    ['Sukamaju XIV', ['sukamaju', '14']],
    ['Djati Moelia', ['jati', 'mulia']],
    ['Tjikampek', ['cikampek']],
    ['Panjang', ['panjang']],
    ["Ma'rang", ['marang']],
    ['Désa Cibéréum', ['desa', 'cibereum']],
  ])('%s → %j', (name, words) => expect(placeNameWords(name)).toEqual(words));
});
