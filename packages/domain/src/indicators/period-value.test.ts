import { describe, expect, it } from 'vitest';
import { getIndicator, type IndicatorDef } from './catalogue.ts';
import { parsePeriod } from './period.ts';
import { expectedValue, indicatorFraction, periodValue, periodValueOfYear, type MonthValue } from './period-value.ts';

const def = (code: string): IndicatorDef => getIndicator(code)!;
// §4.4 desa: K1 Jan..Jul 23 (3+3+4+3+3+4+3), Aug 4, Sep 3 → Jan..Sep 30; sasaran 40
const K1_MONTHS: MonthValue[] = [3, 3, 4, 3, 3, 4, 3, 4, 3].map((n, i) => ({ month: i + 1, numerator: n }));

describe('periodValue', () => {
  it('ytd_cum: sums the numerators of the months over the annual sasaran', () => {
    // Jan..Sep: 30 / 40
    expect(periodValue(def('KIA_K1'), parsePeriod('2026-01..2026-09'), K1_MONTHS, 40)).toEqual({
      numerator: 30,
      denominator: 40,
      reported: true,
      reportedMonths: 9,
      expectedMonths: 9,
      lastMonth: 9,
    });
  });
  it('ytd_cum: a quarter sums its three months over the annual sasaran', () => {
    // Q3 = Jul 3 + Aug 4 + Sep 3 = 10 / 40
    expect(periodValue(def('KIA_K1'), parsePeriod('2026-Q3'), K1_MONTHS, 40)).toMatchObject({
      numerator: 10,
      denominator: 40,
    });
  });
  it('a missing month is no data, not zero: it is counted as not reported', () => {
    // year: 9 of 12 months reported, numerator still 30
    expect(periodValue(def('KIA_K1'), parsePeriod('2026'), K1_MONTHS, 40)).toMatchObject({
      numerator: 30,
      reportedMonths: 9,
      expectedMonths: 12,
      reported: true,
    });
    expect(periodValue(def('KIA_K1'), parsePeriod('2026-Q4'), K1_MONTHS, 40)).toEqual({
      numerator: null,
      denominator: null,
      reported: false,
      reportedMonths: 0,
      expectedMonths: 3,
      lastMonth: null,
    });
  });
  it('a month with a null numerator is not a report', () => {
    expect(periodValue(def('KIA_K1'), parsePeriod('2026-10'), [{ month: 10, numerator: null }], 40).reported).toBe(
      false,
    );
  });
  it('keeps the numerator with a null denominator when the sasaran is unknown', () => {
    expect(periodValue(def('KIA_K1'), parsePeriod('2026-09'), K1_MONTHS, null)).toMatchObject({
      numerator: 3,
      denominator: null,
      reported: true,
    });
  });
  it('counted: sums numerators and counted denominators; a month without its denominator is not a report', () => {
    // SPM11_TB Jan 8/10, Feb 9/—, Mar 10/10 → 18/20 from 2 months
    const months = [
      { month: 1, numerator: 8, denominator: 10 },
      { month: 2, numerator: 9, denominator: null },
      { month: 3, numerator: 10, denominator: 10 },
    ];
    expect(periodValue(def('SPM11_TB'), parsePeriod('2026-Q1'), months, null)).toMatchObject({
      numerator: 18,
      denominator: 20,
      reportedMonths: 2,
    });
  });
  it('month: over several months gives the mean monthly ratio Σ D ÷ (S × reported months)', () => {
    // D/S Q2: Apr 80, May 90, Jun missing; S = 100 → 170 / 200
    const months = [
      { month: 4, numerator: 80 },
      { month: 5, numerator: 90 },
    ];
    expect(periodValue(def('GZ_DS'), parsePeriod('2026-Q2'), months, 100)).toMatchObject({
      numerator: 170,
      denominator: 200,
      reportedMonths: 2,
      expectedMonths: 3,
    });
  });
  it('point: takes the last reported month, never sums a prevalence', () => {
    // stunting Feb 12/100, Aug 9/90 → year value 9/90
    const months = [
      { month: 8, numerator: 9, denominator: 90 },
      { month: 2, numerator: 12, denominator: 100 },
    ];
    expect(periodValue(def('GZ_STUNTING'), parsePeriod('2026'), months, null)).toMatchObject({
      numerator: 9,
      denominator: 90,
      lastMonth: 8,
      reportedMonths: 2,
    });
    expect(periodValue(def('GZ_STUNTING'), parsePeriod('2026-Q1'), months, null)).toMatchObject({
      numerator: 12,
      denominator: 100,
    });
  });
  it('point with a sasaran denominator uses the sasaran once', () => {
    // KB aktif: Jun 130 PUS ber-KB, sasaran PUS 200 → 130/200
    const months = [
      { month: 5, numerator: 120 },
      { month: 6, numerator: 130 },
    ];
    expect(periodValue(def('KIA_CPR'), parsePeriod('2026-Q2'), months, 200)).toMatchObject({
      numerator: 130,
      denominator: 200,
    });
  });
  it('ignores months outside the period', () => {
    expect(periodValue(def('KIA_K1'), parsePeriod('2026-08'), K1_MONTHS, 40)).toMatchObject({
      numerator: 4,
      reportedMonths: 1,
    });
  });
});

describe('indicatorFraction', () => {
  it('is months/12 for ytd_cum and annual indicators with an annual denominator', () => {
    expect(indicatorFraction(def('KIA_K1'), parsePeriod('2026-01..2026-09'))).toBe(0.75);
    expect(indicatorFraction(def('DBD_IR'), parsePeriod('2026-Q1'))).toBe(0.25);
    expect(indicatorFraction(def('SPM05_DIKDAS'), parsePeriod('2026'))).toBe(1);
  });
  it('is 1 for counted denominators, monthly ratios and point values', () => {
    expect(indicatorFraction(def('SPM11_TB'), parsePeriod('2026-01..2026-06'))).toBe(1);
    expect(indicatorFraction(def('GZ_DS'), parsePeriod('2026-Q2'))).toBe(1);
    expect(indicatorFraction(def('GZ_STUNTING'), parsePeriod('2026-06'))).toBe(1);
  });
});

describe('expectedValue', () => {
  it('is target × fraction: K1 95 % by September = 71.25 % (§4.4)', () => {
    // 95 × 9/12 = 71.25
    expect(expectedValue(def('KIA_K1'), parsePeriod('2026-01..2026-09'))).toBe(71.25);
  });
  it('takes a local target', () => {
    // 80 × 9/12 = 60 (§4.1: K1 80 % → 60.0 % by September, unrounded)
    expect(expectedValue(def('KIA_K1'), parsePeriod('2026-01..2026-09'), 80)).toBe(60);
  });
  it('is the target itself for point indicators and null without a target', () => {
    expect(expectedValue(def('GZ_STUNTING'), parsePeriod('2026-Q2'))).toBe(14);
    expect(expectedValue(def('TB_CNR'), parsePeriod('2026'))).toBeNull();
  });
});

describe('periodValueOfYear (a stored year read straight from its arrays)', () => {
  const k1Year = { numerators: [3, 3, 4, 3, 3, 4, 3, 4, 3, null, null, null], denominators: null };
  it('ytd_cum: Jan..Sep of the §4.4 desa is 30 / 40, nine months reported', () => {
    expect(periodValueOfYear(def('KIA_K1'), parsePeriod('2026-01..2026-09'), k1Year, 40)).toEqual({
      numerator: 30,
      denominator: 40,
      reported: true,
      reportedMonths: 9,
      expectedMonths: 9,
      lastMonth: 9,
    });
  });
  it('no row, or no report in the period, is no data', () => {
    const none = { numerator: null, denominator: null, reported: false, reportedMonths: 0, expectedMonths: 3 };
    expect(periodValueOfYear(def('KIA_K1'), parsePeriod('2026-Q4'), k1Year, 40)).toEqual({ ...none, lastMonth: null });
    expect(periodValueOfYear(def('KIA_K1'), parsePeriod('2026-Q4'), undefined, 40)).toEqual({
      ...none,
      lastMonth: null,
    });
  });
  it('month, counted: Σ numerators over Σ denominators of the months that have both', () => {
    // GZ_TD Q1: Jan 8/20, Feb 5/— (no denominator: not usable), Mar 6/10 → 14 / 30 over 2 months
    const row = { numerators: [8, 5, 6, ...Array(9).fill(null)], denominators: [20, null, 10, ...Array(9).fill(null)] };
    expect(periodValueOfYear(def('GZ_TD'), parsePeriod('2026-Q1'), row, null)).toEqual({
      numerator: 14,
      denominator: 30,
      reported: true,
      reportedMonths: 2,
      expectedMonths: 3,
      lastMonth: 3,
    });
  });
  it('month, sasaran: Σ numerators over sasaran × reported months', () => {
    // GZ_DS Q1: Jan 30, Mar 36 (Feb no report), sasaran 50 → 66 / (50 × 2) = 66 / 100
    const row = { numerators: [30, null, 36, ...Array(9).fill(null)], denominators: null };
    expect(periodValueOfYear(def('GZ_DS'), parsePeriod('2026-Q1'), row, 50)).toMatchObject({
      numerator: 66,
      denominator: 100,
      reportedMonths: 2,
    });
  });
  it('point, counted: the last reported month of the period with its own denominator', () => {
    // GZ_STUNTING Jan..Jun: May 7/70 is the last month with both (Jun has no denominator)
    const row = {
      numerators: [9, null, null, null, 7, 6, ...Array(6).fill(null)],
      denominators: [90, null, null, null, 70, null, ...Array(6).fill(null)],
    };
    expect(periodValueOfYear(def('GZ_STUNTING'), parsePeriod('2026-01..2026-06'), row, null)).toEqual({
      numerator: 7,
      denominator: 70,
      reported: true,
      reportedMonths: 2,
      expectedMonths: 6,
      lastMonth: 5,
    });
  });
});
