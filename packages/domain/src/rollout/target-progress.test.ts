import { describe, expect, it } from 'vitest';
import { targetProgress, yearProgress } from './target-progress.ts';
import type { StageEvent } from './stages.ts';

const at = (stage: StageEvent['stage'], date: string): StageEvent => ({ stage, date });

describe('ILP progress against the target', () => {
  it('writes "17 dari target 14 — 121%" and never clamps above 100 %', () => {
    expect(targetProgress(17, 14).text).toBe('17 dari target 14 — 121%');
    expect(targetProgress(3, null).text).toBe('3 puskesmas ILP (target belum ditetapkan)');
  });

  it('counts puskesmas at stage ≥ 5 at the end of the year against the cumulative wave targets', () => {
    const histories = [
      [at('launching', '2024-03-01'), at('implementasi', '2024-06-01')],
      [at('launching', '2024-05-01'), at('implementasi', '2025-02-01')],
      [at('implementasi', '2025-12-31')],
      [at('implementasi_penuh', '2026-01-10')],
      [at('orientasi', '2025-01-10')],
    ];
    const waves = [
      { year: 2024, target: 2 },
      { year: 2025, target: 2 },
      { year: 2027, target: 5 },
    ];
    expect(yearProgress(histories, waves, 2024, '2026-11-15')).toMatchObject({
      year: 2024,
      count: 1,
      target: 2,
      percent: 50,
      asOf: '2024-12-31',
    });
    expect(yearProgress(histories, waves, 2025, '2026-11-15')).toMatchObject({
      count: 3,
      target: 4,
      text: '3 dari target 4 — 75%',
    });
    // The current year is read on the day asked, not on 31 December.
    expect(yearProgress(histories, waves, 2026, '2026-01-05')).toMatchObject({
      count: 3,
      target: 4,
      asOf: '2026-01-05',
    });
    expect(yearProgress(histories, [], 2025, '2026-11-15').target).toBeNull();
  });
});
