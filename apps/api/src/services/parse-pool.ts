// Uploaded files are read and validated off the event loop: each job runs in a fresh worker thread that ends after it,
// so the server keeps answering while a file is parsed and the memory the file cost goes with the worker. The worker's
// code is server-core's (imports/worker/); this pool, its lifetime (warm, close) and its limits are the API's. Starting
// a worker (loading the parsers) takes a few hundred milliseconds, so after each job a spare one is started for the
// next; a spare holds no file, only the loaded code. At most IMPORT_PARSE_WORKERS jobs run and
// IMPORT_PARSE_QUEUE wait (one more: QueueFull → 503; upload routes already refuse at admission, plugins/uploads.ts);
// a job is stopped after IMPORT_PARSE_TIMEOUT_SECONDS and a worker's heap is capped at IMPORT_WORKER_MEMORY_MB. Both of
// those end as the file's one error, naming the limit, like the readers' own limits (rows, columns, cells, unzipped
// bytes). The CLI parses in its own process; the API always goes through this pool.
import { Worker } from 'node:worker_threads';
import { formatCountId } from '@peta/domain';
import {
  answerResult,
  boundedQueue,
  emptyParse,
  fileError,
  PARSE_WORKER_URL,
  QueueFull,
  readingOf,
  wilayahLines,
  type ParseContext,
  type ParsedImport,
  type ParseJob,
  type ReadResult,
  type WorkerAnswer,
  type WorkerInput,
} from '@peta/server-core';
import type { UploadLimits } from '../config.ts';

export interface ParsePool {
  /** Reads, parses and validates an import file (as parseImportFile). Throws QueueFull. */
  parseImport(bytes: Uint8Array, fileName: string, ctx: ParseContext): Promise<ParsedImport>;
  /** Reads a CSV into rows of text (as readCsv). Throws QueueFull. */
  readCsv(bytes: Uint8Array): Promise<ReadResult>;
  /** Starts the spare workers now (else after the first job). */
  warm(): void;
  /** Ends the spare workers. */
  close(): Promise<void>;
}

const SPLIT_HINT = 'Bagi berkas menjadi beberapa bagian lalu unggah satu per satu.';
const RETRY_AFTER_SECONDS = 5;

export function parsePool(limits: Pick<UploadLimits, 'read' | 'parse'>): ParsePool {
  const { workers, queue: waiting, timeoutMs, memoryMb } = limits.parse;
  const full = ({ running, waiting: queued }: { running: number; waiting: number }) =>
    new QueueFull(
      'IMPORT_BUSY',
      `Server sedang memeriksa berkas lain (${running} sedang diperiksa, ${queued} menunggu; batas IMPORT_PARSE_WORKERS dan IMPORT_PARSE_QUEUE). ` +
        `Coba lagi dalam ${RETRY_AFTER_SECONDS} detik.`,
      RETRY_AFTER_SECONDS,
    );
  const queue = boundedQueue({ concurrency: workers, queue: waiting, full });

  const spares = new Set<Worker>();
  /** A worker loading the parsers, waiting for one job; it does not keep the process alive while idle. */
  function spawn(): Worker {
    const worker = new Worker(PARSE_WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    spares.add(worker);
    const gone = () => spares.delete(worker);
    worker.once('exit', gone);
    worker.once('error', gone);
    return worker;
  }
  let closed = false;

  /** The job's result, or the message of the limit that stopped it. */
  function inWorker(job: ParseJob): Promise<{ result: ParsedImport | ReadResult } | { limit: string }> {
    const worker = spares.values().next().value ?? spawn();
    spares.delete(worker);
    worker.ref();
    // A copy of exactly the file's bytes, moved (not cloned) into the worker.
    const bytes = new Uint8Array(job.bytes);
    const input: WorkerInput = { job: { ...job, bytes }, limits: limits.read };
    worker.postMessage(input, [bytes.buffer as ArrayBuffer]);
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        if (!closed && spares.size < workers) spawn();
        fn();
      };
      const timer = setTimeout(
        () =>
          settle(() =>
            resolve({
              limit: `Pemeriksaan berkas melebihi batas waktu ${formatCountId(timeoutMs / 1000)} detik (IMPORT_PARSE_TIMEOUT_SECONDS). ${SPLIT_HINT}`,
            }),
          ),
        timeoutMs,
      );
      worker.on('message', (answer: WorkerAnswer) =>
        settle(() => (answer.ok ? resolve({ result: answerResult(answer) }) : reject(new Error(answer.error)))),
      );
      worker.on('error', (error: Error & { code?: string }) =>
        settle(() =>
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? resolve({
                limit: `Berkas terlalu besar untuk diperiksa: pemeriksaan melebihi batas memori ${memoryMb} MB (IMPORT_WORKER_MEMORY_MB). ${SPLIT_HINT}`,
              })
            : reject(error),
        ),
      );
      worker.on('exit', (code) =>
        settle(() => reject(new Error(`parse worker ended (exit ${code}) without an answer`))),
      );
    });
  }

  return {
    async parseImport(bytes, fileName, ctx) {
      const job: ParseJob = {
        kind: 'import',
        bytes,
        fileName,
        today: ctx.today,
        wilayah: wilayahLines(ctx),
        reading: readingOf(ctx),
      };
      const outcome = await queue.run(() => inWorker(job));
      return 'limit' in outcome
        ? emptyParse([fileError('FILE_TOO_LARGE', outcome.limit)])
        : (outcome.result as ParsedImport);
    },
    async readCsv(bytes) {
      const outcome = await queue.run(() => inWorker({ kind: 'csv', bytes }));
      return 'limit' in outcome
        ? { ok: false, errors: [fileError('FILE_TOO_LARGE', outcome.limit)] }
        : (outcome.result as ReadResult);
    },
    warm() {
      while (!closed && spares.size < workers) spawn();
    },
    async close() {
      closed = true;
      await Promise.all([...spares].map((worker) => worker.terminate()));
      spares.clear();
    },
  };
}
