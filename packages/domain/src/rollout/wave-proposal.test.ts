import { describe, expect, it } from 'vitest';
import { rankNextWave, type WaveCandidate } from './wave-proposal.ts';

const balita = (gap: number) => ({ indicator: 'GZ_DS', gap, gapNounId: 'balita belum ditimbang' });
const bumil = (gap: number) => ({ indicator: 'KIA_K4', gap, gapNounId: 'ibu hamil belum K4' });

const candidates: WaveCandidate[] = [
  { kode: 'P1', nama: 'Puskesmas A', stage: 'persiapan', need: [balita(400), bumil(12)], readinessDone: 7, readinessTotal: 9 },
  { kode: 'P2', nama: 'Puskesmas B', stage: 'belum', need: [balita(100), bumil(6)], readinessDone: 9, readinessTotal: 9 },
  { kode: 'P3', nama: 'Puskesmas C', stage: 'orientasi', need: [balita(206), bumil(0)], readinessDone: 3, readinessTotal: 9 },
  { kode: 'P4', nama: 'Puskesmas D', stage: 'implementasi', need: [balita(900)], readinessDone: 9, readinessTotal: 9 },
];

describe('next-wave ranking', () => {
  it('combines normalised need and readiness with equal weights (hand-computed)', () => {
    // need totals 412, 106, 206 (P4 already ILP: excluded); max 412
    // P1: 0.5·1 + 0.5·7/9 = 0.8889; P2: 0.5·106/412 + 0.5·1 = 0.6286; P3: 0.5·0.5 + 0.5·3/9 = 0.4167
    const ranked = rankNextWave(candidates);
    expect(ranked.map((c) => [c.kode, c.rank])).toEqual([['P1', 1], ['P2', 2], ['P3', 3]]);
    expect(ranked[0]!.score).toBeCloseTo(0.888889, 5);
    expect(ranked[1]!.score).toBeCloseTo(0.628641, 5);
    expect(ranked[2]!.score).toBeCloseTo(0.416667, 5);
    expect(ranked[0]!.reasonId).toBe('butuh: 400 balita belum ditimbang, 12 ibu hamil belum K4; siap: 7/9 ceklis');
    expect(ranked[2]!.reasonId).toBe('butuh: 206 balita belum ditimbang; siap: 3/9 ceklis');
  });

  it("follows the planner's weight: need only puts the largest gap first", () => {
    expect(rankNextWave(candidates, 1).map((c) => c.kode)).toEqual(['P1', 'P3', 'P2']);
    expect(rankNextWave(candidates, 0).map((c) => c.kode)).toEqual(['P2', 'P1', 'P3']);
  });

  it('refuses a weight outside 0..1', () => {
    expect(() => rankNextWave(candidates, 1.5)).toThrow('Bobot kebutuhan harus antara 0 dan 1');
  });
});
