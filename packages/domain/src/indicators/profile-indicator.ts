// One indicator card of a profile (GET /api/wilayah/{kode}/profil, the Profil page): the row as the map shows it, the
// month-on-month line, the line against last year and the PWS status — built here so that the lines of one card agree
// by construction (domain brief §12.2):
//   - the class judges the row (the period against its expected value);
//   - "dari bulan lalu" compares month m ALONE with month m − 1 alone (monthPair), never Jan..m with Jan..m−1, which
//     always rises; the PWS trend is that same comparison (changeDirection);
//   - the PWS position is the class's comparison (reachesExpected), and the status is only given in the PWS view
//     (January..m), where the class judges the same cumulative value against the same target line.
import type { MonthTrend, ProfileIndicator, ValueRow } from '../contract/values.ts';
import { trendOf } from '../meetings/trend.ts';
import type { IndicatorDef } from './catalogue.ts';
import type { Period } from './period.ts';
import { monthPair, pwsApplies, pwsStatus } from './pws-status.ts';

export interface ProfileIndicatorInput {
  def: Pick<IndicatorDef, 'code' | 'unit' | 'polarity' | 'periodKind'>;
  period: Period;
  /** The wilayah's row for the period (GET /api/nilai). */
  row: ValueRow;
  /** Coverage of month m alone and month m − 1 alone (the rows of monthPair(period)); ignored when there is no pair. */
  months: { thisMonth: number | null; lastMonth: number | null } | null;
  /** The wilayah's coverage in the same period last year. */
  lastYear: number | null;
}

export function profileIndicator({ def, period, row, months, lastYear }: ProfileIndicatorInput): ProfileIndicator {
  const pair = monthPair(period);
  const thisMonth = months?.thisMonth ?? null;
  const lastMonth = months?.lastMonth ?? null;
  const trendMonth: MonthTrend | null = pair && {
    ...trendOf(thisMonth, lastMonth, 'bulan', def),
    month: pair.thisMonth.code,
    previousMonth: pair.lastMonth.code,
    coverage: thisMonth,
    previousCoverage: lastMonth,
  };
  const applies = pwsApplies(def, period);
  const status = applies ? pwsStatus({ cumulative: row.coverage, expected: row.expected, thisMonth, lastMonth }) : null;
  return {
    indicator: def.code,
    row,
    trendMonth,
    trendYear: trendOf(row.coverage, lastYear, 'tahun', def),
    pwsStatus: status?.status ?? null,
    pwsApplies: applies,
  };
}
