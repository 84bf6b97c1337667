// Progress of a kabupaten against its yearly ILP target: "17 dari target 14 — 121%". Shown as it is above
// 100 % (Deli Serdang exceeded its target), never clamped.
import { formatNumberId } from '../indicators/format.ts';

export interface TargetProgress {
  count: number;
  target: number | null;
  /** count ÷ target × 100, unrounded; null without a target. */
  percent: number | null;
  textId: string;
}

export function targetProgress(count: number, target: number | null): TargetProgress {
  if (target === null || target <= 0) {
    return { count, target: null, percent: null, textId: `${formatNumberId(count, 0)} puskesmas ILP (target belum ditetapkan)` };
  }
  const percent = (count / target) * 100;
  return {
    count, target, percent,
    textId: `${formatNumberId(count, 0)} dari target ${formatNumberId(target, 0)} — ${formatNumberId(percent, 0)}%`,
  };
}
