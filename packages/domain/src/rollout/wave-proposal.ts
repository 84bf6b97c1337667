// "Which puskesmas should come next?" A documented, explainable score for the next ILP wave:
//   score = NEED_WEIGHT × need/maxNeed + (1 − NEED_WEIGHT) × readiness
// need = persons not yet served this year ("belum terlayani tahun ini", indicators/people.ts) on the chosen indicators,
// summed over the puskesmas' desa; it is normalised by the largest need among the candidates so both halves run 0..1.
// Only puskesmas below the stage that counts as ILP are candidates. The weight is the planner's to change; 0.5 weighs
// both equally.
// A puskesmas without desa in its wilayah kerja, or whose desa report none of the chosen indicators, has NO DATA on
// need — not "no need": it gets no score and is ranked after every candidate whose need is known, labelled so.
import type { IndicatorCode } from '../indicators/catalogue.ts';
import { formatNumberId } from '../indicators/format.ts';
import { stageByCode, ILP_COUNTED_FROM_LEVEL, type IlpStageCode } from './stages.ts';

export const DEFAULT_NEED_WEIGHT = 0.5;

export interface NeedPart {
  indicator: IndicatorCode;
  /** Belum terlayani tahun ini, summed over the desa (≥ 0); null: no report of this indicator in the wilayah kerja. */
  notYetServed: number | null;
  /** e.g. "ibu hamil belum ANC sesuai standar" (the catalogue's notServedText). */
  text: string;
}

export interface WaveCandidate {
  kode: string;
  nama: string;
  stage: IlpStageCode;
  /** Desa in the wilayah kerja today; 0: nothing to measure need on. */
  desaCount: number;
  need: readonly NeedPart[];
  readinessDone: number;
  readinessTotal: number;
}

export interface RankedCandidate extends WaveCandidate {
  rank: number;
  /** False without desa or without any report on the chosen indicators: need unknown, no score. */
  needKnown: boolean;
  needTotal: number;
  needScore: number | null;
  readinessScore: number;
  score: number | null;
  /** "butuh: 412 balita belum ditimbang, 37 ibu hamil belum K4; siap: 7/9 ceklis" */
  reason: string;
}

const needKnown = (c: WaveCandidate) => c.desaCount > 0 && c.need.some((p) => p.notYetServed !== null);

export function rankNextWave(
  candidates: readonly WaveCandidate[],
  needWeight = DEFAULT_NEED_WEIGHT,
): RankedCandidate[] {
  if (needWeight < 0 || needWeight > 1) throw new Error('Bobot kebutuhan harus antara 0 dan 1');
  const eligible = candidates.filter((c) => stageByCode(c.stage).level < ILP_COUNTED_FROM_LEVEL);
  const needTotals = eligible.map((c) => c.need.reduce((n, p) => n + Math.max(0, p.notYetServed ?? 0), 0));
  const maxNeed = Math.max(0, ...needTotals.filter((_, i) => needKnown(eligible[i]!)));
  const scored: RankedCandidate[] = eligible.map((c, i) => {
    const known = needKnown(c);
    const needTotal = needTotals[i]!;
    const needScore = known ? (maxNeed > 0 ? needTotal / maxNeed : 0) : null;
    const readinessScore = c.readinessTotal > 0 ? c.readinessDone / c.readinessTotal : 0;
    return {
      ...c,
      needKnown: known,
      needTotal,
      needScore,
      readinessScore,
      score: needScore === null ? null : needWeight * needScore + (1 - needWeight) * readinessScore,
      reason: reasonText(c),
      rank: 0,
    };
  });
  // Known need first, highest score first; ties by larger need, then by kode so the order is stable. Unknown need
  // last, the more ready first.
  const byKode = (a: WaveCandidate, b: WaveCandidate) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0);
  scored.sort(
    (a, b) =>
      Number(b.needKnown) - Number(a.needKnown) ||
      (b.score ?? 0) - (a.score ?? 0) ||
      b.needTotal - a.needTotal ||
      b.readinessScore - a.readinessScore ||
      byKode(a, b),
  );
  scored.forEach((c, i) => {
    c.rank = i + 1;
  });
  return scored;
}

function reasonText(c: WaveCandidate): string {
  const ready = `siap: ${c.readinessDone}/${c.readinessTotal} ceklis`;
  if (c.desaCount === 0) return `butuh: tidak diketahui — belum ada desa di wilayah kerja; ${ready}`;
  if (!needKnown(c)) return `butuh: tidak diketahui — belum ada laporan pada indikator terpilih; ${ready}`;
  const needs = c.need
    .filter((p) => (p.notYetServed ?? 0) > 0)
    .map((p) => `${formatNumberId(p.notYetServed!, 0)} ${p.text}`);
  const need = needs.length ? `butuh: ${needs.join(', ')}` : 'butuh: semua sasaran terlayani pada indikator terpilih';
  return `${need}; ${ready}`;
}

/** "Gelombang 2027" with year 2027 → "Gelombang 2027" (the year once); "Gelombang II" with 2027 → "Gelombang II 2027". */
export function waveTitle(wave: { nama: string; year: number }): string {
  return new RegExp(`(^|\\D)${wave.year}(\\D|$)`).test(wave.nama) ? wave.nama : `${wave.nama} ${wave.year}`;
}

/** "Skor = 0,5 × kebutuhan ÷ …": weights and scores with a decimal comma, two decimals at most. */
export function formatScore(x: number): string {
  return formatNumberId(Math.round(x * 100) / 100, 2);
}

/** 0.5 → "0,5", 0.35 → "0,35", 1 → "1". */
export function formatWeight(x: number): string {
  const r = Math.round(x * 100) / 100;
  return formatNumberId(r, Number.isInteger(r) ? 0 : Number.isInteger(r * 10) ? 1 : 2);
}
