import { describe, expect, it } from 'vitest';
import { groupBy } from './group-by.ts';

describe('groupBy', () => {
  it('keeps the items order inside a group and the order in which keys first appear', () => {
    const rows = [
      { kode: '12.01.01', kab: '12.01' },
      { kode: '12.02.01', kab: '12.02' },
      { kode: '12.01.02', kab: '12.01' },
    ];
    const groups = groupBy(rows, (r) => r.kab);
    expect([...groups.keys()]).toEqual(['12.01', '12.02']);
    expect(groups.get('12.01')?.map((r) => r.kode)).toEqual(['12.01.01', '12.01.02']);
    expect(groups.get('12.02')?.map((r) => r.kode)).toEqual(['12.02.01']);
  });

  it('gives an empty map for no items', () => {
    expect(groupBy([], String).size).toBe(0);
  });
});
