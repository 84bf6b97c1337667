// A bounded amount of concurrent work: `concurrency` jobs run, `queue` wait, and one more is refused at once with
// QueueFull — a DomainError 'busy', which the API answers 503 with Retry-After and the queue's own message. Used for
// parsing uploads (the API's parse pool) and printing meeting packs (meetings/pdf.ts): work a request can start is
// always bounded.
import { DomainError } from './errors.ts';

/** Every slot is taken and the queue is full. */
export class QueueFull extends DomainError {
  override name = 'QueueFull';
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('busy', code, message, { retryAfterSeconds });
  }
}

export interface BoundedQueue {
  /**
   * Runs `job` when a slot is free (at once, or after waiting in the queue). Throws QueueFull when the queue is
   * full; rejects with `signal`'s reason when it aborts while the job is still waiting.
   */
  run<T>(job: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  load(): { running: number; waiting: number };
}

export function boundedQueue(options: {
  concurrency: number;
  queue: number;
  full: (load: { running: number; waiting: number }) => QueueFull;
}): BoundedQueue {
  let running = 0;
  const waiting: { start: () => void }[] = [];
  const load = () => ({ running, waiting: waiting.length });

  function acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (running < options.concurrency) {
      running++;
      return Promise.resolve();
    }
    if (waiting.length >= options.queue) return Promise.reject(options.full(load()));
    return new Promise<void>((resolve, reject) => {
      const entry = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const at = waiting.indexOf(entry);
        if (at >= 0) waiting.splice(at, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting.push(entry);
    });
  }

  /** The slot passes to the next waiting job, or is freed. */
  function release(): void {
    const next = waiting.shift();
    if (next) next.start();
    else running--;
  }

  return {
    async run(job, signal) {
      await acquire(signal);
      try {
        return await job();
      } finally {
        release();
      }
    },
    load,
  };
}
