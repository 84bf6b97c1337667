import { describe, expect, it } from 'vitest';
import {
  canBuildTemplate,
  chosenKode,
  clampMonth,
  fileNameFromDisposition,
  initialMonth,
  levelsOf,
  monthOptions,
  templateFileName,
  templateUrl,
  yearOptions,
} from './template-request.ts';

// 23 November 2026, local time.
const TODAY = new Date(2026, 10, 23);

describe('templateUrl', () => {
  it('asks GET /api/templat with the wilayah, the month (YYYY-MM), the indicators comma-separated and the format', () => {
    expect(
      templateUrl({
        wilayah: '12.10.09',
        period: { year: 2026, month: 9 },
        indicators: ['KIA_KF', 'SPM11_TB'],
        format: 'csv',
      }),
    ).toBe('/api/templat?wilayah=12.10.09&periode=2026-09&indikator=KIA_KF,SPM11_TB&format=csv');
  });
  it('pads the month and escapes nothing a kode or code contains', () => {
    const url = templateUrl({
      wilayah: '12.10',
      period: { year: 2025, month: 1 },
      indicators: ['KIA_K4'],
      format: 'xlsx',
    });
    expect(url).toBe('/api/templat?wilayah=12.10&periode=2025-01&indikator=KIA_K4&format=xlsx');
    const query = new URL(url, 'http://x').searchParams;
    expect(query.get('indikator')).toBe('KIA_K4');
  });
});

describe('template file name', () => {
  it('is the one the API sends (templat-<kode>-<month>.<ext>)', () => {
    expect(templateFileName({ wilayah: '12.10.09', period: { year: 2026, month: 10 }, format: 'xlsx' })).toBe(
      'templat-12.10.09-2026-10.xlsx',
    );
  });
  it('is read from Content-Disposition', () => {
    expect(fileNameFromDisposition('attachment; filename="templat-12.10.09-2026-10.csv"')).toBe(
      'templat-12.10.09-2026-10.csv',
    );
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''templat%20a.csv")).toBe('templat a.csv');
    expect(fileNameFromDisposition(null)).toBeNull();
    expect(fileNameFromDisposition('inline')).toBeNull();
  });
});

describe('the form month', () => {
  it('defaults to the month before today, December of last year in January', () => {
    expect(initialMonth(null, TODAY)).toEqual({ year: 2026, month: 10 });
    expect(initialMonth(null, new Date(2026, 0, 5))).toEqual({ year: 2025, month: 12 });
  });
  it('takes the last month of the map period', () => {
    expect(initialMonth('2026-01..2026-09', TODAY)).toEqual({ year: 2026, month: 9 });
    expect(initialMonth('2026-Q2', TODAY)).toEqual({ year: 2026, month: 6 });
    expect(initialMonth('2025', TODAY)).toEqual({ year: 2025, month: 12 });
  });
  it('falls back to the month before today for no, unreadable or future periods', () => {
    expect(initialMonth(null, TODAY)).toEqual({ year: 2026, month: 10 });
    expect(initialMonth('kemarin', TODAY)).toEqual({ year: 2026, month: 10 });
    expect(initialMonth('2026-12', TODAY)).toEqual({ year: 2026, month: 10 });
  });
  it('offers no future month, and clamps a month when the year changes', () => {
    expect(yearOptions(TODAY)).toEqual([2026, 2025, 2024]);
    expect(monthOptions(2026, TODAY)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(monthOptions(2025, TODAY)).toHaveLength(12);
    expect(monthOptions(2027, TODAY)).toEqual([]);
    expect(clampMonth({ year: 2026, month: 12 }, TODAY)).toEqual({ year: 2026, month: 11 });
    expect(clampMonth({ year: 2025, month: 12 }, TODAY)).toEqual({ year: 2025, month: 12 });
  });
});

describe('the wilayah selects', () => {
  it('split a kode into its levels and give back the deepest chosen', () => {
    expect(levelsOf('12.10.09')).toEqual(['12', '12.10', '12.10.09', '']);
    expect(levelsOf('12.10.09.2001')).toEqual(['12', '12.10', '12.10.09', '12.10.09.2001']);
    expect(levelsOf(null)).toEqual(['', '', '', '']);
    expect(levelsOf('12.1')).toEqual(['', '', '', '']);
    expect(chosenKode(['12', '12.10', '12.10.09', ''])).toBe('12.10.09');
    expect(chosenKode(['12', '', '', ''])).toBe('12');
    expect(chosenKode(['', '', '', ''])).toBe('');
  });
  it('build a template for a kabupaten/kota, a kecamatan or a desa, not a whole provinsi', () => {
    expect(canBuildTemplate('12.10')).toBe(true);
    expect(canBuildTemplate('12.10.09')).toBe(true);
    expect(canBuildTemplate('12.10.09.2001')).toBe(true);
    expect(canBuildTemplate('12')).toBe(false);
    expect(canBuildTemplate('')).toBe(false);
  });
});
