// Totals over the sasaran of EVERY desa (issue 18, docs/privacy.md §3.3 "register sasaran"). The roll-up adds a desa's
// sasaran to a total only in the periods the desa reported (aggregate.ts: numerator and denominator describe the same
// desa). For a sensitive indicator whose sasaran is a register (people with a severe mental illness, people at risk of
// HIV, presumptive TB), that makes every shown total a leak: the kabupaten's denominator of a month in which desa A did
// not report, subtracted from one in which it did, is A's register — a count of people the rule hides at desa level.
// So for readers OUTSIDE an area, the totals above the desa of a sensitive indicator with a sasaran denominator take the
// sasaran of every desa the area holds, reported or not (a desa without a report adds 0 served): the denominator of a
// total is then the same in every period of the year, whichever desa reported, and says nothing about any one desa.
// This is the PWS definition of a wilayah's cakupan (hasil ÷ sasaran wilayah); the numerator stays the reported one.
// Readers who see an area exactly keep the usual roll-up (coverage of the reporting desa).
import { coverageOf } from '../indicators/aggregate.ts';
import type { IndicatorDef } from '../indicators/catalogue.ts';
import { evaluateValue, seriesOfRollUp, valueRowNumbers, type SeriesMonth } from '../indicators/evaluate.ts';
import type { Period } from '../indicators/period.ts';
import type { RollupAggregate } from '../indicators/rollup-sums.ts';
import { privacyClassOf } from './rule.ts';

type Def = Pick<IndicatorDef, 'privacy' | 'periodKind' | 'unit'> & {
  readonly denominator: { readonly kind: IndicatorDef['denominator']['kind'] };
};

/**
 * Do totals above the desa take the sasaran of all their desa for readers outside the area? Sensitive indicators with
 * a sasaran denominator — whether this year's rows are registers or estimates: an estimate is public anyway, and one
 * rule per indicator keeps the map of a provinsi (kabupaten with and without registers) comparable.
 */
export function totalsOverAllSasaran(def: Pick<IndicatorDef, 'privacy' | 'denominator'>): boolean {
  return privacyClassOf(def) === 'sensitive' && def.denominator.kind === 'sasaran';
}

/** One desa of a total: its annual sasaran (null: unknown, left out as in the roll-up) and the months of the period the total holds it. */
export interface HeldSasaran {
  sasaran: number | null;
  heldMonths: number;
}

/**
 * The denominator of a total over all its desa for a period, as periodValue would give it if every desa had reported
 * every month it is held: the annual sasaran for ytd_cum / annual (a share when held part of the period, as
 * rollUpByWilayahKerja), the sasaran per month for monthly ratios, the sasaran for point values. Null when no desa has one.
 */
export function allSasaranDenominator(
  def: Def,
  period: Pick<Period, 'fromMonth' | 'toMonth'>,
  desa: readonly HeldSasaran[],
): number | null {
  const length = period.toMonth - period.fromMonth + 1;
  let total = 0;
  let any = false;
  for (const d of desa) {
    if (d.sasaran === null || d.heldMonths <= 0) continue;
    any = true;
    if (def.periodKind === 'month') total += d.sasaran * d.heldMonths;
    else if (def.periodKind === 'point') total += d.sasaran;
    else total += (d.sasaran * Math.min(d.heldMonths, length)) / length;
  }
  return any ? total : null;
}

/** The roll-up with its denominator replaced by `denominator` (allSasaranDenominator): coverage follows; a total without a report stays without one. */
export function withAllSasaran<A extends RollupAggregate>(agg: A, denominator: number | null, def: Def): A {
  if (agg.numerator === null) return agg;
  const coverage = coverageOf(agg.numerator, denominator, def.unit);
  return {
    ...agg,
    denominator,
    coverage,
    over100: def.unit === 'percent' && coverage !== null && coverage > 100,
    complete: agg.complete,
  };
}

/** What rowOverAllSasaran reads of a value row (the rest — class, attainment, … — it writes). */
interface TotalRow {
  numerator: number | null;
  denominator: number | null;
  coverage: number | null;
  over100: boolean;
  reported: number;
  expectedReports: number;
  target: number | null;
}

/**
 * A total's value row for a reader outside it: the same numerator over `denominator` (allSasaranDenominator of the
 * period), and what follows from it — coverage, the two counts of people, class, attainment. Reports stay as they are.
 */
export function rowOverAllSasaran<R extends TotalRow>(
  def: IndicatorDef,
  period: Pick<Period, 'kind' | 'fromMonth' | 'toMonth'>,
  row: R,
  denominator: number | null,
): R {
  if (row.numerator === null) return row;
  const agg = withAllSasaran(
    {
      numerator: row.numerator,
      denominator: row.denominator,
      coverage: row.coverage,
      over100: row.over100,
      reportedMonths: row.reported,
      expectedMonths: row.expectedReports,
      complete: false,
    },
    denominator,
    def,
  );
  return { ...row, ...valueRowNumbers(evaluateValue(def, period, agg, { target: row.target })) } as R;
}

/**
 * Twelve months of a total for a reader outside it, over the annual sasaran of all its desa (`annualSasaran`, held the
 * whole year): the monthly and the cumulative numerators stay, denominators and coverages follow. January's PWS
 * status needs last December over all desa, which the series does not carry: it is left out.
 */
export function seriesOverAllSasaran<M extends SeriesMonth>(
  def: IndicatorDef,
  year: number,
  months: readonly M[],
  annualSasaran: number | null,
  target: number | null,
): M[] {
  const denominatorOf = (p: Period) =>
    allSasaranDenominator(def, p, [{ sasaran: annualSasaran, heldMonths: p.toMonth - p.fromMonth + 1 }]);
  const at = (m: number) => months.find((x) => x.month === m);
  const rebuilt = seriesOfRollUp(
    def,
    year,
    (p) => {
      const numerator =
        p.kind === 'month' ? (at(p.toMonth)?.numerator ?? null) : (at(p.toMonth)?.cumulativeNumerator ?? null);
      const denominator = numerator === null ? null : denominatorOf(p);
      return { numerator, denominator, coverage: coverageOf(numerator, denominator, def.unit) };
    },
    { target },
  );
  return months.map((m) => {
    const r = rebuilt[m.month - 1]!;
    return {
      ...m,
      denominator: r.denominator,
      coverage: r.coverage,
      cumulativeDenominator: r.cumulativeDenominator,
      cumulativeCoverage: r.cumulativeCoverage,
      pwsStatus: m.month === 1 ? null : r.pwsStatus,
    };
  });
}
