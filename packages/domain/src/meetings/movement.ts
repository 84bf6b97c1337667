// "Movement since": how an action's indicator moved from the value stored when the action was agreed (its
// baseline) to the value now, in words a kepala desa reads at the next meeting:
//   "naik 12,5 poin (dari 54,0% ke 66,5%)", "turun 3,0 poin (…)", "tetap 54,0%",
//   pembilang "+5 orang (dari 20 ke 25)".
// Coverage moves in percentage points (never a percent of a percent). When the period has not changed since
// the action was agreed there is nothing to compare yet.
import type { Baseline, Movement } from '../contract/meetings.ts';
import type { IndicatorUnit } from '../indicators/catalogue.ts';
import { formatNumberId, formatValue } from '../indicators/format.ts';

const EPS = 0.05; // below a twentieth of a point the rounded texts would read "naik 0,0 poin"

const signed = (n: number, decimals: number) =>
  `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatNumberId(Math.abs(n), decimals)}`;

export function movementSince(baseline: Baseline, now: Baseline, unit: IndicatorUnit = 'percent'): Movement {
  const v = (x: number | null) => formatValue(x, unit);
  const pointWord = unit === 'percent' ? 'poin' : 'per 100.000';
  const numeratorChange =
    baseline.numerator !== null && now.numerator !== null ? now.numerator - baseline.numerator : null;
  const numeratorText =
    numeratorChange === null
      ? null
      : `${signed(numeratorChange, 0)} orang (dari ${formatNumberId(baseline.numerator!, 0)} ke ${formatNumberId(now.numerator!, 0)})`;
  if (baseline.periode === now.periode) {
    return {
      direction: 'belum-ada-periode-baru',
      coveragePoints: null,
      numeratorChange: null,
      text: `belum ada data periode baru (capaian saat disepakati ${v(baseline.coverage)})`,
      numeratorText: null,
      now,
    };
  }
  if (baseline.coverage === null || now.coverage === null) {
    const text =
      baseline.coverage === null && now.coverage === null
        ? 'tidak ada data, saat disepakati maupun sekarang'
        : baseline.coverage === null
          ? `saat disepakati belum ada data; sekarang ${v(now.coverage)}`
          : `belum ada laporan sekarang (saat disepakati ${v(baseline.coverage)})`;
    return { direction: 'tidak-ada-data', coveragePoints: null, numeratorChange, text, numeratorText, now };
  }
  const points = now.coverage - baseline.coverage;
  if (Math.abs(points) < EPS) {
    return {
      direction: 'tetap',
      coveragePoints: points,
      numeratorChange,
      text: `tetap ${v(now.coverage)}`,
      numeratorText,
      now,
    };
  }
  const direction = points > 0 ? 'naik' : 'turun';
  return {
    direction,
    coveragePoints: points,
    numeratorChange,
    text: `${direction} ${formatNumberId(Math.abs(points))} ${pointWord} (dari ${v(baseline.coverage)} ke ${v(now.coverage)})`,
    numeratorText,
    now,
  };
}
