// One parse job inside a worker thread (the API's parse pool): the file read within the limits and, for imports, parsed
// and validated. The worker takes exactly one job and is ended after it, so everything the file cost goes with it.
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { parseImportFile } from '../parse/parse-import.ts';
import { readCsv } from '../read/read-csv.ts';
import { importAnswer, wilayahFromLines, type WorkerAnswer, type WorkerInput } from './parse-job.ts';

async function run({ job, limits }: WorkerInput): Promise<{ answer: WorkerAnswer; transfer: ArrayBuffer[] }> {
  if (job.kind === 'csv') return { answer: { ok: true, result: readCsv(job.bytes, limits) }, transfer: [] };
  const parsed = await parseImportFile(
    job.bytes,
    job.fileName,
    { today: job.today, ...wilayahFromLines(job.wilayah), ...job.reading },
    limits,
  );
  return importAnswer({ ...parsed, fileHash: createHash('sha256').update(job.bytes).digest('hex') });
}

parentPort!.once('message', async (input: WorkerInput) => {
  const { answer, transfer } = await run(input).catch((error: unknown) => ({
    answer: { ok: false, error: String((error as Error)?.stack ?? error) } as WorkerAnswer,
    transfer: [],
  }));
  parentPort!.postMessage(answer, transfer);
});
