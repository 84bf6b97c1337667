// The privacy worker thread: protectYear runs here, one job at a time, so the API's event loop keeps answering while
// a kabupaten's table is protected (0,3–2 s each; the first national map of a pembaca needs dozens).
import { parentPort } from 'node:worker_threads';
import { runProtectJob, type ProtectAnswer, type ProtectJob } from './protect-job.ts';

parentPort!.on('message', ({ id, job }: { id: number; job: ProtectJob }) => {
  let answer: ProtectAnswer;
  try {
    answer = { id, ok: true, result: runProtectJob(job) };
  } catch (error) {
    answer = { id, ok: false, error: String((error as Error)?.stack ?? error) };
  }
  parentPort!.postMessage(answer);
});
