// One protectYear run as data that crosses to a worker thread and back (structured clone: no functions, no Sets).
// The same function runs in the privacy worker (the API) and in process (tests, the CLI): the rule is the domain's.
import {
  getIndicator,
  hiddenCellOf,
  periodsOfYear,
  protectFamily,
  protectYear,
  type Detail,
  type ProtectYearInput,
  type SuppressionReason,
  type YearProtection,
  type HiddenCell,
  type Period,
  type PrivacyDesa,
  type PrivacyGroup,
} from '@peta/domain';

/** The entry of the privacy worker thread (privacy-worker.mjs → privacy-worker-job.ts). */
export const PRIVACY_WORKER_URL = new URL('./privacy-worker.mjs', import.meta.url);

/** A total above the desa as plain data: its desa for the whole year, or per month (a puskesmas wilayah kerja). */
export interface ProtectGroup {
  id: string;
  level: PrivacyGroup['level'];
  desa?: string[];
  /** 12 lists: the desa it held on the first day of each month. */
  byMonth?: string[][];
}

export interface ProtectJob {
  indicator: string;
  year: number;
  threshold: number;
  desa: PrivacyDesa[];
  groups: ProtectGroup[];
  /** Ids the reader sees exactly (never used to hide another cell). */
  exact: string[];
  register: boolean;
  /**
   * The other indicators carrying a count of this one (catalogue COUNT_FAMILIES), same kabupaten, year and areas:
   * protected together with it (domain protectFamily), and their results come back too.
   */
  family?: { indicator: string; desa: PrivacyDesa[]; register: boolean }[];
}

/**
 * What one reader class sees of one table, as numbers (a kabupaten hides ~500 areas × 95 periods: as objects that was
 * ~47,000 cells and 5 MB to clone back to the API's event loop for every table). resultCell gives each cell again.
 */
export interface TableResult {
  hidden: string[];
  detail: Detail;
  /** reasons[i]: the reason of hidden[i] for the year. */
  reasons: SuppressionReason[];
  /** counts[(i·P + p)·2 + 0|1]: numerator and denominator of hidden[i] in period p of periodsOfYear (NaN: no report). */
  counts: Float64Array;
}

export interface ProtectResult extends TableResult {
  /** With a family: the result of every member, by indicator code (this one included). */
  members?: Record<string, TableResult>;
}

export type ProtectAnswer = { id: number; ok: true; result: ProtectResult } | { id: number; ok: false; error: string };

export const periodKey = (p: Pick<Period, 'kind' | 'fromMonth' | 'toMonth'>) => `${p.kind}:${p.fromMonth}-${p.toMonth}`;

export function runProtectJob(job: ProtectJob): ProtectResult {
  const exact = new Set(job.exact);
  const groups: PrivacyGroup[] = job.groups.map((g) => ({
    id: g.id,
    level: g.level,
    desaIn: g.byMonth ? (m: number) => g.byMonth![m - 1] ?? [] : () => g.desa ?? [],
  }));
  const tables = [{ indicator: job.indicator, desa: job.desa, register: job.register }, ...(job.family ?? [])];
  const inputs: ProtectYearInput[] = tables.map((t) => {
    const def = getIndicator(t.indicator);
    if (!def) throw new Error(`unknown indicator ${t.indicator}`);
    return {
      def,
      year: job.year,
      threshold: job.threshold,
      desa: t.desa,
      groups,
      exact: (id: string) => exact.has(id),
      sasaranIsRegister: t.register,
    };
  });
  const results = inputs.length > 1 ? protectFamily(inputs) : [protectYear(inputs[0]!)];
  const periods = periodsOfYear(job.year);
  const plain = (protection: YearProtection): TableResult => {
    const hidden = [...protection.hidden];
    const reasons: SuppressionReason[] = [];
    const counts = new Float64Array(hidden.length * periods.length * 2);
    hidden.forEach((id, i) => {
      periods.forEach((p, j) => {
        const c = protection.hiddenCounts(id, p)!;
        if (j === 0) reasons.push(c.reason);
        counts[(i * periods.length + j) * 2] = c.numerator ?? Number.NaN;
        counts[(i * periods.length + j) * 2 + 1] = c.denominator ?? Number.NaN;
      });
    });
    return { hidden, detail: protection.detail, reasons, counts };
  };
  const own = plain(results[0]!);
  if (inputs.length === 1) return own;
  const members: NonNullable<ProtectResult['members']> = {};
  results.forEach((r, i) => {
    members[tables[i]!.indicator] = i === 0 ? own : plain(r);
  });
  return { ...own, members };
}

/** Period index of periodsOfYear by periodKey (the same list every year). */
const PERIOD_INDEX = new Map(periodsOfYear(2000).map((p, i) => [periodKey(p), i]));
const PERIOD_COUNT = PERIOD_INDEX.size;

/**
 * The hidden form of one cell of a result (YearProtection.cell, from the numbers): null when the area is hidden but
 * had no report in the period; undefined when the area is not hidden or the period is not one of periodsOfYear.
 */
export function resultCell(
  table: { indicator: string; threshold: number; register: boolean },
  result: TableResult,
  index: ReadonlyMap<string, number>,
  id: string,
  period: Pick<Period, 'kind' | 'fromMonth' | 'toMonth'>,
): HiddenCell | null | undefined {
  const i = index.get(id);
  const p = PERIOD_INDEX.get(periodKey(period));
  if (i === undefined || p === undefined) return undefined;
  const def = getIndicator(table.indicator)!;
  const n = result.counts[(i * PERIOD_COUNT + p) * 2]!;
  const d = result.counts[(i * PERIOD_COUNT + p) * 2 + 1]!;
  return hiddenCellOf({ def, threshold: table.threshold, sasaranIsRegister: table.register }, result.detail, period, {
    reason: result.reasons[i]!,
    numerator: Number.isNaN(n) ? null : n,
    denominator: Number.isNaN(d) ? null : d,
  });
}
