// One protectYear run as data that crosses to a worker thread and back (structured clone: no functions, no Sets).
// The same function runs in the privacy worker (the API) and in process (tests, the CLI): the rule is the domain's.
import {
  getIndicator,
  periodsOfYear,
  protectFamily,
  protectYear,
  type ProtectYearInput,
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

export interface ProtectResult {
  hidden: string[];
  /** [`${id}|${periodKey}`, hidden form or null] for every hidden id and every period of the year. */
  cells: [string, HiddenCell | null][];
  /** With a family: the result of every member, by indicator code (this one included). */
  members?: Record<string, { hidden: string[]; cells: [string, HiddenCell | null][] }>;
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
  const plain = (protection: YearProtection) => {
    const cells: [string, HiddenCell | null][] = [];
    for (const id of protection.hidden)
      for (const p of periods) cells.push([`${id}|${periodKey(p)}`, protection.cell(id, p)]);
    return { hidden: [...protection.hidden], cells };
  };
  const own = plain(results[0]!);
  if (inputs.length === 1) return own;
  const members: NonNullable<ProtectResult['members']> = {};
  results.forEach((r, i) => {
    members[tables[i]!.indicator] = i === 0 ? own : plain(r);
  });
  return { ...own, members };
}
