// Values of an indicator for the children of a wilayah, every desa under one (the "Semua desa" map), the monthly
// series of one wilayah, and the latest month with data — the one default period of the map, the meetings and the
// planner. Children above desa and series of a wilayah above desa read the roll-ups kept at write time (one row per
// child: rollUpFromSums); desa children and "Semua desa" read the desa rows (rollUpDesa). Either way the domain
// applies the rules (period, roll-up by summing counts, classes).
import {
  defaultPeriodOf,
  desaInputOf,
  desaValue,
  evaluateValue,
  INDICATORS,
  latestDataMonth,
  monthPeriod,
  rollUpDesa,
  rollUpFromSums,
  sasaranGroupOf,
  seriesOf,
  seriesOfRollUp,
  tingkatOf,
  valueRowNumbers,
  type DesaInput,
  type EvaluatedValue,
  type IndicatorDef,
  type Period,
  type RollupSums,
  type YearMonth,
} from '@peta/domain';
import {
  CLASS_LETTER,
  kecamatanColumn,
  type DesaValuesResponse,
  type IndicatorDto,
  type SeriesResponse,
  type ValueRow,
  type ValuesResponse,
} from '@peta/domain/contract';
import { invalid, notFound } from '../errors.ts';
import { kodeParam, periodParam } from '../inputs.ts';
import { wilayahMemory, type WilayahEntry } from '../wilayah/wilayah-memory.ts';
import type { WilayahRepository, WilayahRow } from '../wilayah/wilayah-repository.ts';
import type { WilayahService } from '../wilayah/wilayah-service.ts';
import type { AnswerRepository, AnswerVersion } from './answer-repository.ts';
import { INDONESIA, type RollupRepository } from './rollup-repository.ts';
import type { DesaYearValues, ValuesRepository } from './values-repository.ts';
import { parseDesaYearColumns, sasaranAt, storedYearAt, type DesaYearColumns } from './desa-year-columns.ts';
import { lruCache } from '../lru-cache.ts';

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

export type DesaColumns = Pick<DesaValuesResponse, 'simulated' | 'expected' | 'kecamatan' | 'kelas' | 'coverage'>;

/** Some desa of the stored roll-up sums hold a simulated cell with a report in the months of the period. */
function simulatedInSums(sums: RollupSums | null | undefined, fromMonth: number, toMonth: number): boolean {
  if (!sums) return false;
  for (let m = fromMonth; m <= toMonth; m++) if (sums.simulated[m - 1]! > 0) return true;
  return false;
}

/**
 * The row of one child as computed, every field of the contract's ValueRow written once (no spread of
 * valueRowNumbers: a kecamatan's answer builds one object per desa, not two) and `protection: null` — as computed,
 * nothing is hidden; the reader view (privacy/reader-view.ts) masks a copy for a reader who may not see it exactly, and
 * sends this very row to one who may (maskRow keeps a row already marked shown).
 */
function valueRowOf(child: WilayahEntry, value: EvaluatedValue, simulated: boolean): ValueRow {
  const numbers = valueRowNumbers(value);
  return {
    kode: child.kode,
    nama: child.nama,
    numerator: numbers.numerator,
    denominator: numbers.denominator,
    coverage: numbers.coverage,
    target: numbers.target,
    expected: numbers.expected,
    notYetServed: numbers.notYetServed,
    shortOfTarget: numbers.shortOfTarget,
    class: numbers.class,
    attainment: numbers.attainment,
    over100: numbers.over100,
    reported: numbers.reported,
    expectedReports: numbers.expectedReports,
    simulated,
    protection: null,
  };
}

/** The version text of an answer: what the values cache is keyed by and the API's ETag is made of. */
const versionText = (v: AnswerVersion) => `b${v.boundary}.${v.loadId ?? 0}`;

/** An answer about the children of a wilayah, unmasked, with the version it was computed at. */
export interface VersionedValues {
  version: string;
  answer: ValuesResponse;
}

export function valuesService(
  values: ValuesRepository,
  stored: RollupRepository,
  answers: AnswerRepository,
  wilayah: WilayahRepository,
  areas: Pick<WilayahService, 'requireWilayah'>,
  now: () => Date = () => new Date(),
) {
  /** Every desa at or under `parent` with its stored year and sasaran: the one read behind every roll-up. */
  async function desaYears(def: IndicatorDef, parent: string | null, year: number): Promise<DesaYear[]> {
    const group = sasaranGroupOf(def);
    const [desa, rows, sasaran] = await Promise.all([
      wilayah.desaUnder(parent),
      values.values(def.code, parent, year),
      group ? values.sasaran(group, parent, year) : Promise.resolve(new Map<string, number>()),
    ]);
    return desa.map((kode) => ({ kode, row: rows.get(kode), sasaran: group ? (sasaran.get(kode) ?? null) : null }));
  }

  /** Each desa's input to the domain's rules for the whole year, and whether a simulated cell enters its value. */
  async function inputsUnder(def: IndicatorDef, parent: string | null, year: number) {
    return (await desaYears(def, parent, year)).map((d) => ({
      kode: d.kode,
      simulated: simulatedIn(d.row, 1, 12),
      input: desaInputOf(d.row, d.sasaran) satisfies DesaInput,
    }));
  }

  // Answers about children are cached per version of what they read: the last load that changed a desa under the
  // parent for that indicator and year (value_rollup.load_id) and the boundary import, so an import elsewhere leaves
  // them cached and every API process sharing the database agrees on the version. Only the latest version of each
  // answer is kept: an older one can never be asked for again.
  const childCache = lruCache<{ version: string; rows: ValueRow[] }>(2000);
  // Names and children of wilayah, per boundary import (checked against each answer's version).
  const memory = wilayahMemory(wilayah);
  // Desa columns of a provinsi or of Indonesia: few entries (each up to ~2 MB for the 83,762 desa of Indonesia).
  const desaCache = lruCache<DesaColumns>(24);
  // The desa rows those columns are computed from, per indicator and year (not period): another month or period type
  // on "Semua desa" is then computed without reading them again. Reading them is most of a first answer — Indonesia's
  // 83,762 rows of one indicator lie one per page (the table is in year, kode, indicator order for the imports), ~1.4 s
  // of PostgreSQL against ~0.3 s of judging. Held as typed arrays (desa-year-columns.ts; Indonesia's: ~18 MB), four
  // entries; the promise is kept, so concurrent answers of one indicator and year share one read.
  const desaRowsCache = lruCache<Promise<DesaYearColumns>>(4);
  let lastReported: { version: number; month: Promise<YearMonth | null> } | null = null;

  /** The version of every answer about the children of `parent` (null: Indonesia) for an indicator and years. */
  const versionOf = (def: IndicatorDef, parent: string | null, years: number[]) =>
    stored.version(def.code, parent ?? INDONESIA, years);

  /**
   * The latest month with data (domain latestDataMonth): GET /api/meta states it, and it is the one default period
   * (defaultPeriod) of the map, the meeting form and the planner's need. Read from Indonesia's roll-ups, cached per
   * data-load state.
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

  /** Desa at or under `kode` (above desa) as of the latest boundary import: the reports it is expected to send. */
  async function desaAt(kode: string): Promise<number> {
    const { boundary } = await answers.version('', 0, kode); // only its boundary import is used
    memory.sameBoundary(boundary);
    return (await memory.find(kode))?.desa ?? 0;
  }

  /**
   * The rows about the children of `parent` (null: the provinces) and their version. One round trip when this process
   * holds the answer (is it still the latest version?) or none at all (the version with the rows it reads); two when
   * it holds an older one. Read again, once, when the wilayah in memory turn out to come from another boundary import.
   */
  async function childAnswer(
    def: IndicatorDef,
    period: Period,
    parent: string | null,
    attempt = 0,
  ): Promise<{ version: string; rows: ValueRow[] }> {
    const key = `${def.code}|${period.code}|${parent ?? ''}`;
    const parentKey = parent ?? INDONESIA;
    const children = await memory.children(parent);
    const again = () => childAnswer(def, period, parent, attempt + 1);
    // The children read above belong to boundary import `boundary` (the memory may have started over meanwhile).
    const childrenOf = async (boundary: number) =>
      attempt > 0 || (memory.sameBoundary(boundary) && (await memory.children(parent)) === children);
    const cached = childCache.get(key);
    if (cached) {
      const version = await answers.version(def.code, period.year, parentKey);
      if (!(await childrenOf(version.boundary))) return again();
      if (versionText(version) === cached.version) return cached;
    }
    // Children share one tingkat.
    const tingkat = children[0]?.tingkat;
    let read: { version: AnswerVersion; rows: ValueRow[] };
    if (tingkat === undefined) {
      read = { version: await answers.version(def.code, period.year, parentKey), rows: [] };
    } else if (tingkat === 'desa') {
      read = await desaChildRows(def, period, parentKey, children);
    } else {
      read = await rolledUpChildRows(def, period, parent, children);
    }
    if (!(await childrenOf(read.version.boundary))) return again();
    const answer = { version: versionText(read.version), rows: read.rows };
    childCache.set(key, answer);
    return answer;
  }

  async function childValues(def: IndicatorDef, period: Period, parent: string | null): Promise<ValueRow[]> {
    return (await childAnswer(def, period, parent)).rows;
  }

  /** Children above desa: one stored roll-up row per child. */
  async function rolledUpChildRows(
    def: IndicatorDef,
    period: Period,
    parent: string | null,
    children: readonly WilayahEntry[],
  ): Promise<{ version: AnswerVersion; rows: ValueRow[] }> {
    const read = await answers.rollups(
      def.code,
      period.year,
      parent ?? INDONESIA,
      children.map((c) => c.kode),
      period.toMonth,
    );
    const rows = children.map((child, i) => {
      const sums = read.rows[i] ?? null;
      const value = evaluateValue(def, period, rollUpFromSums(def, period, sums, child.desa));
      return valueRowOf(child, value, simulatedInSums(sums, period.fromMonth, period.toMonth));
    });
    return { version: read.version, rows };
  }

  /** Desa children (a kecamatan's): each desa's own row, judged on its own. */
  async function desaChildRows(
    def: IndicatorDef,
    period: Period,
    parent: string,
    children: readonly WilayahEntry[],
  ): Promise<{ version: AnswerVersion; rows: ValueRow[] }> {
    const group = sasaranGroupOf(def);
    const read = await answers.desaYears(
      def.code,
      period.year,
      parent,
      children.map((c) => c.kode),
      group,
    );
    const rows = children.map((child, i) => {
      const { row, sasaran } = read.rows[i]!;
      const value = evaluateValue(def, period, desaValue(def, period, row, sasaran));
      return valueRowOf(child, value, simulatedIn(row, period.fromMonth, period.toMonth));
    });
    return { version: read.version, rows };
  }

  /** Every desa at or under `parent` with its stored year and sasaran, column by column. */
  async function desaYearColumns(def: IndicatorDef, parent: string | null, year: number): Promise<DesaYearColumns> {
    const [desa, texts] = await Promise.all([
      wilayah.desaUnder(parent),
      values.desaYearTexts(def.code, parent, year, sasaranGroupOf(def)),
    ]);
    return parseDesaYearColumns(desa, texts.values, texts.sasaran);
  }

  /** desaYearColumns, kept per version of what it reads (desaRowsCache); a failed read is not kept. */
  function cachedDesaYears(version: string, def: IndicatorDef, parent: string | null, year: number) {
    const key = `${version}|${def.code}|${year}|${parent ?? ''}`;
    let rows = desaRowsCache.get(key);
    if (!rows) {
      rows = desaYearColumns(def, parent, year);
      desaRowsCache.set(key, rows);
      rows.catch(() => desaRowsCache.delete(key));
    }
    return rows;
  }

  /** Every desa under parent (null: Indonesia), each judged on its own: the "Semua desa" map. */
  async function desaValues(def: IndicatorDef, period: Period, parent: string | null): Promise<DesaColumns> {
    const version = await versionOf(def, parent, [period.year]);
    const key = `${version}|${def.code}|${period.code}|${parent ?? ''}`;
    const cached = desaCache.get(key);
    if (cached) return cached;
    const desa = await cachedDesaYears(version, def, parent, period.year);
    const columns: DesaColumns = {
      simulated: false,
      expected: null,
      kecamatan: kecamatanColumn(desa.kodes),
      kelas: '',
      coverage: [],
    };
    const letters: string[] = [];
    for (let i = 0; i < desa.kodes.length; i++) {
      // Each desa judged on its own, as a kecamatan's desa are (desaChildRows).
      const row = storedYearAt(desa, i);
      const value = evaluateValue(def, period, desaValue(def, period, row, sasaranAt(desa, i)));
      const letter = CLASS_LETTER[value.class];
      letters.push(value.over100 ? letter.toUpperCase() : letter);
      columns.coverage.push(value.coverage === null ? null : Math.round(value.coverage * 10) / 10);
      if (simulatedIn(row, period.fromMonth, period.toMonth)) columns.simulated = true;
      columns.expected ??= value.expected;
    }
    columns.kelas = letters.join('');
    desaCache.set(key, columns);
    return columns;
  }

  async function series(
    def: IndicatorDef,
    area: Pick<WilayahRow, 'kode' | 'nama'>,
    year: number,
  ): Promise<SeriesResponse> {
    if (tingkatOf(area.kode) === 'desa') {
      const [current, previous] = await Promise.all([
        inputsUnder(def, area.kode, year),
        inputsUnder(def, area.kode, year - 1),
      ]);
      const previousDecemberCoverage = rollUpDesa(
        def,
        monthPeriod(year - 1, 12),
        previous.map((d) => d.input),
      ).coverage;
      return {
        kode: area.kode,
        nama: area.nama,
        indicator: def.code,
        year,
        target: def.target,
        months: seriesOf(
          def,
          year,
          current.map((d) => d.input),
          { previousDecemberCoverage },
        ),
        simulated: current.some((d) => d.simulated),
      };
    }
    // Above desa: the area's own roll-up of this year and the last, and its desa count.
    const [rows, desa] = await Promise.all([
      stored.read([def.code], year, [area.kode]).then((r) => r[0] ?? null),
      desaAt(area.kode),
    ]);
    const previous = (await stored.read([def.code], year - 1, [area.kode]))[0] ?? null;
    const previousDecemberCoverage = rollUpFromSums(def, monthPeriod(year - 1, 12), previous, desa).coverage;
    return {
      kode: area.kode,
      nama: area.nama,
      indicator: def.code,
      year,
      target: def.target,
      months: seriesOfRollUp(def, year, (p) => rollUpFromSums(def, p, rows, desa), { previousDecemberCoverage }),
      simulated: simulatedInSums(rows, 1, 12),
    };
  }

  /** The wilayah named by `parent`, or null for Indonesia; 400 for a malformed kode, 404 for an unknown one. */
  const parentArea = async (parent: string | null) =>
    parent === null ? null : (await areas.requireWilayah(parent)).kode;

  /** parentArea, from the wilayah in memory. */
  async function knownParent(parent: string | null): Promise<string | null> {
    if (parent === null) return null;
    const area = await memory.find(kodeParam(parent));
    if (!area) throw notFound(`Wilayah dengan kode ${parent} tidak ditemukan.`);
    return area.kode;
  }

  /** GET /api/nilai unmasked, with its version (the ETag of readers who see it exactly). */
  async function versionedValuesUnder(
    def: IndicatorDef,
    period: Period,
    parent: string | null,
  ): Promise<VersionedValues> {
    const kode = await knownParent(parent);
    const { version, rows } = await childAnswer(def, period, kode);
    return {
      version,
      answer: {
        indicator: def.code,
        period: period.code,
        periodLabel: period.label,
        parent: kode,
        simulated: rows.some((r) => r.simulated),
        rows,
      },
    };
  }

  return {
    /**
     * Read every wilayah and prepare the answers' statements on every pooled connection (server start): the first
     * answers of a process then cost what later ones do.
     */
    async warm(): Promise<void> {
      await Promise.all([memory.warm(), answers.warm()]);
    },
    desaYears,
    latestMonth,
    /**
     * The version of the answer about the children (or the desa, or the series) of `parent` (null: Indonesia) for
     * an indicator and a year: what the API's ETag is made of, read from the database so every process agrees.
     */
    async answerVersion(def: IndicatorDef, year: number, parent: string | null): Promise<string> {
      return versionOf(def, parent, [year]);
    },
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

    versionedValuesUnder,
    /** GET /api/nilai: the children of `parent` (null: the provinces). */
    async valuesUnder(def: IndicatorDef, period: Period, parent: string | null): Promise<ValuesResponse> {
      return (await versionedValuesUnder(def, period, parent)).answer;
    },

    /** GET /api/nilai/desa: every desa under `parent` (null: Indonesia). */
    async desaValuesUnder(def: IndicatorDef, period: Period, parent: string | null): Promise<DesaValuesResponse> {
      const kode = await parentArea(parent);
      return {
        indicator: def.code,
        period: period.code,
        periodLabel: period.label,
        parent: kode,
        ...(await desaValues(def, period, kode)),
      };
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
