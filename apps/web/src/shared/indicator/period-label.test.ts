import { describe, expect, it } from 'vitest';
import { monthPeriod, quarterPeriod, yearPeriod, ytdPeriod } from '@peta/domain';
import { shortPeriodLabel } from './period-label.ts';

describe('shortPeriodLabel (the phone bar)', () => {
  it('writes each kind in a few characters, in Bahasa Indonesia', () => {
    expect(shortPeriodLabel(ytdPeriod(2026, 10), 'id')).toBe('Jan–Okt 2026');
    expect(shortPeriodLabel(ytdPeriod(2026, 1), 'id')).toBe('Jan 2026');
    expect(shortPeriodLabel(monthPeriod(2026, 8), 'id')).toBe('Agu 2026');
    expect(shortPeriodLabel(quarterPeriod(2026, 3), 'id')).toBe('TW III 2026');
    expect(shortPeriodLabel(yearPeriod(2025), 'id')).toBe('2025');
  });

  it('and in English', () => {
    expect(shortPeriodLabel(ytdPeriod(2026, 10), 'en')).toBe('Jan–Oct 2026');
    expect(shortPeriodLabel(quarterPeriod(2026, 3), 'en')).toBe('Q3 2026');
  });
});
