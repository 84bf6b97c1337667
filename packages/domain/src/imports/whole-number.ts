// Counts in an import must be whole numbers ≥ 0. People type them in Excel with Indonesian habits, so some
// spellings are read when they can mean only one thing, and everything else is refused with the reason.
import { cellError, cellOk, showCell, type CellResult, type CellValue } from './issues.ts';

/** Counts are stored as PostgreSQL integer. */
export const MAX_COUNT = 2_147_483_647;

const DIGITS = /^\d+$/;
/** 1.234 / 1.234.567: the Indonesian thousands separator. "12.000" is twelve thousand, as an Indonesian reads it. */
const THOUSANDS_DOT = /^\d{1,3}(\.\d{3})+$/;
const THOUSANDS_SPACE = /^\d{1,3}( \d{3})+$/;
/** 12.0, 12,00, 1.234,0: a whole number written as Excel or an Indonesian decimal would show it. */
const ZERO_DECIMALS = /^(\d+|\d{1,3}(\.\d{3})+)[.,]0+$/;
/** 1,234: English thousands or Indonesian decimal 1,234 — cannot tell, so refuse. */
const COMMA_GROUPS = /^\d{1,3}(,\d{3})+$/;
const DECIMAL = /^\d+([.,]\d+)$|^\d{1,3}(\.\d{3})+,\d+$/;

function fromNumber(n: number, shown: string): CellResult<number> {
  if (!Number.isFinite(n)) return cellError('VALUE_NOT_NUMBER', `"${shown}" bukan angka.`);
  if (n < 0) return cellError('VALUE_NEGATIVE', `Nilai tidak boleh negatif: ${shown}.`);
  if (!Number.isInteger(n))
    return cellError('VALUE_NOT_WHOLE', `Nilai harus bilangan bulat (jumlah orang atau kejadian), bukan ${shown}.`);
  if (n > MAX_COUNT) return cellError('VALUE_TOO_LARGE', `Nilai terlalu besar: ${shown}.`);
  return cellOk(n);
}

/**
 * Reads a count. Returns cellOk(null) for an empty cell (the caller decides whether empty is allowed).
 * Accepted: 12, 12.0 / 12,00 (Excel), 1.234 and 1 234 (thousands), 1.234,0. Refused: negative, decimals,
 * 1,234 (ambiguous), text, dates.
 */
export function parseWholeNumber(value: CellValue): CellResult<number | null> {
  if (value === null) return cellOk(null);
  if (value instanceof Date) {
    return cellError(
      'VALUE_IS_DATE',
      `Sel berisi tanggal (${showCell(value)}), bukan angka: Excel mengubah isian menjadi tanggal. Format sel sebagai angka lalu ketik ulang.`,
    );
  }
  if (typeof value === 'boolean') return cellError('VALUE_NOT_NUMBER', `"${String(value)}" bukan angka.`);
  if (typeof value === 'number') return fromNumber(value, String(value));
  const s = value.replace(/\u00a0/g, ' ').trim();
  if (s === '') return cellOk(null);
  if (/^[-−]\s*\d/.test(s)) return cellError('VALUE_NEGATIVE', `Nilai tidak boleh negatif: ${s}.`);
  if (DIGITS.test(s)) return fromNumber(Number(s), s);
  if (THOUSANDS_DOT.test(s)) return fromNumber(Number(s.replace(/\./g, '')), s);
  if (THOUSANDS_SPACE.test(s)) return fromNumber(Number(s.replace(/ /g, '')), s);
  if (ZERO_DECIMALS.test(s)) return fromNumber(Number(s.replace(/[.,]0+$/, '').replace(/\./g, '')), s);
  if (COMMA_GROUPS.test(s)) {
    return cellError(
      'VALUE_AMBIGUOUS',
      `"${s}" bisa dibaca sebagai ribuan atau pecahan desimal. Tulis tanpa pemisah, misalnya ${s.replace(/,/g, '')}.`,
    );
  }
  if (DECIMAL.test(s))
    return cellError('VALUE_NOT_WHOLE', `Nilai harus bilangan bulat (jumlah orang atau kejadian), bukan ${s}.`);
  return cellError('VALUE_NOT_NUMBER', `"${s}" bukan angka.`);
}

/**
 * A sasaran amount: whole persons, or an estimate with decimals (1,10 × CBR × penduduk gives 39,6). Decimal comma
 * or a dot followed by one or two digits (39.6); three digits after a dot are thousands, as for counts.
 */
export function parseSasaranAmount(value: CellValue): CellResult<number | null> {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return cellOk(Math.round(value * 100) / 100);
  if (typeof value === 'string') {
    const s = value.replace(/\u00a0/g, ' ').trim();
    const m = /^(\d+|\d{1,3}(?:\.\d{3})+),(\d{1,2})$/.exec(s) ?? /^(\d+)\.(\d{1,2})$/.exec(s);
    if (m) return cellOk(Number(`${m[1]!.replace(/\./g, '')}.${m[2]}`));
  }
  const whole = parseWholeNumber(value);
  if (!whole.ok && whole.code === 'VALUE_NOT_WHOLE') {
    return cellError(
      'VALUE_NOT_WHOLE',
      `Jumlah sasaran: bilangan bulat, atau desimal dengan paling banyak dua angka di belakang koma (39,6), bukan ${showCell(value)}.`,
    );
  }
  return whole;
}
