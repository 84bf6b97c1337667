import { describe, expect, it } from 'vitest';
import type { DesaIndicatorValue, SeriesMonthDto } from '../contract/index.ts';
import { parsePeriod } from '../indicators/period.ts';
import { chartIndicators, sameLastYearPeriod, seriesUpTo, trendOf } from './trend.ts';

const PCT = { unit: 'percent', polarity: 'higher' } as const;

describe('sameLastYearPeriod', () => {
  it('keeps the months and the kind, one year earlier', () => {
    expect(sameLastYearPeriod(parsePeriod('2026-01..2026-08'))).toMatchObject({
      code: '2025-01..2025-08',
      label: 'Januari–Agustus 2025',
    });
    expect(sameLastYearPeriod(parsePeriod('2026-06')).code).toBe('2025-06');
    expect(sameLastYearPeriod(parsePeriod('2026-Q3')).code).toBe('2025-Q3');
    expect(sameLastYearPeriod(parsePeriod('2026')).code).toBe('2025');
  });
});

describe('trendOf', () => {
  it('says the change in points with an arrow (67,5 − 63,4 = 4,1; 40,0 − 42,0 = −2,0)', () => {
    expect(trendOf(67.5, 63.4, 'bulan', PCT)).toMatchObject({
      direction: 'naik',
      better: true,
      text: '↑ 4,1 poin dari bulan lalu',
    });
    expect(trendOf(67.5, 63.4, 'bulan', PCT).points).toBeCloseTo(4.1, 9);
    expect(trendOf(40, 42, 'tahun', PCT)).toMatchObject({
      direction: 'turun',
      points: -2,
      better: false,
      text: '↓ 2,0 poin dari tahun lalu',
      short: '↓ 2,0 poin',
    });
  });
  it('is "–" when either side has no data', () => {
    expect(trendOf(null, 50, 'bulan', PCT)).toEqual({
      direction: 'tidak-ada-data',
      points: null,
      better: null,
      text: '–',
      short: '–',
    });
    expect(trendOf(50, null, 'tahun', PCT).text).toBe('–');
  });
  it('is tetap below half a tenth of a point', () => {
    expect(trendOf(50.02, 50, 'tahun', PCT)).toMatchObject({
      direction: 'tetap',
      better: null,
      text: '= tetap dari tahun lalu',
    });
  });
  it('judges a fall as better for a lower-is-better indicator, and speaks per 100.000 for rates', () => {
    expect(trendOf(120, 150, 'tahun', { unit: 'per100k', polarity: 'lower' })).toMatchObject({
      better: true,
      text: '↓ 30,0 per 100.000 dari tahun lalu',
    });
  });
});

function value(indicator: string, klass: DesaIndicatorValue['class'], attainment: number | null): DesaIndicatorValue {
  return {
    indicator,
    numerator: 1,
    denominator: 10,
    coverage: 10,
    target: 95,
    expected: 60,
    notYetServed: 9,
    shortOfTarget: 5,
    class: klass,
    attainment,
    over100: false,
    reported: 8,
    expectedReports: 8,
    previousCoverage: null,
    previousAttainment: null,
    monthCoverage: null,
    previousMonthCoverage: null,
    pws: null,
  };
}

describe('chartIndicators', () => {
  it('takes the indicators behind, furthest first, at most two', () => {
    const desa = {
      focusIndicator: 'C',
      values: [value('A', 'cukup', 85), value('B', 'baik', 110), value('C', 'kurang', 40), value('D', 'kurang', 60)],
    };
    expect(chartIndicators(desa)).toEqual(['C', 'D']);
    expect(chartIndicators(desa, 1)).toEqual(['C']);
  });
  it('falls back to the focus indicator when none is behind, then to the first indicator, then to nothing', () => {
    expect(
      chartIndicators({ focusIndicator: 'B', values: [value('E', 'no-data', null), value('B', 'baik', 110)] }),
    ).toEqual(['B']);
    expect(chartIndicators({ focusIndicator: null, values: [value('E', 'no-data', null)] })).toEqual(['E']);
    expect(chartIndicators({ focusIndicator: null, values: [] })).toEqual([]);
  });
});

describe('seriesUpTo', () => {
  it('blanks the months after the period but keeps the target line', () => {
    const m = (month: number): SeriesMonthDto => ({
      month,
      numerator: 3,
      denominator: 40,
      coverage: 7.5,
      cumulativeNumerator: 3 * month,
      cumulativeDenominator: 40,
      cumulativeCoverage: 7.5 * month,
      expected: (95 * month) / 12,
      pwsStatus: 'baik',
    });
    const cut = seriesUpTo([m(8), m(9)], 8);
    expect(cut[0]).toEqual(m(8));
    expect(cut[1]).toMatchObject({
      month: 9,
      coverage: null,
      cumulativeCoverage: null,
      pwsStatus: null,
      expected: (95 * 9) / 12,
    });
  });
});
