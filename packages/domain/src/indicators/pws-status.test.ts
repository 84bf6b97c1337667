import { describe, expect, it } from 'vitest';
import { getIndicator } from './catalogue.ts';
import { classifyAttainment } from './classify.ts';
import { parsePeriod } from './period.ts';
import { changeDirection, monthPair, PWS_STATUS_LABELS, pwsApplies, pwsMissingMonth, pwsStatus } from './pws-status.ts';

describe('pwsStatus', () => {
  it('§4.4: cumulative 75.0 % above the 71.25 % line, August 10.0 % → September 7.5 % down → kurang', () => {
    // Aug 4/40 = 10 %, Sep 3/40 = 7.5 %, Jan..Sep 30/40 = 75 %, line 95 × 9/12 = 71.25
    expect(pwsStatus({ cumulative: 75, expected: 71.25, thisMonth: 7.5, lastMonth: 10 })).toEqual({
      status: 'kurang',
      trend: 'turun',
      aboveTarget: true,
    });
  });
  it('gives the four statuses of the matrix', () => {
    expect(pwsStatus({ cumulative: 75, expected: 71.25, thisMonth: 10, lastMonth: 7.5 })?.status).toBe('baik');
    expect(pwsStatus({ cumulative: 60, expected: 71.25, thisMonth: 10, lastMonth: 7.5 })?.status).toBe('cukup');
    expect(pwsStatus({ cumulative: 60, expected: 71.25, thisMonth: 7.5, lastMonth: 10 })?.status).toBe('jelek');
  });
  it('counts cumulative exactly on the line as above it', () => {
    expect(pwsStatus({ cumulative: 71.25, expected: 71.25, thisMonth: 10, lastMonth: 7.5 })?.status).toBe('baik');
  });
  it('tie rule: an unchanged month counts as up above the line and down below it', () => {
    expect(pwsStatus({ cumulative: 75, expected: 71.25, thisMonth: 7.5, lastMonth: 7.5 })).toEqual({
      status: 'baik',
      trend: 'tetap',
      aboveTarget: true,
    });
    expect(pwsStatus({ cumulative: 60, expected: 71.25, thisMonth: 7.5, lastMonth: 7.5 })).toEqual({
      status: 'jelek',
      trend: 'tetap',
      aboveTarget: false,
    });
  });
  it('is null when a month or the line is missing', () => {
    expect(pwsStatus({ cumulative: 75, expected: 71.25, thisMonth: 7.5, lastMonth: null })).toBeNull();
    expect(pwsStatus({ cumulative: 75, expected: null, thisMonth: 7.5, lastMonth: 10 })).toBeNull();
    expect(pwsStatus({ cumulative: null, expected: 71.25, thisMonth: null, lastMonth: 10 })).toBeNull();
  });
  it('has a Bahasa Indonesia label for every status', () => {
    expect(Object.keys(PWS_STATUS_LABELS).sort()).toEqual(['baik', 'cukup', 'jelek', 'kurang']);
  });
});

describe('changeDirection (every "dari bulan lalu" and the PWS trend)', () => {
  it('reads a change below half a tenth of a point as tetap, as the rounded text would', () => {
    expect(changeDirection(7.54, 7.5)).toBe('tetap'); // "0,0 poin"
    expect(changeDirection(7.56, 7.5)).toBe('naik');
    expect(changeDirection(7.4, 7.5)).toBe('turun');
  });
  it('makes the PWS trend the same word: 7.53 % after 7.5 % is tetap, so above the line it is baik, not kurang', () => {
    expect(pwsStatus({ cumulative: 75, expected: 71.25, thisMonth: 7.53, lastMonth: 7.5 })).toEqual({
      status: 'baik',
      trend: 'tetap',
      aboveTarget: true,
    });
  });
});

describe('PWS position = class "baik"', () => {
  it('is above the line exactly when classifyAttainment says baik (higher is better)', () => {
    const def = getIndicator('KIA_K1')!;
    for (const [cumulative, expected] of [
      [75, 71.25],
      [71.25, 71.25],
      [71.2499999999, 71.25],
      [71.2, 71.25],
      [0, 10],
      [120, 75],
    ] as const) {
      const above = pwsStatus({ cumulative, expected, thisMonth: 5, lastMonth: 4 })!.aboveTarget;
      expect(above, `${cumulative} vs ${expected}`).toBe(
        classifyAttainment(def, cumulative, expected).class === 'baik',
      );
    }
  });
});

describe('monthPair', () => {
  it('compares October alone with September alone, for October and for Januari–Oktober', () => {
    expect(monthPair(parsePeriod('2026-10'))).toMatchObject({
      thisMonth: { code: '2026-10' },
      lastMonth: { code: '2026-09' },
    });
    expect(monthPair(parsePeriod('2026-01..2026-10'))).toMatchObject({
      thisMonth: { code: '2026-10' },
      lastMonth: { code: '2026-09' },
    });
  });
  it('compares January with December of the year before', () => {
    expect(monthPair(parsePeriod('2026-01..2026-01'))).toMatchObject({
      thisMonth: { code: '2026-01' },
      lastMonth: { code: '2025-12' },
    });
  });
  it('has no pair for a quarter, a year or a range not starting in January', () => {
    expect(monthPair(parsePeriod('2026-Q3'))).toBeNull();
    expect(monthPair(parsePeriod('2026'))).toBeNull();
    expect(monthPair(parsePeriod('2026-04..2026-06'))).toBeNull();
  });
});

describe('pwsApplies', () => {
  it('is the PWS view: higher-is-better cumulative indicators in Januari..m', () => {
    expect(pwsApplies(getIndicator('KIA_K4')!, parsePeriod('2026-01..2026-10'))).toBe(true);
    expect(pwsApplies(getIndicator('KIA_K4')!, parsePeriod('2026-10'))).toBe(false);
    expect(pwsApplies(getIndicator('KIA_K4')!, parsePeriod('2026'))).toBe(false);
    expect(pwsApplies(getIndicator('GZ_STUNTING')!, parsePeriod('2026-01..2026-10'))).toBe(false);
    expect(pwsApplies(getIndicator('GZ_DS')!, parsePeriod('2026-01..2026-10'))).toBe(false);
  });
});

describe('pwsMissingMonth', () => {
  it('says which month has no report', () => {
    expect(pwsMissingMonth(null, 3)).toBe('this');
    expect(pwsMissingMonth(2, null)).toBe('last');
    expect(pwsMissingMonth(2, 3)).toBeNull();
  });
});
