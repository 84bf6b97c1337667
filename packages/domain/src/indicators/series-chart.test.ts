import { describe, expect, it } from 'vitest';
import type { SeriesMonthDto } from '../contract/values.ts';
import { SERIES_CHART as CHART, pwsReadingAt, seriesChartModel } from './series-chart.ts';

function month(
  m: number,
  coverage: number | null,
  cumulative: number | null,
  pws: SeriesMonthDto['pwsStatus'] = null,
): SeriesMonthDto {
  return {
    month: m,
    numerator: coverage,
    denominator: 100,
    coverage,
    cumulativeNumerator: cumulative,
    cumulativeDenominator: 100,
    cumulativeCoverage: cumulative,
    expected: (90 * m) / 12,
    pwsStatus: pws,
  };
}

// K4-like year: 7.5 % a month up to October, no report in March, none after October.
const months = Array.from({ length: 12 }, (_, i) => {
  const m = i + 1;
  if (m > 10) return month(m, null, null);
  if (m === 3) return month(m, null, null);
  return month(m, 7.5, 7.5 * m, m >= 2 ? 'cukup' : null);
});

describe('seriesChartModel', () => {
  const model = seriesChartModel(months);
  const bottom = CHART.height - CHART.bottom;

  it('scales to a round top above the largest value (target 90 % in December)', () => {
    expect(model.yMax).toBe(100);
    expect(model.ticks[0]).toEqual({ value: 0, y: bottom });
    expect(model.ticks.at(-1)).toEqual({ value: 100, y: CHART.top });
  });

  it('draws one bar per reported month, none for a month without report', () => {
    expect(model.bars.map((b) => b.month)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10]);
    const bar = model.bars[0]!;
    expect(bar.y + bar.height).toBeCloseTo(bottom, 1);
    expect(bar.height).toBeCloseTo((bottom - CHART.top) * 0.075, 0);
  });

  it('breaks the cumulative line at a month without report and keeps the target line whole', () => {
    expect(model.cumulativePath.match(/M/g)).toHaveLength(2);
    expect(model.cumulativePoints.map((p) => p.month)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10]);
    expect(model.targetPath.match(/M/g)).toHaveLength(1);
    expect(model.targetPath.match(/L/g)).toHaveLength(11);
  });

  it('raises the axis for coverage above 100 % instead of clipping it', () => {
    expect(seriesChartModel([month(1, 130, 130)]).yMax).toBe(150);
  });

  it('has an empty chart for a year without data', () => {
    const empty = seriesChartModel(
      Array.from({ length: 12 }, (_, i) => ({ ...month(i + 1, null, null), expected: null })),
    );
    expect(empty.bars).toEqual([]);
    expect(empty.cumulativePath).toBe('');
    expect(empty.yMax).toBe(5);
  });
});

describe('pwsReadingAt', () => {
  it("gives the status of the period's month with what it is made of", () => {
    // October: Jan..Oct 75 % against 90 × 10/12 = 75 % → on the line (above); October 7.5 % = September 7.5 % → tetap
    expect(pwsReadingAt(months, 10)).toEqual({
      month: 10,
      status: 'cukup',
      aboveTarget: true,
      trend: 'tetap',
      missing: null,
      lastKnown: null,
    });
  });
  it('never shows an earlier month as this one: April has no status because March has no report, and says so', () => {
    const withGap = months.map((m) => (m.month === 4 ? { ...m, pwsStatus: null } : m));
    expect(pwsReadingAt(withGap, 4)).toMatchObject({
      month: 4,
      status: null,
      missing: 'last',
      lastKnown: { month: 2, status: 'cukup' },
    });
    expect(pwsReadingAt(withGap, 3)).toMatchObject({ month: 3, status: null, missing: 'this', trend: null });
  });
  it('says that October is missing when the period ends in a month without report', () => {
    expect(pwsReadingAt(months, 11)).toMatchObject({
      status: null,
      missing: 'this',
      lastKnown: { month: 10, status: 'cukup' },
    });
  });
});
