// Uploaded files are read and validated off the event loop: each job runs in a fresh worker thread (parse-worker.mjs)
// that ends after it, so the server keeps answering while a file is parsed and its memory goes with the worker.
// At most `workers` jobs run at once and `queue` wait; one more is refused at once (ParseQueueFull → 503), a job is
// stopped after `timeoutMs`, and a worker's heap is capped at `memoryMb`. Both of those end as the file's one error,
// naming the limit. The CLI parses in its own process; the API goes through this pool.
import { Worker } from 'node:worker_threads';
import type { YearMonth } from '@peta/domain';
import { emptyParse, type ParseContext, type ParsedImport } from './parsed.ts';
import type { ReadLimits } from './read-limits.ts';
import { fileError, type ReadResult } from './sheet.ts';

export type ParseJob =
  | { kind: 'import'; bytes: Uint8Array; fileName: string; today: YearMonth; /** every kode, one per line */ kodes: string }
  | { kind: 'csv'; bytes: Uint8Array };

export type WorkerAnswer = { ok: true; result: ParsedImport | ReadResult } | { ok: false; error: string };

export interface ParsePoolOptions {
  limits: ReadLimits;
  /** Jobs running at once (IMPORT_PARSE_WORKERS). */
  workers: number;
  /** Jobs waiting for a worker (IMPORT_PARSE_QUEUE); one more is refused. */
  queue: number;
  /** A job still running after this is stopped (IMPORT_PARSE_TIMEOUT_S). */
  timeoutMs: number;
  /** Old-generation heap of one worker (IMPORT_WORKER_MEMORY_MB). */
  memoryMb: number;
}

/** Every worker is busy and the queue is full: the caller answers 503 with Retry-After. */
export class ParseQueueFull extends Error {
  override name = 'ParseQueueFull';
  readonly retryAfterSeconds = 5;
  constructor(running: number, waiting: number) {
    super(`Server sedang memeriksa berkas lain (${running} sedang diperiksa, ${waiting} menunggu; batas IMPORT_PARSE_WORKERS dan IMPORT_PARSE_QUEUE). Coba lagi dalam 5 detik.`);
  }
}

export interface ParsePool {
  /** Reads, parses and validates an import file (as parseImportFile). Throws ParseQueueFull. */
  parseImport(bytes: Uint8Array, fileName: string, ctx: ParseContext): Promise<ParsedImport>;
  /** Reads a CSV into rows of text (as readCsv). Throws ParseQueueFull. */
  readCsv(bytes: Uint8Array): Promise<ReadResult>;
  /** True while a new job would be refused (checked before an upload's body is read). */
  isFull(): boolean;
  /** Jobs running and waiting (for tests and logs). */
  load(): { running: number; waiting: number };
}

const WORKER_URL = new URL('./parse-worker.mjs', import.meta.url);
const SPLIT_HINT = 'Bagi berkas menjadi beberapa bagian lalu unggah satu per satu.';

export function parsePool(options: ParsePoolOptions): ParsePool {
  let running = 0;
  const waiting: (() => void)[] = [];

  async function acquire(): Promise<void> {
    if (running < options.workers) {
      running++;
      return;
    }
    if (waiting.length >= options.queue) throw new ParseQueueFull(running, waiting.length);
    await new Promise<void>((resolve) => waiting.push(resolve)); // the slot is handed over by release()
  }
  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  /** The job's result, or the message of the limit that stopped it. */
  function inWorker(job: ParseJob): Promise<{ result: ParsedImport | ReadResult } | { limit: string }> {
    // A copy of exactly the file's bytes, moved (not cloned) into the worker.
    const bytes = new Uint8Array(job.bytes);
    const worker = new Worker(WORKER_URL, {
      workerData: { job: { ...job, bytes }, limits: options.limits },
      transferList: [bytes.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
      stdout: false, stderr: false,
    });
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        fn();
      };
      const timer = setTimeout(() => settle(() => resolve({
        limit: `Pemeriksaan berkas melebihi batas waktu ${Math.round(options.timeoutMs / 1000)} detik (IMPORT_PARSE_TIMEOUT_S). ${SPLIT_HINT}`,
      })), options.timeoutMs);
      worker.on('message', (answer: WorkerAnswer) => settle(() => (answer.ok ? resolve({ result: answer.result }) : reject(new Error(answer.error)))));
      worker.on('error', (error: Error & { code?: string }) => settle(() => (error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? resolve({ limit: `Berkas terlalu besar untuk diperiksa: pemeriksaan melebihi batas memori ${options.memoryMb} MB (IMPORT_WORKER_MEMORY_MB). ${SPLIT_HINT}` })
        : reject(error))));
      worker.on('exit', (code) => settle(() => reject(new Error(`parse worker ended (exit ${code}) without an answer`))));
    });
  }

  async function run(job: ParseJob) {
    await acquire();
    try {
      return await inWorker(job);
    } finally {
      release();
    }
  }

  return {
    async parseImport(bytes, fileName, ctx) {
      const outcome = await run({ kind: 'import', bytes, fileName, today: ctx.today, kodes: [...ctx.kodes].join('\n') });
      return 'limit' in outcome ? emptyParse([fileError('FILE_TOO_LARGE', outcome.limit)]) : outcome.result as ParsedImport;
    },
    async readCsv(bytes) {
      const outcome = await run({ kind: 'csv', bytes });
      return 'limit' in outcome ? { ok: false, errors: [fileError('FILE_TOO_LARGE', outcome.limit)] } : outcome.result as ReadResult;
    },
    isFull: () => running >= options.workers && waiting.length >= options.queue,
    load: () => ({ running, waiting: waiting.length }),
  };
}
