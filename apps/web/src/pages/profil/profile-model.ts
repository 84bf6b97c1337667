// What one indicator card of the profile page says, in words a kepala desa reads: the capaian as a big number,
// "64 dari 118,3 ibu hamil", the target, the class and what it is judged on, the two counts of people each under its
// own name (kekurangan terhadap target periode ini; belum terlayani tahun ini), the month alone against the month before and
// the period against last year (good or bad for this indicator), the PWS status with what it is made of. The server
// builds the numbers with the domain's profileIndicator, so the lines agree; this module only words them. Pure, no IO.
import {
  formatCount,
  formatNumberId,
  indicatorFraction,
  isYearToDate,
  parsePeriod,
  SASARAN_GROUPS,
  type IndicatorCode,
  type Period,
} from '@peta/domain';
import type { IndicatorDto, MonthTrend, ProfileIndicator, WilayahProfile } from '@peta/domain/contract';
import type { Lang, MessageKey, TFunction } from '../../i18n/i18n.tsx';
import { monthName, periodLabel } from '../../shared/indicator/period-label.ts';
import {
  classLine,
  coverageText,
  missingMonthText,
  notYetServedLine,
  pwsExplainText,
  shortOfTargetLine,
  targetText,
} from '../../shared/choropleth/value-text.ts';

export type Tone = 'good' | 'bad' | 'neutral';

export interface TrendLine {
  text: string;
  tone: Tone;
}

export interface IndicatorCard {
  code: IndicatorCode;
  /** Short name ("SPM Ibu hamil") and the full one in plain words. */
  shortName: string;
  name: string;
  hasData: boolean;
  /** "54,1%", or "belum ada data". */
  value: string;
  /** "64 dari 118,3 ibu hamil"; for a month of an annual sasaran "3 bayi dalam Oktober 2026 · sasaran setahun 35"; null without data. */
  count: string | null;
  target: string | null;
  /** "Kelas peta: Cukup — dinilai dari capaian Januari–Oktober 2026 dibanding target s.d. Oktober (75,0%)". */
  judged: string | null;
  /** "Kekurangan terhadap target periode ini: 5 ibu hamil"; null where the indicator does not count people. */
  shortOfTarget: string | null;
  /** "Belum terlayani tahun ini: 14 ibu hamil belum K4"; null outside January..m or where people are not counted. */
  notYetServed: string | null;
  /** Month m alone against m − 1 alone; null for a quarter, a year or a range not from January. */
  trendMonth: TrendLine | null;
  trendYear: TrendLine | null;
  /** "Status PWS Oktober: Jelek" with what it is made of, or why it cannot be given; null outside the PWS view. */
  pws: { status: NonNullable<ProfileIndicator['pwsStatus']> | null; text: string; explain: string | null } | null;
  over100: boolean;
  simulated: boolean;
}

type Def = Pick<
  IndicatorDto,
  'code' | 'short' | 'nameId' | 'nameEn' | 'unit' | 'notServedText' | 'denominator' | 'polarity' | 'band' | 'periodKind'
>;

/** Who the denominator counts: "ibu hamil", "balita ditimbang (D)", "penduduk". */
export function denominatorNoun(def: Pick<IndicatorDto, 'denominator'>): string {
  const d = def.denominator;
  if (d.kind === 'sasaran') return SASARAN_GROUPS.find((g) => g.code === d.group)?.noun ?? d.group;
  if (d.kind === 'counted') return d.labelId;
  return 'penduduk';
}

const points = (n: number, unit: Def['unit'], t: TFunction) =>
  `${formatNumberId(Math.abs(n))} ${t(unit === 'percent' ? 'profil.unit.points' : 'profil.unit.per100k')}`;
const toneOf = (better: boolean | null): Tone => (better === true ? 'good' : better === false ? 'bad' : 'neutral');
const monthOf = (code: string) => Number(code.slice(5, 7));

function yearLine(trend: ProfileIndicator['trendYear'], unit: Def['unit'], t: TFunction): TrendLine {
  const key = (suffix: string) => `profil.trend.year.${suffix}` as MessageKey;
  if (trend.direction === 'tidak-ada-data' || trend.points === null) return { text: t(key('none')), tone: 'neutral' };
  if (trend.direction === 'tetap') return { text: t(key('tetap')), tone: 'neutral' };
  return { text: t(key(trend.direction), { points: points(trend.points, unit, t) }), tone: toneOf(trend.better) };
}

/** "▼ Oktober saja 2,6%: turun 0,5 poin dari September" — the very comparison the PWS trend makes. */
function monthLine(trend: MonthTrend, def: Def, t: TFunction, lang: Lang): TrendLine {
  const month = monthName(monthOf(trend.month), lang);
  const previous = monthName(monthOf(trend.previousMonth), lang);
  if (trend.direction === 'tidak-ada-data' || trend.points === null) {
    const missing = trend.coverage === null ? month : previous;
    return { text: t('profil.trend.month.none', { month, previous, missing }), tone: 'neutral' };
  }
  const value = coverageText({ coverage: trend.coverage }, def, t);
  if (trend.direction === 'tetap')
    return { text: t('profil.trend.month.tetap', { month, previous, value }), tone: 'neutral' };
  return {
    text: t(`profil.trend.month.${trend.direction}`, {
      month,
      previous,
      value,
      points: points(trend.points, def.unit, t),
    }),
    tone: toneOf(trend.better),
  };
}

function countLine(row: ProfileIndicator['row'], def: Def, period: Period, t: TFunction, lang: Lang): string | null {
  if (row.numerator === null || row.denominator === null) return null;
  const noun = denominatorNoun(def);
  // A month or a quarter of an annual sasaran: the count is of that slice, the sasaran is for the whole year.
  if (indicatorFraction(def, period) < 1 && !isYearToDate(period)) {
    return t('profil.countSlice', {
      n: formatCount(row.numerator),
      noun,
      period: periodLabel(period, lang, t),
      of: formatCount(row.denominator),
    });
  }
  return t('profil.count', { n: formatCount(row.numerator), of: formatCount(row.denominator), noun });
}

function pwsLine(item: ProfileIndicator, period: Period, t: TFunction, lang: Lang): IndicatorCard['pws'] {
  if (!item.pwsApplies || item.row.coverage === null) return null;
  const month = monthName(period.toMonth, lang);
  const reading = {
    aboveTarget: item.row.class === 'baik',
    trend: item.trendMonth && item.trendMonth.direction !== 'tidak-ada-data' ? item.trendMonth.direction : null,
  };
  if (item.pwsStatus === null) {
    const missing = item.trendMonth?.coverage === null ? 'this' : 'last';
    return {
      status: null,
      text: t('profil.pwsMissing', { month, missing: missingMonthText(missing, period.toMonth, t, lang) }),
      explain: null,
    };
  }
  return {
    status: item.pwsStatus,
    text: t('profil.pws', { month, status: t(`pws.${item.pwsStatus}`) }),
    explain: pwsExplainText(reading, period.toMonth, t, lang),
  };
}

export function indicatorCard(
  item: ProfileIndicator,
  def: Def,
  period: Period,
  t: TFunction,
  lang: Lang = 'id',
): IndicatorCard {
  const { row } = item;
  const hasData = row.coverage !== null;
  return {
    code: def.code,
    shortName: def.short,
    name: lang === 'en' ? def.nameEn : def.nameId,
    hasData,
    value: hasData ? coverageText(row, def, t) : t('profil.noData'),
    count: hasData ? countLine(row, def, period, t, lang) : null,
    target: hasData ? targetText(row, def, t) : null,
    judged: hasData ? classLine(row, def, period, t, lang) : null,
    shortOfTarget: hasData ? shortOfTargetLine(row, def, t) : null,
    notYetServed: hasData ? notYetServedLine(row, def, t) : null,
    trendMonth: hasData && item.trendMonth ? monthLine(item.trendMonth, def, t, lang) : null,
    trendYear: hasData ? yearLine(item.trendYear, def.unit, t) : null,
    pws: hasData ? pwsLine(item, period, t, lang) : null,
    over100: row.over100,
    simulated: row.simulated,
  };
}

/**
 * The cards in the server's order (weakest first), those without data moved last (their order kept). Indicators the
 * catalogue does not list (an older client) are left out.
 */
export function indicatorCards(
  profile: Pick<WilayahProfile, 'indicators' | 'period'>,
  defs: readonly Def[],
  t: TFunction,
  lang: Lang = 'id',
): IndicatorCard[] {
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const period = parsePeriod(profile.period);
  const cards = profile.indicators.flatMap((item) => {
    const def = byCode.get(item.indicator);
    return def ? [indicatorCard(item, def, period, t, lang)] : [];
  });
  return [...cards.filter((c) => c.hasData), ...cards.filter((c) => !c.hasData)];
}

/** "12 Nov 2026" style date of a meeting or a deadline (ISO yyyy-mm-dd in), in the UI language. */
export function dateText(iso: string, lang: 'id' | 'en'): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}
