// The small-count rule (issue 18, UU 27/2022 Pasal 4: health data is specific personal data): what a reader outside
// the area sees of ONE cell — an area × indicator × period. Which readers are "outside" is reader.ts; hiding
// further cells so that a hidden one cannot be recovered by subtraction is suppression.ts. docs/privacy.md explains
// every choice below; this file is the rule itself.
import { coverageOf } from '../indicators/aggregate.ts';
import type { IndicatorDef, IndicatorUnit } from '../indicators/catalogue.ts';
import { notYetServed, shortOfTarget } from '../indicators/people.ts';
import { expectedValue } from '../indicators/period-value.ts';
import type { Period } from '../indicators/period.ts';

/** Counts below this are hidden (CDC WONDER and Washington DOH use 10). SMALL_CELL_THRESHOLD overrides it. */
export const DEFAULT_SMALL_CELL_THRESHOLD = 10;
/** Lower values are refused: a band "< 3" hides almost nothing. */
export const MIN_SMALL_CELL_THRESHOLD = 5;

/** Reads SMALL_CELL_THRESHOLD; throws a Bahasa Indonesia message for a value the rule cannot work with. */
export function parseSmallCellThreshold(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_SMALL_CELL_THRESHOLD;
  const n = Number(value);
  if (!Number.isInteger(n) || n < MIN_SMALL_CELL_THRESHOLD || n > 100) {
    throw new Error(
      `SMALL_CELL_THRESHOLD tidak sah: "${value}" (harus bilangan bulat ${MIN_SMALL_CELL_THRESHOLD}–100; bawaan ${DEFAULT_SMALL_CELL_THRESHOLD}).`,
    );
  }
  return n;
}

/** Where a cell sits. The small-count rule covers the small areas; larger ones are published as they are. */
export type AreaLevel = 'desa' | 'kecamatan' | 'puskesmas' | 'kabupaten' | 'provinsi' | 'nasional';
const SMALL_AREAS: ReadonlySet<AreaLevel> = new Set<AreaLevel>(['desa', 'kecamatan', 'puskesmas']);
export const isSmallArea = (level: AreaLevel) => SMALL_AREAS.has(level);

/**
 * Why an area's cells are hidden: a count of it is small in some period of the year ('small-count'), its indicator
 * ('sensitive'), or it protects a small count of another area ('complementary').
 */
export type SuppressionReason = 'small-count' | 'sensitive' | 'complementary';
export const SUPPRESSION_REASONS: readonly SuppressionReason[] = ['small-count', 'sensitive', 'complementary'];

/** 'personal': ordinary counts of persons (the catalogue says nothing); see IndicatorPrivacy in catalogue.ts. */
export type PrivacyClass = 'personal' | 'sensitive' | 'not-personal';

export function privacyClassOf(def: Pick<IndicatorDef, 'privacy'>): PrivacyClass {
  return def.privacy?.class ?? 'personal';
}

/** What the rule needs to know beyond the catalogue. */
export interface RuleOptions {
  /**
   * The sasaran rows of this table are registers (counted by name), not estimates. Only matters for sensitive
   * indicators: a register of people with a severe mental illness or at risk of HIV is itself sensitive.
   */
  sasaranIsRegister?: boolean;
}

/**
 * The denominator is itself a count of people to protect: a counted denominator (a register: terduga TBC, balita
 * ditimbang, kasus DBD) of a personal indicator, or the sasaran of a sensitive indicator when it is a register. A
 * population (per 100,000) never is, nor an estimated sasaran (a projection from the population, a published planning
 * figure), nor — a documented choice — the register sasaran of an ordinary group (ibu hamil: pregnancy is seen).
 */
export function denominatorProtected(
  def: Pick<IndicatorDef, 'privacy' | 'denominator'>,
  options: RuleOptions = {},
): boolean {
  const cls = privacyClassOf(def);
  if (cls === 'not-personal' || def.denominator.kind === 'population') return false;
  return def.denominator.kind === 'counted' || (cls === 'sensitive' && options.sasaranIsRegister === true);
}

/** The counts of one cell as the API computes them (rollUpDesa, then evaluateValue). */
export interface CellCounts {
  numerator: number | null;
  denominator: number | null;
  /** Belum terlayani tahun ini: denominator − served (people.ts); null where it does not apply. */
  notYetServed: number | null;
  /** Kekurangan terhadap target periode ini: expected persons − served (people.ts); null where it does not apply. */
  shortOfTarget: number | null;
}

/** CellCounts and the coverage of Σ numerator and Σ denominator, exactly as evaluateValue derives them. */
export function cellCounts(
  def: IndicatorDef,
  period: Pick<Period, 'kind' | 'fromMonth' | 'toMonth'>,
  numerator: number | null,
  denominator: number | null,
  target: number | null = def.target,
): CellCounts & { coverage: number | null } {
  const coverage = coverageOf(numerator, denominator, def.unit);
  return {
    numerator,
    denominator,
    coverage,
    notYetServed: coverage === null ? null : notYetServed(def, period, numerator, denominator),
    shortOfTarget:
      coverage === null ? null : shortOfTarget(def, period, numerator, denominator, expectedValue(def, period, target)),
  };
}

/**
 * Does this cell have to be hidden for its own sake? Null: no.
 * - 'not-personal' indicators: never.
 * - 'sensitive' indicators at desa level: always (whatever the count).
 * - desa, kecamatan, puskesmas: when a count of people is small, i.e. below k:
 *     the numerator, including 0 — a 0 over a group says something about each member ("none of the ODGJ berat of
 *       this desa were served"), and showing zeros while hiding 1..k−1 would tell a reader that a hidden cell is not
 *       zero, which narrows what subtraction has to guess;
 *     when the denominator is itself protected (denominatorProtected: real people, a register): that denominator, its
 *       complement denominator − numerator including 0 — the people not served, "belum terlayani" (people.ts); "all 12
 *       presumptive cases were positive" describes every one of them —, and the persons short of the target
 *       (shortOfTarget) when 1..k−1 (≤ 0 = reached). Over an estimated sasaran (ibu hamil, balita) both are planning
 *       figures — "3 more to reach 95 % of an estimate" names nobody — and a reader who sees the numerator and the
 *       sasaran computes them anyway.
 * Cells with no report (numerator null) have nothing to hide.
 */
export function primaryReason(
  def: Pick<IndicatorDef, 'privacy' | 'denominator'>,
  level: AreaLevel,
  counts: CellCounts,
  threshold: number,
  options: RuleOptions = {},
): Exclude<SuppressionReason, 'complementary'> | null {
  const cls = privacyClassOf(def);
  if (cls === 'not-personal') return null;
  if (cls === 'sensitive' && level === 'desa') return 'sensitive';
  if (!isSmallArea(level) || counts.numerator === null) return null;
  const small = (x: number) => x < threshold;
  if (small(counts.numerator)) return 'small-count';
  if (!denominatorProtected(def, options)) return null;
  if (counts.shortOfTarget !== null && counts.shortOfTarget >= 1 && small(counts.shortOfTarget)) return 'small-count';
  if (counts.denominator !== null) {
    if (small(counts.denominator)) return 'small-count';
    const complement = counts.denominator - counts.numerator;
    if (complement >= 0 && small(complement)) return 'small-count';
  }
  return null;
}

/** A hidden count is shown as one of two bands: "< k" (0 included) or "≥ k". */
export type Band = 'below' | 'atLeast';
export const bandOf = (x: number, threshold: number): Band => (x < threshold ? 'below' : 'atLeast');

/** "< 10" / "≥ 10" (the number written Indonesian style, as everywhere in the UI). */
export function bandText(band: Band, threshold: number): string {
  const k = threshold.toLocaleString('id-ID');
  return band === 'below' ? `< ${k}` : `≥ ${k}`;
}

const MULTIPLIER: Record<IndicatorUnit, number> = { percent: 100, per100k: 100_000 };

/** Decimals of a percentage (or rate) shown for a hidden cell when it is shown at all. */
export const HIDDEN_COVERAGE_DECIMALS = 1;

/**
 * May the coverage of a hidden cell be shown, rounded to `decimals`, next to its (shown) denominator d?
 * A shown value p stands for every true value in [p − h, p + h) with h = ½·10^−decimals (percentage points, or per
 * 100,000), i.e. for every numerator n with (p − h)·d/M ≤ n < (p + h)·d/M, M = 100 or 100,000. That is a half-open
 * interval of length 2h·d/M, which holds at least ⌊2h·d/M⌋ whole numbers; at p = 0 it is cut at n ≥ 0 to [0, h·d/M),
 * which holds at least ⌈h·d/M⌉. So when h·d/M ≥ k, every shown value is consistent with at least k numerators and the
 * coverage cannot reveal the count: d ≥ k·M/h, e.g. d ≥ 20,000 for percentages with one decimal and k = 10.
 * A hidden (protected) denominator never qualifies: the reader would not know d.
 */
export function coverageMayShow(
  denominator: number | null,
  unit: IndicatorUnit,
  threshold: number,
  decimals = HIDDEN_COVERAGE_DECIMALS,
): boolean {
  if (denominator === null || !(denominator > 0)) return false;
  const half = 0.5 * 10 ** -decimals;
  return (half * denominator) / MULTIPLIER[unit] >= threshold;
}

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/** What replaces the counts of a hidden cell. Everything else of the row (target, expected, reports) stays. */
export interface HiddenCell {
  suppressed: SuppressionReason;
  /**
   * The numerator — and over a protected denominator also that denominator and the two person counts (people.ts) — as
   * bands, for a single month only; null for quarters, ranges and the year. A band for every range a..b of a hidden desa would, taken together,
   * give its monthly counts back (which ranges reach k and which do not); one band per month is one interval per
   * stored count, which the suppression audit accounts for.
   */
  bands: { numerator: Band; denominator: Band | null; notYetServed: Band | null; shortOfTarget: Band | null } | null;
  /** The denominator when it is not protected (an estimated sasaran, a population); null when protected or none. */
  denominator: number | null;
  /** Rounded to HIDDEN_COVERAGE_DECIMALS when coverageMayShow, else null. Class and attainment are not shown. */
  coverage: number | null;
}

/**
 * The hidden form of a cell with a report (numerator not null). `reason` is the reason of the AREA for the year
 * (suppression.ts hides an area's whole year, and gives every period of it the same reason, so that the reason of a
 * period does not say whether that period is small); `withBands` for single months.
 */
export function hideCell(
  def: Pick<IndicatorDef, 'privacy' | 'denominator' | 'unit'>,
  counts: CellCounts & { coverage: number | null },
  reason: SuppressionReason,
  threshold: number,
  withBands = true,
  options: RuleOptions = {},
): HiddenCell {
  const protectedDen = denominatorProtected(def, options);
  const shownDen = protectedDen ? null : counts.denominator;
  return {
    suppressed: reason,
    bands: withBands
      ? {
          numerator: bandOf(counts.numerator ?? 0, threshold),
          denominator: protectedDen && counts.denominator !== null ? bandOf(counts.denominator, threshold) : null,
          // Over a shown denominator these are shown denominator or expected − numerator: second bands on the same count, and
          // together they can pin it (n < 10 and 18 − n < 10 leave n = 9). Banded only when the denominator is not shown;
          // "< 10" then includes ≤ 0 (all served, target reached).
          notYetServed: counts.notYetServed === null || !protectedDen ? null : bandOf(counts.notYetServed, threshold),
          shortOfTarget:
            counts.shortOfTarget === null || !protectedDen ? null : bandOf(counts.shortOfTarget, threshold),
        }
      : null,
    denominator: shownDen,
    coverage:
      counts.coverage !== null && coverageMayShow(shownDen, def.unit, threshold)
        ? round(counts.coverage, HIDDEN_COVERAGE_DECIMALS)
        : null,
  };
}

/** Texts for the table, the hover card, the legend, PNG, PDF and CSV (id first, as everywhere). */
export const SUPPRESSION_TEXT: Record<SuppressionReason, { id: string; en: string }> = {
  'small-count': { id: 'disembunyikan: jumlah kecil', en: 'hidden: small count' },
  sensitive: { id: 'disembunyikan: indikator sensitif', en: 'hidden: sensitive indicator' },
  complementary: {
    id: 'disembunyikan: melindungi jumlah kecil di baris lain',
    en: 'hidden: protects a small count in another row',
  },
};

/** The legend line under a map or table with hidden cells. */
export const PRIVACY_LEGEND = {
  id: 'Arsiran: angka disembunyikan untuk melindungi data pribadi (UU 27/2022). Petugas melihat angka lengkap untuk wilayah tugasnya.',
  en: 'Hatched: numbers hidden to protect personal data (Law 27/2022). Staff see full numbers for the area they serve.',
} as const;
