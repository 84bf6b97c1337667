// Trends in words a kepala desa reads: "↑ 4,1 poin dari bulan lalu", "↓ 2,0 poin dari tahun lalu", "–" when either
// side has no data. "Dari bulan lalu" always compares the coverage of month m ALONE with month m − 1 alone (monthPair
// in indicators/pws-status.ts: the PWS trend); "dari tahun lalu" compares the period with the same period a year
// earlier. Also which indicators get a PWS chart on the pack's desa page. Pure functions, no IO.
import type { AgendaDesa } from '../contract/meetings.ts';
import type { SeriesMonthDto } from '../contract/values.ts';
import type { IndicatorUnit, Polarity } from '../indicators/catalogue.ts';
import { formatNumberId } from '../indicators/format.ts';
import { parsePeriod, type Period } from '../indicators/period.ts';
import { changeDirection } from '../indicators/pws-status.ts';

/** The same months one year earlier (same kind: month, quarter, year or range). */
export function sameLastYearPeriod(period: Period): Period {
  return parsePeriod(period.code.replaceAll(String(period.year), String(period.year - 1)));
}

export type TrendDirection = 'naik' | 'turun' | 'tetap' | 'tidak-ada-data';

export interface Trend {
  direction: TrendDirection;
  /** current − earlier, in percentage points (or per 100.000); null without data. */
  points: number | null;
  /** true when the move is good for the indicator's polarity, false when bad, null for tetap / no data / band. */
  better: boolean | null;
  /** "↑ 4,1 poin dari bulan lalu", "= tetap dari tahun lalu", "–". */
  text: string;
  /** The same without "dari …", for a table column that says against what: "↑ 4,1 poin", "= tetap", "–". */
  short: string;
}

export function trendOf(
  current: number | null,
  earlier: number | null,
  against: 'bulan' | 'tahun',
  def: { unit: IndicatorUnit; polarity: Polarity },
): Trend {
  const since = against === 'bulan' ? 'dari bulan lalu' : 'dari tahun lalu';
  if (current === null || earlier === null || !Number.isFinite(current) || !Number.isFinite(earlier)) {
    return { direction: 'tidak-ada-data', points: null, better: null, text: '–', short: '–' };
  }
  const points = current - earlier;
  if (changeDirection(current, earlier) === 'tetap')
    return { direction: 'tetap', points, better: null, text: `= tetap ${since}`, short: '= tetap' };
  const direction = points > 0 ? 'naik' : 'turun';
  const better = def.polarity === 'higher' ? points > 0 : def.polarity === 'lower' ? points < 0 : null;
  const word = def.unit === 'percent' ? 'poin' : 'per 100.000';
  const short = `${points > 0 ? '↑' : '↓'} ${formatNumberId(Math.abs(points))} ${word}`;
  return { direction, points, better, text: `${short} ${since}`, short };
}

/**
 * Indicators that get a PWS chart on the desa page: those below the expected-to-date target, furthest behind
 * first (lowest attainment); when none is behind, the desa's focus indicator. At most `max`.
 */
export function chartIndicators(desa: Pick<AgendaDesa, 'values' | 'focusIndicator'>, max = 2): string[] {
  const behind = desa.values
    .filter((v) => (v.class === 'kurang' || v.class === 'cukup') && v.attainment !== null)
    .sort((a, b) => a.attainment! - b.attainment!)
    .map((v) => v.indicator);
  if (behind.length) return behind.slice(0, max);
  const first = desa.focusIndicator ?? desa.values[0]?.indicator;
  return first ? [first] : [];
}

/** The months of a year's series up to `toMonth`: later months keep their target but lose values and status. */
export function seriesUpTo(months: readonly SeriesMonthDto[], toMonth: number): SeriesMonthDto[] {
  return months.map((m) =>
    m.month <= toMonth
      ? m
      : {
          ...m,
          numerator: null,
          denominator: null,
          coverage: null,
          cumulativeNumerator: null,
          cumulativeDenominator: null,
          cumulativeCoverage: null,
          pwsStatus: null,
        },
  );
}
