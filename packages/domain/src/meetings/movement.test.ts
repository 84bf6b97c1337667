import { describe, expect, it } from 'vitest';
import { movementSince } from './movement.ts';

const at = (periode: string, numerator: number | null, denominator: number | null) => ({
  periode,
  numerator,
  denominator,
  coverage: numerator === null || denominator === null ? null : (numerator / denominator) * 100,
});

describe('movementSince', () => {
  it('says how far coverage rose, in points, and the persons reached', () => {
    // 108/200 = 54.0 % → 133/200 = 66.5 %: +12.5 points, +25 persons.
    const m = movementSince(at('2026-01..2026-09', 108, 200), at('2026-01..2026-10', 133, 200));
    expect(m.direction).toBe('naik');
    expect(m.coveragePoints).toBeCloseTo(12.5, 9);
    expect(m.text).toBe('naik 12,5 poin (dari 54,0% ke 66,5%)');
    expect(m.numeratorText).toBe('+25 orang (dari 108 ke 133)');
    expect(m.now).toMatchObject({ periode: '2026-01..2026-10', numerator: 133 });
  });

  it('says when it fell', () => {
    // 133/200 = 66.5 % → 127/200 = 63.5 %: −3.0 points, −6 persons.
    const m = movementSince(at('2026-09', 133, 200), at('2026-10', 127, 200));
    expect(m.text).toBe('turun 3,0 poin (dari 66,5% ke 63,5%)');
    expect(m.numeratorText).toBe('−6 orang (dari 133 ke 127)');
    expect(m.numeratorChange).toBe(-6);
  });

  it('says tetap when unchanged', () => {
    expect(movementSince(at('2026-09', 10, 20), at('2026-10', 10, 20)).text).toBe('tetap 50,0%');
  });

  it('says there is nothing to compare in the same period or without data', () => {
    expect(movementSince(at('2026-09', 10, 20), at('2026-09', 10, 20))).toMatchObject({
      direction: 'belum-ada-periode-baru',
      text: 'belum ada data periode baru (capaian saat disepakati 50,0%)',
    });
    expect(movementSince(at('2026-09', 10, 20), at('2026-10', null, null))).toMatchObject({
      direction: 'tidak-ada-data',
      text: 'belum ada laporan sekarang (saat disepakati 50,0%)',
      coveragePoints: null,
    });
    expect(movementSince(at('2026-09', null, null), at('2026-10', 5, 20)).text).toBe(
      'saat disepakati belum ada data; sekarang 25,0%',
    );
  });
});
