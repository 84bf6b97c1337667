import { describe, expect, it } from 'vitest';
import { formatByteSize, formatCountId, formatFraction, formatNumberId, formatValue } from './format.ts';

describe('formatNumberId', () => {
  it('uses a decimal comma and dot thousands', () => {
    expect(formatNumberId(69.2307)).toBe('69,2');
    expect(formatNumberId(100000, 0)).toBe('100.000');
    expect(formatNumberId(71.25, 2)).toBe('71,25');
  });
  it('never prints a negative zero', () => {
    expect(formatNumberId(-0.04)).toBe('0,0');
  });
});

describe('formatCountId and formatByteSize', () => {
  it('writes whole counts without decimals and others with one', () => {
    expect(formatCountId(200_000)).toBe('200.000');
    expect(formatCountId(0.25)).toBe('0,3');
    expect(formatCountId(60)).toBe('60');
  });
  it('gives sizes in MB from 1 MB up, else in KB', () => {
    expect(formatByteSize(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatByteSize(1.5 * 1024 * 1024)).toBe('1,5 MB');
    expect(formatByteSize(256 * 1024)).toBe('256 KB');
    expect(formatByteSize(100)).toBe('1 KB');
  });
});

describe('formatValue', () => {
  it('formats percent, per-100k and no data', () => {
    expect(formatValue((45 / 65) * 100, 'percent')).toBe('69,2%');
    expect(formatValue(112.5, 'percent')).toBe('112,5%');
    expect(formatValue(47, 'per100k')).toBe('47,0 per 100.000');
    expect(formatValue(null, 'percent')).toBe('tidak ada data');
  });
});

describe('formatFraction', () => {
  it('shows numerator/denominator, with – for a missing part and a decimal for an unrounded sasaran', () => {
    expect(formatFraction(45, 65)).toBe('45/65');
    expect(formatFraction(30, 39.6)).toBe('30/39,6');
    expect(formatFraction(null, 40)).toBe('–/40');
  });
});
