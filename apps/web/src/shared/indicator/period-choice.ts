// The period picker's model: which periods can be chosen up to the latest month with data. Pure, unit-tested; labels
// in Bahasa Indonesia come from the domain. The default period is not decided here: it is the domain's
// defaultPeriodOf(latest), January..the latest month with data that the server states (GET /api/meta latestMonth).
import {
  monthPeriod,
  quarterPeriod,
  yearPeriod,
  ytdPeriod,
  type Period,
  type PeriodKind,
  type YearMonth,
} from '@peta/domain';

/** What the picker's controls show: the kind, the year and the (last) month of the period. */
export interface PeriodParts {
  kind: PeriodKind;
  year: number;
  month: number;
}

export function partsOf(period: Period): PeriodParts {
  return { kind: period.kind, year: period.year, month: period.toMonth };
}

/** The period for the picker's controls; a cumulative period always starts in January (PWS s.d. bulan ini). */
export function periodFromParts({ kind, year, month }: PeriodParts): Period {
  switch (kind) {
    case 'month':
      return monthPeriod(year, month);
    case 'quarter':
      return quarterPeriod(year, Math.ceil(month / 3));
    case 'year':
      return yearPeriod(year);
    case 'cumulative':
      return ytdPeriod(year, month);
  }
}

/** Switching kind keeps the year and the month as far as it can (a quarter ends on its last month). */
export function switchKind(parts: PeriodParts, kind: PeriodKind, latest: YearMonth): PeriodParts {
  const month = Math.min(parts.month, lastMonthOf(parts.year, latest));
  return { kind, year: parts.year, month: kind === 'quarter' ? Math.ceil(month / 3) * 3 : month };
}

/** Switching year keeps the month unless that year has no data so far for it. */
export function switchYear(parts: PeriodParts, year: number, latest: YearMonth): PeriodParts {
  const last = lastMonthOf(year, latest);
  const month = Math.min(parts.month, parts.kind === 'quarter' ? Math.ceil(last / 3) * 3 : last);
  return { ...parts, year, month };
}

const lastMonthOf = (year: number, latest: YearMonth) => (year < latest.year ? 12 : latest.month);

/** Years offered: the latest year with data and the two before it, plus the URL's year if it is another one. */
export function yearOptions(latest: YearMonth, current?: number): number[] {
  const years = new Set([latest.year, latest.year - 1, latest.year - 2]);
  if (current !== undefined) years.add(current);
  return [...years].sort((a, b) => b - a);
}

/** Months offered in a year: all of them in past years, up to the latest month with data in its year. */
export function monthOptions(year: number, latest: YearMonth): number[] {
  const last = year > latest.year ? 0 : lastMonthOf(year, latest);
  return Array.from({ length: last }, (_, i) => i + 1);
}

/** Quarters offered (1..4): those that have begun by the latest month with data. */
export function quarterOptions(year: number, latest: YearMonth): number[] {
  return monthOptions(year, latest)
    .filter((m) => m % 3 === 1)
    .map((m) => Math.ceil(m / 3));
}
