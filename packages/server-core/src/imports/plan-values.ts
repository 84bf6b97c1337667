// Diffs the file's value cells against the stored rows (read inside the import lock) and computes the rows to
// write, the change history and the warnings that depend on stored data (jump from last month, above sasaran).
import {
  aboveSasaran,
  compareCell,
  getIndicator,
  isJump,
  sasaranGroupOf,
  type ImportIssue,
  type IndicatorDef,
} from '@peta/domain';
import type { DbOrTx } from '@peta/db';
import { indicatorValuesRepository, rowKey, type ValueChange, type ValueRow } from './indicator-values-repository.ts';
import type { ValueCell } from './parse/parsed.ts';
import { sasaranKey, sasaranRepository } from './sasaran-repository.ts';

/**
 * Awaited every thousand cells of a loop, so that in the API process other requests (/api/health among them) are
 * answered while a file of 200,000 rows is compared with the database (a few hundred milliseconds of work).
 */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
const BREATHE_EVERY = 1_000;

export interface Counts {
  added: number;
  changed: number;
  unchanged: number;
}

export interface CellSample {
  row: number;
  kode: string;
  indicator: string;
  period: string;
  change: 'added' | 'changed';
  old: { numerator: number | null; denominator: number | null; simulated: boolean | null } | null;
  new: { numerator: number; denominator: number | null };
}

export interface ValuesPlan {
  counts: Counts;
  warnings: ImportIssue[];
  sample: CellSample[];
  /** Rows to write; their changed months carry LOAD_PLACEHOLDER until the load id is known. */
  rows: ValueRow[];
  changes: ValueChange[];
  /** The stored year of each row written (absent: a new row), for the roll-up deltas. */
  before: Map<string, ValueRow>;
  /** A desa's annual sasaran of a group as stored (null: none), for the roll-up deltas. */
  sasaranOf: (kode: string, year: number, group: string) => number | null;
}

export const SAMPLE_SIZE = 20;
/** Stands for the id of the data_load being written (known only at commit). */
export const LOAD_PLACEHOLDER = -1;

const emptyRow = (c: ValueCell, counted: boolean): ValueRow => ({
  indicator: c.indicator,
  kode: c.kode,
  year: c.year,
  numerators: Array(12).fill(null),
  denominators: counted ? Array(12).fill(null) : null,
  monthLoadIds: Array(12).fill(null),
  monthSimulated: Array(12).fill(null),
});

const ym = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

export async function planValues(db: DbOrTx, cells: ValueCell[]): Promise<ValuesPlan> {
  // Each cell's row key once; the catalogue entry and the sasaran group once per indicator.
  const cellKeys: string[] = new Array(cells.length);
  const defs = new Map<string, { def: IndicatorDef; counted: boolean; group: string | null }>();
  for (let n = 0; n < cells.length; n++) {
    const c = cells[n]!;
    if (n % BREATHE_EVERY === BREATHE_EVERY - 1) await breathe();
    const key = rowKey(c.indicator, c.kode, c.year);
    cellKeys[n] = key;
    if (!defs.has(c.indicator)) {
      const def = getIndicator(c.indicator)!;
      defs.set(c.indicator, {
        def,
        counted: def.denominator.kind === 'counted',
        group: sasaranGroupOf(def), // the warnings' sasaran and the roll-ups' (a population: penduduk)
      });
    }
  }
  const values = indicatorValuesRepository(db);
  // Each cell's row and, for January, December of the year before ("last month"); repeats cost nothing (a semi-join).
  await values.stageKeys(
    (function* () {
      for (const c of cells) {
        yield c;
        if (c.month === 1) yield { indicator: c.indicator, kode: c.kode, year: c.year - 1 };
      }
    })(),
  );
  const groups = [...new Set([...defs.values()].flatMap((d) => (d.group ? [d.group] : [])))];
  const [stored, sasaran] = await Promise.all([
    values.readStagedRows(),
    sasaranRepository(db).readForStagedKeys(groups),
  ]);
  await values.dropStagedKeys();
  const next = new Map<string, ValueRow>();
  const counts: Counts = { added: 0, changed: 0, unchanged: 0 };
  const changes: ValueChange[] = [];
  const sample: CellSample[] = [];

  for (let n = 0; n < cells.length; n++) {
    const c = cells[n]!;
    if (n % BREATHE_EVERY === BREATHE_EVERY - 1) await breathe();
    const key = cellKeys[n]!;
    let row = next.get(key);
    if (!row) {
      const counted = defs.get(c.indicator)!.counted;
      const s = stored.get(key);
      row = s
        ? {
            ...s,
            numerators: [...s.numerators],
            denominators: s.denominators ? [...s.denominators] : counted ? Array(12).fill(null) : null,
            monthLoadIds: [...s.monthLoadIds],
            monthSimulated: [...s.monthSimulated],
          }
        : emptyRow(c, counted);
      next.set(key, row);
    }
    const i = c.month - 1;
    const old = {
      numerator: row.numerators[i] ?? null,
      denominator: row.denominators?.[i] ?? null,
      simulated: row.monthSimulated[i] ?? null,
    };
    const verdict = compareCell(old, c);
    counts[verdict]++;
    if (verdict === 'unchanged') continue;
    changes.push({
      indicator: c.indicator,
      kode: c.kode,
      year: c.year,
      month: c.month,
      oldNumerator: old.numerator,
      oldDenominator: old.denominator,
      oldLoadId: row.monthLoadIds[i] ?? null,
      oldSimulated: old.simulated,
      newNumerator: c.numerator,
      newDenominator: c.denominator,
    });
    if (sample.length < SAMPLE_SIZE) {
      sample.push({
        row: c.row,
        kode: c.kode,
        indicator: c.indicator,
        period: ym(c.year, c.month),
        change: verdict,
        old: verdict === 'added' ? null : old,
        new: { numerator: c.numerator, denominator: c.denominator },
      });
    }
    row.numerators[i] = c.numerator;
    if (row.denominators) row.denominators[i] = c.denominator;
    row.monthLoadIds[i] = LOAD_PLACEHOLDER;
    row.monthSimulated[i] = false;
  }

  const sasaranOf = (kode: string, year: number, group: string) => sasaran.get(sasaranKey(kode, year, group)) ?? null;
  const warnings = await stateWarnings(cells, cellKeys, defs, next, stored, sasaranOf);
  const rows: ValueRow[] = [];
  // The rows written: those with a changed month (no set of keys beside them: a national import has 1.7 M).
  for (const row of next.values()) if (row.monthLoadIds.includes(LOAD_PLACEHOLDER)) rows.push(row);
  return { counts, warnings, sample, rows, changes, before: stored, sasaranOf };
}

/** Warnings judged on the data as it will be after the import: > 3× last month, numerator above its sasaran. */
async function stateWarnings(
  cells: ValueCell[],
  cellKeys: string[],
  defs: Map<string, { def: IndicatorDef; group: string | null }>,
  next: Map<string, ValueRow>,
  stored: Map<string, ValueRow>,
  sasaranOf: (kode: string, year: number, group: string) => number | null,
): Promise<ImportIssue[]> {
  const warnings: ImportIssue[] = [];
  const flaggedAbove = new Set<string>();
  const rowAfter = (key: string) => next.get(key) ?? stored.get(key);
  for (let n = 0; n < cells.length; n++) {
    const c = cells[n]!;
    if (n % BREATHE_EVERY === BREATHE_EVERY - 1) await breathe();
    const { def, group } = defs.get(c.indicator)!;
    const key = cellKeys[n]!;
    const row = rowAfter(key)!;
    const previous =
      c.month > 1 ? row.numerators[c.month - 2] : rowAfter(rowKey(c.indicator, c.kode, c.year - 1))?.numerators[11];
    if (isJump(previous, c.numerator)) {
      warnings.push({
        row: c.row,
        column: c.column,
        code: 'JUMP',
        message: `${c.indicator} ${c.kode} ${ym(c.year, c.month)}: ${c.numerator}, lebih dari 3× bulan sebelumnya (${previous}).`,
      });
    }
    if (def.denominator.kind !== 'sasaran' || group === null || flaggedAbove.has(key)) continue;
    const target = sasaranOf(c.kode, c.year, group);
    const amount = aboveSasaran(def, row.numerators, c.month, target);
    if (amount !== null) {
      flaggedAbove.add(key); // once per desa × indicator × year: later months of a cumulative sum stay above too
      const cumulative = def.periodKind === 'ytd_cum' || def.periodKind === 'annual';
      warnings.push({
        row: c.row,
        column: c.column,
        code: 'ABOVE_SASARAN',
        message: `${c.indicator} ${c.kode} ${ym(c.year, c.month)}: ${cumulative ? 'jumlah Januari s.d. bulan ini' : 'pembilang'} ${amount} melebihi sasaran ${group} ${target}.`,
      });
    }
  }
  return warnings;
}
