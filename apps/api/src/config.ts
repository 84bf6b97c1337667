// The one place of the API that reads the environment. Everything else receives a Config. (The first-start work —
// boundaries, demo data and accounts — reads its own settings: data/prepare.ts.)
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSmallCellThreshold } from '@peta/domain';
import { DEFAULT_READ_LIMITS, parseAuditRetentionDays, type PdfLimits, type ReadLimits } from '@peta/server-core';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Config {
  port: number;
  host: string;
  /** A PostgreSQL server; when absent the embedded database in `${dataDir}/pg` is used. */
  databaseUrl?: string;
  /** A read-only streaming replica of DATABASE_URL for the GET routes of values, geometry and wilayah (DATABASE_READ_URL). */
  databaseReadUrl?: string;
  /** Local state: the embedded database and import reports. */
  dataDir: string;
  /** The built web app served on the same port. */
  webDist: string;
  logLevel: string;
  /** Who may read: 'signed-in' (default) or 'public' (anyone, also without an account). Writes always need one. */
  readAccess: 'signed-in' | 'public';
  /** Session cookie Secure flag: 'auto' = when the request came over https. */
  cookieSecure: 'auto' | boolean;
  /** Behind a reverse proxy: trust X-Forwarded-For/-Proto (client address for rate limits, https for cookies). */
  trustProxy: boolean;
  /** Sign-in requests per minute from one address (failures per login name are limited separately). */
  signInLimitPerMinute: number;
  /** How long a connection may take for what (slow-request attacks hold connections otherwise). */
  timeouts: Timeouts;
  /** Audit entries older than this are deleted once a day (expired sessions always); see docs/privacy.md. */
  auditRetentionDays: number;
  /** What an uploaded file may cost (README "Keamanan"). */
  uploads: UploadLimits;
  /** What printing meeting packs may cost. */
  pdf: PdfLimits;
  /** Counts below this are hidden from readers outside the area (SMALL_CELL_THRESHOLD, 5–100, default 10; docs/privacy.md). */
  smallCellThreshold: number;
  /**
   * How long a request waits for the small-count protection of a kabupaten table being computed (PRIVACY_WAIT_MS,
   * default 2000) before that table's small areas are answered hidden; the computation goes on in the worker.
   */
  privacyWaitMs: number;
}

/** Milliseconds. Cut a connection that has not delivered its request in time, whatever trickles in meanwhile. */
export interface Timeouts {
  /** The request line and headers must have arrived within this (HEADERS_TIMEOUT_SECONDS). */
  headers: number;
  /** The whole request, body included, within this (REQUEST_TIMEOUT_SECONDS): a 50 MB upload needs ~3.5 Mbit/s. */
  request: number;
  /** A connection with no bytes in either direction for this long is closed (IDLE_TIMEOUT_SECONDS). */
  idle: number;
  /** An open connection waits this long for its next request (KEEP_ALIVE_TIMEOUT_SECONDS; above common proxies' 60 s). */
  keepAlive: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { headers: 15_000, request: 120_000, idle: 120_000, keepAlive: 72_000 };

/** Bounds on uploads: body size, what the readers take, the parse workers, and the stored previews. */
export interface UploadLimits {
  /** Request body of an upload (IMPORT_MAX_UPLOAD_MB). */
  maxUploadBytes: number;
  /** Rows, columns, cells, unzipped bytes (IMPORT_MAX_ROWS, IMPORT_MAX_COLUMNS, IMPORT_MAX_CELLS, IMPORT_MAX_UNZIPPED_MB). */
  read: ReadLimits;
  /** IMPORT_PARSE_WORKERS, IMPORT_PARSE_QUEUE, IMPORT_PARSE_TIMEOUT_SECONDS, IMPORT_WORKER_MEMORY_MB. */
  parse: { workers: number; queue: number; timeoutMs: number; memoryMb: number };
  /** Bytes of pending previews kept (IMPORT_PREVIEW_MAX_MB_PER_USER, IMPORT_PREVIEW_MAX_MB_TOTAL). */
  preview: { maxBytesPerUser: number; maxBytesTotal: number };
}

/** PDF_CONCURRENCY pages printing at once, PDF_QUEUE waiting, PDF_TIMEOUT_SECONDS for the whole request. */
export type { PdfLimits } from '@peta/server-core';

const MB = 1024 * 1024;

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxUploadBytes: 50 * MB,
  read: DEFAULT_READ_LIMITS,
  parse: { workers: 2, queue: 4, timeoutMs: 60_000, memoryMb: 768 },
  preview: { maxBytesPerUser: 100 * MB, maxBytesTotal: 1000 * MB },
};

export const DEFAULT_PDF_LIMITS: PdfLimits = { concurrency: 2, queue: 8, timeoutMs: 60_000 };

const yes = (v: string | undefined) => /^(1|true|yes|ya)$/i.test(v ?? '');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT tidak sah: "${env.PORT}" (harus bilangan 0–65535).`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? resolve(repoRoot, '.data')),
    webDist: resolve(env.WEB_DIST ?? resolve(repoRoot, 'apps/web/dist')),
    logLevel: env.LOG_LEVEL ?? 'info',
    readAccess: parseReadAccess(env.READ_ACCESS),
    cookieSecure: !env.COOKIE_SECURE || env.COOKIE_SECURE === 'auto' ? 'auto' : yes(env.COOKIE_SECURE),
    trustProxy: yes(env.TRUST_PROXY),
    signInLimitPerMinute: positiveInt(env.SIGN_IN_LIMIT_PER_MINUTE, 30, 'SIGN_IN_LIMIT_PER_MINUTE'),
    timeouts: {
      headers:
        1000 * positiveInt(env.HEADERS_TIMEOUT_SECONDS, DEFAULT_TIMEOUTS.headers / 1000, 'HEADERS_TIMEOUT_SECONDS'),
      request:
        1000 * positiveInt(env.REQUEST_TIMEOUT_SECONDS, DEFAULT_TIMEOUTS.request / 1000, 'REQUEST_TIMEOUT_SECONDS'),
      idle: 1000 * positiveInt(env.IDLE_TIMEOUT_SECONDS, DEFAULT_TIMEOUTS.idle / 1000, 'IDLE_TIMEOUT_SECONDS'),
      keepAlive:
        1000 *
        positiveInt(env.KEEP_ALIVE_TIMEOUT_SECONDS, DEFAULT_TIMEOUTS.keepAlive / 1000, 'KEEP_ALIVE_TIMEOUT_SECONDS'),
    },
    auditRetentionDays: parseAuditRetentionDays(env.AUDIT_RETENTION_DAYS),
    smallCellThreshold: parseSmallCellThreshold(env.SMALL_CELL_THRESHOLD),
    privacyWaitMs: positiveInt(env.PRIVACY_WAIT_MS, DEFAULT_PRIVACY_WAIT_MS, 'PRIVACY_WAIT_MS'),
    uploads: loadUploadLimits(env),
    pdf: {
      concurrency: positiveInt(env.PDF_CONCURRENCY, DEFAULT_PDF_LIMITS.concurrency, 'PDF_CONCURRENCY'),
      queue: nonNegativeInt(env.PDF_QUEUE, DEFAULT_PDF_LIMITS.queue, 'PDF_QUEUE'),
      timeoutMs:
        positiveInt(env.PDF_TIMEOUT_SECONDS, DEFAULT_PDF_LIMITS.timeoutMs / 1000, 'PDF_TIMEOUT_SECONDS') * 1000,
    },
  };
}

function loadUploadLimits(env: NodeJS.ProcessEnv): UploadLimits {
  const d = DEFAULT_UPLOAD_LIMITS;
  const mb = (name: string, fallback: number) => positiveInt(env[name], fallback / MB, name) * MB;
  return {
    maxUploadBytes: mb('IMPORT_MAX_UPLOAD_MB', d.maxUploadBytes),
    read: {
      maxRows: positiveInt(env.IMPORT_MAX_ROWS, d.read.maxRows, 'IMPORT_MAX_ROWS'),
      maxColumns: positiveInt(env.IMPORT_MAX_COLUMNS, d.read.maxColumns, 'IMPORT_MAX_COLUMNS'),
      maxCells: positiveInt(env.IMPORT_MAX_CELLS, d.read.maxCells, 'IMPORT_MAX_CELLS'),
      maxUnzippedBytes: mb('IMPORT_MAX_UNZIPPED_MB', d.read.maxUnzippedBytes),
    },
    parse: {
      workers: positiveInt(env.IMPORT_PARSE_WORKERS, d.parse.workers, 'IMPORT_PARSE_WORKERS'),
      queue: nonNegativeInt(env.IMPORT_PARSE_QUEUE, d.parse.queue, 'IMPORT_PARSE_QUEUE'),
      timeoutMs:
        positiveInt(env.IMPORT_PARSE_TIMEOUT_SECONDS, d.parse.timeoutMs / 1000, 'IMPORT_PARSE_TIMEOUT_SECONDS') * 1000,
      memoryMb: positiveInt(env.IMPORT_WORKER_MEMORY_MB, d.parse.memoryMb, 'IMPORT_WORKER_MEMORY_MB'),
    },
    preview: {
      maxBytesPerUser: mb('IMPORT_PREVIEW_MAX_MB_PER_USER', d.preview.maxBytesPerUser),
      maxBytesTotal: mb('IMPORT_PREVIEW_MAX_MB_TOTAL', d.preview.maxBytesTotal),
    },
  };
}

function nonNegativeInt(value: string | undefined, fallback: number, name: string): number {
  if (!value) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} tidak sah: "${value}" (harus bilangan bulat ≥ 0).`);
  return n;
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (!value) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} tidak sah: "${value}" (harus bilangan bulat ≥ 1).`);
  return n;
}

function parseReadAccess(value: string | undefined): Config['readAccess'] {
  if (!value || value === 'signed-in' || value === 'masuk') return 'signed-in';
  if (value === 'public' || value === 'publik') return 'public';
  throw new Error(`READ_ACCESS tidak sah: "${value}" (pilih signed-in atau public).`);
}

export function hasWebBuild(config: Config): boolean {
  return existsSync(resolve(config.webDist, 'index.html'));
}

export const DEFAULT_PRIVACY_WAIT_MS = 2000;
