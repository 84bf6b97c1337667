import { describe, expect, it } from 'vitest';
import { getIndicator, type IndicatorDef } from './catalogue.ts';
import { desaValue, evaluateValue, rollUpDesa, seriesOf, type DesaInput } from './evaluate.ts';
import { parsePeriod } from './period.ts';

const def = (code: string): IndicatorDef => getIndicator(code)!;
const months = (values: (number | null)[]) => values.map((numerator, i) => ({ month: i + 1, numerator }));

// §4.4 desa A: K1 Jan..Sep = 3,3,4,3,3,4,3 (23) + Aug 4 + Sep 3 = 30; sasaran 40
const A: DesaInput = { months: months([3, 3, 4, 3, 3, 4, 3, 4, 3]), sasaran: 40 };
// B: 10 by September (sasaran 20), C: 5 (sasaran 5)
const B: DesaInput = { months: months([1, 1, 1, 1, 1, 1, 1, 2, 1]), sasaran: 20 };
const C: DesaInput = { months: months([1, 0, 1, 0, 1, 0, 1, 0, 1]), sasaran: 5 };
const NONE: DesaInput = { months: [], sasaran: 30 };
const JAN_SEP = parsePeriod('2026-01..2026-09');

describe('rollUpDesa', () => {
  it('rolls up the desa of an area from their monthly values (§4.4: 45/65)', () => {
    const a = rollUpDesa(def('KIA_K1'), JAN_SEP, [A, B, C]);
    expect(a).toMatchObject({
      numerator: 45,
      denominator: 65,
      reportedCount: 3,
      reportedMonths: 27,
      expectedMonths: 27,
    });
    expect(a.coverage).toBeCloseTo(69.23, 2);
  });
  it('leaves a desa without any report out: no data, not zero', () => {
    // D (sasaran 30) never reported: still 45/65, not 45/95
    expect(rollUpDesa(def('KIA_K1'), JAN_SEP, [A, B, C, NONE])).toMatchObject({
      numerator: 45,
      denominator: 65,
      reportedCount: 3,
      expectedCount: 4,
      complete: false,
    });
  });
});

describe('evaluateValue', () => {
  it('§4.4 desa: 75.0 % vs expected 71.25 % → baik; 10 of 40 not yet served this year, target line reached', () => {
    const v = evaluateValue(def('KIA_K1'), JAN_SEP, rollUpDesa(def('KIA_K1'), JAN_SEP, [A]));
    // belum terlayani: 40 − 30 = 10; kurang dari target: 71.25 % × 40 = 28.5 → 29 − 30 = −1 (reached, one ahead)
    expect(v).toMatchObject({
      numerator: 30,
      denominator: 40,
      coverage: 75,
      target: 95,
      expected: 71.25,
      notYetServed: 10,
      shortOfTarget: -1,
      class: 'baik',
      over100: false,
      reported: 9,
      expectedReports: 9,
      complete: true,
    });
  });
  it('§4.4 roll-up: 69.2 % vs 71.25 % → cukup; 65 − 45 = 20 not yet served; ⌈71.25 % × 65⌉ − 45 = ⌈46.31⌉ − 45 = 2 short', () => {
    const v = evaluateValue(def('KIA_K1'), JAN_SEP, rollUpDesa(def('KIA_K1'), JAN_SEP, [A, B, C]));
    expect(v).toMatchObject({ class: 'cukup', notYetServed: 20, shortOfTarget: 2 });
  });
  it('a quarter compares Σ of its months ÷ annual sasaran with target × 3/12', () => {
    // Q3 = 3 + 4 + 3 = 10 / 40 = 25 %; expected 95 × 3/12 = 23.75 → baik; ⌈9.5⌉ − 10 = 0 short; no "belum
    // terlayani tahun ini" for a slice of the year
    const q3 = parsePeriod('2026-Q3');
    expect(evaluateValue(def('KIA_K1'), q3, rollUpDesa(def('KIA_K1'), q3, [A]))).toMatchObject({
      coverage: 25,
      expected: 23.75,
      class: 'baik',
      shortOfTarget: 0,
      notYetServed: null,
    });
  });
  it('uses a local target', () => {
    // target 100: expected 75 → 75/75 baik; 30 of 30 expected persons → 0 short; 40 − 30 = 10 not yet served
    const v = evaluateValue(def('KIA_K1'), JAN_SEP, rollUpDesa(def('KIA_K1'), JAN_SEP, [A]), { target: 100 });
    expect(v).toMatchObject({ target: 100, expected: 75, class: 'baik', shortOfTarget: 0, notYetServed: 10 });
  });
  it('gives no-data, no counts of people and zero reports for an area without reports', () => {
    const v = evaluateValue(def('KIA_K1'), JAN_SEP, rollUpDesa(def('KIA_K1'), JAN_SEP, [NONE]));
    expect(v).toMatchObject({
      numerator: null,
      coverage: null,
      class: 'no-data',
      notYetServed: null,
      shortOfTarget: null,
      reported: 0,
      expectedReports: 9,
    });
  });
  it('flags coverage above 100 % without clamping it', () => {
    // 45 served / estimated sasaran 40 = 112.5 %
    const d: DesaInput = { months: months([45]), sasaran: 40 };
    const p = parsePeriod('2026');
    expect(evaluateValue(def('SPM01_BUMIL'), p, rollUpDesa(def('SPM01_BUMIL'), p, [d]))).toMatchObject({
      // 40 − 45 = −5: five more than the (estimated) sasaran, "melebihi sasaran"; 45 − 40 ahead of the target
      coverage: 112.5,
      over100: true,
      class: 'baik',
      notYetServed: -5,
      shortOfTarget: -5,
    });
  });
  it('classifies a lower-is-better point prevalence against its target', () => {
    // stunting Aug: 9/50 + 12/50 = 21/100 = 21 % vs 14 % → kurang (14/21 = 66.7 %)
    const p = parsePeriod('2026');
    const d1: DesaInput = { months: [{ month: 8, numerator: 9, denominator: 50 }], sasaran: null };
    const d2: DesaInput = { months: [{ month: 8, numerator: 12, denominator: 50 }], sasaran: null };
    const v = evaluateValue(def('GZ_STUNTING'), p, rollUpDesa(def('GZ_STUNTING'), p, [d1, d2]));
    expect(v).toMatchObject({ coverage: 21, expected: 14, class: 'kurang', notYetServed: null, shortOfTarget: null });
  });
});

describe('seriesOf', () => {
  const s = seriesOf(def('KIA_K1'), 2026, [A]);
  it('gives twelve months with the monthly coverage over the annual sasaran', () => {
    expect(s).toHaveLength(12);
    // Aug 4/40 = 10 %, Sep 3/40 = 7.5 %
    expect(s[7]).toMatchObject({ month: 8, numerator: 4, denominator: 40, coverage: 10 });
    expect(s[8]).toMatchObject({ month: 9, numerator: 3, coverage: 7.5 });
  });
  it('gives the cumulative line and the target line m/12 × target', () => {
    // Sep: Jan..Sep 30/40 = 75 %, line 95 × 9/12 = 71.25 ; Jan: 3/40 = 7.5 %, line 95/12
    expect(s[8]).toMatchObject({
      cumulativeNumerator: 30,
      cumulativeDenominator: 40,
      cumulativeCoverage: 75,
      expected: 71.25,
    });
    expect(s[0]!.cumulativeCoverage).toBe(7.5);
    expect(s[0]!.expected).toBeCloseTo(95 / 12, 12);
  });
  it('gives the PWS status per month (§4.4 September: kurang)', () => {
    expect(s[8]!.pwsStatus).toBe('kurang');
    // Aug: Jan..Aug 27/40 = 67.5 % vs 63.33 % line, Jul 3 → Aug 4 up → baik
    expect(s[7]!.pwsStatus).toBe('baik');
    // Jan has no previous month unless December is given
    expect(s[0]!.pwsStatus).toBeNull();
    expect(seriesOf(def('KIA_K1'), 2026, [A], { previousDecemberCoverage: 5 })[0]!.pwsStatus).toBe('cukup');
  });
  it('stops the cumulative line at months without a report; the target line goes on', () => {
    // Oct: no report → no cumulative point, no status; line 95 × 10/12
    expect(s[9]).toMatchObject({
      numerator: null,
      coverage: null,
      cumulativeNumerator: null,
      cumulativeCoverage: null,
      pwsStatus: null,
    });
    expect(s[9]!.expected).toBeCloseTo(79.1667, 4);
  });
  it('gives the latest value for a point indicator, with the target as the line', () => {
    // stunting Feb 12/100, Aug 9/90: cumulative in Aug = latest 9/90 = 10 %
    const st = seriesOf(def('GZ_STUNTING'), 2026, [
      {
        months: [
          { month: 2, numerator: 12, denominator: 100 },
          { month: 8, numerator: 9, denominator: 90 },
        ],
        sasaran: null,
      },
    ]);
    expect(st[1]).toMatchObject({ coverage: 12, cumulativeCoverage: 12, expected: 14, pwsStatus: null });
    expect(st[7]!.cumulativeCoverage).toBe(10);
  });
});

describe('desaValue', () => {
  it('is the §4.4 desa rolled up alone: Jan..Sep 30 / 40 = 75 %, 9 of 9 reports', () => {
    const row = { numerators: [3, 3, 4, 3, 3, 4, 3, 4, 3, null, null, null], denominators: null };
    expect(desaValue(getIndicator('KIA_K1')!, parsePeriod('2026-01..2026-09'), row, 40)).toEqual({
      numerator: 30,
      denominator: 40,
      coverage: 75,
      over100: false,
      reportedCount: 1,
      expectedCount: 1,
      withoutDenominatorCount: 0,
      reportedMonths: 9,
      expectedMonths: 9,
      complete: true,
    });
  });
  it('a desa without a row is no data: one expected desa, nothing reported', () => {
    expect(desaValue(getIndicator('KIA_K1')!, parsePeriod('2026-Q1'), undefined, 40)).toMatchObject({
      numerator: null,
      coverage: null,
      reportedCount: 0,
      expectedCount: 1,
      reportedMonths: 0,
      expectedMonths: 3, // Q1: three months expected, none received
      complete: false,
    });
  });
});
