import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCHANGE_LIMITS, exchangeLimits, lineOfOffset } from './limits.ts';

describe('exchange limits', () => {
  it('overrides only the bounds given', () => {
    expect(exchangeLimits({ maxDataValues: 10 })).toEqual({ ...DEFAULT_EXCHANGE_LIMITS, maxDataValues: 10 });
  });

  it('finds the line of a character offset', () => {
    expect([lineOfOffset('ab\ncd\nef', 0), lineOfOffset('ab\ncd\nef', 3), lineOfOffset('ab\ncd\nef', 7)]).toEqual([
      1, 2, 3,
    ]);
  });
});
