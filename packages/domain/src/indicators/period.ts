// Reporting periods. Values are stored per month; a period is a set of months inside ONE calendar year:
//   2026-06            month       (Juni 2026)
//   2026-Q2            quarter     (Triwulan II 2026)
//   2026               year        (2026)
//   2026-01..2026-06   cumulative  (Januari–Juni 2026) — PWS "s.d. bulan ini" when it starts in January.
// A range may start in any month of the year; a one-month range (2026-01..2026-01) stays a range (PWS "s.d.
// Januari"), labelled like the month.

export type PeriodKind = 'month' | 'quarter' | 'year' | 'cumulative';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1..12, inclusive */
  fromMonth: number;
  /** 1..12, inclusive */
  toMonth: number;
  /** Normalised code: 2026-06, 2026-Q2, 2026, 2026-01..2026-06. */
  code: string;
  /** Bahasa Indonesia: "Juni 2026", "Triwulan II 2026", "2026", "Januari–Juni 2026". */
  label: string;
}

export const MONTH_NAMES_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;
export const MONTH_SHORT_ID = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Mei',
  'Jun',
  'Jul',
  'Agu',
  'Sep',
  'Okt',
  'Nov',
  'Des',
] as const;
const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export const PERIOD_FORMAT_HELP =
  'Gunakan 2026-06 (bulan), 2026-Q2 (triwulan), 2026 (tahun) atau 2026-01..2026-06 (kumulatif dalam satu tahun).';

/** Thrown by parsePeriod; the message is Bahasa Indonesia, for a 400 response as is. */
export class PeriodError extends Error {
  override name = 'PeriodError';
}

const pad = (m: number) => String(m).padStart(2, '0');
const MIN_YEAR = 1900;

function checkYear(y: number, input: string): void {
  if (y < MIN_YEAR) throw new PeriodError(`Tahun tidak sah dalam periode "${input}": ${y}. ${PERIOD_FORMAT_HELP}`);
}
function checkMonth(m: number, input: string): void {
  if (m < 1 || m > 12) {
    throw new PeriodError(`Bulan harus 01–12, bukan ${pad(m)}, dalam periode "${input}". ${PERIOD_FORMAT_HELP}`);
  }
}

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    year,
    fromMonth: month,
    toMonth: month,
    code: `${year}-${pad(month)}`,
    label: `${MONTH_NAMES_ID[month - 1]} ${year}`,
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  return {
    kind: 'quarter',
    year,
    fromMonth: quarter * 3 - 2,
    toMonth: quarter * 3,
    code: `${year}-Q${quarter}`,
    label: `Triwulan ${ROMAN[quarter - 1]} ${year}`,
  };
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', year, fromMonth: 1, toMonth: 12, code: String(year), label: String(year) };
}

/** Months from..to of one year (kind 'cumulative'). */
export function rangePeriod(year: number, fromMonth: number, toMonth: number): Period {
  const label =
    fromMonth === toMonth
      ? `${MONTH_NAMES_ID[fromMonth - 1]} ${year}`
      : `${MONTH_NAMES_ID[fromMonth - 1]}–${MONTH_NAMES_ID[toMonth - 1]} ${year}`;
  return {
    kind: 'cumulative',
    year,
    fromMonth,
    toMonth,
    code: `${year}-${pad(fromMonth)}..${year}-${pad(toMonth)}`,
    label,
  };
}

/** PWS "s.d. bulan m": January..m of the year. */
export function ytdPeriod(year: number, toMonth: number): Period {
  return rangePeriod(year, 1, toMonth);
}

const RE_YEAR = /^(\d{4})$/;
const RE_MONTH = /^(\d{4})-(\d{2})$/;
const RE_QUARTER = /^(\d{4})-[Qq](\d)$/;
const RE_RANGE = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/;

/** Parse a period code; throws PeriodError with a Bahasa Indonesia message when it is not valid. */
export function parsePeriod(input: string): Period {
  const s = input.trim();
  let m: RegExpExecArray | null;
  if ((m = RE_YEAR.exec(s))) {
    const y = Number(m[1]);
    checkYear(y, input);
    return yearPeriod(y);
  }
  if ((m = RE_MONTH.exec(s))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    checkYear(y, input);
    checkMonth(mo, input);
    return monthPeriod(y, mo);
  }
  if ((m = RE_QUARTER.exec(s))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    checkYear(y, input);
    if (q < 1 || q > 4)
      throw new PeriodError(`Triwulan harus Q1–Q4, bukan Q${q}, dalam periode "${input}". ${PERIOD_FORMAT_HELP}`);
    return quarterPeriod(y, q);
  }
  if ((m = RE_RANGE.exec(s))) {
    const [y1, m1, y2, m2] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    checkYear(y1, input);
    checkYear(y2, input);
    checkMonth(m1, input);
    checkMonth(m2, input);
    if (y1 !== y2) {
      throw new PeriodError(
        `Rentang periode harus dalam satu tahun (capaian dihitung terhadap sasaran tahunan): "${input}". ${PERIOD_FORMAT_HELP}`,
      );
    }
    if (m1 > m2) {
      throw new PeriodError(
        `Rentang periode terbalik: "${input}". Bulan awal harus sebelum atau sama dengan bulan akhir.`,
      );
    }
    return rangePeriod(y1, m1, m2);
  }
  throw new PeriodError(`Periode tidak dikenali: "${input}". ${PERIOD_FORMAT_HELP}`);
}

/** Parse without throwing: null when invalid. */
export function tryParsePeriod(input: string): Period | null {
  try {
    return parsePeriod(input);
  } catch (e) {
    if (e instanceof PeriodError) return null;
    throw e;
  }
}

export function formatPeriod(period: Pick<Period, 'kind' | 'year' | 'fromMonth' | 'toMonth'>): string {
  switch (period.kind) {
    case 'month':
      return monthPeriod(period.year, period.fromMonth).code;
    case 'quarter':
      return quarterPeriod(period.year, Math.ceil(period.toMonth / 3)).code;
    case 'year':
      return yearPeriod(period.year).code;
    case 'cumulative':
      return rangePeriod(period.year, period.fromMonth, period.toMonth).code;
  }
}

/** Months of the period, ascending: 2026-Q2 → [4, 5, 6]. */
export function monthsOf(period: Pick<Period, 'fromMonth' | 'toMonth'>): number[] {
  const out: number[] = [];
  for (let m = period.fromMonth; m <= period.toMonth; m++) out.push(m);
  return out;
}

/** Month keys of the period: 2026-Q2 → ['2026-04', '2026-05', '2026-06']. */
export function monthKeysOf(period: Pick<Period, 'year' | 'fromMonth' | 'toMonth'>): string[] {
  return monthsOf(period).map((m) => `${period.year}-${pad(m)}`);
}

/**
 * Share of the ANNUAL target expected in this period, for indicators whose numerators accumulate over the year
 * against an annual sasaran (`ytd_cum`, `annual`): months in the period ÷ 12.
 *   year → 1; Jan..m → m/12 (PWS target line); a month → 1/12; a quarter → 3/12; Apr..Jun → 3/12.
 * Meaning for a month or a quarter: coverage = Σ numerators of those months ÷ annual sasaran, compared with
 * target × months/12 — the persons that should be reached in that slice of the year if the annual target is spread
 * evenly. Indicators that are not cumulative (monthly ratios, point prevalences, counted denominators) use 1,
 * see `indicatorFraction` in classify.ts.
 */
export function expectedFraction(period: Pick<Period, 'fromMonth' | 'toMonth'>): number {
  return (period.toMonth - period.fromMonth + 1) / 12;
}

/**
 * True for a year or a cumulative range starting in January (PWS "s.d. bulan ini"): the numerators so far are the
 * persons served this year, so "belum terlayani tahun ini" (sasaran − served) means something. A month or a quarter
 * is a slice of the year (false), even January or Q1.
 */
export function isYearToDate(period: Pick<Period, 'kind' | 'fromMonth'>): boolean {
  return period.kind === 'year' || (period.kind === 'cumulative' && period.fromMonth === 1);
}

// ------------------------------------------------------------------------------------------------ latest month

/** A calendar month (imports, the latest month with data). */
export interface YearMonth {
  year: number;
  month: number;
}

/**
 * The calendar day of `date` as TTTT-BB-HH, on the clock monthBefore reads (UTC): "today" for the planner (which
 * puskesmas holds a desa, the stage reached, the year's progress), so today and the latest month never disagree.
 */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The running month of `date`, on the same clock as monthBefore (UTC): the month an import is made in, the last
 * month a form offers. One clock, so "this month" and "the month before" never disagree across server and browser.
 */
export function yearMonthOf(date: Date): YearMonth {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** The month before `date` (the running month is not complete yet): December of last year in January. */
export function monthBefore(date: Date): YearMonth {
  const { year, month } = yearMonthOf(date);
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

/**
 * "The latest month with data", one rule for the map's default period, the meeting form and the planner's need
 * (GET /api/meta states it): the latest month with at least one report, but never past the month before today (a
 * report dated in the future or in the running month does not move it); without any report, the month before today.
 * Demo data up to October 2026, today 4 December 2026 → Oktober 2026 (not November, the month before today).
 */
export function latestDataMonth(lastReported: YearMonth | null, today: Date): YearMonth {
  const cap = monthBefore(today);
  if (lastReported === null) return cap;
  const after = lastReported.year > cap.year || (lastReported.year === cap.year && lastReported.month > cap.month);
  return after ? cap : lastReported;
}

/** The default period everywhere: January..the latest month with data (PWS "s.d. bulan ini"). */
export function defaultPeriodOf(latest: YearMonth): Period {
  return ytdPeriod(latest.year, latest.month);
}
