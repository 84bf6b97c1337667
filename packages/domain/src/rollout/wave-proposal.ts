// "Which puskesmas should come next?" A documented, explainable score for the next ILP wave:
//   score = NEED_WEIGHT × need/maxNeed + (1 − NEED_WEIGHT) × readiness
// need = persons not yet served (gap) on the chosen indicators, summed over the puskesmas' desa; it is
// normalised by the largest need among the candidates so both halves run 0..1. Only puskesmas below the
// stage that counts as ILP are candidates. The weight is the planner's to change; 0.5 weighs both equally.
import { formatNumberId } from '../indicators/format.ts';
import { stageByCode, ILP_COUNTED_FROM_LEVEL, type IlpStageCode } from './stages.ts';

export const DEFAULT_NEED_WEIGHT = 0.5;

export interface NeedPart {
  indicator: string;
  /** Persons not yet served, summed over the desa. */
  gap: number;
  /** e.g. "balita belum ditimbang" (the indicator's gap text without the number). */
  gapNounId: string;
}

export interface WaveCandidate {
  kode: string;
  nama: string;
  stage: IlpStageCode;
  need: readonly NeedPart[];
  readinessDone: number;
  readinessTotal: number;
}

export interface RankedCandidate extends WaveCandidate {
  rank: number;
  needTotal: number;
  needScore: number;
  readinessScore: number;
  score: number;
  /** "butuh: 412 balita belum ditimbang, 37 ibu hamil belum K4; siap: 7/9 ceklis" */
  reasonId: string;
}

export function rankNextWave(candidates: readonly WaveCandidate[], needWeight = DEFAULT_NEED_WEIGHT): RankedCandidate[] {
  if (needWeight < 0 || needWeight > 1) throw new Error('Bobot kebutuhan harus antara 0 dan 1');
  const eligible = candidates.filter((c) => stageByCode(c.stage).level < ILP_COUNTED_FROM_LEVEL);
  const needTotals = eligible.map((c) => c.need.reduce((n, p) => n + Math.max(0, p.gap), 0));
  const maxNeed = Math.max(0, ...needTotals);
  const scored = eligible.map((c, i) => {
    const needTotal = needTotals[i]!;
    const needScore = maxNeed > 0 ? needTotal / maxNeed : 0;
    const readinessScore = c.readinessTotal > 0 ? c.readinessDone / c.readinessTotal : 0;
    return {
      ...c, needTotal, needScore, readinessScore,
      score: needWeight * needScore + (1 - needWeight) * readinessScore,
      reasonId: reasonText(c),
      rank: 0,
    };
  });
  // Highest score first; ties by larger need, then by kode so the order is stable.
  scored.sort((a, b) => b.score - a.score || b.needTotal - a.needTotal || (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0));
  scored.forEach((c, i) => { c.rank = i + 1; });
  return scored;
}

function reasonText(c: WaveCandidate): string {
  const needs = c.need.filter((p) => p.gap > 0).map((p) => `${formatNumberId(p.gap, 0)} ${p.gapNounId}`);
  const need = needs.length ? `butuh: ${needs.join(', ')}` : 'butuh: tidak ada kesenjangan pada indikator terpilih';
  return `${need}; siap: ${c.readinessDone}/${c.readinessTotal} ceklis`;
}
