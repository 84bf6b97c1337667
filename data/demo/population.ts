// Simulated population per desa. No open per-desa population exists (shared/data has kabupaten totals
// only), so a kabupaten's real Dukcapil 2024 total is spread over its desa with a documented rule:
// weight 2.5 for a kelurahan (urban), 1 for a desa, times a log-normal factor (σ = 0.45) per desa.
// Σ desa = kabupaten total (up to rounding). Documented in data/README.md.
import { readFileSync } from 'node:fs';
import { ancestorAt, isKelurahan } from '@peta/domain';
import { SHARED_SOURCES, sharedSourceFile } from '../shared-sources.ts';
import { normal, rng } from './random.ts';

export const KELURAHAN_WEIGHT = 2.5;
export const DESA_SPREAD_SIGMA = 0.45;

/** Population per kabupaten/kota kode (Dukcapil semester II 2024; the file is read where it lies: shared-sources.ts). */
export function readKabupatenPopulation(path = sharedSourceFile(SHARED_SOURCES.penduduk)): Map<string, number> {
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  const out = new Map<string, number>();
  for (const line of lines) {
    const cols = line.split(',');
    const kode = cols[0]!;
    const total = Number(cols[cols.length - 1]);
    if (/^\d{2}\.\d{2}$/.test(kode)) out.set(kode, total);
  }
  return out;
}

/** Population per desa kode: the kabupaten total spread by weight. Desa of a kabupaten without a total get none. */
export function spreadPopulation(
  desaKodes: string[],
  kabupaten: Map<string, number>,
  seed: string,
): Map<string, number> {
  const byKab = new Map<string, { kode: string; weight: number }[]>();
  for (const kode of desaKodes) {
    const kab = ancestorAt(kode, 'kabupaten')!;
    const random = rng(`${seed}|penduduk|${kode}`);
    const weight = (isKelurahan(kode) ? KELURAHAN_WEIGHT : 1) * Math.exp(normal(random, 0, DESA_SPREAD_SIGMA));
    let list = byKab.get(kab);
    if (!list) byKab.set(kab, (list = []));
    list.push({ kode, weight });
  }
  const out = new Map<string, number>();
  for (const [kab, list] of byKab) {
    const total = kabupaten.get(kab);
    if (!total) continue;
    const sum = list.reduce((s, d) => s + d.weight, 0);
    for (const d of list) out.set(d.kode, Math.max(50, Math.round((total * d.weight) / sum)));
  }
  return out;
}
