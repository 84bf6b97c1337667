import { describe, expect, it } from 'vitest';
import {
  yearMonthOf,
  defaultPeriodOf,
  latestDataMonth,
  monthBefore,
  MONTH_NAMES_ID,
  PeriodError,
  expectedFraction,
  formatPeriod,
  isYearToDate,
  monthKeysOf,
  monthPeriod,
  monthsOf,
  parsePeriod,
  quarterPeriod,
  rangePeriod,
  tryParsePeriod,
  yearPeriod,
  ytdPeriod,
} from './period.ts';

describe('parsePeriod', () => {
  it('reads a month', () => {
    expect(parsePeriod('2026-06')).toEqual({
      kind: 'month',
      year: 2026,
      fromMonth: 6,
      toMonth: 6,
      code: '2026-06',
      label: 'Juni 2026',
    });
  });
  it('reads a quarter, also in lower case, and normalises it', () => {
    expect(parsePeriod('2026-Q2')).toMatchObject({
      kind: 'quarter',
      fromMonth: 4,
      toMonth: 6,
      label: 'Triwulan II 2026',
    });
    expect(parsePeriod(' 2026-q4 ')).toMatchObject({
      code: '2026-Q4',
      fromMonth: 10,
      toMonth: 12,
      label: 'Triwulan IV 2026',
    });
  });
  it('reads a year', () => {
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', fromMonth: 1, toMonth: 12, code: '2026', label: '2026' });
  });
  it('reads a cumulative range', () => {
    expect(parsePeriod('2026-01..2026-06')).toEqual({
      kind: 'cumulative',
      year: 2026,
      fromMonth: 1,
      toMonth: 6,
      code: '2026-01..2026-06',
      label: 'Januari–Juni 2026',
    });
  });
  it('keeps a one-month range as a range labelled like the month', () => {
    expect(parsePeriod('2026-01..2026-01')).toMatchObject({
      kind: 'cumulative',
      fromMonth: 1,
      toMonth: 1,
      label: 'Januari 2026',
    });
  });
  it('rejects months out of 1..12 with a Bahasa Indonesia message', () => {
    expect(() => parsePeriod('2026-13')).toThrow(/Bulan harus 01–12/);
    expect(() => parsePeriod('2026-00')).toThrow(/Bulan harus 01–12/);
    expect(() => parsePeriod('2026-01..2026-13')).toThrow(PeriodError);
  });
  it('rejects quarters out of 1..4', () => {
    expect(() => parsePeriod('2026-Q5')).toThrow(/Triwulan harus Q1–Q4/);
    expect(() => parsePeriod('2026-Q0')).toThrow(/Triwulan harus Q1–Q4/);
  });
  it('rejects reversed ranges', () => {
    expect(() => parsePeriod('2026-06..2026-01')).toThrow(/terbalik/);
  });
  it('rejects ranges across years', () => {
    expect(() => parsePeriod('2025-11..2026-02')).toThrow(/satu tahun/);
  });
  it('rejects malformed input and says which formats are accepted', () => {
    for (const bad of ['', 'Juni 2026', '2026-6', '26-06', '2026/06', '2026-06..', '2026-W23', '0999']) {
      expect(() => parsePeriod(bad)).toThrow(PeriodError);
    }
    expect(() => parsePeriod('Juni 2026')).toThrow(/Periode tidak dikenali: "Juni 2026". Gunakan 2026-06/);
  });
});

describe('tryParsePeriod', () => {
  it('returns null instead of throwing', () => {
    expect(tryParsePeriod('2026-13')).toBeNull();
    expect(tryParsePeriod('2026-Q3')?.code).toBe('2026-Q3');
  });
});

describe('formatPeriod', () => {
  it('gives back the normalised code of every kind', () => {
    for (const code of ['2026-06', '2026-Q2', '2026', '2026-01..2026-06', '2026-04..2026-09']) {
      expect(formatPeriod(parsePeriod(code))).toBe(code);
    }
  });
});

describe('monthPeriod', () => {
  it('builds a month with its Indonesian name', () => {
    expect(monthPeriod(2026, 8)).toMatchObject({ code: '2026-08', label: 'Agustus 2026' });
    expect(MONTH_NAMES_ID).toHaveLength(12);
  });
});

describe('quarterPeriod', () => {
  it('builds a quarter with a Roman numeral label', () => {
    expect(quarterPeriod(2026, 3)).toMatchObject({ fromMonth: 7, toMonth: 9, label: 'Triwulan III 2026' });
  });
});

describe('yearPeriod', () => {
  it('builds the whole year', () => {
    expect(yearPeriod(2025)).toMatchObject({ code: '2025', fromMonth: 1, toMonth: 12 });
  });
});

describe('rangePeriod', () => {
  it('builds a range inside one year', () => {
    expect(rangePeriod(2026, 4, 9)).toMatchObject({ code: '2026-04..2026-09', label: 'April–September 2026' });
  });
});

describe('ytdPeriod', () => {
  it('builds January..m (PWS "s.d. bulan ini")', () => {
    expect(ytdPeriod(2026, 9)).toMatchObject({
      kind: 'cumulative',
      fromMonth: 1,
      toMonth: 9,
      code: '2026-01..2026-09',
    });
  });
});

describe('monthsOf', () => {
  it('lists the months of the period', () => {
    expect(monthsOf(parsePeriod('2026-Q2'))).toEqual([4, 5, 6]);
    expect(monthsOf(parsePeriod('2026-06'))).toEqual([6]);
    expect(monthsOf(parsePeriod('2026'))).toHaveLength(12);
  });
});

describe('monthKeysOf', () => {
  it('lists the month keys', () => {
    expect(monthKeysOf(parsePeriod('2026-Q1'))).toEqual(['2026-01', '2026-02', '2026-03']);
  });
});

describe('expectedFraction', () => {
  it('is months/12: year 1, Jan..Sep 9/12, a month 1/12, a quarter 3/12', () => {
    expect(expectedFraction(parsePeriod('2026'))).toBe(1);
    expect(expectedFraction(parsePeriod('2026-01..2026-09'))).toBe(0.75);
    expect(expectedFraction(parsePeriod('2026-06'))).toBeCloseTo(1 / 12, 12);
    expect(expectedFraction(parsePeriod('2026-Q2'))).toBe(0.25);
    expect(expectedFraction(parsePeriod('2026-04..2026-06'))).toBe(0.25);
  });
});

describe('isYearToDate', () => {
  it('is true for a year and cumulative ranges from January only', () => {
    expect(isYearToDate(parsePeriod('2026'))).toBe(true);
    expect(isYearToDate(parsePeriod('2026-01..2026-09'))).toBe(true);
    expect(isYearToDate(parsePeriod('2026-04..2026-09'))).toBe(false);
    expect(isYearToDate(parsePeriod('2026-Q1'))).toBe(false);
    expect(isYearToDate(parsePeriod('2026-01'))).toBe(false);
  });
});

describe('latestDataMonth (one rule for the map, the meeting form and the planner)', () => {
  const today = new Date(Date.UTC(2026, 11, 4)); // 4 December 2026
  it('is the latest month with a report: demo data up to October → Oktober, not November', () => {
    expect(latestDataMonth({ year: 2026, month: 10 }, today)).toEqual({ year: 2026, month: 10 });
    expect(defaultPeriodOf(latestDataMonth({ year: 2026, month: 10 }, today)).code).toBe('2026-01..2026-10');
  });
  it('never goes past the month before today (a report of the running month or of the future does not count)', () => {
    expect(latestDataMonth({ year: 2026, month: 12 }, today)).toEqual({ year: 2026, month: 11 });
    expect(latestDataMonth({ year: 2027, month: 3 }, today)).toEqual({ year: 2026, month: 11 });
  });
  it('falls back to the month before today without any report; December of last year in January', () => {
    expect(latestDataMonth(null, today)).toEqual({ year: 2026, month: 11 });
    expect(latestDataMonth(null, new Date(Date.UTC(2027, 0, 15)))).toEqual({ year: 2026, month: 12 });
  });
  it('reads one clock, UTC: this month and the month before agree at every hour of any time zone', () => {
    // 1 January 2027, 05:00 in Jakarta (UTC+7) is still 31 December 2026 in UTC.
    const newYearInJakarta = new Date('2026-12-31T22:00:00Z');
    expect(yearMonthOf(newYearInJakarta)).toEqual({ year: 2026, month: 12 });
    expect(monthBefore(newYearInJakarta)).toEqual({ year: 2026, month: 11 });
    expect(monthBefore(new Date('2027-01-01T00:00:00Z'))).toEqual({ year: 2026, month: 12 });
  });
});
