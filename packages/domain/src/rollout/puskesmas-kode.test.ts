import { describe, expect, it } from 'vitest';
import { isPuskesmasKode, quoteKode } from './puskesmas-kode.ts';

describe('isPuskesmasKode', () => {
  it('accepts a Komdat id (7 digits) and a Kemenkes kode (P and 10 digits)', () => {
    expect(['1010453', '1090607', 'P1210090201'].map(isPuskesmasKode)).toEqual([true, true, true]);
  });
  it('refuses anything else', () => {
    expect(
      ['P1', 'BARU', '101045', '10104530', 'p1210090201', ' 1010453', '=1+1', '1010453\n', ''].map(isPuskesmasKode),
    ).toEqual(Array(9).fill(false));
  });
  it('quotes a long kode shortened', () => {
    expect(quoteKode('1010453')).toBe('1010453');
    expect(quoteKode('x'.repeat(50))).toBe(`${'x'.repeat(40)}…`);
  });
});
