// The audit log (audit_log): every sign-in (also failed), sign-out, account change and write request. Append-only;
// only retention deletes (retention.ts).
import { desc, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { auditLog } from '@peta/db/schema';

export interface AuditEntry {
  userId?: number | null;
  username?: string | null;
  action: 'masuk' | 'masuk_gagal' | 'keluar' | 'tulis' | 'pengguna' | 'sandi' | 'retensi';
  method?: string;
  path?: string;
  status?: number;
  ip?: string;
  requestId?: string;
  detail?: unknown;
}

export interface AuditRow {
  id: number;
  /** ISO 8601, UTC. */
  at: string;
  username: string | null;
  action: string;
  method: string | null;
  path: string | null;
  status: number | null;
  ip: string | null;
  detail: unknown;
}

export function auditRepository(db: DbOrTx) {
  return {
    async write(e: AuditEntry): Promise<void> {
      await db.insert(auditLog).values({
        userId: e.userId ?? null,
        username: e.username ?? null,
        action: e.action,
        method: e.method ?? null,
        path: e.path ?? null,
        status: e.status ?? null,
        ip: e.ip ?? null,
        requestId: e.requestId ?? null,
        detail: e.detail === undefined ? null : e.detail,
      });
    },
    async list(options: { limit: number; username?: string }): Promise<AuditRow[]> {
      const rows = await db
        .select({
          id: auditLog.id,
          at: auditLog.at,
          username: auditLog.username,
          action: auditLog.action,
          method: auditLog.method,
          path: auditLog.path,
          status: auditLog.status,
          ip: auditLog.ip,
          detail: auditLog.detail,
        })
        .from(auditLog)
        .where(options.username === undefined ? undefined : eq(auditLog.username, options.username))
        .orderBy(desc(auditLog.id))
        .limit(options.limit);
      return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
    },
    /** Entries older than `days` before `now`; returns how many. */
    async deleteOlderThan(now: Date, days: number): Promise<number> {
      const result = await db
        .delete(auditLog)
        .where(lt(auditLog.at, sql`${now}::timestamptz - make_interval(days => ${days})`));
      return result.rowCount ?? 0;
    },
  };
}

/** Writes one audit entry (the API's write log, sign-ins, the CLI). */
export const writeAudit = ({ db }: { db: DbOrTx }, entry: AuditEntry) => auditRepository(db).write(entry);
export const listAudit = ({ db }: { db: DbOrTx }, options: { limit: number; username?: string }) =>
  auditRepository(db).list(options);
