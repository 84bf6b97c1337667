// Entry in the browser (the grid): its cells land as rows of the LONG import format, so the one validated import
// judges them with the same rules and messages as a file; and the rule that a cell changed by someone else since
// the user saw it is a conflict.
import type { LongRow } from '../exchange/long-rows.ts';

export interface StoredPair {
  numerator: number | null;
  denominator: number | null;
}

export interface GridCellInput {
  kode: string;
  indicator: string;
  /** As typed. */
  numerator: string;
  denominator: string;
}

/** Cell n (0-based) is row n + 2 of the long sheet (row 1 is its header), so an issue at row r is about cell r − 2. */
export function gridLongRows(period: string, cells: readonly GridCellInput[]): LongRow[] {
  return cells.map((c, i) => ({
    kode_wilayah: c.kode,
    periode: period,
    indikator: c.indicator,
    pembilang: c.numerator,
    penyebut: c.denominator,
    sumber: { row: i + 1, column: `${c.kode} ${c.indicator}` },
  }));
}

const same = (a: StoredPair, b: StoredPair) => a.numerator === b.numerator && a.denominator === b.denominator;

/**
 * A conflict: the stored cell is no longer what the user saw (`base`) and is not already what the user wants
 * (`mine`: a save that landed once, then was sent again after a lost answer, is no conflict).
 */
export function isGridConflict(base: StoredPair, current: StoredPair, mine: StoredPair): boolean {
  return !same(base, current) && !same(current, mine);
}
