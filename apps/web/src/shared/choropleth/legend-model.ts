// The choropleth's colours and legend for one indicator and the rows on screen. Classes come from the API rows
// (`class`), colours and class structure from the domain (PALETTE, attainmentLegend, quantileClasses,
// quantileLegend); this module only picks between the two modes and words the labels through i18n, so English
// has a legend too. In Bahasa Indonesia the labels equal the domain's (legend-model.test.ts checks it).
import {
  ATTAINMENT_THRESHOLDS,
  PALETTE,
  attainmentLegend,
  formatNumberId,
  formatValue,
  quantileClasses,
  quantileColors,
  quantileIndex,
  quantileLegend,
  type IndicatorDef,
  type LegendItem,
} from '@peta/domain';
import type { ValueRow } from '@peta/domain/contract';
import type { MessageKey, TFunction } from '../../i18n/i18n.tsx';
import type { LegendMode } from '../../url-state.ts';

/** Five classes: enough to see a spread among the 10–40 children of a view, few enough to tell apart. */
export const QUANTILE_CLASS_COUNT = 5;

type LegendDef = Pick<IndicatorDef, 'polarity' | 'band' | 'unit' | 'short'>;

export interface ChoroplethModel {
  mode: LegendMode;
  title: string;
  note: string;
  items: LegendItem[];
  /** Fill colour and over-100 flag per kode, for the map's feature-state. */
  styles: Record<string, { fillColor: string; flag: boolean }>;
  /** Colour per kode (the table's swatches use the same). */
  colourOf(kode: string): string;
  /** The privacy line under the legend when some rows are hidden from this reader (issue 18); else null. */
  privacyNote: string | null;
}

/** What colouring needs of a row: the drill-down's ValueRow, or one desa of the "Semua desa" columns. */
export type ClassifiedRow = Pick<ValueRow, 'kode' | 'class' | 'coverage' | 'over100'> & { expected?: number | null };

/** The value the classes are judged against: the same for every row of one indicator and period. */
export const expectedOf = (rows: readonly ClassifiedRow[]) => rows.find((r) => r.expected != null)?.expected ?? null;

export function choroplethModel(
  mode: LegendMode,
  def: LegendDef,
  rows: readonly ClassifiedRow[],
  t: TFunction,
  expected = expectedOf(rows),
): ChoroplethModel {
  let items: LegendItem[];
  let colour: (row: ClassifiedRow) => string;
  let title: string;
  let note: string;
  if (mode === 'kuantil') {
    const q = quantileClasses(
      rows.map((r) => r.coverage),
      QUANTILE_CLASS_COUNT,
    );
    const colours = quantileColors(q.classes.length);
    items = quantileLegend(q, def.unit, def.short).items.map((item) => ({ ...item, label: quantileLabel(item, t) }));
    colour = (row) => {
      const i = quantileIndex(q.classes, row.coverage);
      return i === null ? PALETTE.noData : colours[i]!;
    };
    title = t('legend.title.kuantil', { indikator: def.short });
    note = t('legend.note.kuantil', { n: q.classes.length });
  } else {
    items = attainmentLegend(def, expected).items.map((item) => ({
      ...item,
      label: attainmentLabel(item, def, expected, t),
    }));
    colour = (row) => PALETTE.attainment[row.class];
    title = t('legend.title.target', { indikator: def.short });
    note = t('legend.note.target');
  }
  // Hidden counts (issue 18): hatched on white in both modes — never a class colour, never the grey of "no data".
  const hidden = rows.some((r) => r.class === 'disembunyikan');
  if (hidden)
    items = [
      ...items,
      { key: 'disembunyikan', color: PALETTE.attainment.disembunyikan, pattern: 'hatch', label: t('legend.hidden') },
    ];
  const fill = (r: ClassifiedRow) => (r.class === 'disembunyikan' ? PALETTE.attainment.disembunyikan : colour(r));
  const byKode = new Map(rows.map((r) => [r.kode, fill(r)]));
  const styles = Object.fromEntries(
    rows.map((r) => [r.kode, { fillColor: byKode.get(r.kode)!, flag: r.over100 || r.class === 'disembunyikan' }]),
  );
  return {
    mode,
    title,
    note,
    items,
    styles,
    colourOf: (kode) => byKode.get(kode) ?? PALETTE.noData,
    privacyNote: hidden ? t('legend.privacy') : null,
  };
}

const FIXED: Partial<Record<LegendItem['key'], MessageKey>> = {
  'no-data': 'legend.noData',
  over100: 'legend.over100',
  netral: 'legend.netral',
};

/** The label of a class with its limits in the indicator's unit (same limits as the domain legend). */
function attainmentLabel(item: LegendItem, def: LegendDef, expected: number | null, t: TFunction): string {
  const fixed = FIXED[item.key];
  if (fixed) return t(fixed);
  const v = (x: number) => formatValue(x, def.unit);
  const pct = (x: number) => formatNumberId(x, 0);
  const c = ATTAINMENT_THRESHOLDS.cukup / 100;
  const cls = item.key as 'baik' | 'cukup' | 'kurang';
  if (def.polarity === 'band' && def.band) {
    const { min, max } = def.band;
    return t(`legend.band.${cls}`, { min: v(min), max: v(max), minLow: v(min * c), maxHigh: v(max / c) });
  }
  if (expected === null) return t('legend.netral');
  if (def.polarity === 'lower') return t(`legend.lower.${cls}`, { expected: v(expected), limit: v(expected / c) });
  return t(`legend.higher.${cls}`, {
    baik: pct(ATTAINMENT_THRESHOLDS.baik),
    cukup: pct(ATTAINMENT_THRESHOLDS.cukup),
    expected: v(expected),
    limit: v(expected * c),
  });
}

/** Quantile limits are numbers only: the domain's label, except the shared "no report" item. */
function quantileLabel(item: LegendItem, t: TFunction): string {
  const fixed = FIXED[item.key];
  return fixed ? t(fixed) : item.label;
}
