// The one roll-up: Σ numerators ÷ Σ denominators (golden rule 1), never a mean of percentages.
// Desa → kecamatan → kabupaten → provinsi all aggregate the DESA values under each area (sums are associative,
// so aggregating kecamatan totals gives the same result).
import type { IndicatorUnit } from './catalogue.ts';

export interface AggregateInput {
  numerator: number | null;
  denominator: number | null;
  /** The child sent a report for the period (a missing report is "no data", never zero). */
  reported: boolean;
  /** Reports (desa × months) received / expected under this row; default 1/0 from `reported` and 1. */
  reportedMonths?: number;
  expectedMonths?: number;
}

export interface Aggregate {
  /** Σ numerators of children that reported with a denominator; null when none did. */
  numerator: number | null;
  /** Σ denominators of the same children; null when none did. */
  denominator: number | null;
  /** Σnum / Σden × 100 (percent) or × 100,000 (per100k); null when no child reported or Σden = 0. Never clamped. */
  coverage: number | null;
  /** Coverage above 100 % (percent unit only): shown as is and flagged (estimated sasaran, data error …). */
  over100: boolean;
  /** Children that reported. */
  reportedCount: number;
  /** Children in the roll-up. */
  expectedCount: number;
  /** Children that reported a numerator but have no denominator (e.g. no sasaran): left out of both sums. */
  withoutDenominatorCount: number;
  /** Σ reported / expected months (desa-month reports). */
  reportedMonths: number;
  expectedMonths: number;
  /** Every child reported every month of the period, each with a denominator. */
  complete: boolean;
}

const MULTIPLIER: Record<IndicatorUnit, number> = { percent: 100, per100k: 100_000 };

/** numerator ÷ denominator in the unit; null when either is missing or the denominator is not positive. */
export function coverageOf(
  numerator: number | null,
  denominator: number | null,
  unit: IndicatorUnit = 'percent',
): number | null {
  if (numerator === null || denominator === null || !(denominator > 0)) return null;
  return (numerator * MULTIPLIER[unit]) / denominator;
}

/**
 * What two sums say, the one rule for every roll-up (aggregate over rows, rollUpFromSums over stored sums): the coverage
 * Σnum ÷ Σden in the unit, and the flag for coverage above 100 % (percent only; per 100,000 has no ceiling).
 */
export function ofSums(
  numerator: number | null,
  denominator: number | null,
  unit: IndicatorUnit,
): Pick<Aggregate, 'numerator' | 'denominator' | 'coverage' | 'over100'> {
  const coverage = coverageOf(numerator, denominator, unit);
  return { numerator, denominator, coverage, over100: unit === 'percent' && coverage !== null && coverage > 100 };
}

/**
 * Roll-up of child rows. Only children that reported AND have a denominator enter the sums, so numerator and
 * denominator always describe the same children: a child without a report is left out (no data, not zero), and
 * the parent's coverage is the coverage of its reporting children — `complete` / `reportedCount` say how much is
 * missing.
 */
export function aggregate(rows: readonly AggregateInput[], unit: IndicatorUnit = 'percent'): Aggregate {
  let numerator = 0;
  let denominator = 0;
  let usable = 0;
  let reportedCount = 0;
  let withoutDenominatorCount = 0;
  let reportedMonths = 0;
  let expectedMonths = 0;
  for (const r of rows) {
    const reported = r.reported && r.numerator !== null;
    reportedMonths += r.reportedMonths ?? (reported ? 1 : 0);
    expectedMonths += r.expectedMonths ?? 1;
    if (!reported) continue;
    reportedCount++;
    if (r.denominator === null) {
      withoutDenominatorCount++;
      continue;
    }
    numerator += r.numerator!;
    denominator += r.denominator;
    usable++;
  }
  // One object per roll-up (every answer runs this per desa): the sums' coverage inline rather than spread from ofSums.
  const coverage = usable > 0 ? coverageOf(numerator, denominator, unit) : null;
  return {
    numerator: usable > 0 ? numerator : null,
    denominator: usable > 0 ? denominator : null,
    coverage,
    over100: unit === 'percent' && coverage !== null && coverage > 100,
    reportedCount,
    expectedCount: rows.length,
    withoutDenominatorCount,
    reportedMonths,
    expectedMonths,
    complete:
      rows.length > 0 &&
      reportedCount === rows.length &&
      withoutDenominatorCount === 0 &&
      reportedMonths === expectedMonths,
  };
}
