// Diffs the file's sasaran rows against the stored ones (inside the import lock).
import type { DbOrTx } from '@peta/db';
import type { SasaranRow } from './parse/parsed.ts';
import type { Counts } from './plan-values.ts';
import { sasaranKey, sasaranRepository, type SasaranChange, type StoredSasaran } from './sasaran-repository.ts';

export interface SasaranPlan {
  counts: Counts;
  rows: StoredSasaran[];
  changes: SasaranChange[];
  sample: {
    row: number;
    kode: string;
    year: number;
    group: string;
    change: 'added' | 'changed';
    old: number | null;
    new: number;
  }[];
}

export async function planSasaran(db: DbOrTx, input: SasaranRow[], placeholderLoadId: number): Promise<SasaranPlan> {
  const stored = await sasaranRepository(db).readRows(input);
  const plan: SasaranPlan = { counts: { added: 0, changed: 0, unchanged: 0 }, rows: [], changes: [], sample: [] };
  for (const s of input) {
    const old = stored.get(sasaranKey(s.kode, s.year, s.group));
    const same = old && !old.simulated && old.value === s.value && old.kind === s.kind && old.method === s.method;
    if (same) {
      plan.counts.unchanged++;
      continue;
    }
    const change = old ? 'changed' : 'added';
    plan.counts[change]++;
    plan.rows.push({
      kode: s.kode,
      year: s.year,
      group: s.group,
      value: s.value,
      kind: s.kind,
      method: s.method,
      simulated: false,
      loadId: placeholderLoadId,
    });
    plan.changes.push({
      kode: s.kode,
      year: s.year,
      group: s.group,
      oldValue: old?.value ?? null,
      oldKind: old?.kind ?? null,
      oldMethod: old?.method ?? null,
      oldSimulated: old?.simulated ?? null,
      oldLoadId: old?.loadId ?? null,
      newValue: s.value,
      newKind: s.kind,
      newMethod: s.method,
    });
    if (plan.sample.length < 20)
      plan.sample.push({
        row: s.row,
        kode: s.kode,
        year: s.year,
        group: s.group,
        change,
        old: old?.value ?? null,
        new: s.value,
      });
  }
  return plan;
}
