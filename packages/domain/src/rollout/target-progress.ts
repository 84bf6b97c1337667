// Progress of a kabupaten against its yearly ILP target: "17 dari target 14 — 121%". Shown as it is above
// 100 % (Deli Serdang exceeded its target), never clamped.
import { formatNumberId } from '../indicators/format.ts';
import { countsAsIlp, stageOn, type StageEvent } from './stages.ts';

export interface TargetProgress {
  count: number;
  target: number | null;
  /** count ÷ target × 100, unrounded; null without a target. */
  percent: number | null;
  text: string;
}

export function targetProgress(count: number, target: number | null): TargetProgress {
  if (target === null || target <= 0) {
    return {
      count,
      target: null,
      percent: null,
      text: `${formatNumberId(count, 0)} puskesmas ILP (target belum ditetapkan)`,
    };
  }
  const percent = (count / target) * 100;
  return {
    count,
    target,
    percent,
    text: `${formatNumberId(count, 0)} dari target ${formatNumberId(target, 0)} — ${formatNumberId(percent, 0)}%`,
  };
}

export interface WaveTarget {
  year: number;
  target: number;
}

export interface YearProgress extends TargetProgress {
  year: number;
  /** The date the stages were read on: 31 December of the year, or `asOf` for the current year. */
  asOf: string;
}

/**
 * Progress of a kabupaten in `year`: puskesmas at a stage that counts as ILP (≥ 5) on 31 December (or on `asOf`
 * when earlier) against the CUMULATIVE target, Σ targets of the waves of that year and before — a wave adds
 * puskesmas to those already turned over (Tanjungpinang: 3 in 2024, +2 in 2025 → 5 of 5). Waves of later
 * years do not count. No wave up to that year → no target.
 */
export function yearProgress(
  histories: readonly (readonly StageEvent[])[],
  waves: readonly WaveTarget[],
  year: number,
  asOf: string,
): YearProgress {
  const endOfYear = `${year}-12-31`;
  const on = asOf < endOfYear ? asOf : endOfYear;
  const count = histories.filter((h) => countsAsIlp(stageOn(h, on))).length;
  const relevant = waves.filter((w) => w.year <= year);
  const target = relevant.length ? relevant.reduce((n, w) => n + w.target, 0) : null;
  return { ...targetProgress(count, target), year, asOf: on };
}
