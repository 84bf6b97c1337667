// Retention (docs/privacy.md, UU 27/2022 Pasal 42–44: personal data ends with its retention period): sessions are
// deleted when they expire, uploaded import files when their preview expires (24 h), sign-in throttle rows (address and
// typed name) once they are quiet for SIGN_IN_QUIET_SECONDS — they would count from one again anyway —, per-address
// request counts a day after their window started, audit entries after AUDIT_RETENTION_DAYS. Every API process runs
// purgeExpired at start and once a day; an advisory lock lets one run at a time (the others skip), and each run that
// deletes something leaves one audit entry saying how much (deletions are accountable too).
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../database.ts';
import { previewsRepository } from '../imports/previews-repository.ts';
import { auditRepository } from './audit-repository.ts';
import { requestRateRepository } from './request-rate-repository.ts';
import { sessionsRepository } from './sessions-repository.ts';
import { throttleRepository } from './throttle-repository.ts';
import { SIGN_IN_QUIET_SECONDS } from './throttle.ts';

/** Two years: long enough to answer "who changed this" for last year's data and to investigate a breach. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 730;
/** An investigation of a breach or a disputed change looks weeks back (docs/privacy.md §6). */
export const MIN_AUDIT_RETENTION_DAYS = 30;

/** Reads AUDIT_RETENTION_DAYS; throws a Bahasa Indonesia message for a value it cannot use. */
export function parseAuditRetentionDays(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_AUDIT_RETENTION_DAYS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < MIN_AUDIT_RETENTION_DAYS) {
    throw new Error(
      `AUDIT_RETENTION_DAYS tidak sah: "${value}" (harus bilangan bulat ≥ ${MIN_AUDIT_RETENTION_DAYS} hari; bawaan ${DEFAULT_AUDIT_RETENTION_DAYS}).`,
    );
  }
  return n;
}

export interface PurgeResult {
  /** Expired sessions deleted (their token hash, address and browser). */
  sessions: number;
  /** Uploaded files of import previews that expired without (or after) their commit. */
  previews: number;
  /** Sign-in throttle rows quiet for a day and no longer waiting. */
  throttle: number;
  /** Per-address request counts (the sign-in rate limit) whose window started over a day ago. */
  requestRate: number;
  /** Audit entries older than the retention deleted. */
  audit: number;
}

/** Arbitrary constant naming "the retention lock" (pg_try_advisory_xact_lock takes a bigint). */
export const RETENTION_LOCK_KEY = 6_240_603;

/**
 * Deletes what has passed its retention, in one transaction. Null when another process holds the retention lock
 * (several API processes share the database and each runs the daily purge): that run does the work, this one skips.
 */
export async function purgeExpired(
  { db }: DatabaseHandle,
  options: { auditRetentionDays: number; now?: Date },
): Promise<PurgeResult | null> {
  const now = options.now ?? new Date();
  const result = await db.transaction(async (tx) => {
    const {
      rows: [lock],
    } = await tx.execute<{ got: boolean }>(sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK_KEY}) as got`);
    if (!lock?.got) return null;
    return {
      sessions: await sessionsRepository(tx).deleteExpired(now),
      previews: await previewsRepository(tx).deleteExpired(now),
      throttle: await throttleRepository(tx).deleteQuiet(now, SIGN_IN_QUIET_SECONDS),
      requestRate: await requestRateRepository(tx).deleteStartedBefore(new Date(now.getTime() - 86_400_000)),
      audit: await auditRepository(tx).deleteOlderThan(now, options.auditRetentionDays),
    };
  });
  if (result && Object.values(result).some((n) => n > 0)) {
    await auditRepository(db).write({
      username: 'sistem',
      action: 'retensi',
      detail: { ...result, retensiAuditHari: options.auditRetentionDays },
    });
  }
  return result;
}

/** Runs purgeExpired now and every `everyMs` (a day); the timer never keeps the process alive. Returns a stop function. */
export function schedulePurge(
  database: DatabaseHandle,
  options: {
    auditRetentionDays: number;
    everyMs?: number;
    onResult?: (r: PurgeResult | null) => void;
    onError?: (e: unknown) => void;
  },
): () => void {
  const run = () => purgeExpired(database, options).then(options.onResult, options.onError);
  void run();
  const timer = setInterval(run, options.everyMs ?? 86_400_000);
  timer.unref();
  return () => clearInterval(timer);
}
