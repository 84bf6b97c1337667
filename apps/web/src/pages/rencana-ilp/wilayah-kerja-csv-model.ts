// The wilayah kerja CSV round trip (README "Wilayah kerja as CSV"): URLs, and what an upload's outcome means in
// names a dinkes reads (desa and puskesmas names instead of kode). Pure; tested in wilayah-kerja-csv-model.test.ts.
import type { PuskesmasList, WilayahKerjaCsvOutcome } from '@peta/domain/contract';

export const wilayahKerjaCsvUrl = (kab: string) =>
  `/api/wilayah-kerja.csv?${new URLSearchParams({ kabupaten: kab }).toString()}`;

/** preview checks and plans (nothing written); commit checks again and writes in one transaction. */
export const wilayahKerjaUploadUrl = (step: 'preview' | 'commit', kab: string, mulai: string) =>
  `/api/wilayah-kerja/${step === 'preview' ? 'pratinjau' : 'simpan'}?${new URLSearchParams({ kabupaten: kab, mulai }).toString()}`;

/** invalid: errors, nothing written; unchanged: the file matches what is stored; ready: may be saved; committed: saved. */
export type CsvPlanState = 'invalid' | 'unchanged' | 'ready' | 'committed';

export interface CsvPlanSummary {
  state: CsvPlanState;
  newPuskesmas: { kode: string; nama: string }[];
  moves: { row: number; desa: string; desaNama: string; from: string | null; to: string }[];
  /** Confirmed proposals, counted per puskesmas (a whole kabupaten file confirms hundreds of desa). */
  confirms: { puskesmas: string; n: number }[];
  confirmCount: number;
  unchanged: number;
}

export function csvPlanState(outcome: Pick<WilayahKerjaCsvOutcome, 'status' | 'changed'>): CsvPlanState {
  if (outcome.status === 'invalid' || outcome.status === 'committed') return outcome.status;
  return outcome.changed ? 'ready' : 'unchanged';
}

/** The outcome with names from the planner's list (and the file's new puskesmas); unknown kode stay as they are. */
export function csvPlanSummary(
  outcome: WilayahKerjaCsvOutcome,
  list: Pick<PuskesmasList, 'puskesmas' | 'desa'>,
): CsvPlanSummary {
  const puskesmas = new Map([...list.puskesmas, ...outcome.newPuskesmas].map((p) => [p.kode, p.nama]));
  const desa = new Map(list.desa.map((d) => [d.kode, d.nama]));
  const pkm = (kode: string) => puskesmas.get(kode) ?? kode;
  const confirms = new Map<string, number>();
  for (const c of outcome.confirms) confirms.set(pkm(c.puskesmas), (confirms.get(pkm(c.puskesmas)) ?? 0) + 1);
  return {
    state: csvPlanState(outcome),
    newPuskesmas: outcome.newPuskesmas,
    moves: outcome.moves.map((m) => ({
      row: m.row,
      desa: m.desa,
      desaNama: desa.get(m.desa) ?? m.desa,
      from: m.from === null ? null : pkm(m.from),
      to: pkm(m.to),
    })),
    confirms: [...confirms]
      .map(([name, n]) => ({ puskesmas: name, n }))
      .sort((a, b) => b.n - a.n || a.puskesmas.localeCompare(b.puskesmas)),
    confirmCount: outcome.confirms.length,
    unchanged: outcome.unchanged,
  };
}
