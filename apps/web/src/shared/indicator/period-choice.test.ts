import { describe, expect, it } from 'vitest';
import {
  monthOptions,
  partsOf,
  periodFromParts,
  quarterOptions,
  switchKind,
  switchYear,
  yearOptions,
} from './period-choice.ts';
import { parsePeriod } from '@peta/domain';

// The latest month with data as GET /api/meta states it (the default period itself is the domain's defaultPeriodOf).
const LATEST = { year: 2026, month: 10 };

describe('picker parts', () => {
  it('round-trips every kind', () => {
    for (const code of ['2026-06', '2026-Q3', '2025', '2026-01..2026-10']) {
      expect(periodFromParts(partsOf(parsePeriod(code))).code).toBe(code);
    }
  });

  it('builds a quarter from any of its months and a cumulative period from January', () => {
    expect(periodFromParts({ kind: 'quarter', year: 2026, month: 5 }).code).toBe('2026-Q2');
    expect(periodFromParts({ kind: 'cumulative', year: 2026, month: 4 }).code).toBe('2026-01..2026-04');
  });

  it('keeps the month when switching kind, rounding a quarter up to its last month', () => {
    expect(switchKind({ kind: 'cumulative', year: 2026, month: 10 }, 'quarter', LATEST)).toEqual({
      kind: 'quarter',
      year: 2026,
      month: 12,
    });
    expect(periodFromParts(switchKind({ kind: 'cumulative', year: 2026, month: 10 }, 'quarter', LATEST)).code).toBe(
      '2026-Q4',
    );
    expect(switchKind({ kind: 'quarter', year: 2026, month: 6 }, 'month', LATEST)).toEqual({
      kind: 'month',
      year: 2026,
      month: 6,
    });
  });

  it('does not move past the latest month when switching to the latest year', () => {
    expect(switchYear({ kind: 'month', year: 2025, month: 12 }, 2026, LATEST)).toEqual({
      kind: 'month',
      year: 2026,
      month: 10,
    });
    expect(switchYear({ kind: 'month', year: 2026, month: 10 }, 2025, LATEST)).toEqual({
      kind: 'month',
      year: 2025,
      month: 10,
    });
  });
});

describe('options', () => {
  it('offers the latest year, the two before it, and the URL year', () => {
    expect(yearOptions(LATEST)).toEqual([2026, 2025, 2024]);
    expect(yearOptions(LATEST, 2020)).toEqual([2026, 2025, 2024, 2020]);
  });

  it('offers months up to the latest month in its year, all months in past years', () => {
    expect(monthOptions(2026, LATEST)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(monthOptions(2025, LATEST)).toHaveLength(12);
    expect(monthOptions(2027, LATEST)).toEqual([]);
  });

  it('offers the quarters that have begun', () => {
    expect(quarterOptions(2026, LATEST)).toEqual([1, 2, 3, 4]);
    expect(quarterOptions(2026, { year: 2026, month: 5 })).toEqual([1, 2]);
  });
});
