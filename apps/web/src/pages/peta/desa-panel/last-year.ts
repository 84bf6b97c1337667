// "Dibanding periode yang sama tahun lalu: naik 4,1 poin (dari 54,0% ke 58,1%)" on the desa profile. The earlier
// value is the same period one year back (sameLastYearPeriod: Januari–September 2026 → Januari–September 2025,
// Juni → Juni, Triwulan II → Triwulan II) read from GET /api/nilai like the value shown, so both sides are computed
// by the same rule for every kind of indicator and period — the meeting pack's "dari tahun lalu" does the same.
// Direction and the "no change" threshold are the domain's trendOf. Pure; unit-tested (last-year.test.ts).
import { sameLastYearPeriod, trendOf, type IndicatorUnit, type Period, type Polarity } from '@peta/domain';

export type LastYearChange =
  /** Nothing to say: no value for the period itself (the panel already says "tidak ada data"). */
  | { kind: 'no-current' }
  /** "tidak ada data tahun lalu" */
  | { kind: 'no-last-year' }
  | { kind: 'tetap'; value: number }
  | { kind: 'naik' | 'turun'; points: number; from: number; to: number; better: boolean | null };

export const lastYearPeriod = (period: Period): Period => sameLastYearPeriod(period);

export function lastYearChange(
  current: number | null,
  lastYear: number | null,
  def: { unit: IndicatorUnit; polarity: Polarity },
): LastYearChange {
  if (current === null || !Number.isFinite(current)) return { kind: 'no-current' };
  if (lastYear === null || !Number.isFinite(lastYear)) return { kind: 'no-last-year' };
  const trend = trendOf(current, lastYear, 'tahun', def);
  if (trend.direction === 'tetap') return { kind: 'tetap', value: current };
  return {
    kind: trend.direction === 'naik' ? 'naik' : 'turun',
    points: Math.abs(trend.points!),
    from: lastYear,
    to: current,
    better: trend.better,
  };
}
