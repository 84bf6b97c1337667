import { describe, expect, it } from 'vitest';
import { toLongSheet } from '../exchange/long-rows.ts';
import { gridLongRows, isGridConflict } from './grid.ts';

describe('entry grid cells as long rows', () => {
  it('cell n is sheet row n + 2, named by desa and indicator, values as typed', () => {
    const rows = gridLongRows('2026-10', [
      { kode: '12.10.09.2001', indicator: 'KIA_K4', numerator: '1.234', denominator: '' },
      { kode: '12.10.09.2002', indicator: 'SPM11_TB', numerator: '3', denominator: '4' },
    ]);
    expect(toLongSheet(rows)).toEqual([
      ['kode_wilayah', 'periode', 'indikator', 'pembilang', 'penyebut'],
      ['12.10.09.2001', '2026-10', 'KIA_K4', '1.234', ''],
      ['12.10.09.2002', '2026-10', 'SPM11_TB', '3', '4'],
    ]);
    expect(rows[1]!.sumber).toEqual({ row: 2, column: '12.10.09.2002 SPM11_TB' });
  });
});

describe('a conflict: changed since the base the user saw, and not already what the user wants', () => {
  const pair = (numerator: number | null, denominator: number | null = null) => ({ numerator, denominator });
  it.each([
    ['unchanged since the base', pair(3), pair(3), pair(5), false],
    ['changed by someone else', pair(3), pair(7), pair(5), true],
    ['added by someone else to an empty cell', pair(null), pair(2), pair(5), true],
    ['the same save landed before (answer lost)', pair(3), pair(5), pair(5), false],
    ['only the denominator changed', pair(3, 10), pair(3, 12), pair(4, 10), true],
  ] as const)('%s', (_what, base, current, mine, expected) => {
    expect(isGridConflict(base, current, mine)).toBe(expected);
  });
});
