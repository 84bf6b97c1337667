// The roll-up kept as sums: what the database stores per wilayah above desa × indicator × year so that a view reads one
// row per child instead of every desa under it. The sums are exactly what rollUpDesa (periodValue per desa, then
// aggregate) adds up, for every period of the year (any months from..to), so rollUpFromSums gives the same value as
// rollUpDesa over the same desa. This module is the one place that says which sums those are; the database only adds
// them up (packages/server-core values/rollup-upkeep.ts) and never decides what a value means. A value import computes
// the same sums' differences in SQL (server-core values/rollup-delta.ts, addDesaRollupSums per changed cell); its
// property test (rollup-upkeep.test.ts) fails whenever the two disagree — change both together.
//
// Why more than twelve monthly sums: a desa enters a parent's sums only when it reported in the period and has a
// denominator, and for annual-denominator indicators (ytd_cum, annual with a sasaran) it adds its sasaran once if it
// reported in ANY month of the period; a 'point' indicator takes each desa's LAST reported month of the period. Both
// depend on the period's first and last month, so they are kept as a triangle: for every last month t and every
// month k ≤ t, the desa whose last usable month up to t is k. Σ over k = from..t then gives the period from..to.
// Only the triangles an indicator's period rule reads are kept (keptTriangles): a 'point' indicator reads both, an
// annual denominator (sasaran, population) the denominators' only, a 'month' indicator or a counted 'ytd_cum' neither
// — the others stay zeros here and are not stored (most of a stored row's bytes, and so of the pages an import writes).
import type { Aggregate } from './aggregate.ts';
import { ofSums } from './aggregate.ts';
import type { IndicatorDef } from './catalogue.ts';
import type { Period } from './period.ts';
import type { StoredYear } from './evaluate.ts';

/** Cells of the triangle (t, k) with 1 ≤ k ≤ t ≤ 12. */
export const TRIANGLE_CELLS = 78;

/** Index of triangle cell (t, k): the desa whose last usable month up to t is k. */
export const triangleIndex = (t: number, k: number) => (t * (t - 1)) / 2 + (k - 1);

/** The sums of a set of desa for one indicator and year. Arrays by month: element m − 1 is month m. */
export interface RollupSums {
  /** Σ numerators of the month's usable reports from desa that have a denominator. */
  num: number[];
  /** Σ the month's denominators of the same reports: the counted denominator, or the desa's annual sasaran. */
  den: number[];
  /** Desa with a usable report in the month (with or without a denominator): reports received. */
  reports: number[];
  /** Desa with a usable report in the month and a denominator. */
  reportsWithDen: number[];
  /** Desa whose cell of the month holds a simulated numerator. */
  simulated: number[];
  /**
   * Triangle (t, k): Σ numerators of month k of the desa (with a denominator) whose last usable month ≤ t is k.
   * Zeros unless keptTriangles(def).lastNum.
   */
  lastNum: number[];
  /** Triangle (t, k): Σ their denominators of month k (counted) or their sasaran. Zeros unless keptTriangles(def).lastDen. */
  lastDen: number[];
}

export const emptyRollupSums = (): RollupSums => ({
  num: Array(12).fill(0),
  den: Array(12).fill(0),
  reports: Array(12).fill(0),
  reportsWithDen: Array(12).fill(0),
  simulated: Array(12).fill(0),
  lastNum: Array(TRIANGLE_CELLS).fill(0),
  lastDen: Array(TRIANGLE_CELLS).fill(0),
});

const FIELDS = ['num', 'den', 'reports', 'reportsWithDen', 'simulated', 'lastNum', 'lastDen'] as const;

/** into += from, element by element. */
export function addRollupSums(into: RollupSums, from: RollupSums): RollupSums {
  for (const field of FIELDS) {
    const a = into[field];
    const b = from[field];
    for (let i = 0; i < a.length; i++) a[i]! += b[i]!;
  }
  return into;
}

type Def = Pick<IndicatorDef, 'periodKind' | 'unit'> & {
  readonly denominator: { readonly kind: IndicatorDef['denominator']['kind'] };
};

/** The triangles rollUpFromSums reads for an indicator: the others are always zero (and not stored). */
export function keptTriangles(def: Def): { lastNum: boolean; lastDen: boolean } {
  const point = def.periodKind === 'point';
  const annualDenominator =
    (def.periodKind === 'ytd_cum' || def.periodKind === 'annual') && def.denominator.kind !== 'counted';
  return { lastNum: point, lastDen: point || annualDenominator };
}

/**
 * What one desa adds to the sums of every wilayah above it: its stored year of the indicator (absent: no report all
 * year) and the annual sasaran of the indicator's group (null: unknown, or a counted denominator). A month is usable as
 * in periodValue: a numerator and, for counted denominators, its denominator.
 */
export function desaRollupSums(def: Def, row: DesaStoredYear | undefined, sasaran: number | null): RollupSums {
  return addDesaRollupSums(emptyRollupSums(), def, row, sasaran);
}

type DesaStoredYear = StoredYear & { readonly monthSimulated?: readonly (boolean | null)[] };

/** into += desaRollupSums(def, row, sasaran), without building the desa's own sums (bulk roll-ups add millions). */
export function addDesaRollupSums(
  into: RollupSums,
  def: Def,
  row: DesaStoredYear | undefined,
  sasaran: number | null,
): RollupSums {
  if (!row) return into;
  const counted = def.denominator.kind === 'counted';
  const hasDen = counted || sasaran !== null;
  const kept = keptTriangles(def);
  let last = 0; // last usable month so far
  for (let m = 1; m <= 12; m++) {
    const numerator = row.numerators[m - 1];
    const denominator = row.denominators?.[m - 1];
    if (numerator !== null && numerator !== undefined && row.monthSimulated?.[m - 1] === true)
      into.simulated[m - 1]! += 1;
    const usable =
      numerator !== null &&
      numerator !== undefined &&
      (!counted || (denominator !== null && denominator !== undefined));
    if (usable) {
      into.reports[m - 1]! += 1;
      last = m;
      if (hasDen) {
        into.reportsWithDen[m - 1]! += 1;
        into.num[m - 1]! += numerator;
        into.den[m - 1]! += counted ? denominator! : sasaran!;
      }
    }
    if (hasDen && last > 0) {
      const i = triangleIndex(m, last);
      if (kept.lastNum) into.lastNum[i]! += row.numerators[last - 1]!;
      if (kept.lastDen) into.lastDen[i]! += counted ? row.denominators![last - 1]! : sasaran!;
    }
  }
  return into;
}

/** The parts of an Aggregate a value row is built from (evaluateValue reads these). */
export type RollupAggregate = Pick<
  Aggregate,
  'numerator' | 'denominator' | 'coverage' | 'over100' | 'reportedMonths' | 'expectedMonths' | 'complete'
>;

/**
 * The roll-up of a period from the stored sums of `desaCount` desa (null sums: none of them has a value row): equal
 * to rollUpDesa over the same desa (aggregate's sums are associative). The denominator of an annual-denominator
 * indicator is the sasaran of the desa that reported in the period, as in periodValue.
 */
export function rollUpFromSums(
  def: Def,
  period: Pick<Period, 'fromMonth' | 'toMonth'>,
  sums: RollupSums | null,
  desaCount: number,
): RollupAggregate {
  const { fromMonth: f, toMonth: t } = period;
  const expectedMonths = desaCount * (t - f + 1);
  // Months f..t are elements f − 1..t − 1; the triangle's cells (t, f..t) lie side by side, from..to below. Plain
  // sums, no closure or array per call: a kabupaten's answer runs this once per child.
  const from = triangleIndex(t, f);
  const to = triangleIndex(t, t);
  const s = sums ?? emptyRollupSums();
  const reportedMonths = sumOf(s.reports, f - 1, t - 1);
  const withDen = sumOf(s.reportsWithDen, f - 1, t - 1);
  const counted = def.denominator.kind === 'counted';
  let numerator: number | null = null;
  let denominator: number | null = null;
  if (withDen > 0) {
    switch (def.periodKind) {
      case 'point':
        numerator = sumOf(s.lastNum, from, to);
        denominator = sumOf(s.lastDen, from, to);
        break;
      case 'month':
        numerator = sumOf(s.num, f - 1, t - 1);
        denominator = sumOf(s.den, f - 1, t - 1);
        break;
      case 'ytd_cum':
      case 'annual':
        numerator = sumOf(s.num, f - 1, t - 1);
        denominator = counted ? sumOf(s.den, f - 1, t - 1) : sumOf(s.lastDen, from, to);
        break;
    }
  }
  // Fields written out, not spread from ofSums: V8 builds a spread object on a slow path, ~3 µs per call against
  // ~0.05 µs (an answer about Indonesia's 38 provinces runs this 38 times before it can be sent).
  const shared = ofSums(numerator, denominator, def.unit);
  return {
    numerator: shared.numerator,
    denominator: shared.denominator,
    coverage: shared.coverage,
    over100: shared.over100,
    reportedMonths,
    expectedMonths,
    // Every desa reported every month (so each reported), each with a denominator.
    complete: desaCount > 0 && reportedMonths === expectedMonths && withDen === reportedMonths,
  };
}

/** xs[from] + … + xs[to]. */
function sumOf(xs: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i <= to; i++) s += xs[i]!;
  return s;
}
