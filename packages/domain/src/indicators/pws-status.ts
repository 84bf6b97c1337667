// PWS KIA 4-status (Pedoman PWS KIA, §4.2 [V S9]) for higher-is-better `ytd_cum` coverage indicators:
//
//   cumulative vs expected (target × m/12) | this month vs last month | status
//   ≥ expected                             | naik                     | baik
//   ≥ expected                             | turun                    | kurang  (will miss the target if the fall continues)
//   < expected                             | naik                     | cukup
//   < expected                             | turun                    | jelek
//
// Tie rule (ours, §4.2 [U]): "tetap" (this month = last month) counts as naik when at or above the line (baik) and
// as turun below it (jelek); the trend is reported as 'tetap' so the UI can show "=".
// The trend compares MONTHLY coverage (persons served in the month ÷ annual sasaran): cumulative coverage cannot fall.
// January compares with December of the previous year (its own sasaran) — pass that coverage, or null.
//
// Agreement by construction (domain brief §12.2): "above the line" is `reachesExpected`, the comparison that makes the
// map class "baik"; "naik/turun/tetap" is `changeDirection`, the comparison of every "dari bulan lalu" line. A card
// showing the class, the month-on-month line and the PWS status therefore cannot contradict itself.
import type { IndicatorDef } from './catalogue.ts';
import { reachesExpected } from './classify.ts';
import { monthPeriod, type Period } from './period.ts';

export type PwsStatus = 'baik' | 'kurang' | 'cukup' | 'jelek';
export type PwsTrend = 'naik' | 'turun' | 'tetap';

export const PWS_STATUS_LABELS: Readonly<Record<PwsStatus, { labelId: string; description: string }>> = {
  baik: { labelId: 'Baik', description: 'Kumulatif di atas target dan bulan ini naik' },
  kurang: { labelId: 'Kurang', description: 'Kumulatif di atas target tetapi bulan ini turun' },
  cukup: { labelId: 'Cukup', description: 'Kumulatif di bawah target tetapi bulan ini naik' },
  jelek: { labelId: 'Jelek', description: 'Kumulatif di bawah target dan bulan ini turun' },
};

export interface PwsStatusInput {
  /** Cumulative coverage Jan..m, in the unit (percent). */
  cumulative: number | null;
  /** Expected by month m: target × m/12. */
  expected: number | null;
  /** Coverage of month m alone (persons in month m ÷ annual sasaran). */
  thisMonth: number | null;
  /** Coverage of month m − 1. */
  lastMonth: number | null;
}

export interface PwsStatusResult {
  status: PwsStatus;
  trend: PwsTrend;
  /** cumulative ≥ expected */
  aboveTarget: boolean;
}

/** Below half a tenth of a point a change reads "tetap": its rounded text would say "0,0 poin". */
export const COVERAGE_CHANGE_EPS = 0.05;

/** naik / turun / tetap between two values in the indicator's unit: the one rule for every "dari bulan lalu". */
export function changeDirection(current: number, earlier: number): PwsTrend {
  const diff = current - earlier;
  return Math.abs(diff) < COVERAGE_CHANGE_EPS ? 'tetap' : diff > 0 ? 'naik' : 'turun';
}

/** The PWS status, or null when any input is missing (no report this month or last month, no target). */
export function pwsStatus(input: PwsStatusInput): PwsStatusResult | null {
  const { cumulative, expected, thisMonth, lastMonth } = input;
  if (cumulative === null || expected === null || thisMonth === null || lastMonth === null) return null;
  const aboveTarget = reachesExpected(cumulative, expected);
  const trend = changeDirection(thisMonth, lastMonth);
  const up = trend === 'naik' || (trend === 'tetap' && aboveTarget);
  const status: PwsStatus = aboveTarget ? (up ? 'baik' : 'kurang') : up ? 'cukup' : 'jelek';
  return { status, trend, aboveTarget };
}

/** The PWS status is a judgement of higher-is-better indicators counted cumulatively against an annual sasaran. */
export function hasPwsStatus(def: Pick<IndicatorDef, 'polarity' | 'periodKind'>): boolean {
  return def.polarity === 'higher' && def.periodKind === 'ytd_cum';
}

/**
 * The PWS view: January..m. Only there do the class (cumulative Jan..m against the target line m/12) and the PWS
 * position (the same comparison) judge the same thing, so only there is the status shown next to the class. In a month
 * view the class judges the month alone; the PWS chart, which is always cumulative, says so itself.
 */
export function pwsApplies(
  def: Pick<IndicatorDef, 'polarity' | 'periodKind'>,
  period: Pick<Period, 'kind' | 'fromMonth'>,
): boolean {
  return hasPwsStatus(def) && period.kind === 'cumulative' && period.fromMonth === 1;
}

/**
 * The two single months "bulan ini dibanding bulan lalu" compares: month m and m − 1 (December of the previous year for
 * January), for a month or a period January..m; null for a quarter, a year or a range not starting in January. The
 * month-on-month line of a card and the PWS trend read these two months, never the cumulative Jan..m−1.
 */
export function monthPair(
  period: Pick<Period, 'kind' | 'year' | 'fromMonth' | 'toMonth'>,
): { thisMonth: Period; lastMonth: Period } | null {
  const single = period.kind === 'month';
  const ytd = period.kind === 'cumulative' && period.fromMonth === 1;
  if (!single && !ytd) return null;
  const m = period.toMonth;
  return {
    thisMonth: monthPeriod(period.year, m),
    lastMonth: m === 1 ? monthPeriod(period.year - 1, 12) : monthPeriod(period.year, m - 1),
  };
}

/**
 * Why a PWS status for month m cannot be given: the month itself or the month before has no report. Null when both
 * have one. "Status PWS Oktober tidak dapat dihitung: tidak ada laporan September."
 */
export function pwsMissingMonth(thisMonth: number | null, lastMonth: number | null): 'this' | 'last' | null {
  if (thisMonth === null) return 'this';
  if (lastMonth === null) return 'last';
  return null;
}
