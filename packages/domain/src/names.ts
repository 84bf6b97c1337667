// Names as sources write them ("PUSKESMAS SP IV PRAFI") and as people read them ("Puskesmas Sp IV Prafi").

/** Title case, roman numerals kept upper case. */
export function titleCase(text: string): string {
  return text.toLowerCase().replace(/\b(\p{L})(\p{L}*)/gu, (word: string, first: string, rest: string) =>
    /^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$/.test(word) ? word.toUpperCase() : first.toUpperCase() + rest);
}

const TINGKAT_WORD: Record<string, string> = { provinsi: 'Provinsi', kabupaten: '', kecamatan: 'Kecamatan', desa: 'Desa' };

/**
 * "Kecamatan Bilah Hulu", "Provinsi Sumatera Utara": a wilayah named with its tingkat. Kabupaten names carry their own
 * "Kabupaten"/"Kota", and a name that already starts with its word keeps it once.
 */
export function withTingkatWord(tingkat: string, nama: string): string {
  const word = TINGKAT_WORD[tingkat] ?? '';
  return word && !nama.toLowerCase().startsWith(word.toLowerCase()) ? `${word} ${nama}` : nama;
}
