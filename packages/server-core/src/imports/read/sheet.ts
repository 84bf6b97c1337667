// A file as the parsers see it: rows of cells, whatever the file type. Readers (read-csv, read-xlsx) build it;
// parse-* turn it into import rows. Row numbers are those a spreadsheet shows (first row = 1).
import type { CellValue, ImportIssue } from '@peta/domain';

/** A cell the reader could not turn into a value (a formula without stored result, an Excel error). */
export class CellProblem {
  constructor(
    readonly code: 'FORMULA_NO_RESULT' | 'FORMULA_ERROR',
    readonly message: string,
  ) {}
}

/** A cell covered by a merge (not its top-left cell): Excel shows nothing there. */
export class MergedCell {
  constructor(readonly master: string) {}
}

export type SheetCell = CellValue | CellProblem | MergedCell;

export interface Sheet {
  /** rows[i] is spreadsheet row i + 1. */
  rows: SheetCell[][];
  /** 'csv' | 'xlsx': only for messages. */
  kind: 'csv' | 'xlsx';
  /** XLSX: the worksheet read, and every worksheet's name (the import wizard offers them). */
  name?: string;
  names?: string[];
}

/** The result of reading a file: a sheet, or the issues that make it unreadable (wrong format, encoding…). */
export type ReadResult = { ok: true; sheet: Sheet } | { ok: false; errors: ImportIssue[] };

export const fileError = (code: ImportIssue['code'], message: string, row: number | null = null): ImportIssue => ({
  row,
  column: null,
  code,
  message,
});

/** The plain value of a cell: problems and merged cells read as empty (parsers report them where it matters). */
export function plain(cell: SheetCell | undefined): CellValue {
  if (cell === undefined || cell instanceof CellProblem || cell instanceof MergedCell) return null;
  return cell;
}

export function isEmptyRow(row: readonly SheetCell[] | undefined): boolean {
  return (
    !row ||
    row.every((c) => {
      const v = plain(c);
      return v === null || (typeof v === 'string' && v.trim() === '');
    })
  );
}
