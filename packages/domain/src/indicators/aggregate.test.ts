import { describe, expect, it } from 'vitest';
import { aggregate, coverageOf, gapFor, gapPersons } from './aggregate.ts';
import { getIndicator, type IndicatorDef } from './catalogue.ts';
import { parsePeriod } from './period.ts';

const def = (code: string): IndicatorDef => getIndicator(code)!;
const row = (numerator: number | null, denominator: number | null, reported = true) => ({ numerator, denominator, reported });

describe('aggregate', () => {
  it('sums numerators and denominators, never averages percentages (§4.4)', () => {
    // A 30/40 (75 %), B 10/20 (50 %), C 5/5 (100 %): Σ 45/65 = 69.2 %, not the mean 75 %
    const a = aggregate([row(30, 40), row(10, 20), row(5, 5)]);
    expect(a).toMatchObject({ numerator: 45, denominator: 65, reportedCount: 3, expectedCount: 3, complete: true, over100: false });
    expect(a.coverage).toBeCloseTo(69.2307692, 6);
    expect(a.coverage).not.toBeCloseTo(75, 1);
  });
  it('leaves a child without a report out of both sums: no data, not zero', () => {
    // A 30/40 reported, B (sasaran 20) no report → 30/40 = 75 %, incomplete; not 30/60 = 50 %
    const a = aggregate([row(30, 40), row(null, 20, false)]);
    expect(a).toMatchObject({ numerator: 30, denominator: 40, coverage: 75, reportedCount: 1, expectedCount: 2, complete: false });
  });
  it('gives no data when no child reported', () => {
    expect(aggregate([row(null, 40, false), row(null, 20, false)])).toMatchObject({
      numerator: null, denominator: null, coverage: null, reportedCount: 0, expectedCount: 2, complete: false,
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
      numerator: 30, denominator: 40, reportedCount: 2, withoutDenominatorCount: 1, complete: false,
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

describe('gapPersons', () => {
  it('gives the persons still to reach the annual target (§4.4: 8 ibu hamil)', () => {
    // ⌈95 % × 40⌉ = 38 expected, 30 reached → 8
    expect(gapPersons(30, 40, 95, 1)).toBe(8);
    // unrounded sasaran 39.6: 95 % × 39.6 = 37.62 → ⌈⌉ 38 → 8 as well
    expect(gapPersons(30, 39.6, 95, 1)).toBe(8);
  });
  it('rounds the expected persons up', () => {
    // 95 % × 40 × 9/12 = 28.5 → 29 ; 25 reached → 4
    expect(gapPersons(25, 40, 95, 0.75)).toBe(4);
    // 90 % × 176 = 158.4 → 159 ; 122 reached → 37 ("37 ibu hamil belum K4")
    expect(gapPersons(122, 176, 90, 1)).toBe(37);
  });
  it('is 0, never negative, when the target is reached or passed', () => {
    // 28.5 → 29 expected by September, 30 reached
    expect(gapPersons(30, 40, 95, 0.75)).toBe(0);
    expect(gapPersons(45, 40, 100, 1)).toBe(0);
  });
  it('does not add a person for floating-point noise', () => {
    // 0.95 × 40 may be 37.99999… or 38.00000…1 in floating point: expected 38 either way
    expect(gapPersons(37, 40, 95, 1)).toBe(1);
  });
  it('is null when an input is missing', () => {
    expect(gapPersons(null, 40, 95, 1)).toBeNull();
    expect(gapPersons(30, null, 95, 1)).toBeNull();
    expect(gapPersons(30, 40, null, 1)).toBeNull();
  });
});

describe('gapFor', () => {
  it('uses the annual target for a range from January (§4.4: 8 ibu hamil belum K1)', () => {
    expect(gapFor(def('KIA_K1'), parsePeriod('2026-01..2026-09'), 30, 40)).toBe(8);
  });
  it("uses the period's share for a quarter", () => {
    // Q3: 95 % × 40 × 3/12 = 9.5 → 10 expected; 7 served → 3
    expect(gapFor(def('KIA_K1'), parsePeriod('2026-Q3'), 7, 40)).toBe(3);
  });
  it('applies to a counted register of persons with the whole target', () => {
    // SPM terduga TBC: 18 examined of 20 presumed, target 100 % → 2
    expect(gapFor(def('SPM11_TB'), parsePeriod('2026-01..2026-06'), 18, 20)).toBe(2);
  });
  it('takes a local target', () => {
    // 80 % × 40 = 32 ; 30 reached → 2
    expect(gapFor(def('KIA_K1'), parsePeriod('2026'), 30, 40, 80)).toBe(2);
  });
  it('is null for lower-is-better, band, context, per-100k and non-person denominators', () => {
    expect(gapFor(def('GZ_STUNTING'), parsePeriod('2026-06'), 20, 100)).toBeNull();
    expect(gapFor(def('TB_POSITIVITY'), parsePeriod('2026'), 5, 100)).toBeNull();
    expect(gapFor(def('TB_CNR'), parsePeriod('2026'), 5, 10_000)).toBeNull();
    expect(gapFor(def('DBD_IR'), parsePeriod('2026'), 5, 10_000)).toBeNull();
    expect(gapFor(def('KL_ABJ'), parsePeriod('2026-06'), 90, 100)).toBeNull();
  });
  it('is null for monthly ratios over more than one month', () => {
    // D/S over a quarter: the denominator is balita-months, not persons
    expect(gapFor(def('GZ_DS'), parsePeriod('2026-Q2'), 170, 300)).toBeNull();
    // one month: 80 % × 100 = 80 ; 70 weighed → 10 balita belum ditimbang
    expect(gapFor(def('GZ_DS'), parsePeriod('2026-06'), 70, 100)).toBe(10);
  });
});
