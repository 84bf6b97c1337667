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

export type PwsStatus = 'baik' | 'kurang' | 'cukup' | 'jelek';
export type PwsTrend = 'naik' | 'turun' | 'tetap';

export const PWS_STATUS_LABELS: Readonly<Record<PwsStatus, { labelId: string; descriptionId: string }>> = {
  baik: { labelId: 'Baik', descriptionId: 'Kumulatif di atas target dan bulan ini naik' },
  kurang: { labelId: 'Kurang', descriptionId: 'Kumulatif di atas target tetapi bulan ini turun' },
  cukup: { labelId: 'Cukup', descriptionId: 'Kumulatif di bawah target tetapi bulan ini naik' },
  jelek: { labelId: 'Jelek', descriptionId: 'Kumulatif di bawah target dan bulan ini turun' },
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

const EPS = 1e-9;

/** The PWS status, or null when any input is missing (no report this month or last month, no target). */
export function pwsStatus(input: PwsStatusInput): PwsStatusResult | null {
  const { cumulative, expected, thisMonth, lastMonth } = input;
  if (cumulative === null || expected === null || thisMonth === null || lastMonth === null) return null;
  const aboveTarget = cumulative >= expected - EPS;
  const diff = thisMonth - lastMonth;
  const trend: PwsTrend = Math.abs(diff) <= EPS ? 'tetap' : diff > 0 ? 'naik' : 'turun';
  const up = trend === 'naik' || (trend === 'tetap' && aboveTarget);
  const status: PwsStatus = aboveTarget ? (up ? 'baik' : 'kurang') : up ? 'cukup' : 'jelek';
  return { status, trend, aboveTarget };
}
