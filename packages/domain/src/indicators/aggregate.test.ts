import { describe, expect, it } from 'vitest';
import { aggregate, coverageOf } from './aggregate.ts';

const row = (numerator: number | null, denominator: number | null, reported = true) => ({
  numerator,
  denominator,
  reported,
});

describe('aggregate', () => {
  it('sums numerators and denominators, never averages percentages (§4.4)', () => {
    // A 30/40 (75 %), B 10/20 (50 %), C 5/5 (100 %): Σ 45/65 = 69.2 %, not the mean 75 %
    const a = aggregate([row(30, 40), row(10, 20), row(5, 5)]);
    expect(a).toMatchObject({
      numerator: 45,
      denominator: 65,
      reportedCount: 3,
      expectedCount: 3,
      complete: true,
      over100: false,
    });
    expect(a.coverage).toBeCloseTo(69.2307692, 6);
    expect(a.coverage).not.toBeCloseTo(75, 1);
  });
  it('leaves a child without a report out of both sums: no data, not zero', () => {
    // A 30/40 reported, B (sasaran 20) no report → 30/40 = 75 %, incomplete; not 30/60 = 50 %
    const a = aggregate([row(30, 40), row(null, 20, false)]);
    expect(a).toMatchObject({
      numerator: 30,
      denominator: 40,
      coverage: 75,
      reportedCount: 1,
      expectedCount: 2,
      complete: false,
    });
  });
  it('gives no data when no child reported', () => {
    expect(aggregate([row(null, 40, false), row(null, 20, false)])).toMatchObject({
      numerator: null,
      denominator: null,
      coverage: null,
      reportedCount: 0,
      expectedCount: 2,
      complete: false,
    });
    expect(aggregate([])).toMatchObject({ coverage: null, expectedCount: 0, complete: false });
  });
  it('keeps coverage above 100 % as it is and flags it', () => {
    // 45 served / estimated sasaran 40 = 112.5 %
    expect(aggregate([row(45, 40)])).toMatchObject({ coverage: 112.5, over100: true });
    // exactly 100 % is not flagged
    expect(aggregate([row(40, 40)])).toMatchObject({ coverage: 100, over100: false });
  });
  it('multiplies by 100,000 for per-100k rates and never flags them as over 100 %', () => {
    // 3 DBD cases / 25,000 → 12 per 100,000 ; 60 / 25,000 → 240 per 100,000
    expect(aggregate([row(3, 25_000)], 'per100k')).toMatchObject({ coverage: 12, over100: false });
    expect(aggregate([row(60, 25_000)], 'per100k')).toMatchObject({ coverage: 240, over100: false });
  });
  it('leaves out a child that reported without a denominator and counts it', () => {
    // A 30/40, B 10/— → 30/40, one child without denominator, incomplete
    expect(aggregate([row(30, 40), row(10, null)])).toMatchObject({
      numerator: 30,
      denominator: 40,
      reportedCount: 2,
      withoutDenominatorCount: 1,
      complete: false,
    });
  });
  it('sums desa-month reports and is incomplete when months are missing', () => {
    // A 9 of 9 months, B 6 of 9 → 15 of 18
    const a = aggregate([
      { numerator: 30, denominator: 40, reported: true, reportedMonths: 9, expectedMonths: 9 },
      { numerator: 10, denominator: 20, reported: true, reportedMonths: 6, expectedMonths: 9 },
    ]);
    expect(a).toMatchObject({ reportedMonths: 15, expectedMonths: 18, complete: false, reportedCount: 2 });
  });
  it('gives null coverage when the denominator sums to 0', () => {
    // DBD CFR with no cases: 0 deaths / 0 cases
    expect(aggregate([row(0, 0)])).toMatchObject({ numerator: 0, denominator: 0, coverage: null });
  });
});

describe('coverageOf', () => {
  it('is numerator ÷ denominator × 100 or × 100,000', () => {
    expect(coverageOf(30, 40)).toBe(75);
    expect(coverageOf(3, 25_000, 'per100k')).toBe(12);
  });
  it('is null for a missing part or a denominator that is not positive', () => {
    expect(coverageOf(null, 40)).toBeNull();
    expect(coverageOf(3, null)).toBeNull();
    expect(coverageOf(3, 0)).toBeNull();
  });
});
