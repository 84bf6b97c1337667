// Values of an indicator for the children of a wilayah, every desa under one (the "Semua desa" map), the monthly
// series of one wilayah, and the latest month with data — the one default period of the map, the meetings and the
// planner. Reads per-desa rows, then applies the domain rules (period, roll-up by summing counts, classes).
import {
  ancestorAt, defaultPeriodOf, desaInputOf, evaluateValue, INDICATORS, latestDataMonth, monthPeriod, rollUpDesa,
  sasaranGroupOf, seriesOf, valueRowNumbers, type DesaInput, type IndicatorDef, type Period, type YearMonth,
} from '@peta/domain';
import {
  CLASS_LETTER, kecamatanColumn, type DesaValuesResponse, type IndicatorDto, type SeriesResponse, type ValueRow, type ValuesResponse,
} from '@peta/domain/contract';
import { invalid } from '../errors.ts';
import { periodParam } from '../inputs.ts';
import type { WilayahRepository, WilayahRow } from '../wilayah/wilayah-repository.ts';
import type { WilayahService } from '../wilayah/wilayah-service.ts';
import type { DesaYearValues, ValuesRepository } from './values-repository.ts';

/** One desa's stored year of an indicator and the annual sasaran of its group: what every roll-up starts from. */
export interface DesaYear {
  kode: string;
  /** Absent: no value row (no report all year). */
  row: DesaYearValues | undefined;
  /** Null when the indicator has a counted denominator or the sasaran is unknown. */
  sasaran: number | null;
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

const WHOLE_YEAR = { fromMonth: 1, toMonth: 12 };

export type DesaColumns = Pick<DesaValuesResponse, 'simulated' | 'expected' | 'kecamatan' | 'kelas' | 'coverage'>;

/** A small least-recently-used map: answers computed from values, valid while the data-load state is the same. */
function lru<T>(entries: number) {
  const map = new Map<string, T>();
  return {
    get(key: string): T | undefined {
      const hit = map.get(key);
      if (hit !== undefined) {
        map.delete(key); // least recently used goes first
        map.set(key, hit);
      }
      return hit;
    },
    set(key: string, value: T) {
      map.set(key, value);
      if (map.size > entries) map.delete(map.keys().next().value!);
    },
  };
}

export function valuesService(values: ValuesRepository, wilayah: WilayahRepository, areas: Pick<WilayahService, 'requireWilayah'>,
  now: () => Date = () => new Date()) {
  /** Every desa at or under `parent` with its stored year and sasaran: the one read behind every roll-up. */
  async function desaYears(def: IndicatorDef, parent: string | null, year: number): Promise<DesaYear[]> {
    const group = sasaranGroupOf(def);
    const [desa, rows, sasaran] = await Promise.all([
      wilayah.desaUnder(parent),
      values.values(def.code, parent, year),
      group ? values.sasaran(group, parent, year) : Promise.resolve(new Map<string, number>()),
    ]);
    return desa.map((kode) => ({ kode, row: rows.get(kode), sasaran: group ? sasaran.get(kode) ?? null : null }));
  }

  async function inputsUnder(def: IndicatorDef, parent: string | null, year: number, months: { fromMonth: number; toMonth: number }) {
    return (await desaYears(def, parent, year)).map((d) => ({
      kode: d.kode,
      simulated: simulatedIn(d.row, months.fromMonth, months.toMonth),
      input: desaInputOf(d.row, d.sasaran) satisfies DesaInput,
    }));
  }

  // Values change only through a data load (demo, import, undo), so answers are cached per load state: the
  // national and provinsi views (thousands of desa summed) are then computed once, not per visitor.
  const childCache = lru<ValueRow[]>(500);
  // Desa columns of a provinsi or of Indonesia: few entries (each up to ~2 MB for the 83,762 desa of Indonesia).
  const desaCache = lru<DesaColumns>(24);
  let lastReported: { version: number; month: Promise<YearMonth | null> } | null = null;

  /**
   * The latest month with data (domain latestDataMonth): GET /api/meta states it, and it is the one default period
   * (defaultPeriod) of the map, the meeting form and the planner's need. The scan is cached per data-load state.
   */
  async function latestMonth(): Promise<YearMonth> {
    const version = await values.dataVersion();
    if (lastReported?.version !== version) lastReported = { version, month: values.lastReportedMonth() };
    try {
      return latestDataMonth(await lastReported.month, now());
    } catch (error) {
      lastReported = null;
      throw error;
    }
  }

  async function childValues(def: IndicatorDef, period: Period, parent: string | null): Promise<ValueRow[]> {
    const key = `${await values.dataVersion()}|${def.code}|${period.code}|${parent ?? ''}`;
    const cached = childCache.get(key);
    if (cached) return cached;
    const children: WilayahRow[] = await wilayah.children(parent);
    const desa = await inputsUnder(def, parent, period.year, period);
    // Children share one tingkat: a desa belongs to the child that is its ancestor at that tingkat.
    const tingkat = children[0]?.tingkat;
    const byChild = new Map<string, typeof desa>(children.map((c) => [c.kode, []]));
    if (tingkat) for (const d of desa) byChild.get(ancestorAt(d.kode, tingkat) ?? '')?.push(d);
    const rows = children.map((child) => {
      const list = byChild.get(child.kode)!;
      const value = evaluateValue(def, period, rollUpDesa(def, period, list.map((d) => d.input)));
      return { kode: child.kode, nama: child.nama, ...valueRowNumbers(value), simulated: list.some((d) => d.simulated) };
    });
    childCache.set(key, rows);
    return rows;
  }

  /** Every desa under parent (null: Indonesia), each judged on its own: the "Semua desa" map. */
  async function desaValues(def: IndicatorDef, period: Period, parent: string | null): Promise<DesaColumns> {
    const key = `${await values.dataVersion()}|${def.code}|${period.code}|${parent ?? ''}`;
    const cached = desaCache.get(key);
    if (cached) return cached;
    const desa = await inputsUnder(def, parent, period.year, period);
    const columns: DesaColumns = { simulated: false, expected: null, kecamatan: kecamatanColumn(desa.map((d) => d.kode)), kelas: '', coverage: [] };
    const letters: string[] = [];
    for (const d of desa) {
      const value = evaluateValue(def, period, rollUpDesa(def, period, [d.input]));
      const letter = CLASS_LETTER[value.class];
      letters.push(value.over100 ? letter.toUpperCase() : letter);
      columns.coverage.push(value.coverage === null ? null : Math.round(value.coverage * 10) / 10);
      if (d.simulated) columns.simulated = true;
      columns.expected ??= value.expected;
    }
    columns.kelas = letters.join('');
    desaCache.set(key, columns);
    return columns;
  }

  async function series(def: IndicatorDef, area: Pick<WilayahRow, 'kode' | 'nama'>, year: number): Promise<SeriesResponse> {
    const [current, previous] = await Promise.all([
      inputsUnder(def, area.kode, year, WHOLE_YEAR), inputsUnder(def, area.kode, year - 1, WHOLE_YEAR),
    ]);
    const previousDecemberCoverage = rollUpDesa(def, monthPeriod(year - 1, 12), previous.map((d) => d.input)).coverage;
    return {
      kode: area.kode, nama: area.nama, indicator: def.code, year, target: def.target,
      months: seriesOf(def, year, current.map((d) => d.input), { previousDecemberCoverage }),
      simulated: current.some((d) => d.simulated),
    };
  }

  /** The wilayah named by `parent`, or null for Indonesia; 404 for an unknown kode. */
  const parentArea = async (parent: string | null) => (parent === null ? null : (await areas.requireWilayah(parent)).kode);

  return {
    desaYears,
    latestMonth,
    /** January..the latest month with data: the default period wherever a period is not given. */
    async defaultPeriod(): Promise<Period> {
      return defaultPeriodOf(await latestMonth());
    },
    /** The period as given, or the default period when none is. */
    async periodOrDefault(text: string | undefined): Promise<Period> {
      return text ? periodParam(text) : defaultPeriodOf(await latestMonth());
    },
    childValues,
    desaValues,
    series,

    /** The catalogue, each indicator marked with whether the database holds a value of it (the picker). */
    async indicators(): Promise<(IndicatorDto & { hasData: boolean })[]> {
      const withData = await values.indicatorsWithData();
      return INDICATORS.map((def) => ({ ...def, hasData: withData.has(def.code) }));
    },

    /** GET /api/values: the children of `parent` (null: the provinces). */
    async valuesUnder(def: IndicatorDef, period: Period, parent: string | null): Promise<ValuesResponse> {
      const kode = await parentArea(parent);
      const rows = await childValues(def, period, kode);
      return { indicator: def.code, period: period.code, periodLabel: period.label, parent: kode, simulated: rows.some((r) => r.simulated), rows };
    },

    /** GET /api/values/desa: every desa under `parent` (null: Indonesia). */
    async desaValuesUnder(def: IndicatorDef, period: Period, parent: string | null): Promise<DesaValuesResponse> {
      const kode = await parentArea(parent);
      return { indicator: def.code, period: period.code, periodLabel: period.label, parent: kode, ...(await desaValues(def, period, kode)) };
    },

    /** GET /api/wilayah/{kode}/series: twelve months of one wilayah in `yearText` (four digits). */
    async seriesOf(def: IndicatorDef, kode: string, yearText: string): Promise<SeriesResponse> {
      const year = Number(yearText);
      if (!/^\d{4}$/.test(yearText) || year < 1900) {
        throw invalid('INVALID_YEAR', `Tahun tidak sah: "${yearText}". Gunakan empat angka, misalnya 2026.`);
      }
      return series(def, await areas.requireWilayah(kode), year);
    },
  };
}

export type ValuesService = ReturnType<typeof valuesService>;
