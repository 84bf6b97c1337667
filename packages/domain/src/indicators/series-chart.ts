// Geometry of the small monthly PWS chart, shared by the web desa panel and the printed meeting pack (inline SVG,
// no chart library): bars for the month's own coverage, a line for the cumulative coverage (it stops at a month without report) and the target line
// (target × m/12 for cumulative indicators, as the API gives it). Pure, unit-tested.
import type { SeriesMonthDto } from '../contract/values.ts';

export const SERIES_CHART = { width: 300, height: 150, left: 34, right: 6, top: 8, bottom: 20 } as const;

export interface ChartBar { month: number; x: number; y: number; width: number; height: number; value: number }
export interface ChartTick { value: number; y: number }

export interface SeriesChartModel {
  yMax: number;
  ticks: ChartTick[];
  bars: ChartBar[];
  /** SVG path "M x y L x y …"; a month without value starts a new segment. Empty when there is nothing. */
  cumulativePath: string;
  cumulativePoints: { month: number; x: number; y: number }[];
  targetPath: string;
  /** x of each month's centre, for the month labels. */
  monthX: number[];
}

/** 0, a round step, …: 0–25 → step 5, –50 → 10, –125 → 25, beyond → 50. */
function niceMax(max: number): { top: number; step: number } {
  const step = max <= 25 ? 5 : max <= 50 ? 10 : max <= 125 ? 25 : 50;
  return { top: Math.max(step, Math.ceil(max / step) * step), step };
}

export function seriesChartModel(months: readonly SeriesMonthDto[]): SeriesChartModel {
  const values = months.flatMap((m) => [m.coverage, m.cumulativeCoverage, m.expected]).filter((v): v is number => v !== null && Number.isFinite(v));
  const { top, step } = niceMax(Math.max(0, ...values));
  const plotW = SERIES_CHART.width - SERIES_CHART.left - SERIES_CHART.right;
  const plotH = SERIES_CHART.height - SERIES_CHART.top - SERIES_CHART.bottom;
  const slot = plotW / 12;
  const x = (month: number) => SERIES_CHART.left + slot * (month - 0.5);
  // Values above the axis top cannot happen (top ≥ max); coverage > 100 % simply raises the axis.
  const y = (v: number) => SERIES_CHART.top + plotH * (1 - v / top);
  const round = (n: number) => Math.round(n * 10) / 10;

  const bars: ChartBar[] = months.filter((m) => m.coverage !== null).map((m) => {
    const value = m.coverage!;
    const barTop = y(value);
    return { month: m.month, x: round(x(m.month) - slot * 0.3), y: round(barTop), width: round(slot * 0.6), height: round(SERIES_CHART.top + plotH - barTop), value };
  });

  const path = (pick: (m: SeriesMonthDto) => number | null) => {
    let d = '';
    let pen = false;
    const points: { month: number; x: number; y: number }[] = [];
    for (const m of months) {
      const v = pick(m);
      if (v === null) { pen = false; continue; }
      const p = { month: m.month, x: round(x(m.month)), y: round(y(v)) };
      points.push(p);
      d += `${d ? ' ' : ''}${pen ? 'L' : 'M'}${p.x} ${p.y}`;
      pen = true;
    }
    return { d, points };
  };
  const cumulative = path((m) => m.cumulativeCoverage);
  const ticks: ChartTick[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) ticks.push({ value: v, y: round(y(v)) });
  // Keep about five labelled ticks.
  const every = Math.ceil(ticks.length / 5);
  return {
    yMax: top,
    ticks: ticks.filter((_, i) => i % every === 0 || i === ticks.length - 1),
    bars,
    cumulativePath: cumulative.d,
    cumulativePoints: cumulative.points,
    targetPath: path((m) => m.expected).d,
    monthX: Array.from({ length: 12 }, (_, i) => round(x(i + 1))),
  };
}

/** The last month with a PWS status (the one the panel reports). */
export function latestPws(months: readonly SeriesMonthDto[]): SeriesMonthDto | undefined {
  return [...months].reverse().find((m) => m.pwsStatus !== null);
}
