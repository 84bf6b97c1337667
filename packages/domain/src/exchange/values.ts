// What an EXPORT writes: our values — one desa month from storage, or an aggregate of any wilayah and period from
// the roll-up (numerator and denominator as used: Σ of the desa that reported).
import type { Period } from '../indicators/period.ts';
import { cellError, cellOk, type CellResult } from '../imports/issues.ts';
import { MAX_COUNT } from '../imports/whole-number.ts';

export interface ExchangeValue {
  /** Kode wilayah Kemendagri (a desa for DHIS2/ADX data values; any level for FHIR MeasureReports). */
  kode: string;
  /** Name of the wilayah ("Desa Tanjung Siram"), shown in FHIR. */
  nama?: string;
  indikator: string;
  period: Period;
  pembilang: number;
  /** Counted denominator; for FHIR the denominator as used (sasaran included); null when none. */
  penyebut: number | null;
}

/** Thrown by the writers when the values cannot be written as asked; the message is Bahasa Indonesia. */
export class ExchangeExportError extends Error {
  override name = 'ExchangeExportError';
}

/**
 * A count as exchange formats write it: machine notation (DHIS2, ADX and FHIR write "12", "12.0", never "1.234" for
 * one thousand two hundred and thirty-four), so the Indonesian spellings the spreadsheet import reads
 * (parseWholeNumber) would misread a decimal here. Empty text is no value (cellOk(null)).
 */
export function parseExchangeCount(text: string): CellResult<number | null> {
  const s = text.trim();
  if (s === '') return cellOk(null);
  if (/^-\s*\d/.test(s)) return cellError('VALUE_NEGATIVE', `Nilai tidak boleh negatif: ${s}.`);
  const whole = /^\+?(\d+)(?:\.0+)?$/.exec(s);
  if (whole) {
    const n = Number(whole[1]);
    return n > MAX_COUNT ? cellError('VALUE_TOO_LARGE', `Nilai terlalu besar: ${s}.`) : cellOk(n);
  }
  if (/^\+?(\d+\.\d*|\.\d+)$|^\+?\d+(\.\d+)?[eE][+-]?\d+$/.test(s)) {
    return cellError('VALUE_NOT_WHOLE', `Nilai harus bilangan bulat (jumlah orang atau kejadian), bukan ${s}.`);
  }
  return cellError('VALUE_NOT_NUMBER', `"${s}" bukan angka.`);
}
