// Cells of the CSV and XLSX files the app writes (templates, exports, the wilayah kerja CSV, the CLI export). A cell
// whose text starts with = + - @ (or a tab or carriage return) is run as a formula when the file is opened in a
// spreadsheet, so text from the database — a puskesmas name typed by a user, say =HYPERLINK("http://…") — could
// act in the reader's Excel ("CSV injection", OWASP). Such text is written so that no spreadsheet runs it: in CSV
// behind an apostrophe, in XLSX as a text cell (the writer asks startsLikeFormula). Plain numbers (-5, +62) are left
// as they are: they are not formulas, and numbers are what they should stay.

/** The starts OWASP lists, and their full-width forms (which some spreadsheets also accept). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;

/** True when a spreadsheet would take this text for a formula. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** The text as a spreadsheet shows it but never runs it. */
export function formulaSafe(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** One CSV field: formula starts neutralised, quoted when it holds a delimiter (, or ;), a quote or a line break. */
export function csvField(value: string | number | null): string {
  const s = value === null ? '' : typeof value === 'number' ? String(value) : formulaSafe(value);
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (without its line break). */
export const csvLine = (values: readonly (string | number | null)[]): string => values.map(csvField).join(',');
