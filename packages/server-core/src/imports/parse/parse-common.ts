// Helpers shared by the three parsers: the header row, and cells that turn into issues at a row and column.
import { checkCellText, headerName, parseDesaKode, type CellResult, type ImportIssue } from '@peta/domain';
import type { ParseContext } from './parsed.ts';
import { CellProblem, MergedCell, plain, type SheetCell } from '../read/sheet.ts';

export class IssueList {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  error(row: number | null, column: string | null, code: ImportIssue['code'], message: string) {
    this.errors.push({ row, column, code, message });
  }
  warn(row: number | null, column: string | null, code: ImportIssue['code'], message: string) {
    this.warnings.push({ row, column, code, message });
  }
  /** The value of a rule's result, or undefined after recording its error. */
  take<T>(result: CellResult<T>, row: number, column: string): T | undefined {
    if (result.ok) return result.value;
    this.error(row, column, result.code, result.message);
    return undefined;
  }
  /**
   * False after recording the problem of a cell: a formula without stored result or with an Excel error, or text
   * with a character that cannot be stored (checkCellText). Every cell the parsers use passes here first.
   */
  readable(cell: SheetCell | undefined, row: number, column: string): boolean {
    if (cell instanceof CellProblem) {
      this.error(row, column, cell.code, cell.message);
      return false;
    }
    const text = checkCellText(plain(cell));
    if (!text.ok) this.error(row, column, text.code, text.message);
    return text.ok;
  }
}

export interface HeaderColumns {
  /** header name → column index */
  index: Map<string, number>;
}

/**
 * Reads a header row: required columns must be there once, unknown columns are ignored with a warning,
 * a header cell covered by a merge is an error (its column would be read under the wrong name).
 */
export function readHeader(
  cells: readonly SheetCell[],
  rowNumber: number,
  required: readonly string[],
  issues: IssueList,
  /** Columns read when present (no EXTRA_COLUMN warning), not required. */
  optional: readonly string[] = [],
): HeaderColumns {
  const index = new Map<string, number>();
  cells.forEach((cell, i) => {
    if (cell instanceof MergedCell) {
      issues.error(
        rowNumber,
        columnLetter(i),
        'HEADER_MERGED',
        `Sel judul kolom ${columnLetter(i)}${rowNumber} digabung dengan ${cell.master} (merge). Pisahkan sel judul: setiap kolom perlu judulnya sendiri.`,
      );
      return;
    }
    const name = headerName(plain(cell));
    if (!name) return;
    if (index.has(name)) {
      issues.error(rowNumber, name, 'HEADER_DUPLICATE', `Kolom "${name}" muncul dua kali di baris judul.`);
      return;
    }
    index.set(name, i);
    if (!required.includes(name) && !optional.includes(name)) {
      issues.warn(rowNumber, name, 'EXTRA_COLUMN', `Kolom "${name}" tidak dikenal dan diabaikan.`);
    }
  });
  for (const name of required) {
    if (!index.has(name))
      issues.error(rowNumber, name, 'HEADER_MISSING', `Kolom "${name}" tidak ada di baris judul (baris ${rowNumber}).`);
  }
  return { index };
}

/** A, B, …, Z, AA: how Excel names column i (0-based). */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A desa kode cell checked against the database (and, for a template, its wilayah). */
export function readDesaKode(
  cell: SheetCell | undefined,
  row: number,
  column: string,
  ctx: ParseContext,
  issues: IssueList,
): string | undefined {
  if (!issues.readable(cell, row, column)) return undefined;
  const raw = plain(cell);
  const parsed = issues.take(parseDesaKode(raw), row, column);
  if (!parsed) return undefined;
  if (!ctx.kodes.has(parsed.kode)) {
    issues.error(
      row,
      column,
      'KODE_UNKNOWN',
      `Kode desa ${parsed.kode} tidak ada dalam daftar wilayah Kemendagri yang dimuat.`,
    );
    return undefined;
  }
  if (parsed.normalised)
    issues.warn(row, column, 'KODE_NORMALISED', `Kode "${String(raw).trim()}" dibaca sebagai ${parsed.kode}.`);
  return parsed.kode;
}

/** Distinct texts remembered per column (a national file: each kode once, ~84,000). */
const MEMO_TEXTS = 1 << 18;

/**
 * A rule that reads one cell alone (its verdict and messages depend on the cell's text, never on its row), remembered
 * per distinct text: the value and the issues it recorded, replayed at every later row holding the same text. A national
 * file repeats one periode, twenty indicators and a few counts 1.7 M times and each kode twenty times; checking each
 * distinct text once gives the same issues in the same order at a fraction of the cost. Cells that are not text (an
 * XLSX number or date) are read every time.
 */
export class CellMemo<T> {
  private readonly known = new Map<string, Remembered<T>>();
  private lastText: string | undefined;
  private last: Remembered<T> | undefined;
  constructor(
    private readonly column: string,
    private readonly rule: (
      cell: SheetCell | undefined,
      row: number,
      column: string,
      issues: IssueList,
    ) => T | undefined,
  ) {}

  read(cell: SheetCell | undefined, row: number, issues: IssueList): T | undefined {
    if (typeof cell !== 'string') return this.rule(cell, row, this.column, issues);
    // The text of the row before (one periode on every row, one kode on twenty in a row): no lookup at all.
    let known = cell === this.lastText ? this.last : this.known.get(cell);
    if (known === undefined) {
      const scratch = new IssueList();
      const value = this.rule(cell, row, this.column, scratch);
      const recorded: Replay[] = [
        ...scratch.errors.map((issue) => ({ issue, warning: false })),
        ...scratch.warnings.map((issue) => ({ issue, warning: true })),
      ];
      known = { value, issues: recorded.length ? recorded : null };
      if (this.known.size < MEMO_TEXTS) this.known.set(cell, known);
    }
    this.lastText = cell;
    this.last = known;
    if (known.issues !== null)
      for (const { issue, warning } of known.issues)
        (warning ? issues.warn : issues.error).call(issues, row, issue.column, issue.code, issue.message);
    return known.value;
  }
}

interface Remembered<T> {
  value: T | undefined;
  issues: readonly Replay[] | null;
}

interface Replay {
  issue: ImportIssue;
  warning: boolean;
}
