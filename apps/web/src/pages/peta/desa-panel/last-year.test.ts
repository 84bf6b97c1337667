import { describe, expect, it } from 'vitest';
import { parsePeriod } from '@peta/domain';
import { lastYearChange, lastYearPeriod } from './last-year.ts';

const k4 = { unit: 'percent', polarity: 'higher' } as const;
const aki = { unit: 'per100k', polarity: 'lower' } as const;

describe('the same period last year', () => {
  it('takes the same months one year back, whatever the kind of period', () => {
    expect(lastYearPeriod(parsePeriod('2026-01..2026-09')).code).toBe('2025-01..2025-09');
    expect(lastYearPeriod(parsePeriod('2026-06')).code).toBe('2025-06');
    expect(lastYearPeriod(parsePeriod('2026-Q2')).code).toBe('2025-Q2');
    expect(lastYearPeriod(parsePeriod('2026')).code).toBe('2025');
    expect(lastYearPeriod(parsePeriod('2026-04..2026-06')).label).toBe('April–Juni 2025');
  });
});

describe('the change against last year', () => {
  it('reads up or down in points: 54.0 → 66.5 is up 12.5, 69.44 → 61.07 down 8.37', () => {
    expect(lastYearChange(66.5, 54, k4)).toEqual({ kind: 'naik', points: 12.5, from: 54, to: 66.5, better: true });
    const down = lastYearChange(61.07, 69.44, k4);
    expect(down).toMatchObject({ kind: 'turun', from: 69.44, to: 61.07, better: false });
    expect(down.kind === 'turun' && down.points).toBeCloseTo(8.37, 10);
  });

  it('a fall is better for a lower-is-better rate', () => {
    expect(lastYearChange(120, 150, aki)).toEqual({ kind: 'turun', points: 30, from: 150, to: 120, better: true });
  });

  it('calls a move below 0.05 point unchanged (it would read "naik 0,0 poin")', () => {
    expect(lastYearChange(54.04, 54, k4)).toEqual({ kind: 'tetap', value: 54.04 });
  });

  it('says there is no data last year when the earlier value is missing, and nothing without a value now', () => {
    expect(lastYearChange(61, null, k4)).toEqual({ kind: 'no-last-year' });
    expect(lastYearChange(null, 54, k4)).toEqual({ kind: 'no-current' });
    expect(lastYearChange(null, null, k4)).toEqual({ kind: 'no-current' });
  });
});
