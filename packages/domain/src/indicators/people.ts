// Two different "how many people" numbers, each with one name, never one shown under the other's name
// (domain brief §12.1):
//
//   Belum terlayani tahun ini (notYetServed) = denominator − served, for the year so far: the annual sasaran (or the
//     counted register, e.g. orang terduga TBC) minus the persons served January..m. It answers "how many people in
//     this desa still need the service this year". ≤ 0 when everyone was served; negative when more were served than
//     the (estimated) sasaran — "melebihi sasaran", never "0 belum".
//   Kekurangan terhadap target periode ini (shortOfTarget) = expected/100 × denominator − served: persons short of the value
//     the class is judged against (target × m/12 for Januari..m — the PWS target line —, the period's share of the
//     annual target for a month or a quarter, the target itself for counted or point values). ≤ 0: reached.
//
// shortOfTarget > 0 exactly when the class is not "baik": it is the same comparison, counted in persons (tested).
// Both exist only for indicators that count persons served (a `notServedText` in the catalogue: higher is better,
// percent, a denominator of persons). Persons are whole: a shortfall of 1.3 persons is 2 more persons to serve.
import type { IndicatorDef } from './catalogue.ts';
import { reachesExpected } from './classify.ts';
import { formatNumberId } from './format.ts';
import { isYearToDate, type Period } from './period.ts';

type PersonsDef = Pick<IndicatorDef, 'notServedText' | 'polarity' | 'unit' | 'denominator'>;

/** Indicators whose numerator counts persons served out of a denominator of persons. */
export function countsPersons(def: PersonsDef): boolean {
  return (
    def.notServedText !== null &&
    def.polarity === 'higher' &&
    def.unit === 'percent' &&
    def.denominator.kind !== 'population'
  );
}

/** Whole persons from a difference: 1.3 → 2, −0.2 → 0 (never −0), −5 → −5. */
const persons = (x: number) => {
  const n = Math.ceil(x - 1e-9);
  return n === 0 ? 0 : n;
};

/**
 * Belum terlayani tahun ini: denominator − numerator for a year or January..m of an indicator that accumulates persons
 * over the year (ytd_cum, annual). Null for a month, a quarter or a range not starting in January (the numerator is a
 * slice of the year, the sasaran is for the whole year), for monthly ratios and point values, and without data.
 * §4.4: 40 ibu hamil, 30 reached → 10 (not 8: that was the gap to the 95 % target, a third number we no longer show).
 */
export function notYetServed(
  def: PersonsDef & Pick<IndicatorDef, 'periodKind'>,
  period: Pick<Period, 'kind' | 'fromMonth'>,
  numerator: number | null,
  denominator: number | null,
): number | null {
  if (!countsPersons(def) || numerator === null || denominator === null) return null;
  if (def.periodKind !== 'ytd_cum' && def.periodKind !== 'annual') return null;
  if (!isYearToDate(period)) return null;
  return persons(denominator - numerator);
}

/**
 * Kekurangan terhadap target periode ini: ⌈expected/100 × denominator − numerator⌉, > 0 exactly when the coverage is below the
 * expected value (class cukup or kurang), ≤ 0 when it is reached. Null where persons are not counted, without data or
 * target, and for monthly ratios over several months (their denominator is person-months, not persons).
 * §4.4 roll-up: 45 of 65 by September, expected 71.25 % → 46.3 persons → 2 short.
 */
export function shortOfTarget(
  def: PersonsDef & Pick<IndicatorDef, 'periodKind'>,
  period: Pick<Period, 'fromMonth' | 'toMonth'>,
  numerator: number | null,
  denominator: number | null,
  expected: number | null,
): number | null {
  if (!countsPersons(def) || numerator === null || denominator === null || expected === null || !(denominator > 0))
    return null;
  if (def.periodKind === 'month' && period.toMonth !== period.fromMonth) return null;
  const raw = persons((expected / 100) * denominator - numerator);
  // The class compares coverage with expected; say the same in persons even where rounding would disagree.
  return reachesExpected((numerator / denominator) * 100, expected) ? Math.min(0, raw) : Math.max(1, raw);
}

/** Who is counted: the words before "belum" in the catalogue's text ("ibu hamil belum K4" → "ibu hamil"). */
export function personNoun(def: Pick<IndicatorDef, 'notServedText'>): string | null {
  if (def.notServedText === null) return null;
  const i = def.notServedText.indexOf(' belum');
  return i < 0 ? def.notServedText : def.notServedText.slice(0, i);
}

/**
 * A count or a denominator as it is used: whole numbers as they are ("1.429"), an estimated sasaran with one decimal
 * ("20,8"), so "21 dari 20,8" agrees with 101,0 % where "21 dari 21" did not.
 */
export function formatCount(x: number): string {
  const rounded = Math.round(x * 10) / 10;
  return formatNumberId(rounded, Number.isInteger(rounded) ? 0 : 1);
}

/** The names of the two quantities (Bahasa Indonesia), for labels, column headings and the printed pack. */
export const PEOPLE_LABELS = {
  notYetServed: 'Belum terlayani tahun ini',
  shortOfTarget: 'Kekurangan terhadap target periode ini',
} as const;

/**
 * "14 ibu hamil belum K4"; "semua sasaran terlayani"; "melebihi sasaran (21 terlayani dari 20,8)". Null where it does
 * not apply. Read after PEOPLE_LABELS.notYetServed.
 */
export function notYetServedText(
  def: Pick<IndicatorDef, 'notServedText'>,
  n: number | null,
  numerator: number | null,
  denominator: number | null,
): string | null {
  if (n === null || def.notServedText === null) return null;
  if (n > 0) return `${formatNumberId(n, 0)} ${def.notServedText}`;
  if (numerator !== null && denominator !== null && numerator > denominator) {
    return `melebihi sasaran (${formatCount(numerator)} terlayani dari ${formatCount(denominator)})`;
  }
  return 'semua sasaran terlayani';
}

/** "5 ibu hamil"; "tercapai"; "tercapai, lebih 3 ibu hamil". Read after PEOPLE_LABELS.shortOfTarget. */
export function shortOfTargetText(def: Pick<IndicatorDef, 'notServedText'>, n: number | null): string | null {
  const noun = personNoun(def);
  if (n === null || noun === null) return null;
  if (n > 0) return `${formatNumberId(n, 0)} ${noun}`;
  return n < 0 ? `tercapai, lebih ${formatNumberId(-n, 0)} ${noun}` : 'tercapai';
}
