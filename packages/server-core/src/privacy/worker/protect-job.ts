// One protectYear run as data that crosses to a worker thread and back (structured clone: no functions, no Sets).
// The same function runs in the privacy worker (the API) and in process (tests, the CLI): the rule is the domain's.
import {
  getIndicator,
  periodsOfYear,
  protectYear,
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
}

export interface ProtectResult {
  hidden: string[];
  /** [`${id}|${periodKey}`, hidden form or null] for every hidden id and every period of the year. */
  cells: [string, HiddenCell | null][];
}

export type ProtectAnswer = { id: number; ok: true; result: ProtectResult } | { id: number; ok: false; error: string };

export const periodKey = (p: Pick<Period, 'kind' | 'fromMonth' | 'toMonth'>) => `${p.kind}:${p.fromMonth}-${p.toMonth}`;

export function runProtectJob(job: ProtectJob): ProtectResult {
  const def = getIndicator(job.indicator);
  if (!def) throw new Error(`unknown indicator ${job.indicator}`);
  const exact = new Set(job.exact);
  const groups: PrivacyGroup[] = job.groups.map((g) => ({
    id: g.id,
    level: g.level,
    desaIn: g.byMonth ? (m: number) => g.byMonth![m - 1] ?? [] : () => g.desa ?? [],
  }));
  const protection = protectYear({
    def,
    year: job.year,
    threshold: job.threshold,
    desa: job.desa,
    groups,
    exact: (id) => exact.has(id),
    sasaranIsRegister: job.register,
  });
  const cells: [string, HiddenCell | null][] = [];
  const periods = periodsOfYear(job.year);
  for (const id of protection.hidden)
    for (const p of periods) cells.push([`${id}|${periodKey(p)}`, protection.cell(id, p)]);
  return { hidden: [...protection.hidden], cells };
}
