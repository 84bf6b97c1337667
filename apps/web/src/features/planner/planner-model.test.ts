import { describe, expect, it } from 'vitest';
import { firstOfMonth, formatDate, kabupatenFromWilayah } from './planner-model.ts';

describe('planner model', () => {
  it('reads the kabupaten from the URL wilayah and proposes the 1st of this month', () => {
    expect(kabupatenFromWilayah('12.07.01.2001')).toBe('12.07');
    expect(kabupatenFromWilayah('12')).toBe('12.07');
    expect(kabupatenFromWilayah(null, '21.72')).toBe('21.72');
    expect(firstOfMonth(new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-01');
    expect(firstOfMonth(new Date('2026-12-31T23:00:00Z'))).toBe('2026-12-01');
    expect(formatDate('2026-07-01', 'id')).toBe('1 Jul 2026');
    expect(formatDate('2026-05-09', 'id')).toBe('9 Mei 2026');
  });
});
