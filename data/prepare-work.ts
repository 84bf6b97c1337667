// The first-start work of data/prepare.ts on an open database: the boundaries (and their vector tiles) when missing, the
// demo beside them, the roll-ups, the puskesmas seed, planner statistics and the demo accounts. A module of its own so
// that prepare.ts can load it while the embedded database starts.
import type { Database } from '@peta/db';
import { ensureRollups, prepareAccounts } from '@peta/server-core';
import { DEMO_TABLES, ensureDemoData } from './demo/index.ts';
import { startDemoBeside, type DemoBeside } from './demo/demo-beside-boundaries.ts';
import { readCodeList } from './importers/boundaries/code-list.ts';
import { ensureBoundaries, noBoundariesYet } from './importers/boundaries/import-boundaries.ts';
import { desaProvinsiIncludes, resolveBoundarySource } from './importers/boundaries/source.ts';
import type { PrepareConfig } from './prepare.ts';
import { startupProgress } from './prepare-progress.ts';
import { ensureRolloutSeed, SEED_TABLES } from './puskesmas/seed-rollout.ts';

export async function prepareData(
  database: Database,
  config: PrepareConfig,
  { repoRoot, log }: { repoRoot: string; log: (message: string) => void },
): Promise<void> {
  const progress = startupProgress();
  // On a first start the demo is generated beside the boundary import (a worker thread, its own transaction) for
  // the desa of the code list, and kept only if the import produced exactly those (demo/demo-beside-boundaries.ts).
  // Its progress rides along in the boundary import's line until the import is done.
  let besideNote = '';
  let importing = true;
  let beside: DemoBeside | null = null;
  const codeList = config.demoData && (await noBoundariesYet(database)) ? await readCodeList() : null;
  if (codeList) {
    const expected = [...codeList.entries.values()]
      .filter((e) => e.tingkat === 'desa' && desaProvinsiIncludes(config.desaProvinsi, e.kode.slice(0, 2)))
      .map((e) => e.kode);
    beside = startDemoBeside(database, expected, {
      onProgress: (p) => {
        if (importing) besideNote = `data contoh ${p.done}/${p.total} desa`;
        else progress(p);
      },
    });
  }
  const boundaryProgress = (p: Parameters<typeof progress>[0]) =>
    progress(besideNote ? { ...p, detail: p.detail ? `${p.detail}; ${besideNote}` : besideNote } : p);
  await ensureBoundaries(database, {
    desaProvinsi: config.desaProvinsi,
    reportDir: config.dataDir,
    resolveSource: () =>
      resolveBoundarySource({
        boundariesDir: config.boundariesDir,
        repoRoot,
        desaProvinsi: config.desaProvinsi,
        onProgress: boundaryProgress,
      }),
    ...(codeList ? { codeList } : {}),
    onProgress: boundaryProgress,
  }).catch(async (error: unknown) => {
    await beside?.abort();
    throw error;
  });
  importing = false;
  // Only the tail is left (on a first start a few seconds, mostly on one core): scripts/start-steps.mjs starts the
  // API process now, so that it loads its modules beside this tail; it opens the database once this process exited 0.
  process.send?.('tail');
  // Millions of rows COPYed just now have no planner statistics until autovacuum gets round to them (minutes later):
  // the first answers would be planned blind (measured: a kecamatan's values 190 ms instead of 6 ms right after a
  // national first start). So a run that wrote in bulk analyzes before the server starts; a restart writes nothing.
  let wroteInBulk = false;
  // Tables analyzed already: the demo analyzes what it wrote in its own transaction (demo/load-demo.ts).
  const fresh = new Set<string>();
  if (config.demoData) {
    const demo = beside ? await beside.finish() : await ensureDemoData(database, { onProgress: progress });
    progress.done();
    wroteInBulk ||= !demo.skipped;
    if (!demo.skipped) {
      for (const table of DEMO_TABLES) fresh.add(table);
      log(
        `Data contoh (simulasi): ${demo.valueRows} baris nilai, ${demo.sasaranRows} baris sasaran untuk ${demo.desa} desa (${(demo.ms / 1000).toFixed(1)} dtk${demo.besideBoundaries ? ', bersamaan dengan impor batas wilayah' : ''}).`,
      );
    }
  }
  if (await ensureRollups(database.db)) {
    wroteInBulk = true;
    fresh.delete('value_rollup');
    log('Ringkasan per wilayah (roll-up) dibuat dari nilai desa yang tersimpan.');
  }
  // The other tables (the boundaries' above all) are analyzed on a connection of their own while the seed runs: the
  // seed is mostly node's work on the proposals, ANALYZE PostgreSQL's. The seed's own tables only after its commit
  // (ANALYZE does not count another transaction's uncommitted rows).
  const analyzeStarted = Date.now();
  const analyzeTables = (tables: readonly string[]) =>
    tables.length ? database.pool.query(`analyze ${tables.map((t) => `"${t}"`).join(', ')}`) : null;
  const others = wroteInBulk
    ? database.pool
        .query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by 1`)
        .then(({ rows }) =>
          analyzeTables(
            rows.map((r) => r.name).filter((t) => !fresh.has(t) && !(SEED_TABLES as readonly string[]).includes(t)),
          ),
        )
    : null;
  others?.catch(() => {}); // awaited below; a failure of the seed meanwhile must not make it an unhandled rejection
  const rollout = await ensureRolloutSeed(database, { demo: config.demoData });
  if (rollout.puskesmas || rollout.wilayahKerjaKabupaten || rollout.demoKabupaten.length) {
    log(
      `Rencana ILP: ${rollout.puskesmas} puskesmas, usulan wilayah kerja ${rollout.wilayahKerjaDesa} desa di ${rollout.wilayahKerjaKabupaten} kab/kota (belum dikonfirmasi), data contoh ${rollout.demoKabupaten.join(', ') || '-'} (${(rollout.ms / 1000).toFixed(1)} dtk).`,
    );
  }
  progress.done();
  if (wroteInBulk) {
    await others;
    await analyzeTables(SEED_TABLES);
    log(
      `Statistik basis data diperbarui (${((Date.now() - analyzeStarted) / 1000).toFixed(1)} dtk, bersamaan dengan rencana ILP).`,
    );
  }
  await prepareAccounts(database, config, log);
}
