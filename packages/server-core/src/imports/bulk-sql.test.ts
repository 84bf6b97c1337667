import { describe, expect, it } from 'vitest';
import { parseBoolArray, parseIntArray, parseNumberArray } from './bulk-sql.ts';

describe('array text from PostgreSQL', () => {
  it('reads a number array: integers, negatives, doubles and exponents as Number reads them', () => {
    expect(parseNumberArray('{0,12,-3,16.24,-0.5,1e+21,1.5e-7}')).toEqual([0, 12, -3, 16.24, -0.5, 1e21, 1.5e-7]);
    expect(parseNumberArray('{7}')).toEqual([7]);
    expect(parseNumberArray('{}')).toEqual([]);
    expect(parseNumberArray('')).toEqual([]);
    expect(parseNumberArray(null)).toEqual([]);
    expect(parseNumberArray('{NaN,Infinity,-Infinity}')).toEqual([Number.NaN, Infinity, -Infinity]);
  });
  it('reads what the split parser read for every roll-up shape (twelve months, the 78-cell triangle)', () => {
    const months = `{${Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? i * 1.25 : i * 101)).join(',')}}`;
    const triangle = `{${Array.from({ length: 78 }, (_, i) => i * 7 - 100).join(',')}}`;
    for (const text of [months, triangle])
      expect(parseNumberArray(text)).toEqual(text.slice(1, -1).split(',').map(Number));
  });
  it('reads integer arrays with NULLs and boolean arrays', () => {
    expect(parseIntArray('{1,NULL,-3}')).toEqual([1, null, -3]);
    expect(parseBoolArray('{t,f,NULL}')).toEqual([true, false, null]);
  });
});
