// Names as sources write them ("PUSKESMAS SP IV PRAFI") and as people read them ("Puskesmas Sp IV Prafi").

/** Title case, roman numerals kept upper case. */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/\b(\p{L})(\p{L}*)/gu, (word: string, first: string, rest: string) =>
      /^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$/.test(word) ? word.toUpperCase() : first.toUpperCase() + rest,
    );
}

const TINGKAT_WORD: Record<string, string> = {
  provinsi: 'Provinsi',
  kabupaten: '',
  kecamatan: 'Kecamatan',
  desa: 'Desa',
};

/**
 * "Kecamatan Bilah Hulu", "Provinsi Sumatera Utara": a wilayah named with its tingkat. Kabupaten names carry their own
 * "Kabupaten"/"Kota", and a name that already starts with its word keeps it once.
 */
export function withTingkatWord(tingkat: string, nama: string): string {
  const word = TINGKAT_WORD[tingkat] ?? '';
  return word && !nama.toLowerCase().startsWith(word.toLowerCase()) ? `${word} ${nama}` : nama;
}

// ------------------------------------------------------------------------------------------------ matching keys

/** Abbreviations of place-name words, read as the full word (whole words only). */
const PLACE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  sei: 'sungai',
  sui: 'sungai',
  sg: 'sungai',
  sng: 'sungai',
  tg: 'tanjung',
  tj: 'tanjung',
  tjg: 'tanjung',
  kp: 'kampung',
  bt: 'batu',
  pd: 'padang',
  kt: 'kota',
  pel: 'pelabuhan',
  pulo: 'pulau',
};
/**
 * Spellings from before EYD (1972) still seen in registers, applied inside words after the abbreviations (so the
 * word "tj" is Tanjung, not "c"). Not nj → ny: today's Tanjung and Panjang are written with nj.
 */
const OLD_SPELLINGS: readonly [RegExp, string][] = [
  [/oe/g, 'u'],
  [/dj/g, 'j'],
  [/tj/g, 'c'],
  [/sj/g, 'sy'],
  [/ch/g, 'kh'],
];
const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_VALUE: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10 };

function romanToNumber(word: string): number | null {
  if (!word || !ROMAN.test(word)) return null;
  let total = 0;
  for (let i = 0; i < word.length; i++) {
    const v = ROMAN_VALUE[word[i]!]!;
    const next = ROMAN_VALUE[word[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/**
 * The words of a place name as every matcher compares them (desa by name, puskesmas named after a kecamatan): lower
 * case without accents, split at punctuation and spaces ("Tanjung-Siram"), apostrophes dropped ("Ma'rang"),
 * abbreviations written out ("Sei" = "Sungai", "Tg." = "Tanjung"), roman numerals as digits ("II" = "2") and old
 * spellings in today's ("Djati Moelia" = "Jati Mulia"). Joined without spaces, "Tanjungsiram" = "Tanjung Siram".
 */
export function placeNameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`‘]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => {
      const expanded = PLACE_ABBREVIATIONS[w] ?? w;
      const roman = romanToNumber(expanded);
      if (roman !== null) return String(roman);
      return OLD_SPELLINGS.reduce((text, [re, to]) => text.replace(re, to), expanded);
    });
}
