// The whole chain for the API: monthly desa values → period value → roll-up → coverage, expected, the two counts of
// people (people.ts), class.
// GET /api/nilai builds one row per child with rollUpDesa + evaluateValue; GET /api/wilayah/{kode}/series uses seriesOf.
import { aggregate, type Aggregate } from './aggregate.ts';
import type { IndicatorDef } from './catalogue.ts';
import { classifyAttainment, type AttainmentClass } from './classify.ts';
import { monthPeriod, ytdPeriod, type Period } from './period.ts';
import { notYetServed, shortOfTarget } from './people.ts';
import { expectedValue, periodValue, periodValueOfYear, type MonthValue } from './period-value.ts';
import { pwsStatus, type PwsStatus } from './pws-status.ts';
import type { RollupAggregate } from './rollup-sums.ts';
import { round2 } from './sasaran.ts';

/** The stored data of one desa for one indicator and year. */
export interface DesaInput {
  /** Monthly values of the year (absent months = no report). */
  months: readonly MonthValue[];
  /** Annual sasaran of the indicator's group, or the population for 'population' denominators; null if unknown. */
  sasaran: number | null;
}

/** One desa's stored year of one indicator (a row of indicator_value): element m − 1 is month m, NULL = no report. */
export interface StoredYear {
  readonly numerators: readonly (number | null)[];
  readonly denominators: readonly (number | null)[] | null;
}

/** The reported months of a stored year: a month without a numerator is no report (never zero). */
export function reportedMonths(row: StoredYear | undefined): MonthValue[] {
  const months: MonthValue[] = [];
  if (!row) return months;
  for (let i = 0; i < 12; i++) {
    const numerator = row.numerators[i];
    if (numerator === null || numerator === undefined) continue;
    months.push({ month: i + 1, numerator, denominator: row.denominators?.[i] ?? null });
  }
  return months;
}

/** A desa's input to the roll-up: its reported months and the annual sasaran of the indicator's group (or null). */
export function desaInputOf(row: StoredYear | undefined, sasaran: number | null): DesaInput {
  return { months: reportedMonths(row), sasaran };
}

/** Roll-up of the desa under one area for a period (one desa → that desa's own value). */
export function rollUpDesa(
  def: IndicatorDef,
  period: Pick<Period, 'fromMonth' | 'toMonth'>,
  desa: readonly DesaInput[],
): Aggregate {
  return aggregate(
    desa.map((d) => periodValue(def, period, d.months, d.sasaran)),
    def.unit,
  );
}

/**
 * One desa's own value for a period straight from its stored year (undefined: no row): rollUpDesa of that one desa,
 * without building its months (an answer about a kecamatan's desa runs this per desa).
 */
export function desaValue(
  def: IndicatorDef,
  period: Pick<Period, 'fromMonth' | 'toMonth'>,
  row: StoredYear | undefined,
  sasaran: number | null,
): Aggregate {
  return aggregate([periodValueOfYear(def, period, row, sasaran)], def.unit);
}

export interface EvaluatedValue {
  numerator: number | null;
  denominator: number | null;
  coverage: number | null;
  target: number | null;
  /** target × indicatorFraction: the value the class is judged against. */
  expected: number | null;
  /** Belum terlayani tahun ini: denominator − served, year-to-date periods only (people.ts). */
  notYetServed: number | null;
  /** Kekurangan terhadap target periode ini: expected persons − served; > 0 exactly when the class is not baik (people.ts). */
  shortOfTarget: number | null;
  class: AttainmentClass;
  attainment: number | null;
  over100: boolean;
  /** Desa-month reports received / expected. */
  reported: number;
  expectedReports: number;
  complete: boolean;
}

export interface EvaluateOptions {
  /** Local target (SK kapus / Renstra) replacing the catalogue default. */
  target?: number | null;
}

export function evaluateValue(
  def: IndicatorDef,
  period: Pick<Period, 'kind' | 'fromMonth' | 'toMonth'>,
  agg: RollupAggregate,
  options: EvaluateOptions = {},
): EvaluatedValue {
  const target = options.target !== undefined ? options.target : def.target;
  const expected = expectedValue(def, period, target);
  const { class: cls, attainment } = classifyAttainment(def, agg.coverage, expected);
  return {
    numerator: agg.numerator,
    denominator: agg.denominator,
    coverage: agg.coverage,
    target,
    expected,
    notYetServed: agg.coverage === null ? null : notYetServed(def, period, agg.numerator, agg.denominator),
    shortOfTarget: agg.coverage === null ? null : shortOfTarget(def, period, agg.numerator, agg.denominator, expected),
    class: cls,
    attainment,
    over100: agg.over100,
    reported: agg.reportedMonths,
    expectedReports: agg.expectedMonths,
    complete: agg.complete,
  };
}

/**
 * The numbers of one value row as the API sends them (GET /api/nilai, /api/nilai/puskesmas, profiles): the evaluated
 * value with its denominator to the cent (sums of estimated sasaran, round2).
 */
export function valueRowNumbers(value: EvaluatedValue) {
  return {
    numerator: value.numerator,
    denominator: value.denominator === null ? null : round2(value.denominator),
    coverage: value.coverage,
    target: value.target,
    expected: value.expected,
    notYetServed: value.notYetServed,
    shortOfTarget: value.shortOfTarget,
    class: value.class,
    attainment: value.attainment,
    over100: value.over100,
    reported: value.reported,
    expectedReports: value.expectedReports,
  };
}

export interface SeriesMonth {
  month: number;
  /** Month m alone: numerator, its denominator (annual sasaran for ytd_cum), coverage ("cakupan bulan ini"). */
  numerator: number | null;
  denominator: number | null;
  coverage: number | null;
  /** Jan..m (PWS "s.d. bulan ini"); null when month m itself has no report. */
  cumulativeNumerator: number | null;
  cumulativeDenominator: number | null;
  cumulativeCoverage: number | null;
  /** Target line for Jan..m: target × m/12 for ytd_cum, the target itself for monthly/point indicators. */
  expected: number | null;
  /** PWS KIA status (higher-is-better ytd_cum only; null otherwise or when a month is missing). */
  pwsStatus: PwsStatus | null;
}

export interface SeriesOptions extends EvaluateOptions {
  /** Monthly coverage of December of the previous year, for January's PWS trend. */
  previousDecemberCoverage?: number | null;
}

/** Twelve months of one area (its desa): monthly values, the cumulative line and the target line. */
export function seriesOf(
  def: IndicatorDef,
  year: number,
  desa: readonly DesaInput[],
  options: SeriesOptions = {},
): SeriesMonth[] {
  return seriesOfRollUp(def, year, (period) => rollUpDesa(def, period, desa), options);
}

/**
 * The same twelve months from any roll-up of the area for a period: its desa (seriesOf) or its stored sums
 * (rollUpFromSums), so both build the series by one rule.
 */
export function seriesOfRollUp(
  def: IndicatorDef,
  year: number,
  rollUp: (period: Period) => Pick<RollupAggregate, 'numerator' | 'denominator' | 'coverage'>,
  options: SeriesOptions = {},
): SeriesMonth[] {
  const target = options.target !== undefined ? options.target : def.target;
  const pws = def.polarity === 'higher' && def.periodKind === 'ytd_cum';
  const out: SeriesMonth[] = [];
  let previous: number | null = options.previousDecemberCoverage ?? null;
  for (let m = 1; m <= 12; m++) {
    const month = rollUp(monthPeriod(year, m));
    const ytd = ytdPeriod(year, m);
    const cum = rollUp(ytd);
    const expected = expectedValue(def, ytd, target);
    // A month without any report has no cumulative point either: the line stops instead of running flat into
    // months not reported yet (Jan..m still counts earlier reports once month m is reported).
    const hasMonth = month.numerator !== null;
    const status =
      pws && hasMonth
        ? (pwsStatus({ cumulative: cum.coverage, expected, thisMonth: month.coverage, lastMonth: previous })?.status ??
          null)
        : null;
    out.push({
      month: m,
      numerator: month.numerator,
      denominator: month.denominator,
      coverage: month.coverage,
      cumulativeNumerator: hasMonth ? cum.numerator : null,
      cumulativeDenominator: hasMonth ? cum.denominator : null,
      cumulativeCoverage: hasMonth ? cum.coverage : null,
      expected,
      pwsStatus: status,
    });
    previous = month.coverage;
  }
  return out;
}
