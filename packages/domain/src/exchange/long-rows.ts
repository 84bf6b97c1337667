// Every exchange format lands as rows of the LONG import format (../imports/formats.ts, LONG_COLUMNS):
//   kode_wilayah, periode, indikator, pembilang, penyebut
// as text, exactly what a CSV in that format would carry, so the one validated import (kode known and in scope,
// month not in the future, indicator known, whole numbers, penyebut only for counted denominators, warnings,
// history and undo) judges them with the same rules and messages as any file. `sumber` keeps where each row came
// from in the exchange file, so a message about row n of the sheet can name the data value.
import { LONG_COLUMNS } from '../imports/formats.ts';
import type { ImportIssue } from '../imports/issues.ts';

export interface LongRow {
  kode_wilayah: string;
  /** YYYY-MM */
  periode: string;
  indikator: string;
  pembilang: string;
  /** '' when the indicator's denominator is a sasaran (none in the file). */
  penyebut: string;
  /** Where the numerator came from: line (null for JSON) and position in the exchange file. */
  sumber: { row: number | null; column: string };
}

/**
 * The rows as a sheet for the long-format parser: the header row (LONG_COLUMNS) first, then one row per LongRow, so
 * sheet row r + 2 (1-based, as the import reports rows) is rows[r].
 */
export function toLongSheet(rows: readonly LongRow[]): string[][] {
  return [[...LONG_COLUMNS], ...rows.map((r) => [r.kode_wilayah, r.periode, r.indikator, r.pembilang, r.penyebut])];
}

/** The exchange-file position of sheet row `sheetRow` (as the long import numbers rows), for messages. */
export function sourceOfSheetRow(rows: readonly LongRow[], sheetRow: number): LongRow['sumber'] | null {
  return rows[sheetRow - 2]?.sumber ?? null;
}

/** Stable order for output and tests: kode, periode, indikator. */
export function sortLongRows(rows: LongRow[]): LongRow[] {
  // Keys built once per row, not twice per comparison (a file of 500,000 values sorts in a fraction of a second).
  const keyed = rows.map((r) => ({ r, key: `${r.kode_wilayah}|${r.periode}|${r.indikator}` }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  keyed.forEach((k, i) => {
    rows[i] = k.r;
  });
  return rows;
}

/**
 * An issue the long-format import reported about sheet row n, told where it is in the exchange file: the line (CSV,
 * XML) or position (JSON) of the data value, with the long-format field in brackets — "dataValues[3] (kode_wilayah)".
 * Issues about the whole file, or rows without a source, are returned as they are.
 */
export function toSourceIssue<I extends ImportIssue<string>>(issue: I, rows: readonly LongRow[]): I {
  if (issue.row === null) return issue;
  const source = sourceOfSheetRow(rows, issue.row);
  if (!source) return issue;
  return { ...issue, row: source.row, column: issue.column ? `${source.column} (${issue.column})` : source.column };
}
