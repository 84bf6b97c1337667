// Starts the app: database (embedded or DATABASE_URL), boundaries on first start, then listen.
import { openDatabase } from '@peta/db';
import { ensureBoundaries, resolveBoundarySource } from '@peta/data';
import { ensureDemoData } from '@peta/data/demo';
import { ensureRolloutSeed } from '@peta/data/puskesmas';
import { schedulePurge } from '@peta/data/accounts';
import { buildApp } from './app.ts';
import { hasWebBuild, loadConfig, repoRoot } from './config.ts';
import { prepareAccounts } from './startup-accounts.ts';
import { startupProgress } from './startup-progress.ts';

const config = loadConfig();
const log = (message: string) => console.log(message);

const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: `${config.dataDir}/pg`, log }).catch((error: unknown) => {
  console.error(`Gagal membuka basis data: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
log(`Basis data: ${database.kind === 'embedded' ? `tertanam (${config.dataDir}/pg)` : 'PostgreSQL (DATABASE_URL)'}`);

try {
  const progress = startupProgress();
  await ensureBoundaries(database, {
    desaProvinsi: config.desaProvinsi,
    reportDir: config.dataDir,
    resolveSource: () => resolveBoundarySource({
      boundariesDir: config.boundariesDir, repoRoot, desaProvinsi: config.desaProvinsi, onProgress: progress,
    }),
    onProgress: progress,
  });
  if (config.demoData) {
    const demo = await ensureDemoData(database, { onProgress: progress });
    progress.done();
    if (!demo.skipped) log(`Data contoh (simulasi): ${demo.valueRows} baris nilai, ${demo.sasaranRows} baris sasaran untuk ${demo.desa} desa (${(demo.ms / 1000).toFixed(1)} dtk).`);
  }
  const rollout = await ensureRolloutSeed(database, { demo: config.demoData });
  if (rollout.puskesmas || rollout.wilayahKerjaKabupaten || rollout.demoKabupaten.length) {
    log(`Rencana ILP: ${rollout.puskesmas} puskesmas, usulan wilayah kerja ${rollout.wilayahKerjaDesa} desa di ${rollout.wilayahKerjaKabupaten} kab/kota (belum dikonfirmasi), data contoh ${rollout.demoKabupaten.join(', ') || '-'} (${(rollout.ms / 1000).toFixed(1)} dtk).`);
  }
  progress.done();
} catch (error) {
  console.error(`\nGagal menyiapkan data: ${(error as Error).message}`);
  await database.close();
  process.exit(1);
}

const demoAccounts = await prepareAccounts(database, config, log);

const app = await buildApp({ database, config, logger: { level: config.logLevel }, demoAccounts, warmParseWorkers: true });
// Retention (docs/privacy.md): expired sessions and import files, quiet sign-in throttle rows, audit entries older than
// AUDIT_RETENTION_DAYS; now and once a day.
const stopPurge = schedulePurge(database, {
  auditRetentionDays: config.auditRetentionDays,
  onResult: (r) => {
    if (r.sessions || r.previews || r.throttle || r.audit) {
      app.log.info({ retensi: r }, `Retensi: ${r.sessions} sesi kedaluwarsa, ${r.previews} berkas impor kedaluwarsa, `
        + `${r.throttle} catatan penundaan masuk dan ${r.audit} entri log audit lama dihapus.`);
    }
  },
  onError: (e) => app.log.error(e, 'Retensi gagal dijalankan'),
});
if (!hasWebBuild(config)) log(`Peringatan: web belum dibangun (${config.webDist}); jalankan \`pnpm build\`.`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log(`${signal}: berhenti…`);
  stopPurge();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE'
    ? `Port ${config.port} sudah dipakai program lain. Hentikan program itu atau pilih port lain, misalnya PORT=3001 pnpm start.`
    : `Server tidak dapat mendengarkan di ${config.host}:${config.port}: ${(error as Error).message}`);
  stopPurge();
  await app.close();
  await database.close();
  process.exit(1);
}
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
log(`Siap: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`);
