// The one place that reads the environment. Everything else receives a Config.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDesaProvinsi, type DesaProvinsi } from '@peta/data';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Config {
  port: number;
  host: string;
  /** A PostgreSQL server; when absent the embedded database in `${dataDir}/pg` is used. */
  databaseUrl?: string;
  /** Local state: the embedded database and import reports. */
  dataDir: string;
  /** Where the upstream boundary files are; when absent data/boundaries, then ../shared/…, then download. */
  boundariesDir?: string;
  /** Provinces whose desa/kelurahan are loaded: default Sumatera Utara, Kepulauan Riau, Papua Barat. */
  desaProvinsi: DesaProvinsi;
  /** The built web app served on the same port. */
  webDist: string;
  logLevel: string;
  /** Generate the simulated demo values on first start (marked simulated everywhere). */
  demoData: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT tidak sah: "${env.PORT}" (harus bilangan 0–65535).`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? resolve(repoRoot, '.data')),
    boundariesDir: env.BOUNDARIES_DIR || undefined,
    desaProvinsi: parseDesaProvinsi(env.DESA_PROVINSI),
    webDist: resolve(env.WEB_DIST ?? resolve(repoRoot, 'apps/web/dist')),
    logLevel: env.LOG_LEVEL ?? 'info',
    demoData: !/^(0|false|no|tidak)$/i.test(env.DEMO_DATA ?? ''),
  };
}

export function hasWebBuild(config: Config): boolean {
  return existsSync(resolve(config.webDist, 'index.html'));
}
