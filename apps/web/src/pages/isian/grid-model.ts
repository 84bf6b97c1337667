// The entry grid as data, without React: its columns (pembilang, and penyebut where the indicator counts its own), the
// keyboard moves of a spreadsheet, a block pasted from Excel (tab-separated lines), the cells' edits with the value each
// one was typed over (its base: a conflict check on the server), and the import rules applied to each edit as typed —
// the domain's own rules (parseWholeNumber, the penyebut rules), so the grid and a file say the same.
import { getIndicator, hasCountedDenominator, parseWholeNumber, type StoredPair } from '@peta/domain';
import type { GridDto, GridSaveCell } from '@peta/domain/contract';

export type Part = 'numerator' | 'denominator';
export interface Column {
  indicator: string;
  part: Part;
}
export interface Position {
  row: number;
  col: number;
}
export interface GridSize {
  rows: number;
  cols: number;
}

/** One typed cell pair: what the user typed, over which stored value. */
export interface Edit {
  numerator: string;
  denominator: string;
  base: StoredPair;
}
/** Edits by cellKey(kode, indicator). */
export type Edits = ReadonlyMap<string, Edit>;
export type Stored = ReadonlyMap<string, GridDto['cells'][number]>;

export const cellKey = (kode: string, indicator: string) => `${kode}|${indicator}`;

/** Every indicator gives its pembilang column; those counting their own denominator a penyebut column after it. */
export function columnsOf(indicators: readonly string[]): Column[] {
  return indicators.flatMap((code) => {
    const def = getIndicator(code);
    const numerator: Column = { indicator: code, part: 'numerator' };
    return def && hasCountedDenominator(def) ? [numerator, { indicator: code, part: 'denominator' }] : [numerator];
  });
}

export const storedMap = (grid: Pick<GridDto, 'cells'>): Stored =>
  new Map(grid.cells.map((c) => [cellKey(c.kode, c.indicator), c]));

/** Keys that move the focus, and where to. Enter and Tab moves are also the "commit and move" of an edit. */
export function move(pos: Position, key: string, size: GridSize, shift = false): Position | null {
  const clamp = (row: number, col: number) => ({
    row: Math.max(0, Math.min(size.rows - 1, row)),
    col: Math.max(0, Math.min(size.cols - 1, col)),
  });
  switch (key) {
    case 'ArrowUp':
      return clamp(pos.row - 1, pos.col);
    case 'ArrowDown':
      return clamp(pos.row + 1, pos.col);
    case 'ArrowLeft':
      return clamp(pos.row, pos.col - 1);
    case 'ArrowRight':
      return clamp(pos.row, pos.col + 1);
    case 'Enter':
      return clamp(pos.row + (shift ? -1 : 1), pos.col);
    case 'Home':
      return clamp(pos.row, 0);
    case 'End':
      return clamp(pos.row, size.cols - 1);
    case 'PageUp':
      return clamp(pos.row - 10, pos.col);
    case 'PageDown':
      return clamp(pos.row + 10, pos.col);
    default:
      return null;
  }
}

/**
 * Text copied from Excel, LibreOffice or Google Sheets: lines of tab-separated cells (the last line break dropped).
 * Cells are kept as typed ("1.234", "12,0"): the import rules read them. A single value pastes into one cell.
 */
export function parsePaste(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t').map((cell) => cell.trim()));
}

/** The text a cell shows: the edit, else the stored value (as typed digits, so editing it reads back the same). */
export function cellText(edits: Edits, stored: Stored, kode: string, column: Column): string {
  const key = cellKey(kode, column.indicator);
  const edit = edits.get(key);
  if (edit) return edit[column.part];
  const value = stored.get(key)?.[column.part];
  return value === null || value === undefined ? '' : String(value);
}

/** The edits after typing `text` into one cell; the base is what was stored when the cell was first touched. */
export function withText(edits: Edits, stored: Stored, kode: string, column: Column, text: string): Map<string, Edit> {
  const key = cellKey(kode, column.indicator);
  const next = new Map(edits);
  const s = stored.get(key);
  const edit = edits.get(key) ?? {
    numerator: s?.numerator == null ? '' : String(s.numerator),
    denominator: s?.denominator == null ? '' : String(s.denominator),
    base: { numerator: s?.numerator ?? null, denominator: s?.denominator ?? null },
  };
  next.set(key, { ...edit, [column.part]: text });
  return next;
}

/** The edits without the cell's: it shows the stored value again. */
export function withoutEdit(edits: Edits, kode: string, indicator: string): Map<string, Edit> {
  const next = new Map(edits);
  next.delete(cellKey(kode, indicator));
  return next;
}

/** A pasted block written from `origin` down and right; what falls outside the grid is dropped (and counted). */
export function withPaste(
  edits: Edits,
  stored: Stored,
  desa: readonly string[],
  columns: readonly Column[],
  origin: Position,
  block: string[][],
): { edits: Map<string, Edit>; written: number; dropped: number } {
  let next = new Map(edits);
  let written = 0;
  let dropped = 0;
  block.forEach((line, r) => {
    line.forEach((text, c) => {
      const kode = desa[origin.row + r];
      const column = columns[origin.col + c];
      if (!kode || !column) {
        dropped++;
        return;
      }
      next = withText(next, stored, kode, column, text);
      written++;
    });
  });
  return { edits: next, written, dropped };
}

export interface CellProblem {
  part: Part;
  code: string;
  message: string;
}

/** The import rules on one typed pair (the server applies them again): whole counts, pembilang required, penyebut rules. */
export function problemsOf(indicator: string, edit: Pick<Edit, 'numerator' | 'denominator'>): CellProblem[] {
  const def = getIndicator(indicator);
  if (!def)
    return [{ part: 'numerator', code: 'INDICATOR_UNKNOWN', message: `Indikator tidak dikenal: ${indicator}.` }];
  const problems: CellProblem[] = [];
  const numerator = parseWholeNumber(edit.numerator);
  const denominator = parseWholeNumber(edit.denominator);
  if (!numerator.ok) problems.push({ part: 'numerator', code: numerator.code, message: numerator.message });
  else if (numerator.value === null) {
    problems.push({
      part: 'numerator',
      code: 'VALUE_REQUIRED',
      message: 'Pembilang wajib diisi (0 bila tidak ada kejadian).',
    });
  }
  if (!denominator.ok) problems.push({ part: 'denominator', code: denominator.code, message: denominator.message });
  else if (hasCountedDenominator(def) && denominator.value === null) {
    problems.push({
      part: 'denominator',
      code: 'DENOMINATOR_REQUIRED',
      message: `Indikator ${def.code} memerlukan penyebut.`,
    });
  }
  return problems;
}

/** An edit that says the same as the stored value (typed over, or typed back) changes nothing and is not sent. */
function isUnchanged(edit: Edit, stored: GridDto['cells'][number] | undefined): boolean {
  const n = parseWholeNumber(edit.numerator);
  const d = parseWholeNumber(edit.denominator);
  if (!stored) return n.ok && n.value === null && d.ok && d.value === null;
  return n.ok && d.ok && n.value === stored.numerator && d.value === stored.denominator && !stored.simulated;
}

/** The edits to send: changed cells only, each with the base it was typed over. */
export function cellsToSave(edits: Edits, stored: Stored): GridSaveCell[] {
  const cells: GridSaveCell[] = [];
  for (const [key, edit] of edits) {
    const [kode, indicator] = key.split('|') as [string, string];
    if (isUnchanged(edit, stored.get(key))) continue;
    cells.push({ kode, indicator, numerator: edit.numerator, denominator: edit.denominator, base: edit.base });
  }
  return cells;
}

/** The cell an issue of the save's answer is about: row n is the n-th cell sent. */
export const cellOfIssue = (sent: readonly GridSaveCell[], row: number | null) =>
  row === null ? undefined : sent[row - 1];
