// What one indicator card of the profile page says, in words a kepala desa reads: the capaian as a big number,
// "64 dari 118 ibu hamil", the target, the people not yet served, the move since last month and last year (good or
// bad for this indicator), the PWS status with what it means. Indicators without data go last. Pure, no IO.
import { formatNumberId, SASARAN_GROUPS } from '@peta/domain';
import type { IndicatorDto, ProfileIndicator, WilayahProfile } from '@peta/domain/contract';
import type { MessageKey, TFunction } from '../../i18n/i18n.tsx';
import { coverageText, gapLine, targetText } from '../choropleth/value-text.ts';

export type Tone = 'good' | 'bad' | 'neutral';

export interface TrendLine { text: string; tone: Tone }

export interface IndicatorCard {
  code: string;
  /** Short name ("SPM Ibu hamil") and the full one in plain words. */
  shortName: string;
  name: string;
  hasData: boolean;
  /** "54,1%", or "belum ada data". */
  value: string;
  /** "64 dari 118 ibu hamil"; null without data. */
  count: string | null;
  target: string | null;
  /** "12 ibu hamil belum ANC sesuai standar"; null where the indicator has no gap in people. */
  gap: string | null;
  /** null: no "last month" for this period (a quarter, a year, January cumulative). */
  trendMonth: TrendLine | null;
  trendYear: TrendLine | null;
  pws: { status: NonNullable<ProfileIndicator['pwsStatus']>; label: string; explain: string } | null;
  over100: boolean;
  simulated: boolean;
}

type Def = Pick<IndicatorDto, 'code' | 'shortId' | 'nameId' | 'nameEn' | 'unit' | 'gapTextId' | 'denominator'>;

/** Who the denominator counts: "ibu hamil", "balita ditimbang (D)", "penduduk". */
export function denominatorNoun(def: Pick<IndicatorDto, 'denominator'>): string {
  const d = def.denominator;
  if (d.kind === 'sasaran') return SASARAN_GROUPS.find((g) => g.code === d.group)?.nounId ?? d.group;
  if (d.kind === 'counted') return d.labelId;
  return 'penduduk';
}

/** People are whole: an estimated sasaran of 117,6 reads 118. */
const people = (x: number) => formatNumberId(Math.round(x), 0);

function trendLine(trend: ProfileIndicator['trendYear'], against: 'month' | 'year', unit: Def['unit'], t: TFunction): TrendLine {
  const key = (suffix: string) => `profil.trend.${against}.${suffix}` as MessageKey;
  if (trend.direction === 'tidak-ada-data' || trend.points === null) return { text: t(key('none')), tone: 'neutral' };
  if (trend.direction === 'tetap') return { text: t(key('tetap')), tone: 'neutral' };
  const points = `${formatNumberId(Math.abs(trend.points))} ${t(unit === 'percent' ? 'profil.unit.points' : 'profil.unit.per100k')}`;
  return {
    text: t(key(trend.direction), { points }),
    tone: trend.better === true ? 'good' : trend.better === false ? 'bad' : 'neutral',
  };
}

export function indicatorCard(item: ProfileIndicator, def: Def, t: TFunction, lang: 'id' | 'en' = 'id'): IndicatorCard {
  const { row } = item;
  const hasData = row.coverage !== null;
  return {
    code: def.code,
    shortName: def.shortId,
    name: lang === 'en' ? def.nameEn : def.nameId,
    hasData,
    value: hasData ? coverageText(row, def, t) : t('profil.noData'),
    count: hasData && row.numerator !== null && row.denominator !== null
      ? t('profil.count', { n: people(row.numerator), of: people(row.denominator), noun: denominatorNoun(def) })
      : null,
    target: hasData ? targetText(row, def, t) : null,
    gap: hasData ? gapLine(row, def, t) : null,
    trendMonth: hasData && item.trendMonth ? trendLine(item.trendMonth, 'month', def.unit, t) : null,
    trendYear: hasData ? trendLine(item.trendYear, 'year', def.unit, t) : null,
    pws: item.pwsStatus
      ? { status: item.pwsStatus, label: t(`pws.${item.pwsStatus}`), explain: t(`pws.desc.${item.pwsStatus}`) }
      : null,
    over100: row.over100,
    simulated: row.simulated,
  };
}

/**
 * The cards in the server's order (weakest first), those without data moved last (their order kept). Indicators the
 * catalogue does not list (an older client) are left out.
 */
export function indicatorCards(profile: Pick<WilayahProfile, 'indicators'>, defs: readonly Def[], t: TFunction, lang: 'id' | 'en' = 'id'): IndicatorCard[] {
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const cards = profile.indicators.flatMap((item) => {
    const def = byCode.get(item.indicator);
    return def ? [indicatorCard(item, def, t, lang)] : [];
  });
  return [...cards.filter((c) => c.hasData), ...cards.filter((c) => !c.hasData)];
}

/** "12 Nov 2026" style date of a meeting or a deadline (ISO yyyy-mm-dd in), in the UI language. */
export function dateText(iso: string, lang: 'id' | 'en'): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}
