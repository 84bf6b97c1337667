import { describe, expect, it } from 'vitest';
import { formatScore, formatWeight, rankNextWave, waveTitle, type WaveCandidate } from './wave-proposal.ts';

const balita = (n: number | null) => ({
  indicator: 'SPM04_BALITA' as const,
  notYetServed: n,
  text: 'balita belum dilayani sesuai standar',
});
const bumil = (n: number | null) => ({
  indicator: 'SPM01_BUMIL' as const,
  notYetServed: n,
  text: 'ibu hamil belum ANC sesuai standar',
});

const candidates: WaveCandidate[] = [
  {
    kode: 'P1',
    nama: 'Puskesmas A',
    stage: 'persiapan',
    desaCount: 12,
    need: [balita(400), bumil(12)],
    readinessDone: 7,
    readinessTotal: 9,
  },
  {
    kode: 'P2',
    nama: 'Puskesmas B',
    stage: 'belum',
    desaCount: 5,
    need: [balita(100), bumil(6)],
    readinessDone: 9,
    readinessTotal: 9,
  },
  {
    kode: 'P3',
    nama: 'Puskesmas C',
    stage: 'orientasi',
    desaCount: 8,
    need: [balita(206), bumil(0)],
    readinessDone: 3,
    readinessTotal: 9,
  },
  {
    kode: 'P4',
    nama: 'Puskesmas D',
    stage: 'implementasi',
    desaCount: 9,
    need: [balita(900)],
    readinessDone: 9,
    readinessTotal: 9,
  },
];
// Dalu Sepuluh: no desa in its wilayah kerja; Bandar: desa, but none reports the chosen indicators.
const noDesa: WaveCandidate = {
  kode: 'P5',
  nama: 'Dalu Sepuluh',
  stage: 'belum',
  desaCount: 0,
  need: [balita(null), bumil(null)],
  readinessDone: 8,
  readinessTotal: 9,
};
const noReports: WaveCandidate = {
  kode: 'P6',
  nama: 'Bandar',
  stage: 'belum',
  desaCount: 4,
  need: [balita(null), bumil(null)],
  readinessDone: 2,
  readinessTotal: 9,
};
const allServed: WaveCandidate = {
  kode: 'P7',
  nama: 'Penuh',
  stage: 'belum',
  desaCount: 3,
  need: [balita(0), bumil(0)],
  readinessDone: 9,
  readinessTotal: 9,
};

describe('next-wave ranking', () => {
  it('combines normalised need and readiness with equal weights (hand-computed)', () => {
    // need totals 412, 106, 206 (P4 already ILP: excluded); max 412
    // P1: 0.5·1 + 0.5·7/9 = 0.8889; P2: 0.5·106/412 + 0.5·1 = 0.6286; P3: 0.5·0.5 + 0.5·3/9 = 0.4167
    const ranked = rankNextWave(candidates);
    expect(ranked.map((c) => [c.kode, c.rank])).toEqual([
      ['P1', 1],
      ['P2', 2],
      ['P3', 3],
    ]);
    expect(ranked[0]!.score).toBeCloseTo(0.888889, 5);
    expect(ranked[1]!.score).toBeCloseTo(0.628641, 5);
    expect(ranked[2]!.score).toBeCloseTo(0.416667, 5);
    expect(ranked[0]!.reason).toBe(
      'butuh: 400 balita belum dilayani sesuai standar, 12 ibu hamil belum ANC sesuai standar; siap: 7/9 ceklis',
    );
    expect(ranked[2]!.reason).toBe('butuh: 206 balita belum dilayani sesuai standar; siap: 3/9 ceklis');
  });

  it("follows the planner's weight: need only puts the largest need first", () => {
    expect(rankNextWave(candidates, 1).map((c) => c.kode)).toEqual(['P1', 'P3', 'P2']);
    expect(rankNextWave(candidates, 0).map((c) => c.kode)).toEqual(['P2', 'P1', 'P3']);
  });

  it('says "no data" — not "no need" — for a puskesmas without desa or without reports, gives it no score and ranks it last', () => {
    const ranked = rankNextWave([noDesa, ...candidates, noReports]);
    expect(ranked.map((c) => c.kode)).toEqual(['P1', 'P2', 'P3', 'P5', 'P6']);
    const p5 = ranked.find((c) => c.kode === 'P5')!;
    expect(p5).toMatchObject({ needKnown: false, needScore: null, score: null, rank: 4 });
    expect(p5.reason).toBe('butuh: tidak diketahui — belum ada desa di wilayah kerja; siap: 8/9 ceklis');
    expect(ranked.find((c) => c.kode === 'P6')!.reason).toBe(
      'butuh: tidak diketahui — belum ada laporan pada indikator terpilih; siap: 2/9 ceklis',
    );
    // The unknown ones do not change the known ones' need scores (max need stays 412).
    expect(ranked[0]!.score).toBeCloseTo(0.888889, 5);
  });

  it('says "all served" only when the need is known to be zero', () => {
    const [p7] = rankNextWave([allServed]);
    expect(p7).toMatchObject({ needKnown: true, needScore: 0, score: 0.5 });
    expect(p7!.reason).toBe('butuh: semua sasaran terlayani pada indikator terpilih; siap: 9/9 ceklis');
  });

  it('refuses a weight outside 0..1', () => {
    expect(() => rankNextWave(candidates, 1.5)).toThrow('Bobot kebutuhan harus antara 0 dan 1');
  });
});

describe('numbers and names of the proposal', () => {
  it('writes scores and weights with a decimal comma', () => {
    expect(formatScore(0.888889)).toBe('0,89');
    expect(formatScore(0.5)).toBe('0,50');
    expect(formatWeight(0.5)).toBe('0,5');
    expect(formatWeight(0.35)).toBe('0,35');
    expect(formatWeight(1)).toBe('1');
    expect(formatWeight(0.7000000001)).toBe('0,7');
  });
  it('writes the year of a wave once', () => {
    expect(waveTitle({ nama: 'Gelombang 2027', year: 2027 })).toBe('Gelombang 2027');
    expect(waveTitle({ nama: 'Gelombang II', year: 2027 })).toBe('Gelombang II 2027');
    expect(waveTitle({ nama: 'Lokus 20271', year: 2027 })).toBe('Lokus 20271 2027');
  });
});
