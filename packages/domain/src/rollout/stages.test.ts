import { describe, expect, it } from 'vitest';
import { countsAsIlp, ILP_STAGES, isIlpStageCode, stageOn } from './stages.ts';
import { targetProgress } from './target-progress.ts';

describe('ILP stages', () => {
  it('run 0..6 in order and count as ILP from implementasi on', () => {
    expect(ILP_STAGES.map((s) => s.level)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(countsAsIlp('launching')).toBe(false);
    expect(countsAsIlp('implementasi')).toBe(true);
    expect(countsAsIlp('implementasi_penuh')).toBe(true);
    expect(isIlpStageCode('orientasi')).toBe(true);
    expect(isIlpStageCode('selesai')).toBe(false);
  });

  it('gives the stage in force on a date from the history', () => {
    const history = [
      { stage: 'lokus_ditetapkan' as const, date: '2025-02-10' },
      { stage: 'implementasi' as const, date: '2025-09-01' },
      { stage: 'launching' as const, date: '2025-06-15' },
    ];
    expect(stageOn(history, '2025-01-31')).toBe('belum');
    expect(stageOn(history, '2025-02-10')).toBe('lokus_ditetapkan');
    expect(stageOn(history, '2025-08-31')).toBe('launching');
    expect(stageOn(history, '2026-01-01')).toBe('implementasi');
  });
});

describe('progress against the kabupaten target', () => {
  it('states Deli Serdang as reported: 17 of 14, shown above 100 %', () => {
    const p = targetProgress(17, 14);
    expect(p.percent).toBeCloseTo(121.43, 2);
    expect(p.text).toBe('17 dari target 14 — 121%');
  });

  it('says so when there is no target', () => {
    expect(targetProgress(3, null)).toEqual({
      count: 3,
      target: null,
      percent: null,
      text: '3 puskesmas ILP (target belum ditetapkan)',
    });
  });
});
