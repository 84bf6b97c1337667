// How a hidden cell looks where it is shown: a value row (map, table, profile, agenda, exports) or a month of a series.
// The wiring applies these to the rows it already builds; nothing else may print a hidden count.
import type { AttainmentClass } from '../indicators/classify.ts';
import type { PwsStatus } from '../indicators/pws-status.ts';
import { bandText, SUPPRESSION_TEXT, type Band, type HiddenCell, type SuppressionReason } from './rule.ts';

/** What a hidden row carries instead of its counts (contract: ProtectionSchema). */
export interface Protection {
  suppressed: SuppressionReason;
  /** The k the bands refer to. */
  threshold: number;
  bands: HiddenCell['bands'];
  /** "disembunyikan: jumlah kecil · < 10" — Bahasa Indonesia, for tables, hover cards, PNG, PDF and CSV. */
  text: string;
}

/** Hidden rows are not classed: the map patterns them instead of colouring them (or greying them as "no data"). */
export type ProtectedClass = AttainmentClass | 'disembunyikan';

export function protectionOf(cell: HiddenCell, threshold: number): Protection {
  return {
    suppressed: cell.suppressed,
    threshold,
    bands: cell.bands,
    text: protectionText(cell.suppressed, cell.bands?.numerator ?? null, threshold),
  };
}

export function protectionText(
  reason: SuppressionReason,
  band: Band | null,
  threshold: number,
  lang: 'id' | 'en' = 'id',
): string {
  const base = SUPPRESSION_TEXT[reason][lang];
  return band === null ? base : `${base} · ${bandText(band, threshold)}`;
}

interface MaskableRow {
  numerator: number | null;
  denominator: number | null;
  coverage: number | null;
  notYetServed: number | null;
  shortOfTarget: number | null;
  attainment: number | null;
  class: ProtectedClass;
  over100: boolean;
}

export type Masked<T extends MaskableRow> = Omit<T, 'class'> & { class: ProtectedClass; protection: Protection | null };

/**
 * A value row as a reader sees it: unchanged (protection null) when `cell` is null, else without its counts —
 * numerator, the two person counts, a protected denominator, attainment, class and the over-100 flag go; the shown denominator (an
 * estimated sasaran, a population) and a percentage rounded under coverageMayShow stay; target, expected and the
 * reporting counts stay (they are not counts of people).
 */
export function maskRow<T extends MaskableRow>(row: T, cell: HiddenCell | null, threshold: number): Masked<T> {
  // A row already marked shown (protection null, as the values service builds them) is sent as it is: no copy.
  if (cell === null)
    return 'protection' in row && row.protection === null ? (row as Masked<T>) : { ...row, protection: null };
  return {
    ...row,
    numerator: null,
    denominator: cell.denominator,
    coverage: cell.coverage,
    notYetServed: null,
    shortOfTarget: null,
    attainment: null,
    class: 'disembunyikan',
    over100: false,
    protection: protectionOf(cell, threshold),
  };
}

interface MaskableMonth {
  numerator: number | null;
  denominator: number | null;
  coverage: number | null;
  cumulativeNumerator: number | null;
  cumulativeDenominator: number | null;
  cumulativeCoverage: number | null;
  pwsStatus: PwsStatus | null;
}

/**
 * A month of a series (seriesOf): the month from the cell of month m, the "s.d. bulan ini" line from the cell of
 * January..m. The PWS status compares hidden percentages (the line against the target, this month against the last),
 * so it goes whenever either is hidden.
 */
export function maskSeriesMonth<T extends MaskableMonth>(
  month: T,
  monthCell: HiddenCell | null,
  cumulativeCell: HiddenCell | null,
  threshold: number,
): T & { protection: Protection | null; cumulativeProtection: Protection | null } {
  const out = {
    ...month,
    protection: monthCell && protectionOf(monthCell, threshold),
    cumulativeProtection: cumulativeCell && protectionOf(cumulativeCell, threshold),
  };
  if (monthCell)
    Object.assign(out, { numerator: null, denominator: monthCell.denominator, coverage: monthCell.coverage });
  if (cumulativeCell) {
    Object.assign(out, {
      cumulativeNumerator: null,
      cumulativeDenominator: cumulativeCell.denominator,
      cumulativeCoverage: cumulativeCell.coverage,
    });
  }
  if (monthCell || cumulativeCell) out.pwsStatus = null;
  return out;
}
