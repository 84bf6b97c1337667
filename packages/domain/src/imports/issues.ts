// What an import reports: a list of issues, each at a row and column of the file, in Bahasa Indonesia.
// Errors stop the whole import (nothing is written); warnings are imported and flagged.

import { EXCHANGE_ERROR_CODES, EXCHANGE_WARNING_CODES } from '../exchange/issues.ts';

// The exchange readers' codes (DHIS2, ADX, FHIR, desa names, crosswalk: ../exchange/issues.ts) are import codes too:
// their issues travel in the same list.
export const ERROR_CODES = [
  'FILE_EMPTY',
  'FILE_FORMAT',
  'FILE_ENCODING',
  'FILE_TOO_LARGE',
  'TEMPLATE_VERSION',
  'TEMPLATE_HEADER',
  'HEADER_MISSING',
  'HEADER_DUPLICATE',
  'HEADER_MERGED',
  'KODE_INVALID',
  'KODE_UNKNOWN',
  'KODE_NOT_DESA',
  'KODE_OUTSIDE_WILAYAH',
  'KODE_OUT_OF_SCOPE',
  'INDICATOR_UNKNOWN',
  'PERIOD_INVALID',
  'PERIOD_FUTURE',
  'YEAR_INVALID',
  'YEAR_FUTURE',
  'SASARAN_UNKNOWN',
  'SOURCE_REQUIRED',
  'VALUE_REQUIRED',
  'VALUE_NOT_NUMBER',
  'VALUE_NOT_WHOLE',
  'VALUE_NEGATIVE',
  'VALUE_AMBIGUOUS',
  'VALUE_TOO_LARGE',
  'VALUE_IS_DATE',
  'DENOMINATOR_REQUIRED',
  'DENOMINATOR_NOT_ALLOWED',
  'DUPLICATE',
  'FORMULA_NO_RESULT',
  'FORMULA_ERROR',
  'TEXT_INVALID_CHARACTER',
  ...EXCHANGE_ERROR_CODES,
] as const;
export const WARNING_CODES = [
  'KODE_NORMALISED',
  'EXTRA_COLUMN',
  'ABOVE_SASARAN',
  'ABOVE_DENOMINATOR',
  'JUMP',
  ...EXCHANGE_WARNING_CODES,
] as const;

export type ImportErrorCode = (typeof ERROR_CODES)[number];
export type ImportWarningCode = (typeof WARNING_CODES)[number];

export interface ImportIssue<C extends string = ImportErrorCode | ImportWarningCode> {
  /** Row number as the spreadsheet shows it (1 = first line); null for the whole file. */
  row: number | null;
  /** Column header (e.g. "pembilang", "KIA_K4"); null for a whole row or the whole file. */
  column: string | null;
  code: C;
  message: string;
}

/** A rule's verdict on one cell: the value, or the code and message of what is wrong with it. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; code: ImportErrorCode; message: string };

export const cellOk = <T>(value: T): CellResult<T> => ({ ok: true, value });
export const cellError = <T = never>(code: ImportErrorCode, message: string): CellResult<T> => ({
  ok: false,
  code,
  message,
});

/** A cell as the file readers deliver it: text (CSV, text cells), number, date (Excel date cells) or empty. */
export type CellValue = string | number | boolean | Date | null;

/** How a cell is quoted in a message: the text as the user sees it. */
export function showCell(value: CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value ?? '');
}

/**
 * NUL and the other control characters (tab, line feed and carriage return aside): PostgreSQL cannot store NUL, and
 * none of them shows in a spreadsheet. Every cell of every import passes this one check when it is read — in the
 * preview and again in the commit, the same way — so a file the preview accepts is never refused by the database.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters in a cell is this pattern's job.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function checkCellText(value: CellValue): CellResult<CellValue> {
  if (typeof value !== 'string') return cellOk(value);
  const at = value.search(CONTROL_CHARACTER);
  if (at < 0) return cellOk(value);
  const code = value.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  return cellError(
    'TEXT_INVALID_CHARACTER',
    `Sel berisi karakter tak terlihat yang tidak dapat disimpan (U+${code}${code === '0000' ? ', NUL' : ''}, karakter ke-${at + 1}). Ketik ulang isi sel ini.`,
  );
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}
