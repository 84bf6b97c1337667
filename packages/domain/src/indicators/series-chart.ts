// Geometry of the small monthly PWS chart, shared by the web desa panel and the printed meeting pack (inline SVG,
// no chart library): bars for the month's own coverage, a line for the cumulative coverage (it stops at a month without report) and the target line
// (target × m/12 for cumulative indicators, as the API gives it). Pure, unit-tested.
import type { SeriesMonthDto } from '../contract/values.ts';
import { reachesExpected } from './classify.ts';
import { changeDirection, pwsMissingMonth, type PwsStatus, type PwsTrend } from './pws-status.ts';

export const SERIES_CHART = { width: 300, height: 150, left: 34, right: 6, top: 8, bottom: 20 } as const;

export interface ChartBar {
  month: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}
export interface ChartTick {
  value: number;
  y: number;
}

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
  const values = months
    .flatMap((m) => [m.coverage, m.cumulativeCoverage, m.expected])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const { top, step } = niceMax(Math.max(0, ...values));
  const plotW = SERIES_CHART.width - SERIES_CHART.left - SERIES_CHART.right;
  const plotH = SERIES_CHART.height - SERIES_CHART.top - SERIES_CHART.bottom;
  const slot = plotW / 12;
  const x = (month: number) => SERIES_CHART.left + slot * (month - 0.5);
  // Values above the axis top cannot happen (top ≥ max); coverage > 100 % simply raises the axis.
  const y = (v: number) => SERIES_CHART.top + plotH * (1 - v / top);
  const round = (n: number) => Math.round(n * 10) / 10;

  const bars: ChartBar[] = months
    .filter((m) => m.coverage !== null)
    .map((m) => {
      const value = m.coverage!;
      const barTop = y(value);
      return {
        month: m.month,
        x: round(x(m.month) - slot * 0.3),
        y: round(barTop),
        width: round(slot * 0.6),
        height: round(SERIES_CHART.top + plotH - barTop),
        value,
      };
    });

  const path = (pick: (m: SeriesMonthDto) => number | null) => {
    let d = '';
    let pen = false;
    const points: { month: number; x: number; y: number }[] = [];
    for (const m of months) {
      const v = pick(m);
      if (v === null) {
        pen = false;
        continue;
      }
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

/** The PWS status of one month of a series, with what it is made of and why it is missing. */
export interface PwsReading {
  month: number;
  status: PwsStatus | null;
  /** Cumulative Jan..month at or above the target line (the class's comparison); null without both. */
  aboveTarget: boolean | null;
  /** Month alone against the month before alone; null when either is missing (or for January: December is not in the series). */
  trend: PwsTrend | null;
  /** Why there is no status: no report in the month itself, or in the month before. */
  missing: 'this' | 'last' | null;
  /** When the month has no status: the latest earlier month that has one — shown as that month's, never as this one's. */
  lastKnown: { month: number; status: PwsStatus } | null;
}

/**
 * The PWS status AT `month` (the period's last month), never silently an earlier month's: "Status PWS Oktober" is
 * October's or says why it cannot be given ("tidak ada laporan September"), with the last known status beside it.
 */
export function pwsReadingAt(months: readonly SeriesMonthDto[], month: number): PwsReading {
  const m = months.find((x) => x.month === month);
  const before = month > 1 ? months.find((x) => x.month === month - 1) : undefined;
  const status = m?.pwsStatus ?? null;
  const thisCoverage = m?.coverage ?? null;
  const lastCoverage = before?.coverage ?? null;
  const aboveTarget =
    m && m.cumulativeCoverage !== null && m.expected !== null
      ? reachesExpected(m.cumulativeCoverage, m.expected)
      : null;
  const trend = thisCoverage !== null && lastCoverage !== null ? changeDirection(thisCoverage, lastCoverage) : null;
  const missing = status !== null ? null : pwsMissingMonth(thisCoverage, lastCoverage);
  const earlier =
    status === null ? [...months].reverse().find((x) => x.month < month && x.pwsStatus !== null) : undefined;
  return {
    month,
    status,
    aboveTarget,
    trend,
    missing,
    lastKnown: earlier ? { month: earlier.month, status: earlier.pwsStatus! } : null,
  };
}
