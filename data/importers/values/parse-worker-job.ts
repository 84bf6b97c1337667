// One parse job inside a worker thread: the file read with the limits and, for imports, parsed and validated.
// The worker runs exactly one job and ends, so everything the file cost in memory goes with it.
import { parentPort, workerData } from 'node:worker_threads';
import { parseImportFile } from './parse-import.ts';
import { readCsv } from './read-csv.ts';
import type { ParseJob, WorkerAnswer } from './parse-pool.ts';
import type { ReadLimits } from './read-limits.ts';

const { job, limits } = workerData as { job: ParseJob; limits: ReadLimits };

async function run(): Promise<WorkerAnswer> {
  const bytes = new Uint8Array(job.bytes);
  if (job.kind === 'csv') return { ok: true, result: readCsv(bytes, limits) };
  const kodes = new Set(job.kodes.split('\n'));
  return { ok: true, result: await parseImportFile(bytes, job.fileName, { today: job.today, kodes }, limits) };
}

parentPort!.postMessage(await run().catch((error: unknown) => ({ ok: false, error: String((error as Error)?.stack ?? error) })));
