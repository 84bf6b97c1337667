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
  const sums = emptySums();
  for (const v of months) {
    if (v.month < period.fromMonth || v.month > period.toMonth) continue;
    addMonth(sums, counted, v.month, v.numerator, v.denominator);
  }
  return valueOfSums(def, counted, period, sums, sasaran);
}

/** One desa's stored year: element m − 1 is month m, null = no report (a row of indicator_value). */
export interface YearArrays {
  readonly numerators: readonly (number | null)[];
  readonly denominators: readonly (number | null)[] | null;
}

/**
 * periodValue of a stored year read straight from its arrays (no month objects): the same months count, the same
 * way — what an answer about a kecamatan's desa runs per desa. Undefined: no row (no report all year).
 */
export function periodValueOfYear(
  def: Def,
  period: Pick<Period, 'fromMonth' | 'toMonth'>,
  row: YearArrays | undefined,
  sasaran: number | null,
): PeriodValue {
  const counted = def.denominator.kind === 'counted';
  const sums = emptySums();
  if (row) {
    const to = Math.min(period.toMonth, 12);
    for (let m = Math.max(period.fromMonth, 1); m <= to; m++) {
      addMonth(sums, counted, m, row.numerators[m - 1], row.denominators?.[m - 1]);
    }
  }
  return valueOfSums(def, counted, period, sums, sasaran);
}

interface MonthSums {
  usableMonths: number;
  sumNum: number;
  sumDen: number;
  /** The latest usable month (0: none) and its numerator and denominator. */
  lastMonth: number;
  lastNum: number;
  lastDen: number | null;
}

const emptySums = (): MonthSums => ({ usableMonths: 0, sumNum: 0, sumDen: 0, lastMonth: 0, lastNum: 0, lastDen: null });

/** A month of the period counts when its numerator is present and, for counted denominators, its denominator too. */
function addMonth(
  sums: MonthSums,
  counted: boolean,
  month: number,
  numerator: number | null | undefined,
  denominator: number | null | undefined,
): void {
  if (numerator === null || numerator === undefined) return;
  if (counted && (denominator === null || denominator === undefined)) return;
  sums.usableMonths++;
  sums.sumNum += numerator;
  sums.sumDen += denominator ?? 0;
  if (month >= sums.lastMonth) {
    sums.lastMonth = month;
    sums.lastNum = numerator;
    sums.lastDen = denominator ?? null;
  }
}

function valueOfSums(
  def: Def,
  counted: boolean,
  period: Pick<Period, 'fromMonth' | 'toMonth'>,
  sums: MonthSums,
  sasaran: number | null,
): PeriodValue {
  const expectedMonths = period.toMonth - period.fromMonth + 1;
  if (sums.usableMonths === 0) {
    return { numerator: null, denominator: null, reported: false, reportedMonths: 0, expectedMonths, lastMonth: null };
  }
  const point = def.periodKind === 'point';
  let denominator: number | null;
  if (counted) denominator = point ? sums.lastDen : sums.sumDen;
  else if (def.periodKind === 'month') denominator = sasaran === null ? null : sasaran * sums.usableMonths;
  else denominator = sasaran; // point, ytd_cum, annual: the annual sasaran (or population)
  // One object, not a spread of a shared base (every answer runs this per desa).
  return {
    numerator: point ? sums.lastNum : sums.sumNum,
    denominator,
    reported: true,
    reportedMonths: sums.usableMonths,
    expectedMonths,
    lastMonth: sums.lastMonth,
  };
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
