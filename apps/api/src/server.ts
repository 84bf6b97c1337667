// Starts the API: opens the database (embedded or DATABASE_URL; the db package migrates it), then listens. The
// first-start work — boundaries, demo data, the roll-out seed, demo accounts — is done before, by data/prepare.ts
// (`pnpm start` and the container run it first).
import { openDatabase } from '@peta/db';
import { schedulePurge } from '@peta/server-core';
import { buildApp } from './app.ts';
import { hasWebBuild, loadConfig } from './config.ts';
import { batchedLines } from './log-stream.ts';

const config = loadConfig();
// The request log in batches (log-stream.ts); this process's own messages after the lines before them.
const logLines = batchedLines();
process.on('exit', () => logLines.flush());
const log = (message: string) => {
  logLines.flush();
  console.log(message);
};

// Started by `pnpm start` beside the end of data/prepare.ts (scripts/start-steps.mjs): the modules above are loaded by
// now; the database is opened only when the parent says prepare exited with 0. Without that word (prepare failed,
// Ctrl-C, the parent gone) this process ends, having opened nothing.
if (process.env.PETA_AFTER_PREPARE) {
  await new Promise<void>((prepared) => {
    if (!process.connected) process.exit(1); // the parent went away while the modules loaded
    process.once('message', (m) => (m === 'prepared' ? prepared() : process.exit(1)));
    process.once('disconnect', () => process.exit(1));
  });
  process.removeAllListeners('disconnect');
  process.disconnect?.();
}

const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  readUrl: config.databaseReadUrl,
  dataDir: `${config.dataDir}/pg`,
  log,
}).catch((error: unknown) => {
  console.error(`Gagal membuka basis data: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
log(
  `Basis data: ${database.kind === 'embedded' ? `tertanam (${config.dataDir}/pg)` : 'PostgreSQL (DATABASE_URL)'}` +
    `${database.readPool ? '; bacaan nilai, geometri dan wilayah dari replika (DATABASE_READ_URL)' : ''}`,
);

const app = await buildApp({
  database,
  config,
  logger: { level: config.logLevel, stream: logLines },
  warm: true,
});
// Retention (docs/privacy.md): expired sessions and import files, quiet sign-in throttle rows, audit entries older than
// AUDIT_RETENTION_DAYS; now and once a day.
const stopPurge = schedulePurge(database, {
  auditRetentionDays: config.auditRetentionDays,
  // Null: another API process on the database was purging at that moment (it logs its own result).
  onResult: (r) => {
    if (r && (r.sessions || r.previews || r.throttle || r.requestRate || r.audit)) {
      app.log.info(
        { retensi: r },
        `Retensi: ${r.sessions} sesi kedaluwarsa, ${r.previews} berkas impor kedaluwarsa, ` +
          `${r.throttle} catatan penundaan masuk, ${r.requestRate} hitungan permintaan masuk dan ${r.audit} entri log audit lama dihapus.`,
      );
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
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${config.port} sudah dipakai program lain. Hentikan program itu atau pilih port lain, misalnya PORT=3001 pnpm start.`
      : `Server tidak dapat mendengarkan di ${config.host}:${config.port}: ${(error as Error).message}`,
  );
  stopPurge();
  await app.close();
  await database.close();
  process.exit(1);
}
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
log(`Siap: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`);
