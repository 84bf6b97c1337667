// What crosses between the API's parse pool (apps/api/src/services/parse-pool.ts) and a parse worker
// (parse-worker-job.ts): where the worker's code is, the job, the answer, and the wilayah the rules know encoded as one
// string. Only types and two small functions, so a worker loads nothing else.
import type { YearMonth } from '@peta/domain';
import type { ParseContext, ParsedImport } from '../parse/parsed.ts';
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

export type WorkerAnswer = { ok: true; result: ParsedImport | ReadResult } | { ok: false; error: string };
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
