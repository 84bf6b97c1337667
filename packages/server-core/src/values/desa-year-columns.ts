// The stored years of every desa under a wilayah for one indicator and year, held column by column: what "Semua desa"
// judges for each period. Indonesia has 83,762 desa. As one object per desa with three arrays each (node-postgres's
// rows), the read made ~600,000 objects that lived until the answer was sent — each young-generation collection copied
// them, and garbage collection took more than half of a first national answer (~3–10 s). As typed arrays it is a few
// objects of ~18 MB in all, parsed from one text that PostgreSQL builds (values-repository.ts desaYearTexts). A desa's
// row is made again, briefly, only while its value is judged (storedYearAt), so the domain's rules read the shape
// they always read.
import type { DesaYearValues } from './values-repository.ts';

const MONTHS = 12;
const COMMA = 44;
const MINUS = 45;
const SLASH = 47;
const SEMICOLON = 59;
const ZERO = 48;
const NINE = 57;
const T = 116;

export interface DesaYearColumns {
  /** Every desa under the wilayah, in kode order. */
  readonly kodes: readonly string[];
  /** 1: the desa has a stored row for the indicator and year. */
  readonly hasRow: Uint8Array;
  /** Twelve months per desa (desa i at i × 12); NaN: no report (NULL). */
  readonly numerators: Float64Array;
  /** As numerators; read only where hasDenominators is 1. */
  readonly denominators: Float64Array;
  /** 1: the row's denominators are stored (the column is not NULL). */
  readonly hasDenominators: Uint8Array;
  /** Twelve months per desa: 1 the cell is simulated. */
  readonly simulated: Uint8Array;
  /** The annual sasaran of the indicator's group; NaN: none (no group, or unknown). */
  readonly sasaran: Float64Array;
}

/**
 * Reads one field of comma-separated integers starting at `at` (up to ';', '/' or the end of the text) into
 * target[base + k] — an empty element (NULL) stays NaN — and returns the position after the field's last character.
 */
function readNumbers(text: string, at: number, target: Float64Array | null, base: number): number {
  let k = 0;
  let value = 0;
  let digits = false;
  let negative = false;
  for (; ; at++) {
    const c = at < text.length ? text.charCodeAt(at) : SLASH;
    if (c >= ZERO && c <= NINE) {
      value = value * 10 + (c - ZERO);
      digits = true;
    } else if (c === MINUS) {
      negative = true;
    } else {
      if (target !== null && digits && k < MONTHS) target[base + k] = negative ? -value : value;
      k++;
      value = 0;
      digits = false;
      negative = false;
      if (c !== COMMA) return at + 1;
    }
  }
}

/** Reads a field of comma-separated booleans ('t', 'f', '' for NULL) into target[base + k] (1 for true). */
function readFlags(text: string, at: number, target: Uint8Array | null, base: number): number {
  let k = 0;
  for (; ; at++) {
    const c = at < text.length ? text.charCodeAt(at) : SLASH;
    if (c === COMMA) k++;
    else if (c === SEMICOLON || c === SLASH) return at + 1;
    else if (c === T && target !== null && k < MONTHS) target[base + k] = 1;
  }
}

/**
 * The columns of the desa `kodes` (in kode order, C collation) from the texts of desaYearTexts, both in kode order:
 * `values` holds per desa "kode;numerators;denominators;simulated" ('-' for NULL denominators; elements separated by
 * ',', NULL as nothing), desa separated by '/'; `sasaran` holds "kode;value" per desa. A desa without a row keeps
 * hasRow 0; a row of a desa not in `kodes` is skipped.
 */
export function parseDesaYearColumns(
  kodes: readonly string[],
  values: string | null,
  sasaran: string | null,
): DesaYearColumns {
  const n = kodes.length;
  const columns: DesaYearColumns = {
    kodes,
    hasRow: new Uint8Array(n),
    numerators: new Float64Array(n * MONTHS).fill(Number.NaN),
    denominators: new Float64Array(n * MONTHS).fill(Number.NaN),
    hasDenominators: new Uint8Array(n),
    simulated: new Uint8Array(n * MONTHS),
    sasaran: new Float64Array(n).fill(Number.NaN),
  };
  const indexOf = kodeCursor(kodes);
  if (values) {
    let at = 0;
    while (at < values.length) {
      const end = values.indexOf(';', at);
      const i = indexOf(values.slice(at, end));
      const base = i * MONTHS;
      if (i >= 0) columns.hasRow[i] = 1;
      at = readNumbers(values, end + 1, i >= 0 ? columns.numerators : null, base);
      const noDenominators = values.charCodeAt(at) === MINUS && values.charCodeAt(at + 1) === SEMICOLON;
      if (noDenominators) at += 2;
      else {
        if (i >= 0) columns.hasDenominators[i] = 1;
        at = readNumbers(values, at, i >= 0 ? columns.denominators : null, base);
      }
      at = readFlags(values, at, i >= 0 ? columns.simulated : null, base);
    }
  }
  if (sasaran) {
    const sasaranIndexOf = kodeCursor(kodes);
    for (const part of sasaran.split('/')) {
      const at = part.indexOf(';');
      const i = sasaranIndexOf(part.slice(0, at));
      if (i >= 0) columns.sasaran[i] = Number(part.slice(at + 1));
    }
  }
  return columns;
}

/** The index of each kode asked in ascending order, by walking `kodes` once (-1: not there). */
function kodeCursor(kodes: readonly string[]): (kode: string) => number {
  let j = 0;
  return (kode) => {
    while (j < kodes.length && kodes[j]! < kode) j++;
    return j < kodes.length && kodes[j] === kode ? j : -1;
  };
}

/** Desa i's stored year as the domain's rules read it (undefined: no row), made for one judgement. */
export function storedYearAt(columns: DesaYearColumns, i: number): DesaYearValues | undefined {
  if (columns.hasRow[i] !== 1) return undefined;
  const base = i * MONTHS;
  const numerators: (number | null)[] = [];
  const monthSimulated: boolean[] = [];
  for (let k = 0; k < MONTHS; k++) {
    const value = columns.numerators[base + k]!;
    numerators.push(Number.isNaN(value) ? null : value);
    monthSimulated.push(columns.simulated[base + k] === 1);
  }
  let denominators: (number | null)[] | null = null;
  if (columns.hasDenominators[i] === 1) {
    denominators = [];
    for (let k = 0; k < MONTHS; k++) {
      const value = columns.denominators[base + k]!;
      denominators.push(Number.isNaN(value) ? null : value);
    }
  }
  return { kode: columns.kodes[i]!, numerators, denominators, monthSimulated };
}

/** Desa i's sasaran (null: none). */
export function sasaranAt(columns: DesaYearColumns, i: number): number | null {
  const value = columns.sasaran[i]!;
  return Number.isNaN(value) ? null : value;
}
