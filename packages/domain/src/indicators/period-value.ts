// From the monthly values of ONE desa to its value for a period, following the indicator's periodKind
// (see catalogue.ts). The result feeds `aggregate` for the roll-up.
import type { Denominator, IndicatorDef } from './catalogue.ts';
import { expectedFraction, type Period } from './period.ts';

/** One stored month of one desa × indicator. `denominator` is the counted denominator (indicators with a counted one). */
export interface MonthValue {
  month: number;
  numerator: number | null;
  denominator?: number | null;
}

export interface PeriodValue {
  numerator: number | null;
  denominator: number | null;
  /** At least one usable month in the period. */
  reported: boolean;
  /** Usable months in the period. */
  reportedMonths: number;
  /** Months in the period. */
  expectedMonths: number;
  /** Month the value comes from for 'point' indicators (the last reported one); for others the last reported month. */
  lastMonth: number | null;
}

/** Only the denominator's kind is read, so the catalogue's definition and the HTTP contract's both fit. */
type Def = Pick<IndicatorDef, 'periodKind'> & { readonly denominator: { readonly kind: Denominator['kind'] } };

/**
 * Value of one desa for a period.
 * - A month counts as reported when its numerator is present and, for counted denominators, its denominator too
 *   (a count without its denominator cannot be used; the importer flags it). A month that is absent is NOT zero.
 * - `sasaran`: the annual sasaran of the group (denominator kind 'sasaran') or the population (kind 'population');
 *   ignored for counted denominators. Null when unknown → the denominator is null (coverage cannot be computed).
 * - ytd_cum / annual: Σ numerators ÷ annual sasaran (or Σ counted denominators).
 * - month: Σ numerators ÷ (sasaran × reported months) — the mean monthly ratio — or Σ counted denominators.
 * - point: the last reported month of the period (a prevalence is never summed over months).
 * Months outside the period are ignored; each month is expected at most once.
 */
export function periodValue(
  def: Def,
  period: Pick<Period, 'fromMonth' | 'toMonth'>,
  months: readonly MonthValue[],
  sasaran: number | null,
): PeriodValue {
  const counted = def.denominator.kind === 'counted';
  // One pass (every answer runs this per desa): the usable months of the period, their sums and the latest of them.
  let last: MonthValue | undefined;
  let usableMonths = 0;
  let sumNum = 0;
  let sumDen = 0;
  for (const v of months) {
    if (v.month < period.fromMonth || v.month > period.toMonth || v.numerator === null) continue;
    if (counted && (v.denominator === null || v.denominator === undefined)) continue;
    usableMonths++;
    sumNum += v.numerator;
    sumDen += v.denominator ?? 0;
    if (last === undefined || v.month >= last.month) last = v;
  }
  const expectedMonths = period.toMonth - period.fromMonth + 1;
  if (last === undefined) {
    return { numerator: null, denominator: null, reported: false, reportedMonths: 0, expectedMonths, lastMonth: null };
  }
  const base = { reported: true, reportedMonths: usableMonths, expectedMonths, lastMonth: last.month };
  switch (def.periodKind) {
    case 'point':
      return { ...base, numerator: last.numerator, denominator: counted ? (last.denominator ?? null) : sasaran };
    case 'month':
      return {
        ...base,
        numerator: sumNum,
        denominator: counted ? sumDen : sasaran === null ? null : sasaran * usableMonths,
      };
    case 'ytd_cum':
    case 'annual':
      return { ...base, numerator: sumNum, denominator: counted ? sumDen : sasaran };
  }
}

/**
 * Share of the annual target expected in the period for this indicator: expectedFraction(period) (months/12) for
 * indicators that accumulate over the year against an annual denominator (ytd_cum / annual with a sasaran or
 * population denominator); 1 for everything else (monthly ratios, point values, counted denominators — their
 * numerator and denominator cover the same months).
 */
export function indicatorFraction(def: Def, period: Pick<Period, 'fromMonth' | 'toMonth'>): number {
  const cumulative = def.periodKind === 'ytd_cum' || def.periodKind === 'annual';
  return cumulative && def.denominator.kind !== 'counted' ? expectedFraction(period) : 1;
}

/** Expected value in the unit: target × indicatorFraction (the PWS target line); null without a target. */
export function expectedValue(
  def: Def & Pick<IndicatorDef, 'target'>,
  period: Pick<Period, 'fromMonth' | 'toMonth'>,
  target: number | null = def.target,
): number | null {
  return target === null ? null : target * indicatorFraction(def, period);
}
