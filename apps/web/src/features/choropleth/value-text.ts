// How one value row reads in the table, the hover card and the desa panel. Coverage above 100 % is shown as it
// is (never clamped); a row without reports reads "tidak ada data", never 0.
import { formatFraction, formatNumberId, formatValue, type IndicatorDef } from '@peta/domain';
import type { ValueRow } from '@peta/domain/contract';
import type { TFunction } from '../../i18n/i18n.tsx';

type Def = Pick<IndicatorDef, 'unit' | 'gapTextId'>;

export function coverageText(row: Pick<ValueRow, 'coverage'>, def: Def, t: TFunction): string {
  return row.coverage === null ? t('value.noData') : formatValue(row.coverage, def.unit);
}

/** "45/65" (numerator/denominator); null without data. */
export function fractionText(row: Pick<ValueRow, 'coverage' | 'numerator' | 'denominator'>): string | null {
  return row.coverage === null ? null : formatFraction(row.numerator, row.denominator);
}

/** "37 ibu hamil belum K4" (the domain's gapText words); null where the indicator has no gap in persons. */
export function gapLine(row: Pick<ValueRow, 'gap'>, def: Def, t: TFunction): string | null {
  if (row.gap === null || def.gapTextId === null) return null;
  return t('value.gap', { n: formatNumberId(row.gap, 0), what: def.gapTextId });
}

/** Target and, when it differs (cumulative, month, quarter), the share of it expected in the period. */
export function targetText(row: Pick<ValueRow, 'target' | 'expected'>, def: Def, t: TFunction): string | null {
  if (row.target === null) return null;
  const target = formatValue(row.target, def.unit);
  if (row.expected === null || Math.abs(row.expected - row.target) < 1e-9) return t('value.target', { target });
  return t('value.targetExpected', { target, expected: formatValue(row.expected, def.unit) });
}
