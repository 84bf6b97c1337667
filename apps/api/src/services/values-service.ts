// Values of an indicator for the children of a wilayah, and the monthly series of one wilayah.
// Reads per-desa rows, then applies the domain rules (period, roll-up by summing counts, classes).
import {
  evaluateValue, latestDataMonth, monthPeriod, rollUpDesa, seriesOf, type DesaInput, type IndicatorDef, type Period, type YearMonth,
} from '@peta/domain';
import { CLASS_LETTER, type DesaValuesResponse, type SeriesResponse, type ValueRow } from '@peta/domain/contract';
import type { DesaYearValues, ValuesRepository } from '../repositories/values-repository.ts';
import type { WilayahRepository, WilayahRow } from '../repositories/wilayah-repository.ts';

/** The sasaran group a denominator reads, or null for counted denominators (stored with the values). */
function sasaranGroupOf(def: IndicatorDef): string | null {
  if (def.denominator.kind === 'sasaran') return def.denominator.group;
  if (def.denominator.kind === 'population') return 'penduduk';
  return null;
}

function desaInput(row: DesaYearValues | undefined, sasaran: number | null): DesaInput {
  const months = [];
  if (row) {
    for (let i = 0; i < 12; i++) {
      const numerator = row.numerators[i];
      if (numerator === null || numerator === undefined) continue;
      months.push({ month: i + 1, numerator, denominator: row.denominators?.[i] ?? null });
    }
  }
  return { months, sasaran };
}

/**
 * A desa's value is simulated when a cell that contributes to it is: a month of the period that has a report
 * and whose cell is simulated. Imported (real) months make it real even when other months are simulated.
 */
function simulatedIn(row: DesaYearValues | undefined, fromMonth: number, toMonth: number): boolean {
  if (!row) return false;
  for (let m = fromMonth; m <= toMonth; m++) {
    if (row.numerators[m - 1] != null && row.monthSimulated[m - 1] === true) return true;
  }
  return false;
}

/** Estimated sasaran are stored unrounded; their sums only need cents (float noise such as 1863.2200000000003). */
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

const WHOLE_YEAR = { fromMonth: 1, toMonth: 12 };

export type DesaColumns = Pick<DesaValuesResponse, 'simulated' | 'expected' | 'kecamatan' | 'kelas' | 'coverage'>;

export function valuesService(values: ValuesRepository, wilayah: WilayahRepository, now: () => Date = () => new Date()) {
  async function inputsUnder(def: IndicatorDef, parent: string | null, year: number, months: { fromMonth: number; toMonth: number }) {
    const group = sasaranGroupOf(def);
    const [desa, rows, sasaran] = await Promise.all([
      values.desaUnder(parent),
      values.values(def.code, parent, year),
      group ? values.sasaran(group, parent, year) : Promise.resolve(new Map<string, number>()),
    ]);
    return desa.map((kode) => ({
      kode,
      simulated: simulatedIn(rows.get(kode), months.fromMonth, months.toMonth),
      input: desaInput(rows.get(kode), group ? sasaran.get(kode) ?? null : null),
    }));
  }

  // Values change only through a data load (demo, import, undo), so answers are cached per load state: the
  // national and provinsi views (thousands of desa summed) are then computed once, not per visitor.
  const cache = new Map<string, ValueRow[]>();
  const CACHE_ENTRIES = 500;
  let lastReported: { version: number; month: Promise<YearMonth | null> } | null = null;
  // Desa columns of a provinsi or of Indonesia: few entries (each up to ~2 MB for the 83,762 desa of Indonesia).
  const desaCache = new Map<string, DesaColumns>();
  const DESA_CACHE_ENTRIES = 24;

  return {
    /**
     * The latest month with data (domain latestDataMonth): GET /api/meta states it, the planner's need period and the
     * map's default period start from it. The scan is cached per data-load state.
     */
    async latestMonth(): Promise<YearMonth> {
      const version = await values.dataVersion();
      if (lastReported?.version !== version) lastReported = { version, month: values.lastReportedMonth() };
      try {
        return latestDataMonth(await lastReported.month, now());
      } catch (error) {
        lastReported = null;
        throw error;
      }
    },
    async childValues(def: IndicatorDef, period: Period, parent: string | null): Promise<ValueRow[]> {
      const key = `${await values.dataVersion()}|${def.code}|${period.code}|${parent ?? ''}`;
      const cached = cache.get(key);
      if (cached) {
        cache.delete(key); // least recently used goes first
        cache.set(key, cached);
        return cached;
      }
      const rows = await computeChildValues(def, period, parent);
      cache.set(key, rows);
      if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
      return rows;
    },
    /** Every desa under parent (null: Indonesia), each judged on its own: the "Semua desa" map. */
    async desaValues(def: IndicatorDef, period: Period, parent: string | null): Promise<DesaColumns> {
      const key = `${await values.dataVersion()}|${def.code}|${period.code}|${parent ?? ''}`;
      const cached = desaCache.get(key);
      if (cached) {
        desaCache.delete(key);
        desaCache.set(key, cached);
        return cached;
      }
      const desa = await inputsUnder(def, parent, period.year, period);
      const columns: DesaColumns = { simulated: false, expected: null, kecamatan: [], kelas: '', coverage: [] };
      const letters: string[] = [];
      let group: [string, string[]] | null = null;
      const groups: [string, string[]][] = [];
      for (const d of desa) {
        const value = evaluateValue(def, period, rollUpDesa(def, period, [d.input]));
        const kecamatan = d.kode.slice(0, d.kode.lastIndexOf('.'));
        if (group?.[0] !== kecamatan) groups.push((group = [kecamatan, []]));
        group[1].push(d.kode.slice(kecamatan.length + 1));
        const letter = CLASS_LETTER[value.class];
        letters.push(value.over100 ? letter.toUpperCase() : letter);
        columns.coverage.push(value.coverage === null ? null : Math.round(value.coverage * 10) / 10);
        if (d.simulated) columns.simulated = true;
        columns.expected ??= value.expected;
      }
      columns.kecamatan = groups.map(([kecamatan, suffixes]) => [kecamatan, suffixes.join(',')]);
      columns.kelas = letters.join('');
      desaCache.set(key, columns);
      if (desaCache.size > DESA_CACHE_ENTRIES) desaCache.delete(desaCache.keys().next().value!);
      return columns;
    },
    async series(def: IndicatorDef, area: WilayahRow, year: number): Promise<SeriesResponse> {
      const [current, previous] = await Promise.all([
        inputsUnder(def, area.kode, year, WHOLE_YEAR), inputsUnder(def, area.kode, year - 1, WHOLE_YEAR),
      ]);
      const previousDecemberCoverage = rollUpDesa(def, monthPeriod(year - 1, 12), previous.map((d) => d.input)).coverage;
      return {
        kode: area.kode, nama: area.nama, indicator: def.code, year, target: def.target,
        months: seriesOf(def, year, current.map((d) => d.input), { previousDecemberCoverage }),
        simulated: current.some((d) => d.simulated),
      };
    },
  };

  async function computeChildValues(def: IndicatorDef, period: Period, parent: string | null): Promise<ValueRow[]> {
    const children: WilayahRow[] = await wilayah.children(parent);
    const desa = await inputsUnder(def, parent, period.year, period);
    // Children share one tingkat, so a desa's child is the prefix of its kode of that length.
    const byChild = new Map<string, typeof desa>(children.map((c) => [c.kode, []]));
    const childLength = children[0]?.kode.length ?? 0;
    for (const d of desa) byChild.get(d.kode.slice(0, childLength))?.push(d);
    return children.map((child) => {
      const list = byChild.get(child.kode)!;
      const value = evaluateValue(def, period, rollUpDesa(def, period, list.map((d) => d.input)));
      return {
        kode: child.kode, nama: child.nama,
        numerator: value.numerator, denominator: round2(value.denominator), coverage: value.coverage,
        target: value.target, expected: value.expected, notYetServed: value.notYetServed, shortOfTarget: value.shortOfTarget,
        class: value.class,
        attainment: value.attainment, over100: value.over100,
        simulated: list.some((d) => d.simulated),
        reported: value.reported, expectedReports: value.expectedReports,
      };
    });
  }
}

export type ValuesService = ReturnType<typeof valuesService>;
