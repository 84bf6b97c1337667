// Keeps value_rollup true, inside the transaction that changes desa values or sasaran (an import, an undo, the demo
// load): the kecamatan of the changed desa are recomputed from their desa rows, then each level above (kabupaten,
// provinsi, Indonesia) from the stored rows of its children — only the ancestors of what changed, only the indicators
// and years touched. A recomputation (not a delta) leaves no rounding drift behind, and each step reads one
// kecamatan's desa or one parent's children: a kabupaten-month import costs a few hundred rows whatever the country.
// Which sums a desa adds is the domain's (desaRollupSums); here they are only added up.
import {
  addRollupSums,
  ancestorAt,
  desaRollupSums,
  emptyRollupSums,
  getIndicator,
  INDICATORS,
  parentOf,
  sasaranGroupOf,
  type IndicatorDef,
} from '@peta/domain';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@peta/db';
import { withImportLock } from '../imports/import-lock.ts';
import { rollupAccumulator } from './rollup-accumulator.ts';
import { INDONESIA, rollupRepository, type RollupRepository, type StoredRollup } from './rollup-repository.ts';

/** Desa value rows and sasaran rows a write changed. */
export interface TouchedCells {
  values?: readonly { indicator: string; kode: string; year: number }[];
  sasaran?: readonly { kode: string; year: number; group: string }[];
}

/** year → indicator → wilayah (of one tingkat) to recompute. */
type Affected = Map<number, Map<string, Set<string>>>;

function add(affected: Affected, year: number, indicator: string, kode: string) {
  let byIndicator = affected.get(year);
  if (!byIndicator) affected.set(year, (byIndicator = new Map()));
  let kodes = byIndicator.get(indicator);
  if (!kodes) byIndicator.set(indicator, (kodes = new Set()));
  kodes.add(kode);
}

/** Indicators whose denominator is the sasaran group (a sasaran change moves their sums). */
const indicatorsOfGroup = (group: string) => INDICATORS.filter((d) => sasaranGroupOf(d) === group).map((d) => d.code);

/** Kecamatan per chunk: a chunk reads ~1–4 thousand desa × the indicators of one year. */
const KECAMATAN_CHUNK = 150;
/** Parents per chunk at the upper levels. */
const PARENT_CHUNK = 100;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Recompute the roll-ups of the ancestors of the touched desa, stamped with the load that changed them. */
export async function refreshRollups(
  db: DbOrTx,
  touched: TouchedCells,
  loadId: number,
  { bulkFromKecamatan = BULK_FROM_KECAMATAN }: { bulkFromKecamatan?: number } = {},
): Promise<void> {
  const kecamatan: Affected = new Map();
  for (const v of touched.values ?? []) {
    const kec = ancestorAt(v.kode, 'kecamatan');
    if (kec && v.kode !== kec && getIndicator(v.indicator)) add(kecamatan, v.year, v.indicator, kec);
  }
  for (const s of touched.sasaran ?? []) {
    const kec = ancestorAt(s.kode, 'kecamatan');
    if (!kec || s.kode === kec) continue;
    for (const indicator of indicatorsOfGroup(s.group)) add(kecamatan, s.year, indicator, kec);
  }
  const repository = rollupRepository(db);
  // A large import (a whole provinsi, the country) goes one provinsi at a time through its rows instead of kecamatan by
  // kecamatan: the same sums, far fewer statements.
  for (const [year, byIndicator] of kecamatan) {
    const all = new Set([...byIndicator.values()].flatMap((kodes) => [...kodes]));
    if (all.size < bulkFromKecamatan) continue;
    const provinsi = [...new Set([...all].map((k) => ancestorAt(k, 'provinsi')!))].sort();
    await rebuildProvinces(repository, year, [...byIndicator.keys()], provinsi, loadId);
    kecamatan.delete(year);
  }
  await recompute(repository, kecamatan, loadId);
}

/** Affected kecamatan in one year from which an import rebuilds its provinces whole. */
const BULK_FROM_KECAMATAN = 400;

/** Rebuild every roll-up from the desa rows (the demo load, a database migrated from before roll-ups). */
export async function rebuildRollups(db: DbOrTx, loadId: number): Promise<void> {
  const repository = rollupRepository(db);
  await repository.clear();
  const provinsi = await repository.provinsiWithDesa();
  const years = [...new Set((await repository.indicatorYears()).map((r) => r.year))].sort();
  for (const year of years) await rebuildProvinces(repository, year, null, provinsi, loadId);
}

/**
 * The roll-ups of one year (of the given indicators; null: all) at and under each of the given provinces, one provinsi
 * at a time: its desa rows are read once (arrays as text) and added into its kecamatan, kabupaten and itself; then
 * Indonesia from all provinces' rows. Memory stays at one provinsi's rows.
 */
async function rebuildProvinces(
  repository: RollupRepository,
  year: number,
  indicators: string[] | null,
  provinces: string[],
  loadId: number,
) {
  const national = new Map<string, Set<string>>();
  for (const provinsi of provinces) {
    const [rows, sasaranRows] = await Promise.all([
      repository.desaValuesOfProvinsi(year, provinsi, indicators),
      repository.sasaranOfProvinsi(year, provinsi),
    ]);
    const sasaranOf = new Map(sasaranRows.map((r) => [`${r.group}|${r.kode}`, r.value]));
    const sums = rollupAccumulator(loadId);
    for (const row of rows) {
      const group = sums.groupOf(row.indicator);
      sums.add(row.indicator, row.kode, year, row, group ? (sasaranOf.get(`${group}|${row.kode}`) ?? null) : null);
    }
    await repository.clearProvinsi(year, provinsi, indicators);
    const written = sums.drainProvinsi();
    await repository.write(written);
    for (const indicator of indicators ?? new Set(written.map((r) => r.indicator))) {
      let set = national.get(indicator);
      if (!set) national.set(indicator, (set = new Set()));
      set.add(provinsi);
    }
  }
  await recomputeParents(repository, new Map([[year, national]]), loadId);
}

/**
 * A database migrated from before roll-ups holds values but no roll-ups: build them once, under the import lock
 * (data/prepare.ts, before the API starts). True when it did.
 */
export async function ensureRollups(db: Db): Promise<boolean> {
  return withImportLock(db, async (tx) => {
    const {
      rows: [state],
    } = await tx.execute<{ values: boolean; rollups: boolean; load: number }>(sql`select
      exists(select 1 from indicator_value) as values, exists(select 1 from value_rollup) as rollups,
      coalesce((select max(id) from data_load), 0)::int as load`);
    if (!state?.values || state.rollups) return { commit: false, result: false };
    await rebuildRollups(tx, state.load);
    return { commit: true, result: true };
  });
}

async function recompute(repository: RollupRepository, kecamatan: Affected, loadId: number) {
  let level = await recomputeKecamatan(repository, kecamatan, loadId);
  // kabupaten, provinsi, Indonesia: each from its children's stored rows.
  for (let step = 0; step < 3; step++) level = await recomputeParents(repository, level, loadId);
}

/** Each affected kecamatan from its desa rows and sasaran; returns the affected kecamatan. */
async function recomputeKecamatan(repository: RollupRepository, affected: Affected, loadId: number): Promise<Affected> {
  for (const [year, byIndicator] of affected) {
    const allKecamatan = [...new Set([...byIndicator.values()].flatMap((s) => [...s]))].sort();
    for (const part of chunks(allKecamatan, KECAMATAN_CHUNK)) {
      const inPart = new Set(part);
      const indicators = [...byIndicator.entries()]
        .filter(([, kodes]) => part.some((k) => kodes.has(k)))
        .map(([code]) => code);
      const defs = indicators.map((code) => getIndicator(code)!);
      const desa = await repository.desaOf(part);
      const desaKodes = desa.map((d) => d.kode);
      const groups = [...new Set(defs.map(sasaranGroupOf).filter((g): g is NonNullable<typeof g> => g !== null))];
      const [values, sasaran] = await Promise.all([
        repository.desaValues(indicators, year, desaKodes),
        repository.desaSasaran(groups, year, desaKodes),
      ]);
      const rowOf = new Map(values.map((v) => [`${v.indicator}|${v.kode}`, v]));
      const sasaranOf = new Map(sasaran.map((s) => [`${s.group}|${s.kode}`, s.value]));
      const out: StoredRollup[] = [];
      for (const def of defs) {
        const wanted = byIndicator.get(def.code)!;
        const group = sasaranGroupOf(def);
        const sums = new Map<string, ReturnType<typeof emptyRollupSums>>();
        for (const kec of part) if (wanted.has(kec)) sums.set(kec, emptyRollupSums());
        for (const d of desa) {
          const into = sums.get(d.parent);
          if (!into || !inPart.has(d.parent)) continue;
          addRollupSums(
            into,
            desaRollupSums(
              def,
              rowOf.get(`${def.code}|${d.kode}`),
              group ? (sasaranOf.get(`${group}|${d.kode}`) ?? null) : null,
            ),
          );
        }
        for (const [kode, s] of sums) out.push({ indicator: def.code, year, kode, loadId, ...s });
      }
      await repository.write(out);
    }
  }
  return affected;
}

const parentKey = (kode: string) => parentOf(kode) ?? INDONESIA;

/** The parents of the affected wilayah, each from the stored rows of all its children; returns the parents. */
async function recomputeParents(repository: RollupRepository, children: Affected, loadId: number): Promise<Affected> {
  const parents: Affected = new Map();
  for (const [year, byIndicator] of children) {
    for (const [indicator, kodes] of byIndicator)
      for (const kode of kodes) add(parents, year, indicator, parentKey(kode));
  }
  for (const [year, byIndicator] of parents) {
    const allParents = [...new Set([...byIndicator.values()].flatMap((s) => [...s]))].sort();
    for (const part of chunks(allParents, PARENT_CHUNK)) {
      const indicators = [...byIndicator.entries()]
        .filter(([, kodes]) => part.some((k) => kodes.has(k)))
        .map(([code]) => code);
      const kids = await repository.childrenOf(part);
      const stored = await repository.read(
        indicators,
        year,
        kids.map((k) => k.kode),
      );
      const storedOf = new Map(stored.map((r) => [`${r.indicator}|${r.kode}`, r]));
      const out: StoredRollup[] = [];
      for (const indicator of indicators) {
        const wanted = byIndicator.get(indicator)!;
        const sums = new Map<string, ReturnType<typeof emptyRollupSums>>();
        for (const p of part) if (wanted.has(p)) sums.set(p, emptyRollupSums());
        for (const kid of kids) {
          const into = sums.get(kid.parent);
          const row = storedOf.get(`${indicator}|${kid.kode}`);
          if (into && row) addRollupSums(into, row);
        }
        for (const [kode, s] of sums) out.push({ indicator, year, kode, loadId, ...s });
      }
      await repository.write(out);
    }
  }
  return parents;
}

/** Used by the property test: the sums of every wilayah above desa recomputed straight from all desa rows. */
export async function recomputeFromDesa(
  db: DbOrTx,
  indicatorYears: { indicator: string; year: number }[],
): Promise<Map<string, ReturnType<typeof emptyRollupSums>>> {
  const repository = rollupRepository(db);
  const out = new Map<string, ReturnType<typeof emptyRollupSums>>();
  const kecamatan = await repository.kecamatanWithDesa();
  const desa = await repository.desaOf(kecamatan);
  const desaKodes = desa.map((d) => d.kode);
  for (const { indicator, year } of indicatorYears) {
    const def: IndicatorDef = getIndicator(indicator)!;
    const group = sasaranGroupOf(def);
    const rows = new Map((await repository.desaValues([indicator], year, desaKodes)).map((r) => [r.kode, r]));
    const sasaran = new Map(
      (await repository.desaSasaran(group ? [group] : [], year, desaKodes)).map((s) => [s.kode, s.value]),
    );
    for (const d of desa) {
      const sums = desaRollupSums(def, rows.get(d.kode), group ? (sasaran.get(d.kode) ?? null) : null);
      for (const kode of [INDONESIA, ancestorAt(d.kode, 'provinsi')!, ancestorAt(d.kode, 'kabupaten')!, d.parent]) {
        const key = `${indicator}|${year}|${kode}`;
        out.set(key, addRollupSums(out.get(key) ?? emptyRollupSums(), sums));
      }
    }
  }
  return out;
}
