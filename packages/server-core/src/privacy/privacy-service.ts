// The protected view of one kabupaten × indicator × year for one reader (issue 18): which areas are hidden and what
// each hidden cell shows instead of its counts. The decision is the domain's (seesExactCounts, protectYear); this
// file feeds it the rows the values service reads and keeps the results. Computed from unmasked values, cached per
// version of the table's own data (tableVersion: the loads and roll-out events of its kabupaten, not of the country)
// and per reader CLASS — every reader outside the kabupaten (anonymous, pembaca, users of other areas) shares one
// result; a scoped reader inside gets the run with their exact areas. Never stores a masked answer: the values caches
// stay per answer, masking happens after them (reader-view.ts).
import {
  allSasaranDenominator,
  ancestorAt,
  countFamilyOf,
  getIndicator,
  hideCell,
  cellCounts,
  isKode,
  privacyClassOf,
  reportedMonths,
  seesExactCounts,
  tingkatOf,
  TANPA_PUSKESMAS,
  type HiddenCell,
  type IndicatorDef,
  type Period,
  type PrivacyDesa,
  type Reader,
  type Target,
  type WilayahKerjaRow,
} from '@peta/domain';
import type { DesaYear } from '../values/values-service.ts';
import { inProcessRunner, type ProtectRunner } from './protect-runner.ts';
import { resultCell, type ProtectGroup, type TableResult } from './worker/protect-job.ts';
import { lruCache } from '../lru-cache.ts';

/** The node id of a puskesmas wilayah kerja ('pkm:' + its kode; 'pkm:' alone: desa held by no puskesmas). */
export const puskesmasNodeId = (kode: string) => `pkm:${kode}`;

/** What one reader sees of one kabupaten × indicator × year. */
export interface Lens {
  /** Node ids hidden for this reader: desa kode, kecamatan kode, puskesmasNodeId(kode). */
  hidden: ReadonlySet<string>;
  /** The hidden form of a cell (null: shown as it is). A hidden node in a period the table did not cover is hidden plain. */
  cell(
    id: string,
    period: Pick<Period, 'kind' | 'fromMonth' | 'toMonth'>,
    counts: { numerator: number | null; denominator: number | null },
  ): HiddenCell | null;
  /** False while the result is being computed: every small area is then hidden (deny by default). */
  complete: boolean;
  /** Node ids the reader sees exactly (never hidden; totals keep the roll-up of their reporting desa). */
  exact: ReadonlySet<string>;
}

export interface PrivacySources {
  threshold: number;
  /**
   * The version of one table's data (the cache key of its rows and results): changes with every load that changed a
   * desa value or sasaran of the indicator (and of the indicators sharing a count with it: the family is protected
   * together) in the kabupaten and year, and with every roll-out event of the kabupaten — not with writes elsewhere,
   * so an import into one kabupaten leaves every other kabupaten's protection in place.
   */
  tableVersion(def: IndicatorDef, kabupaten: string, year: number): Promise<string>;
  /** Changes with every data load (the key of the sasaran totals, which span kabupaten: one query to read again). */
  dataVersion(): Promise<string>;
  desaYears(def: IndicatorDef, kabupaten: string, year: number): Promise<DesaYear[]>;
  wilayahKerjaHistory(kabupaten: string): Promise<WilayahKerjaRow[]>;
  /** The sasaran rows of this group in the kabupaten and year include a register (counted by name). */
  sasaranIsRegister(def: IndicatorDef, kabupaten: string, year: number): Promise<boolean>;
  /** Σ the annual sasaran of every desa under each kode (totals over all sasaran, domain all-sasaran.ts). */
  sasaranTotals(def: IndicatorDef, year: number, kodes: readonly string[]): Promise<Map<string, number>>;
  /** Where protectYear runs (the API: a worker thread); in process when absent. */
  runner?: ProtectRunner;
  /**
   * How long a reader waits for a table being computed before it is answered with every small area hidden (the
   * computation goes on; a later request gets the result). Default 2000 ms.
   */
  maxWaitMs?: number;
}

interface Table {
  desa: PrivacyDesa[];
  /** Plain data (it crosses to the worker). */
  groups: ProtectGroup[];
  /** Kecamatan → its desa (seesExactCounts: a puskesmas sees a kecamatan only when it holds all of it). */
  kecamatan: Map<string, string[]>;
  register: boolean;
}

interface Computed {
  hidden: Set<string>;
  /** The hidden form of a hidden area's cell (null: no report in that period); undefined: not in the result. */
  cell(id: string, period: Pick<Period, 'kind' | 'fromMonth' | 'toMonth'>): HiddenCell | null | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** At most `n` loads at a time: the map of a provinsi needs the tables of dozens of kabupaten (five queries each), and
 * all at once they would queue past the pool's connection timeout. */
function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await work();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** The value, or null when it takes longer than `ms` (or fails: deny by default). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([promise.catch(() => null), late]).finally(() => clearTimeout(timer));
}

export function privacyService(sources: PrivacySources) {
  const { threshold } = sources;
  const results = lruCache<Promise<Computed>>(2000);
  const ready = new WeakMap<Promise<Computed>, Computed>();
  // The rows a result is computed from, per table version: a map of a provinsi asks for every kabupaten's table on
  // every request (to know the small areas), which would be five queries per kabupaten each time.
  const tables = lruCache<Promise<Table>>(200);
  const runner = sources.runner ?? inProcessRunner();
  const maxWaitMs = sources.maxWaitMs ?? 2000;
  const load = limiter(2);

  function cachedTable(version: string, def: IndicatorDef, kabupaten: string, year: number): Promise<Table> {
    const key = `${version}|${def.code}|${year}|${kabupaten}`;
    let hit = tables.get(key);
    if (!hit) {
      hit = load(() => tableOf(def, kabupaten, year));
      hit.catch(() => tables.delete(key));
      tables.set(key, hit);
    }
    return hit;
  }

  async function tableOf(def: IndicatorDef, kabupaten: string, year: number): Promise<Table> {
    const [years, history, register] = await Promise.all([
      sources.desaYears(def, kabupaten, year),
      sources.wilayahKerjaHistory(kabupaten),
      sources.sasaranIsRegister(def, kabupaten, year),
    ]);
    const desa = years.map((d): PrivacyDesa => ({ kode: d.kode, months: reportedMonths(d.row), sasaran: d.sasaran }));
    const kecamatan = new Map<string, string[]>();
    for (const d of desa) {
      const k = ancestorAt(d.kode, 'kecamatan') ?? '';
      kecamatan.set(k, [...(kecamatan.get(k) ?? []), d.kode]);
    }
    // Wilayah kerja per month, as rollUpByWilayahKerja assigns them: the holder on the first day of the month.
    const rowsByDesa = new Map<string, WilayahKerjaRow[]>();
    for (const r of history) rowsByDesa.set(r.desa, [...(rowsByDesa.get(r.desa) ?? []), r]);
    const holders = new Map<string, string[][]>(); // puskesmas → per month its desa
    for (const d of desa) {
      for (let m = 1; m <= 12; m++) {
        const date = `${year}-${pad(m)}-01`;
        const row = rowsByDesa
          .get(d.kode)
          ?.find((r) => r.validFrom <= date && (r.validTo === null || r.validTo > date));
        const p = row?.puskesmas ?? TANPA_PUSKESMAS;
        if (!holders.has(p))
          holders.set(
            p,
            Array.from({ length: 12 }, () => []),
          );
        holders.get(p)![m - 1]!.push(d.kode);
      }
    }
    const all = desa.map((d) => d.kode);
    const groups: ProtectGroup[] = [
      ...[...kecamatan].map(([id, list]): ProtectGroup => ({ id, level: 'kecamatan', desa: list })),
      ...[...holders].map(
        ([p, months]): ProtectGroup => ({ id: puskesmasNodeId(p), level: 'puskesmas', byMonth: months }),
      ),
      { id: kabupaten, level: 'kabupaten', desa: all },
    ];
    return { desa, groups, kecamatan, register };
  }

  /** The ids of the table this reader sees exactly (seesExactCounts on each area). */
  function exactIds(reader: Reader, table: Table, kabupaten: string): string[] {
    if (reader === null || reader.role === 'viewer') return [];
    const context = { desaOfKecamatan: (k: string) => table.kecamatan.get(k) ?? [] };
    const out: string[] = [];
    for (const d of table.desa) if (seesExactCounts(reader, { wilayah: d.kode }, context)) out.push(d.kode);
    for (const g of table.groups) {
      if (g.level === 'kabupaten') continue;
      const target: Target = g.level === 'puskesmas' ? { puskesmas: g.id.slice(4), kabupaten } : { wilayah: g.id };
      if (seesExactCounts(reader, target, context)) out.push(g.id);
    }
    return out.sort();
  }

  /**
   * One run in the worker: the table alone, or with the tables of the indicators that carry a count of it (a family,
   * protected together): then the results of every member, by indicator code.
   */
  async function compute(
    def: IndicatorDef,
    year: number,
    table: Table,
    family: { def: IndicatorDef; table: Table }[],
    exact: string[],
    urgent: boolean,
  ): Promise<Map<string, Computed>> {
    const result = await runner.run(
      {
        indicator: def.code,
        year,
        threshold,
        desa: table.desa,
        groups: table.groups,
        exact,
        register: table.register,
        ...(family.length > 0
          ? { family: family.map((m) => ({ indicator: m.def.code, desa: m.table.desa, register: m.table.register })) }
          : {}),
      },
      urgent,
    );
    const registerOf = new Map<string, boolean>([
      [def.code, table.register],
      ...family.map((m) => [m.def.code, m.table.register] as const),
    ]);
    const toComputed = (code: string, r: TableResult): Computed => {
      const index = new Map(r.hidden.map((id, i) => [id, i]));
      const of = { indicator: code, threshold, register: registerOf.get(code) ?? false };
      return { hidden: new Set(r.hidden), cell: (id, period) => resultCell(of, r, index, id, period) };
    };
    return new Map(
      result.members
        ? Object.entries(result.members).map(([code, r]) => [code, toComputed(code, r)] as const)
        : [[def.code, toComputed(def.code, result)]],
    );
  }

  /** Deny by default: what a hidden cell shows when the table has no result (yet) or the period is not in it. */
  const plainCell = (
    def: IndicatorDef,
    period: Pick<Period, 'kind' | 'fromMonth' | 'toMonth'>,
    level: 'desa' | 'group',
    counts: { numerator: number | null; denominator: number | null },
    register: boolean,
  ): HiddenCell | null => {
    if (counts.numerator === null) return null;
    const reason = level === 'desa' && privacyClassOf(def) === 'sensitive' ? 'sensitive' : 'small-count';
    const cell = hideCell(
      def,
      cellCounts(def, period, counts.numerator, counts.denominator),
      reason,
      threshold,
      false,
      { sasaranIsRegister: register },
    );
    return { ...cell, coverage: null };
  };

  const nodeLevel = (id: string) => (isKode(id) && tingkatOf(id) === 'desa' ? ('desa' as const) : ('group' as const));

  function lensOf(
    def: IndicatorDef,
    computed: Computed | null,
    exact: ReadonlySet<string>,
    smallAreas: ReadonlySet<string>,
    register: boolean,
  ): Lens {
    return {
      complete: computed !== null,
      exact,
      hidden: computed ? computed.hidden : new Set([...smallAreas].filter((id) => !exact.has(id))),
      cell(id, period, counts) {
        if (computed === null)
          return exact.has(id) || !smallAreas.has(id) ? null : plainCell(def, period, nodeLevel(id), counts, register);
        if (!computed.hidden.has(id)) return null;
        const cell = computed.cell(id, period);
        return cell !== undefined ? cell : plainCell(def, period, nodeLevel(id), counts, register);
      },
    };
  }

  /**
   * The lens of `reader` on a kabupaten × indicator × year; null when the reader sees the whole kabupaten exactly.
   * `wait: false` answers at once: while the result is computed every small area is hidden (the "Semua desa" map of
   * a provinsi asks for dozens of kabupaten; each is computed once per version of its data, in the background). `until` (epoch
   * ms) ends the wait earlier: a request that needs many tables (a profile: every indicator, this year and last)
   * waits at most `maxWaitMs` in all, not per table.
   */
  async function lens(
    reader: Reader,
    def: IndicatorDef,
    year: number,
    kabupaten: string,
    options: { wait?: boolean; until?: number } = {},
  ): Promise<Lens | null> {
    if (seesExactCounts(reader, { wilayah: kabupaten })) return null;
    // The family's version (every member asks with the same one: their results are stored together).
    const version = await sources.tableVersion(def, kabupaten, year);
    const table = await cachedTable(version, def, kabupaten, year);
    const exactList = exactIds(reader, table, kabupaten);
    const exact = new Set(exactList);
    const keyOf = (code: string) => `${version}|${code}|${year}|${kabupaten}|${exactList.join(',')}`;
    const key = keyOf(def.code);
    let pending = results.get(key);
    if (!pending) {
      // Indicators carrying a count of this one (catalogue COUNT_FAMILIES) are protected together, once for all of them.
      const others = countFamilyOf(def.code)
        .filter((code) => code !== def.code)
        .map((code) => getIndicator(code)!);
      const family = await Promise.all(
        others.map(async (d) => ({ def: d, table: await cachedTable(version, d, kabupaten, year) })),
      );
      pending = results.get(key); // another request may have started it meanwhile
      if (!pending) {
        // CPU work (protectYear): in the runner (the API's worker thread), one job at a time, waiting readers first.
        const run = compute(def, year, table, family, exactList, options.wait !== false);
        for (const code of [def.code, ...others.map((d) => d.code)]) {
          const memberKey = keyOf(code);
          const settled = run.then((all) => all.get(code)!);
          settled.then(
            (c) => {
              ready.set(settled, c);
            },
            () => results.delete(memberKey),
          );
          results.set(memberKey, settled);
        }
        pending = results.get(key)!;
      }
    }
    const waitMs = Math.min(maxWaitMs, (options.until ?? Number.POSITIVE_INFINITY) - Date.now());
    const done = ready.get(pending) ?? (options.wait === false || waitMs <= 0 ? null : await within(pending, waitMs));
    const smallAreas = new Set([
      ...table.desa.map((d) => d.kode),
      ...table.groups.filter((g) => g.level !== 'kabupaten').map((g) => g.id),
    ]);
    return lensOf(def, done, exact, smallAreas, table.register);
  }

  const totals = lruCache<Promise<Map<string, number>>>(500);

  /**
   * The annual sasaran of all desa under each kode (kecamatan, kabupaten, provinsi), per data-load state: the
   * denominator a reader outside sees on the totals of a sensitive indicator over a sasaran (totalsOverAllSasaran).
   */
  async function sasaranTotals(
    def: IndicatorDef,
    year: number,
    kodes: readonly string[],
  ): Promise<Map<string, number>> {
    const version = await sources.dataVersion();
    const wanted = [...new Set(kodes)].sort();
    const key = `${version}|${def.code}|${year}|${wanted.join(',')}`;
    let hit = totals.get(key);
    if (!hit) {
      hit = sources.sasaranTotals(def, year, wanted);
      hit.catch(() => totals.delete(key));
      totals.set(key, hit);
    }
    return hit;
  }

  /**
   * The same for the wilayah kerja of a kabupaten's puskesmas in a period: each desa's sasaran for the months of the
   * period the puskesmas held it (on the first day, as rollUpByWilayahKerja), from the table protectYear reads.
   */
  async function puskesmasAllSasaran(
    def: IndicatorDef,
    period: Pick<Period, 'year' | 'fromMonth' | 'toMonth'>,
    kabupaten: string,
  ): Promise<(kode: string) => number | null> {
    const version = await sources.tableVersion(def, kabupaten, period.year);
    const table = await cachedTable(version, def, kabupaten, period.year);
    const sasaranOf = new Map(table.desa.map((d) => [d.kode, d.sasaran]));
    return (kode) => {
      const group = table.groups.find((g) => g.id === puskesmasNodeId(kode));
      if (!group?.byMonth) return null;
      const held = new Map<string, number>();
      for (let m = period.fromMonth; m <= period.toMonth; m++)
        for (const d of group.byMonth[m - 1] ?? []) held.set(d, (held.get(d) ?? 0) + 1);
      return allSasaranDenominator(
        def,
        period,
        [...held].map(([d, heldMonths]) => ({ sasaran: sasaranOf.get(d) ?? null, heldMonths })),
      );
    };
  }

  /**
   * Write-time warm-up: start protecting a kabupaten × indicator × year for the readers outside it (the class every
   * anonymous visitor, pembaca and user of another area shares) now, in the background, instead of at the first
   * request — so after an import the kabupaten is shown hidden for less time. Never waits; errors are dropped (a later
   * request computes it again).
   */
  function warm(def: IndicatorDef, kabupaten: string, year: number): void {
    lens(null, def, year, kabupaten, { wait: false }).catch(() => undefined);
  }

  return { threshold, maxWaitMs, lens, warm, sasaranTotals, puskesmasAllSasaran, close: () => runner.close() };
}

export type PrivacyService = ReturnType<typeof privacyService>;
