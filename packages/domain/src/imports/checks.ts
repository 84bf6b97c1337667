// Row-level checks across a file and against the current data: duplicates, and the warnings that flag
// suspicious but valid values (they are imported, and listed).
import type { IndicatorDef } from '../indicators/catalogue.ts';

/** Remembers the first row of each key: the second row with the same kode × periode × indikator is an error. */
export function duplicateTracker() {
  const first = new Map<string, number>();
  return {
    /** Row of the earlier occurrence, or null the first time. */
    seen(key: string, row: number): number | null {
      const earlier = first.get(key);
      if (earlier !== undefined) return earlier;
      first.set(key, row);
      return null;
    },
  };
}

/**
 * A jump of more than 3× from last month. Small counts jump by chance (1 → 4 is common in a desa), so it is
 * flagged only from JUMP_MIN_VALUE upwards; a previous month of 0 or without report says nothing.
 */
export const JUMP_FACTOR = 3;
export const JUMP_MIN_VALUE = 10;

export function isJump(previous: number | null | undefined, current: number): boolean {
  return previous != null && previous > 0 && current >= JUMP_MIN_VALUE && current > JUMP_FACTOR * previous;
}

/**
 * Numerator above its sasaran. Cumulative indicators (ytd_cum, annual) count each person once a year, so it is the
 * sum January..month that cannot exceed the annual sasaran; for monthly ratios and point values the month itself.
 * `numerators` is the year after the import (index 0 = January). Returns the amount compared, or null when fine.
 */
export function aboveSasaran(
  def: Pick<IndicatorDef, 'periodKind' | 'denominator'>,
  numerators: readonly (number | null)[],
  month: number,
  sasaran: number | null,
): number | null {
  if (sasaran === null || def.denominator.kind !== 'sasaran') return null;
  const cumulative = def.periodKind === 'ytd_cum' || def.periodKind === 'annual';
  let amount = 0;
  for (let m = cumulative ? 1 : month; m <= month; m++) amount += numerators[m - 1] ?? 0;
  return amount > sasaran ? amount : null;
}

export type CellChange = 'added' | 'changed' | 'unchanged';

/**
 * How an imported cell compares with the stored one. The same numbers on a simulated cell is a change: the cell
 * becomes real. The same numbers on a real cell is unchanged, so importing the same file twice changes nothing.
 */
export function compareCell(
  stored: { numerator: number | null; denominator: number | null; simulated: boolean | null } | null,
  next: { numerator: number; denominator: number | null },
): CellChange {
  if (!stored || stored.numerator === null) return 'added';
  if (stored.numerator === next.numerator && stored.denominator === next.denominator && stored.simulated === false)
    return 'unchanged';
  return 'changed';
}
