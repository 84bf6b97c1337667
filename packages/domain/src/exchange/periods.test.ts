import { describe, expect, it } from 'vitest';
import { monthPeriod, quarterPeriod, rangePeriod, yearPeriod } from '../indicators/period.ts';
import {
  adxPeriodOf,
  dhis2PeriodOf,
  parseAdxPeriod,
  parseDhis2Period,
  periodDates,
  periodFromDates,
} from './periods.ts';

const code = (r: ReturnType<typeof parseDhis2Period>) => (r.ok ? r.period.code : `no: ${r.message}`);

describe('parseDhis2Period', () => {
  it.each([
    ['202610', '2026-10'],
    ['2026-10', '2026-10'],
    ['2026Q3', '2026-Q3'],
    ['2026', '2026'],
    [' 202601 ', '2026-01'],
  ])('reads %s as our period %s', (input, expected) => {
    expect(code(parseDhis2Period(input))).toBe(expected);
  });

  it('names the period type it refuses, in Bahasa Indonesia', () => {
    expect(code(parseDhis2Period('2026W12'))).toContain('periode mingguan');
    expect(code(parseDhis2Period('20261005'))).toContain('periode harian');
    expect(code(parseDhis2Period('2026S1'))).toContain('semesteran');
    expect(code(parseDhis2Period('2026April'))).toContain('tahun anggaran');
    expect(code(parseDhis2Period('202613'))).toContain('bulan harus 01–12');
    expect(code(parseDhis2Period('Okt 2026'))).toContain('tidak dikenali');
  });
});

describe('dhis2PeriodOf', () => {
  it('writes months, quarters and years as DHIS2 codes', () => {
    expect(dhis2PeriodOf(monthPeriod(2026, 3))).toBe('202603');
    expect(dhis2PeriodOf(quarterPeriod(2026, 4))).toBe('2026Q4');
    expect(dhis2PeriodOf(yearPeriod(2026))).toBe('2026');
    expect(dhis2PeriodOf(rangePeriod(2026, 7, 7))).toBe('202607');
  });

  it('has no code for a PWS range January..October', () => {
    expect(dhis2PeriodOf(rangePeriod(2026, 1, 10))).toBeNull();
  });
});

describe('parseAdxPeriod', () => {
  it.each([
    ['2026-10-01/P1M', '2026-10'],
    ['2026-07-01/P3M', '2026-Q3'],
    ['2026-01-01/P1Y', '2026'],
    ['2026-01-01/P12M', '2026'],
    ['2026-01-01/P10M', '2026-01..2026-10'],
    ['2026-08-01/P3M', '2026-08..2026-10'],
    ['2015-06-01T00:00:00Z/P1M', '2015-06'],
  ])('reads %s as %s', (input, expected) => {
    expect(code(parseAdxPeriod(input))).toBe(expected);
  });

  it.each([
    ['2017-10-02/P7D', 'hari'],
    ['2017-10-02/P2W', 'minggu'],
    ['2026-10-15/P1M', 'tidak mulai pada tanggal 1'],
    ['2026-11-01/P3M', 'melewati akhir tahun 2026'],
    ['2017-04-01/P1Y', 'melewati akhir tahun 2017'],
    ['202610', 'tidak dikenali'],
    ['2026-13-01/P1M', 'bulan harus 01–12'],
    ['2026-01-01/P0M', 'paling sedikit satu bulan'],
  ])('refuses %s (%s)', (input, words) => {
    expect(code(parseAdxPeriod(input))).toContain(words);
  });
});

describe('adxPeriodOf and periodDates', () => {
  it('writes start/duration and first/last day', () => {
    expect(adxPeriodOf(monthPeriod(2026, 10))).toBe('2026-10-01/P1M');
    expect(adxPeriodOf(quarterPeriod(2026, 3))).toBe('2026-07-01/P3M');
    expect(adxPeriodOf(yearPeriod(2026))).toBe('2026-01-01/P1Y');
    expect(adxPeriodOf(rangePeriod(2026, 1, 10))).toBe('2026-01-01/P10M');
    expect(periodDates(monthPeriod(2028, 2))).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodDates(monthPeriod(2026, 2))).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodDates(quarterPeriod(2026, 4))).toEqual({ start: '2026-10-01', end: '2026-12-31' });
  });

  it('reads FHIR dates back as whole months only', () => {
    expect(code(periodFromDates('2026-10-01', '2026-10-31'))).toBe('2026-10');
    expect(code(periodFromDates('2026-01-01T00:00:00+07:00', '2026-12-31'))).toBe('2026');
    expect(code(periodFromDates('2026-10-01', '2026-10-30'))).toContain('bukan bulan kalender utuh');
    expect(code(periodFromDates('2026-12-01', '2027-01-31'))).toContain('bukan bulan kalender utuh');
  });
});
