// Map classes. Attainment classes are a PRODUCT DEFAULT ("kriteria dashboard (bukan ketentuan resmi)", §3.4):
// there is no official red/yellow/green rule for the ILP desa dashboard. Quantile classes are for exploration.
import type { IndicatorDef, IndicatorUnit } from './catalogue.ts';
import { formatNumberId, formatValue } from './format.ts';

export type AttainmentClass = 'baik' | 'cukup' | 'kurang' | 'no-data' | 'netral';
export const ATTAINMENT_CLASSES: readonly AttainmentClass[] = ['baik', 'cukup', 'kurang', 'netral', 'no-data'];

/** Attainment (percent of the expected value) at or above which a class starts. */
export const ATTAINMENT_THRESHOLDS = { baik: 100, cukup: 80 } as const;

export const DASHBOARD_CRITERIA_NOTE = 'kriteria dashboard (bukan ketentuan resmi)';

const EPS = 1e-9;

/**
 * Coverage at or above the value it is judged against (higher is better): the one comparison behind the class "baik",
 * the PWS "di atas garis target" and a shortfall in persons of 0 — so they cannot disagree.
 */
export function reachesExpected(coverage: number, expected: number): boolean {
  return coverage >= expected - EPS;
}

export interface Attainment {
  class: AttainmentClass;
  /**
   * higher: coverage ÷ expected × 100; lower: expected ÷ coverage × 100 (null when coverage is 0 — best possible);
   * null for band, context, no data or no target.
   */
  attainment: number | null;
}

/**
 * Class of a value against its expected value (target × fraction, see indicatorFraction):
 * - higher: attainment = coverage ÷ expected. baik ≥ 100 %, cukup 80–< 100 %, kurang < 80 %.
 *   §4.4: 75.0 % cumulative vs 71.25 % expected → 105 % → baik.
 * - lower (stunting, T/D, IR, CFR): at or below the expected value = baik; up to expected ÷ 0.8 = cukup
 *   (attainment = expected ÷ coverage ≥ 80 %); above = kurang. Stunting target 14 %: ≤ 14 baik, ≤ 17.5 cukup.
 * - band (positivity 5–15 %): inside = baik; within [min × 0.8, max ÷ 0.8] = cukup; outside = kurang.
 * - context (no target): netral — use the quantile legend.
 * - coverage null → no-data. Coverage above 100 % is classified as it is (over100 is a separate flag).
 */
export function classifyAttainment(
  def: Pick<IndicatorDef, 'polarity' | 'band'>,
  coverage: number | null,
  expected: number | null,
): Attainment {
  if (coverage === null) return { class: 'no-data', attainment: null };
  const c = ATTAINMENT_THRESHOLDS.cukup / 100;
  switch (def.polarity) {
    case 'context':
      return { class: 'netral', attainment: null };
    case 'band': {
      if (def.band === null) return { class: 'netral', attainment: null };
      const { min, max } = def.band;
      if (coverage >= min - EPS && coverage <= max + EPS) return { class: 'baik', attainment: null };
      if (coverage >= min * c - EPS && coverage <= max / c + EPS) return { class: 'cukup', attainment: null };
      return { class: 'kurang', attainment: null };
    }
    case 'higher': {
      if (expected === null) return { class: 'netral', attainment: null };
      if (expected <= 0) return { class: 'baik', attainment: null };
      const a = (coverage / expected) * 100;
      if (reachesExpected(coverage, expected)) return { class: 'baik', attainment: a };
      return { class: a >= ATTAINMENT_THRESHOLDS.cukup - EPS ? 'cukup' : 'kurang', attainment: a };
    }
    case 'lower': {
      if (expected === null) return { class: 'netral', attainment: null };
      if (coverage <= expected + EPS)
        return { class: 'baik', attainment: coverage > 0 ? (expected / coverage) * 100 : null };
      const a = (expected / coverage) * 100;
      return { class: classOfAttainment(a), attainment: a };
    }
  }
}

function classOfAttainment(a: number): AttainmentClass {
  if (a >= ATTAINMENT_THRESHOLDS.baik - EPS) return 'baik';
  if (a >= ATTAINMENT_THRESHOLDS.cukup - EPS) return 'cukup';
  return 'kurang';
}

// ------------------------------------------------------------------------------------------------ quantiles

export interface QuantileClass {
  index: number;
  /** Lower bound: inclusive for the first class, exclusive (the previous class's `to`) for the others. */
  from: number;
  /** Upper bound, inclusive. */
  to: number;
  count: number;
}

export interface QuantileClasses {
  method: 'quantile';
  /** Classes asked for; `classes` may hold fewer when values tie or are few. */
  requested: number;
  classes: QuantileClass[];
}

export const MAX_QUANTILE_CLASSES = 7;

/**
 * Quantile classes over the values present (nulls and non-finite values are ignored: they are "no data").
 * Upper bound of class k (1..n) = sorted[⌈k·N/n⌉ − 1]; equal bounds merge, so tied values always fall in the same
 * class. When there are no more distinct values than classes, each distinct value is its own class.
 * Empty input → no classes. n must be an integer in 1..7.
 */
export function quantileClasses(values: readonly (number | null)[], n: number): QuantileClasses {
  if (!Number.isInteger(n) || n < 1 || n > MAX_QUANTILE_CLASSES) {
    throw new RangeError(`Jumlah kelas kuantil harus 1–${MAX_QUANTILE_CLASSES}, bukan ${n}`);
  }
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { method: 'quantile', requested: n, classes: [] };
  const distinct = [...new Set(sorted)];
  let uppers: number[];
  if (distinct.length <= n) {
    uppers = distinct;
  } else {
    uppers = [];
    for (let k = 1; k <= n; k++) {
      const u = sorted[Math.ceil((k * sorted.length) / n) - 1]!;
      if (uppers[uppers.length - 1] !== u) uppers.push(u);
    }
  }
  const classes: QuantileClass[] = uppers.map((to, i) => ({
    index: i,
    from: i === 0 ? sorted[0]! : uppers[i - 1]!,
    to,
    count: 0,
  }));
  for (const v of sorted) classes[quantileIndex(classes, v)!]!.count++;
  return { method: 'quantile', requested: n, classes };
}

/** Index of the class holding the value; null for no data or no classes. Values above the last class go to it. */
export function quantileIndex(classes: readonly QuantileClass[], value: number | null): number | null {
  if (value === null || !Number.isFinite(value) || classes.length === 0) return null;
  for (const c of classes) if (value <= c.to) return c.index;
  return classes.length - 1;
}

// ------------------------------------------------------------------------------------------------ palette

/**
 * Colour-blind-safe colours as data.
 * Attainment: blue / orange / dark red from ColorBrewer RdBu and PuOr (diverging, colour-blind safe), grey for
 * netral, light grey for no data. Checked by simulation (Machado et al. 2009, deuteranopia, protanopia, tritanopia):
 * every pair differs by ΔE76 ≥ 25 (see classify.test.ts). Quantiles: viridis (perceptually uniform, CVD safe),
 * light (low values) → dark (high values); adjacent classes ΔE76 ≥ 12 and ≥ 15 from the no-data grey under all
 * three simulations. Data-quality flags (coverage > 100 %) are a hatch pattern over the class colour, not a colour.
 */
export const PALETTE = {
  attainment: {
    baik: '#2166ac',
    cukup: '#fdb863',
    kurang: '#b2182b',
    netral: '#8c8c8c',
    'no-data': '#d9d9d9',
    disembunyikan: '#ffffff',
  },
  quantile: {
    1: ['#21918c'],
    2: ['#fde725', '#3b528b'],
    3: ['#fde725', '#21918c', '#440154'],
    4: ['#fde725', '#35b779', '#31688e', '#440154'],
    5: ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'],
    6: ['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487', '#440154'],
    7: ['#fde725', '#8fd744', '#35b779', '#21918c', '#31688e', '#443983', '#440154'],
  },
  noData: '#d9d9d9',
  /** Hatch line colour for the over-100 % flag. */
  flag: '#252525',
  /**
   * Counts hidden from this reader (issue 18): diagonal lines of this colour on white (`attainment.disembunyikan`) —
   * a pattern, never a class colour and never the grey of "no data".
   */
  hidden: '#5a5a5a',
  source: 'ColorBrewer 2.0 (RdBu, PuOr; Brewer, Penn State) dan viridis (van der Walt & Smith, CC0)',
} as const satisfies {
  attainment: Record<AttainmentClass | 'disembunyikan', string>;
  quantile: Record<1 | 2 | 3 | 4 | 5 | 6 | 7, readonly string[]>;
  noData: string;
  flag: string;
  hidden: string;
  source: string;
};

/** Colours for `count` quantile classes (0 → none). */
export function quantileColors(count: number): readonly string[] {
  if (count <= 0) return [];
  return PALETTE.quantile[Math.min(count, MAX_QUANTILE_CLASSES) as 1 | 2 | 3 | 4 | 5 | 6 | 7];
}

// ------------------------------------------------------------------------------------------------ legends

export interface LegendItem {
  key: AttainmentClass | 'over100' | 'disembunyikan' | `q${number}`;
  color: string;
  pattern: 'solid' | 'hatch';
  /** Bahasa Indonesia, states the class limits. */
  label: string;
}

export interface Legend {
  mode: 'attainment' | 'quantile';
  title: string;
  items: LegendItem[];
  /** Printed under the legend. */
  note: string;
}

const NO_DATA_ITEM: LegendItem = {
  key: 'no-data',
  color: PALETTE.noData,
  pattern: 'solid',
  label: 'Tidak ada laporan',
};
const OVER100_ITEM: LegendItem = {
  key: 'over100',
  color: PALETTE.flag,
  pattern: 'hatch',
  label: 'Arsiran: capaian > 100% (periksa sasaran/data)',
};

/**
 * Legend of the attainment classes for one indicator and expected value (target × fraction), with the limits in the
 * indicator's unit, e.g. expected 71.25 %: "Baik: ≥ 100% target s.d. periode (capaian ≥ 71,3%)".
 */
export function attainmentLegend(
  def: Pick<IndicatorDef, 'polarity' | 'band' | 'unit' | 'short'>,
  expected: number | null,
): Legend {
  const v = (x: number) => formatValue(x, def.unit);
  const col = PALETTE.attainment;
  const t = (x: number) => formatNumberId(x, 0);
  const items: LegendItem[] = [];
  const c = ATTAINMENT_THRESHOLDS.cukup / 100;
  if (def.polarity === 'higher' && expected !== null) {
    items.push(
      {
        key: 'baik',
        color: col.baik,
        pattern: 'solid',
        label: `Baik: ≥ ${t(ATTAINMENT_THRESHOLDS.baik)}% target (capaian ≥ ${v(expected)})`,
      },
      {
        key: 'cukup',
        color: col.cukup,
        pattern: 'solid',
        label: `Cukup: ${t(ATTAINMENT_THRESHOLDS.cukup)}–<${t(ATTAINMENT_THRESHOLDS.baik)}% target (capaian ${v(expected * c)} – < ${v(expected)})`,
      },
      {
        key: 'kurang',
        color: col.kurang,
        pattern: 'solid',
        label: `Kurang: < ${t(ATTAINMENT_THRESHOLDS.cukup)}% target (capaian < ${v(expected * c)})`,
      },
    );
  } else if (def.polarity === 'lower' && expected !== null) {
    items.push(
      { key: 'baik', color: col.baik, pattern: 'solid', label: `Baik: ≤ ${v(expected)} (target tercapai)` },
      { key: 'cukup', color: col.cukup, pattern: 'solid', label: `Cukup: > ${v(expected)} – ${v(expected / c)}` },
      { key: 'kurang', color: col.kurang, pattern: 'solid', label: `Kurang: > ${v(expected / c)}` },
    );
  } else if (def.polarity === 'band' && def.band !== null) {
    const { min, max } = def.band;
    items.push(
      { key: 'baik', color: col.baik, pattern: 'solid', label: `Baik: ${v(min)} – ${v(max)} (dalam rentang)` },
      {
        key: 'cukup',
        color: col.cukup,
        pattern: 'solid',
        label: `Cukup: ${v(min * c)} – < ${v(min)} atau > ${v(max)} – ${v(max / c)}`,
      },
      { key: 'kurang', color: col.kurang, pattern: 'solid', label: `Kurang: < ${v(min * c)} atau > ${v(max / c)}` },
    );
  } else {
    items.push({ key: 'netral', color: col.netral, pattern: 'solid', label: 'Tanpa target (gunakan legenda kuantil)' });
  }
  items.push(NO_DATA_ITEM);
  if (def.unit === 'percent') items.push(OVER100_ITEM);
  return { mode: 'attainment', title: `${def.short}: capaian terhadap target`, items, note: DASHBOARD_CRITERIA_NOTE };
}

/** Legend of quantile classes: first "a – b", then "> b – c"; the note states the method. */
export function quantileLegend(q: QuantileClasses, unit: IndicatorUnit, short: string): Legend {
  const colors = quantileColors(q.classes.length);
  const items: LegendItem[] = q.classes.map((c, i) => ({
    key: `q${c.index + 1}`,
    color: colors[i]!,
    pattern: 'solid',
    label:
      c.index === 0
        ? c.from === c.to
          ? formatValue(c.to, unit)
          : `${formatValue(c.from, unit)} – ${formatValue(c.to, unit)}`
        : `> ${formatValue(c.from, unit)} – ${formatValue(c.to, unit)}`,
  }));
  items.push(NO_DATA_ITEM);
  return {
    mode: 'quantile',
    title: `${short}: sebaran nilai (kuantil)`,
    items,
    note: `Kuantil, ${q.classes.length} kelas dengan jumlah wilayah kira-kira sama — metode statistik, bukan penilaian terhadap target`,
  };
}
