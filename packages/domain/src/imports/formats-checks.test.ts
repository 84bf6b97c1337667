import { describe, expect, it } from 'vitest';
import { getIndicator } from '../indicators/catalogue.ts';
import { aboveSasaran, compareCell, duplicateTracker, isJump } from './checks.ts';
import { detectFormat, templateColumn } from './formats.ts';

describe('detectFormat', () => {
  it('recognises the three formats by their first row, whatever the case and spacing', () => {
    expect(detectFormat(['kode_wilayah', 'periode', 'indikator', 'pembilang', 'penyebut'])).toBe('long');
    expect(detectFormat([' Kode_Wilayah ', 'PERIODE', 'indikator', 'pembilang'])).toBe('long');
    expect(detectFormat(['kode_wilayah', 'tahun', 'sasaran', 'jumlah', 'sumber'])).toBe('sasaran');
    expect(detectFormat(['versi_templat', 'peta-desa-templat-1'])).toBe('template');
    expect(detectFormat(['kode', 'nilai'])).toBeNull();
  });
});

describe('templateColumn', () => {
  it('reads numerator and denominator columns', () => {
    expect(templateColumn('KIA_K4')).toEqual({ code: 'KIA_K4', part: 'pembilang' });
    expect(templateColumn('SPM11_TB (penyebut)')).toEqual({ code: 'SPM11_TB', part: 'penyebut' });
    expect(templateColumn('catatan kader')).toBeNull();
    expect(templateColumn('')).toBeNull();
  });
});

describe('duplicateTracker', () => {
  it('returns the row of the first occurrence for a repeated key', () => {
    const t = duplicateTracker();
    expect(t.seen('a', 2)).toBeNull();
    expect(t.seen('b', 3)).toBeNull();
    expect(t.seen('a', 7)).toBe(2);
  });
});

describe('isJump', () => {
  it('flags more than 3× last month from 10 upwards', () => {
    expect(isJump(4, 13)).toBe(true);
    expect(isJump(4, 12)).toBe(false); // exactly 3×
    expect(isJump(2, 9)).toBe(false); // small counts jump by chance
    expect(isJump(0, 50)).toBe(false);
    expect(isJump(null, 50)).toBe(false);
  });
});

describe('aboveSasaran', () => {
  const k4 = getIndicator('KIA_K4')!; // ytd_cum against sasaran bumil
  const ds = getIndicator('GZ_DS')!; // monthly ratio against sasaran balita
  const year = [3, 4, 5, null, 2, null, null, null, null, null, null, null];
  it('compares the sum January..month for cumulative indicators', () => {
    expect(aboveSasaran(k4, year, 2, 10)).toBeNull(); // 3 + 4 = 7
    expect(aboveSasaran(k4, year, 3, 10)).toBe(12); // 3 + 4 + 5
  });
  it('compares the month alone for monthly ratios, and nothing without sasaran or for counted denominators', () => {
    expect(aboveSasaran(ds, year, 3, 4)).toBe(5);
    expect(aboveSasaran(ds, year, 2, 4)).toBeNull();
    expect(aboveSasaran(k4, year, 3, null)).toBeNull();
    expect(aboveSasaran(getIndicator('SPM11_TB')!, year, 3, 1)).toBeNull();
  });
});

describe('compareCell', () => {
  it('adds, changes and leaves unchanged', () => {
    expect(compareCell(null, { numerator: 3, denominator: null })).toBe('added');
    expect(
      compareCell({ numerator: null, denominator: null, simulated: null }, { numerator: 3, denominator: null }),
    ).toBe('added');
    expect(
      compareCell({ numerator: 3, denominator: null, simulated: false }, { numerator: 3, denominator: null }),
    ).toBe('unchanged');
    expect(compareCell({ numerator: 3, denominator: 4, simulated: false }, { numerator: 3, denominator: 5 })).toBe(
      'changed',
    );
  });
  it('counts the same number on a simulated cell as a change: the cell becomes real', () => {
    expect(compareCell({ numerator: 3, denominator: null, simulated: true }, { numerator: 3, denominator: null })).toBe(
      'changed',
    );
  });
});
