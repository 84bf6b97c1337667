// The demo worker thread of demo-beside-boundaries.ts: generates the demo for the expected desa on its own connection,
// reports progress, and before committing asks the main thread whether the boundary import produced those desa.
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { generateDemoData } from './load-demo.ts';

export interface DemoWorkerData {
  url: string;
  desa: string[];
  seed: string;
}
export type FromDemoWorker =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'ready' }
  | { type: 'result'; result: Awaited<ReturnType<typeof generateDemoData>> }
  | { type: 'error'; message: string };
export type ToDemoWorker = { type: 'commit'; keep: boolean };

const port = parentPort!;
const { url, desa, seed } = workerData as DemoWorkerData;
const pool = new pg.Pool({ connectionString: url, max: 2 });
const send = (m: FromDemoWorker) => port.postMessage(m);

try {
  const result = await generateDemoData(
    { pool },
    desa,
    seed,
    (p) => send({ type: 'progress', ...p }),
    () =>
      new Promise<boolean>((keep) => {
        port.once('message', (m: ToDemoWorker) => keep(m.keep));
        send({ type: 'ready' });
      }),
  );
  send({ type: 'result', result });
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
} finally {
  await pool.end();
}
