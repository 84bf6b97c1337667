// Where protectYear runs (privacy-service.ts hands it ProtectJobs). The API runs it in one worker thread
// (privacyWorkerPool): a table takes 0.2–5 s (Kab. 33.06, session 6) and the first "Semua desa" map of Indonesia as a pembaca needs one per
// kabupaten, which on the event loop stalled every other user for tens of seconds. Tests and the CLI run it in
// process (inProcessRunner). Either way one job at a time, readers waiting for a table before background work, and
// at most `queue` jobs waiting: one more is refused (ProtectBusy) and its table stays hidden (deny by default) until
// a later request asks again.
import { Worker } from 'node:worker_threads';
import {
  PRIVACY_WORKER_URL,
  runProtectJob,
  type ProtectAnswer,
  type ProtectJob,
  type ProtectResult,
} from './worker/protect-job.ts';

export interface ProtectRunner {
  /** `urgent`: a reader is waiting for this table (goes before background jobs). Rejects with ProtectBusy when full. */
  run(job: ProtectJob, urgent: boolean): Promise<ProtectResult>;
  load(): { running: number; waiting: number };
  /** Starts the worker now (loading the domain code takes a few hundred ms), not on the first reader's request. */
  warm(): void;
  close(): Promise<void>;
}

export class ProtectBusy extends Error {
  override name = 'ProtectBusy';
}

interface Entry {
  job: ProtectJob;
  resolve: (r: ProtectResult) => void;
  reject: (e: unknown) => void;
}

/** One job at a time, urgent ones first, at most `queue` waiting; `start` runs one job. */
function serialQueue(queue: number, start: (job: ProtectJob) => Promise<ProtectResult>) {
  const waiting: Entry[] = [];
  let running = false;
  const pump = () => {
    if (running) return;
    const next = waiting.shift();
    if (!next) return;
    running = true;
    start(next.job)
      .then(next.resolve, next.reject)
      .finally(() => {
        running = false;
        pump();
      });
  };
  return {
    run(job: ProtectJob, urgent: boolean) {
      if (waiting.length >= queue) return Promise.reject(new ProtectBusy(`privacy queue full (${queue} waiting)`));
      return new Promise<ProtectResult>((resolve, reject) => {
        const entry = { job, resolve, reject };
        if (urgent) waiting.unshift(entry);
        else waiting.push(entry);
        pump();
      });
    },
    load: () => ({ running: running ? 1 : 0, waiting: waiting.length }),
    clear(reason: Error) {
      for (const e of waiting.splice(0)) e.reject(reason);
    },
  };
}

/** In process: each job in its own turn of the event loop (tests, CLI). */
export function inProcessRunner(options: { queue?: number } = {}): ProtectRunner {
  const q = serialQueue(
    options.queue ?? 1000,
    (job) =>
      new Promise((resolve, reject) => {
        setImmediate(() => {
          try {
            resolve(runProtectJob(job));
          } catch (error) {
            reject(error);
          }
        });
      }),
  );
  return {
    run: q.run,
    load: q.load,
    warm() {},
    async close() {
      q.clear(new ProtectBusy('closed'));
    },
  };
}

/**
 * One long-lived worker thread (started on the first job; it does not keep the process alive while idle). A job
 * running longer than `timeoutMs` ends the worker (the next job starts a fresh one) and is refused like a full queue.
 */
export function privacyWorkerPool(options: { queue: number; timeoutMs: number; memoryMb?: number }): ProtectRunner {
  let worker: Worker | null = null;
  let closed = false;
  let nextId = 1;
  const inFlight = new Map<number, { resolve: (r: ProtectResult) => void; reject: (e: unknown) => void }>();

  function ensureWorker(): Worker {
    if (worker) return worker;
    const w = new Worker(PRIVACY_WORKER_URL, {
      stdout: false,
      stderr: false,
      ...(options.memoryMb ? { resourceLimits: { maxOldGenerationSizeMb: options.memoryMb } } : {}),
    });
    w.on('message', (answer: ProtectAnswer) => {
      const waiter = inFlight.get(answer.id);
      inFlight.delete(answer.id);
      if (answer.ok) waiter?.resolve(answer.result);
      else waiter?.reject(new Error(answer.error));
    });
    const gone = (error: unknown) => {
      if (worker === w) worker = null;
      for (const [, waiter] of inFlight) waiter.reject(error);
      inFlight.clear();
    };
    w.on('error', gone);
    w.on('exit', (code) => gone(new Error(`privacy worker ended (exit ${code})`)));
    w.unref();
    worker = w;
    return w;
  }

  const q = serialQueue(options.queue, (job) => {
    if (closed) return Promise.reject(new ProtectBusy('closed'));
    const w = ensureWorker();
    w.ref();
    const id = nextId++;
    return new Promise<ProtectResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        inFlight.delete(id);
        reject(new ProtectBusy(`privacy job over ${options.timeoutMs} ms`));
        if (worker === w) worker = null;
        void w.terminate();
      }, options.timeoutMs);
      const done = () => {
        clearTimeout(timer);
        w.unref();
      };
      inFlight.set(id, {
        resolve: (r) => {
          done();
          resolve(r);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      });
      w.postMessage({ id, job });
    });
  });

  return {
    run: q.run,
    load: q.load,
    warm() {
      if (!closed) ensureWorker();
    },
    async close() {
      closed = true;
      q.clear(new ProtectBusy('closed'));
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
