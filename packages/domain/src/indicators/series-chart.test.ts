import { describe, expect, it } from 'vitest';
import type { SeriesMonthDto } from '../contract/values.ts';
import { SERIES_CHART as CHART, latestPws, seriesChartModel } from './series-chart.ts';

function month(m: number, coverage: number | null, cumulative: number | null, pws: SeriesMonthDto['pwsStatus'] = null): SeriesMonthDto {
  return {
    month: m, numerator: coverage, denominator: 100, coverage, cumulativeNumerator: cumulative, cumulativeDenominator: 100,
    cumulativeCoverage: cumulative, expected: 90 * m / 12, pwsStatus: pws,
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
    const empty = seriesChartModel(Array.from({ length: 12 }, (_, i) => ({ ...month(i + 1, null, null), expected: null })));
    expect(empty.bars).toEqual([]);
    expect(empty.cumulativePath).toBe('');
    expect(empty.yMax).toBe(5);
  });
});

describe('latestPws', () => {
  it('is the last month with a PWS status', () => {
    expect(latestPws(months)?.month).toBe(10);
    expect(latestPws([month(1, 5, 5)])).toBeUndefined();
  });
});
