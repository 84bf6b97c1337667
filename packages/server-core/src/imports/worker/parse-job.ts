// What crosses between the API's parse pool (apps/api/src/services/parse-pool.ts) and a parse worker
// (parse-worker-job.ts): where the worker's code is, the job, the answer, and the wilayah the rules know encoded as one
// string, and the value cells of the answer packed into numbers. Only types and small functions, so a worker loads
// nothing else.
import type { YearMonth } from '@peta/domain';
import type { ParseContext, ParsedImport, ValueCell } from '../parse/parsed.ts';
import type { ReadLimits } from '../read/read-limits.ts';
import type { ReadResult } from '../read/sheet.ts';

/** The entry of a parse worker thread: one job, then it ends (the pool starts a fresh one). */
export const PARSE_WORKER_URL = new URL('./parse-worker.mjs', import.meta.url);

export type ParseJob =
  | {
      kind: 'import';
      bytes: Uint8Array;
      fileName: string;
      today: YearMonth /** every kode and its name: "kode\tname" lines */;
      wilayah: string;
      /** How to read the file and what helps: profile, saved profiles, aliases, crosswalk (small, cloned as they are). */
      reading?: ImportReading;
    }
  | { kind: 'csv'; bytes: Uint8Array };

export type ImportReading = Pick<ParseContext, 'reading' | 'profiles' | 'aliases' | 'crosswalk'>;

/** The parts of a context a worker needs besides the wilayah. */
export function readingOf({ reading, profiles, aliases, crosswalk }: ParseContext): ImportReading {
  return {
    ...(reading ? { reading } : {}),
    ...(profiles ? { profiles } : {}),
    ...(aliases ? { aliases } : {}),
    ...(crosswalk ? { crosswalk } : {}),
  };
}

export type WorkerAnswer =
  | {
      ok: true;
      result: ParsedImport | ReadResult /** The result's value cells, when it has any (its `values` is then empty). */;
      packed?: PackedValues;
    }
  | { ok: false; error: string };

/** A parsed file as the worker answers it: the value cells packed, their numbers moved with the message (`transfer`). */
export function importAnswer(parsed: ParsedImport): { answer: WorkerAnswer; transfer: ArrayBuffer[] } {
  if (!parsed.values.length) return { answer: { ok: true, result: parsed }, transfer: [] };
  const packed = packValues(parsed.values);
  if (!packed) return { answer: { ok: true, result: parsed }, transfer: [] };
  return {
    answer: { ok: true, result: { ...parsed, values: [] }, packed },
    transfer: [packed.cells.buffer as ArrayBuffer],
  };
}

/** The worker's result as the main thread uses it, its value cells rebuilt. */
export function answerResult(answer: Extract<WorkerAnswer, { ok: true }>): ParsedImport | ReadResult {
  return answer.packed ? { ...(answer.result as ParsedImport), values: unpackValues(answer.packed) } : answer.result;
}
export interface WorkerInput {
  job: ParseJob;
  limits: ReadLimits;
}

/**
 * The wilayah the rules know, as one string: cloning one string into the worker is a copy, where a Set and a Map of
 * 90,000 entries each would be rebuilt entry by entry on the event loop.
 */
export function wilayahLines({ kodes, names }: ParseContext): string {
  return [...kodes]
    .map((kode) => {
      const name = names?.get(kode);
      return name ? `${kode}\t${name.replace(/[\t\n]/g, ' ')}` : kode;
    })
    .join('\n');
}

/** The inverse of wilayahLines, in the worker. */
export function wilayahFromLines(lines: string): Pick<ParseContext, 'kodes' | 'names'> {
  const kodes = new Set<string>();
  const names = new Map<string, string>();
  for (const line of lines.split('\n')) {
    const tab = line.indexOf('\t');
    const kode = tab < 0 ? line : line.slice(0, tab);
    kodes.add(kode);
    if (tab >= 0) names.set(kode, line.slice(tab + 1));
  }
  return { kodes, names };
}

/**
 * The value cells of a parsed file as they cross from the worker: one Int32Array (moved, not copied) and the distinct
 * texts. Cloned as objects, a national file's 1.7 M cells took ~1.4 s to serialise in the worker and 4.5–4.9 s of the
 * API's main thread to rebuild (0.2–0.4 s for the 200,000 rows IMPORT_MAX_ROWS allows by default), the event loop
 * blocked all along; packed, the worker writes numbers and the main thread builds the objects from them.
 */
export interface PackedValues {
  count: number;
  /** Per cell, PACKED_FIELDS numbers: row, kode, indicator, column (indexes into the texts), year, month, numerator, denominator (-1: none). */
  cells: Int32Array;
  kodes: string[];
  indicators: string[];
  columns: string[];
}

const PACKED_FIELDS = 8;

/** Each distinct text once, and its index per cell. */
function textIndex() {
  const index = new Map<string, number>();
  const texts: string[] = [];
  let lastText: string | undefined;
  let last = 0;
  return {
    texts,
    of(text: string): number {
      if (text === lastText) return last;
      let at = index.get(text);
      if (at === undefined) {
        index.set(text, (at = texts.length));
        texts.push(text);
      }
      lastText = text;
      last = at;
      return at;
    },
  };
}

/** The cells packed, or null when a number does not fit (the rules allow none: whole counts up to MAX_COUNT). */
export function packValues(values: readonly ValueCell[]): PackedValues | null {
  const cells = new Int32Array(values.length * PACKED_FIELDS);
  const kodes = textIndex();
  const indicators = textIndex();
  const columns = textIndex();
  for (let n = 0, at = 0; n < values.length; n++, at += PACKED_FIELDS) {
    const v = values[n]!;
    cells[at] = v.row;
    cells[at + 1] = kodes.of(v.kode);
    cells[at + 2] = indicators.of(v.indicator);
    cells[at + 3] = columns.of(v.column);
    cells[at + 4] = v.year;
    cells[at + 5] = v.month;
    cells[at + 6] = v.numerator;
    cells[at + 7] = v.denominator ?? -1;
    if (cells[at + 6] !== v.numerator || (v.denominator !== null && cells[at + 7] !== v.denominator)) return null;
  }
  return { count: values.length, cells, kodes: kodes.texts, indicators: indicators.texts, columns: columns.texts };
}

export function unpackValues({ count, cells, kodes, indicators, columns }: PackedValues): ValueCell[] {
  const values: ValueCell[] = new Array(count);
  for (let n = 0, at = 0; n < count; n++, at += PACKED_FIELDS) {
    const denominator = cells[at + 7]!;
    values[n] = {
      row: cells[at]!,
      column: columns[cells[at + 3]!]!,
      indicator: indicators[cells[at + 2]!]!,
      kode: kodes[cells[at + 1]!]!,
      year: cells[at + 4]!,
      month: cells[at + 5]!,
      numerator: cells[at + 6]!,
      denominator: denominator < 0 ? null : denominator,
    };
  }
  return values;
}
