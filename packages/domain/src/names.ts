// Names as sources write them ("PUSKESMAS SP IV PRAFI") and as people read them ("Puskesmas Sp IV Prafi").

/** Title case, roman numerals kept upper case. */
export function titleCase(text: string): string {
  return text.toLowerCase().replace(/\b(\p{L})(\p{L}*)/gu, (word: string, first: string, rest: string) =>
    /^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$/.test(word) ? word.toUpperCase() : first.toUpperCase() + rest);
}
