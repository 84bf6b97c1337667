// First start: the demo data are generated beside the boundary import instead of after it. The boundary import keeps
// one core busy with geometry (and part of the other with tiles); the demo — generating 3.35 M value rows nationally and
// PostgreSQL taking them in — fills the rest. The demo tables have no foreign key to wilayah, so the demo is written in
// its own transaction, in a worker thread on its own connection, for the desa the import is expected to produce (the
// code list of the loaded provinces). It commits only after the boundary import, and only when the import produced
// exactly those desa; otherwise it is rolled back and ensureDemoData generates it the usual way, after the import.
import { Worker } from 'node:worker_threads';
import type { Database } from '@peta/db';
import { DEMO_SEED } from './assumptions.ts';
import type { FromDemoWorker, ToDemoWorker } from './demo-worker-main.ts';
import { ensureDemoData, type DemoProgress, type DemoResult } from './load-demo.ts';

export interface DemoBeside {
  /**
   * After the boundary import committed: keeps the demo when the database now holds exactly the expected desa (else
   * rolls it back and generates it for the desa the database holds); the result as ensureDemoData's.
   */
  finish(): Promise<DemoResult>;
  /** The boundary import failed: roll the demo back. */
  abort(): Promise<void>;
}

/** The connection string of a pool (pg keeps its options). */
function urlOf(database: Database): string {
  const url = (database.pool as unknown as { options: { connectionString?: string } }).options.connectionString;
  if (!url) throw new Error('Tidak ada alamat basis data untuk pekerja data contoh.');
  return url;
}

export function startDemoBeside(
  database: Database,
  expectedDesa: string[],
  options: { seed?: string; onProgress?: (p: DemoProgress) => void } = {},
): DemoBeside {
  const seed = options.seed ?? DEMO_SEED;
  const desa = [...expectedDesa].sort();
  const worker = new Worker(new URL('./demo-worker.mjs', import.meta.url), {
    workerData: { url: urlOf(database), desa, seed },
  });
  let ready: () => void;
  const readyToCommit = new Promise<void>((r) => {
    ready = r;
  });
  const outcome = new Promise<DemoResult | null>((resolve, reject) => {
    worker.on('message', (m: FromDemoWorker) => {
      if (m.type === 'progress') options.onProgress?.(m);
      else if (m.type === 'ready') ready();
      else if (m.type === 'result') resolve(m.result);
      else reject(new Error(`Data contoh gagal dibuat: ${m.message}`));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`Pekerja data contoh berhenti (kode ${code}).`)));
  });
  // Until finish() or abort() reads it, a failure must not become an unhandled rejection.
  outcome.catch(() => {});
  const decide = async (keep: boolean) => {
    await Promise.race([readyToCommit, outcome]);
    worker.postMessage({ type: 'commit', keep } satisfies ToDemoWorker);
    return outcome;
  };
  return {
    async finish() {
      const { rows } = await database.pool.query<{ kode: string }>(
        `select kode from wilayah where tingkat = 'desa' order by kode`,
      );
      const same = rows.length === desa.length && rows.every((r, i) => r.kode === desa[i]);
      try {
        const result = await decide(same);
        if (result) return { ...result, besideBoundaries: true };
      } finally {
        await worker.terminate();
      }
      return ensureDemoData(database, { seed, onProgress: options.onProgress });
    },
    async abort() {
      await decide(false).catch(() => null);
      await worker.terminate();
    },
  };
}
