import { describe, expect, it } from 'vitest';
import { DesaRowGroups } from './desa-rows.ts';

describe('DesaRowGroups', () => {
  it('numbers the desa rows (indicator × kode × year) in the order of their first cell and chains their cells', () => {
    const cells = [
      ['A', 'K4', 2026],
      ['A', 'K1', 2026],
      ['B', 'K4', 2026],
      ['A', 'K4', 2025],
      ['A', 'K4', 2026],
      ['B', 'K4', 2026],
    ] as const;
    const groups = new DesaRowGroups(2); // grows past the size it was given
    const of = cells.map(([kode, indicator, year], n) => groups.add(n, groups.slot(kode, indicator), year));
    expect(of).toEqual([0, 1, 2, 3, 0, 2]);
    expect([...groups.cellsOf(0)]).toEqual([0, 4]);
    expect([...groups.cellsOf(3)]).toEqual([3]);
    expect(groups.hasMore(2)).toBe(true);
    expect(groups.hasMore(1)).toBe(false);
    expect(groups.find(groups.slot('A', 'K4'), 2024)).toBe(-1);
    expect(groups.find(groups.slot('A', 'K4'), 2025)).toBe(3);
  });
  it('keeps every group when more indicators come than it first made room for', () => {
    const groups = new DesaRowGroups(0);
    const kodes = ['A', 'B', 'C'];
    let n = 0;
    for (let i = 0; i < 150; i++) for (const kode of kodes) groups.add(n++, groups.slot(kode, `I${i}`), 2026);
    expect(groups.size).toBe(450);
    for (let i = 0; i < 150; i++)
      for (const [k, kode] of kodes.entries()) expect(groups.find(groups.slot(kode, `I${i}`), 2026)).toBe(i * 3 + k);
  });
});
