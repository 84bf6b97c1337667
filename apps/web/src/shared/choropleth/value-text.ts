// How one value row reads in the table, the hover card, the desa panel and the profile cards. Coverage above 100 % is
// shown as it is (never clamped); a row without reports reads "tidak ada data", never 0.
// The two counts of people have one name each (domain people.ts): "Belum terlayani tahun ini" (sasaran − served) and
// "Kekurangan terhadap target periode ini" (expected persons − served); neither is ever shown under the other's name. The class
// says what it is judged on ("Kelas peta: Cukup — dinilai dari capaian Januari–Oktober 2026 dibanding target s.d. Oktober
// (75,0%)").
import {
  formatCount,
  formatFraction,
  formatNumberId,
  formatValue,
  indicatorFraction,
  isYearToDate,
  personNoun,
  type IndicatorDef,
  type Period,
} from '@peta/domain';
import type { ValueRow } from '@peta/domain/contract';
import type { Lang, TFunction } from '../../i18n/i18n.tsx';
import { monthName, periodLabel } from '../indicator/period-label.ts';

type Def = Pick<IndicatorDef, 'unit' | 'notServedText'>;
type JudgedDef = Def &
  Pick<IndicatorDef, 'polarity' | 'band' | 'periodKind'> & {
    denominator: { kind: IndicatorDef['denominator']['kind'] };
  };

export function coverageText(row: Pick<ValueRow, 'coverage' | 'protection'>, def: Def, t: TFunction): string {
  const hidden = hiddenText(row, t);
  if (hidden) return row.coverage === null ? hidden : `${formatValue(row.coverage, def.unit)} (${hidden})`;
  return row.coverage === null ? t('value.noData') : formatValue(row.coverage, def.unit);
}

/**
 * "disembunyikan: jumlah kecil · < 10" for a row whose counts are hidden from this reader (issue 18), in the UI's
 * language; null for a row shown as it is.
 */
export function hiddenText(row: Pick<ValueRow, 'protection'>, t: TFunction): string | null {
  const p = row.protection;
  if (!p) return null;
  const band = p.bands?.numerator;
  const k = formatNumberId(p.threshold, 0);
  return `${t(`value.hidden.${p.suppressed}`)}${band ? ` · ${band === 'below' ? '<' : '≥'} ${k}` : ''}`;
}

/** "45/65", "21/20,8" (the denominator as used); null without data or when the counts are hidden. */
export function fractionText(row: Pick<ValueRow, 'coverage' | 'numerator' | 'denominator'>): string | null {
  return row.coverage === null || row.numerator === null ? null : formatFraction(row.numerator, row.denominator);
}

/** "14 ibu hamil belum K4", "semua sasaran terlayani", "melebihi sasaran (21 terlayani dari 20,8)"; null where it does not apply. */
export function notYetServedText(
  row: Pick<ValueRow, 'notYetServed' | 'numerator' | 'denominator'>,
  def: Def,
  t: TFunction,
): string | null {
  const n = row.notYetServed;
  if (n === null || def.notServedText === null) return null;
  if (n > 0) return t('value.notYetServed.some', { n: formatNumberId(n, 0), what: def.notServedText });
  if (row.numerator !== null && row.denominator !== null && row.numerator > row.denominator) {
    return t('value.notYetServed.over', { served: formatCount(row.numerator), of: formatCount(row.denominator) });
  }
  return t('value.notYetServed.none');
}

/** "Belum terlayani tahun ini: 14 ibu hamil belum K4". */
export function notYetServedLine(
  row: Pick<ValueRow, 'notYetServed' | 'numerator' | 'denominator'>,
  def: Def,
  t: TFunction,
): string | null {
  const text = notYetServedText(row, def, t);
  return text === null ? null : t('value.notYetServed', { text });
}

/** "5 ibu hamil", "tercapai", "tercapai, lebih 3 ibu hamil"; null where it does not apply. */
export function shortOfTargetText(row: Pick<ValueRow, 'shortOfTarget'>, def: Def, t: TFunction): string | null {
  const n = row.shortOfTarget;
  const noun = personNoun(def);
  if (n === null || noun === null) return null;
  if (n > 0) return t('value.shortOfTarget.some', { n: formatNumberId(n, 0), noun });
  return n < 0 ? t('value.shortOfTarget.ahead', { n: formatNumberId(-n, 0), noun }) : t('value.shortOfTarget.reached');
}

/** The table's cell under "Kekurangan terhadap target (orang)": "5", "tercapai" (the class is then baik), "–" where people are not counted. */
export function shortOfTargetCell(n: number | null, t: TFunction): string {
  if (n === null) return '–';
  return n > 0 ? formatNumberId(n, 0) : t('value.shortOfTarget.reached');
}

/** "Kekurangan terhadap target periode ini: 5 ibu hamil". */
export function shortOfTargetLine(row: Pick<ValueRow, 'shortOfTarget'>, def: Def, t: TFunction): string | null {
  const text = shortOfTargetText(row, def, t);
  return text === null ? null : t('value.shortOfTarget', { text });
}

/** Target and, when it differs (cumulative, month, quarter), the share of it expected in the period. */
export function targetText(row: Pick<ValueRow, 'target' | 'expected'>, def: Def, t: TFunction): string | null {
  if (row.target === null) return null;
  const target = formatValue(row.target, def.unit);
  if (row.expected === null || Math.abs(row.expected - row.target) < 1e-9) return t('value.target', { target });
  return t('value.targetExpected', { target, expected: formatValue(row.expected, def.unit) });
}

/**
 * What the class judges, in words: the period's value against which expected value —
 *   Januari..m: "capaian Januari–Oktober 2026 dibanding target s.d. Oktober (75,0%)";
 *   a month or a quarter of an annual target: "capaian Oktober 2026 saja dibanding 1/12 target tahunan (7,5%)";
 *   lower is better: "nilai Januari–Oktober 2026 dibanding batas ≤ 14,0% (makin rendah makin baik)".
 * Null for indicators without a target (netral) and rows without data.
 */
export function judgedOnText(
  row: Pick<ValueRow, 'coverage' | 'expected' | 'class'>,
  def: JudgedDef,
  period: Period,
  t: TFunction,
  lang: Lang,
): string | null {
  if (row.coverage === null || row.class === 'no-data' || row.class === 'netral') return null;
  const label = periodLabel(period, lang, t);
  const v = (x: number) => formatValue(x, def.unit);
  if (def.polarity === 'band' && def.band)
    return t('value.basis.band', { period: label, min: v(def.band.min), max: v(def.band.max) });
  if (row.expected === null) return null;
  const expected = v(row.expected);
  if (def.polarity === 'lower') return t('value.basis.lower', { period: label, expected });
  if (def.periodKind === 'point') return t('value.basis.point', { period: label, expected });
  if (indicatorFraction(def, period) >= 1)
    return t(period.kind === 'year' ? 'value.basis.year' : 'value.basis.ratio', { period: label, expected });
  if (isYearToDate(period))
    return t('value.basis.ytd', { period: label, month: monthName(period.toMonth, lang), expected });
  return t('value.basis.slice', { period: label, months: period.toMonth - period.fromMonth + 1, expected });
}

/** "Kelas peta: Baik — dinilai dari capaian Januari–Oktober 2026 dibanding target s.d. Oktober (75,0%)"; the class alone without a basis. */
export function classLine(
  row: Pick<ValueRow, 'coverage' | 'expected' | 'class'>,
  def: JudgedDef,
  period: Period,
  t: TFunction,
  lang: Lang,
): string {
  const cls = t(`value.class.${row.class}`);
  const basis = judgedOnText(row, def, period, t, lang);
  return basis === null ? cls : t('value.judged', { class: cls, basis });
}

/** "59.484 dari 61.100 laporan desa-bulan". */
export function reportsText(row: Pick<ValueRow, 'reported' | 'expectedReports'>, t: TFunction): string {
  return t('value.reports', {
    reported: formatNumberId(row.reported, 0),
    expected: formatNumberId(row.expectedReports, 0),
  });
}

/**
 * What a PWS status is made of, in the words of the card's other lines: "kumulatif s.d. Oktober di atas garis target;
 * cakupan Oktober saja turun dari September". The position is the class's comparison, the trend the month-on-month
 * line's, so the three cannot disagree. `month` is 1..12; the month before January is December of the year before.
 */
export function pwsExplainText(
  reading: { aboveTarget: boolean | null; trend: 'naik' | 'turun' | 'tetap' | null },
  month: number,
  t: TFunction,
  lang: Lang,
): string {
  const name = monthName(month, lang);
  const previous = month === 1 ? t('pws.lastDecember') : monthName(month - 1, lang);
  const parts = [];
  if (reading.aboveTarget !== null)
    parts.push(t(reading.aboveTarget ? 'pws.position.above' : 'pws.position.below', { month: name }));
  if (reading.trend !== null) parts.push(t(`pws.trend.${reading.trend}`, { month: name, previous }));
  return parts.join('; ');
}

/** The month whose report is missing, in words: "September", "Desember tahun lalu". */
export function missingMonthText(missing: 'this' | 'last', month: number, t: TFunction, lang: Lang): string {
  if (missing === 'this') return monthName(month, lang);
  return month === 1 ? t('pws.lastDecember') : monthName(month - 1, lang);
}
