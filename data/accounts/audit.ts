// The audit log: every sign-in (also failed), sign-out, account change and write request. Append-only.
import type { Database } from '@peta/db';

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

export async function writeAudit(database: Database, e: AuditEntry): Promise<void> {
  await database.pool.query(
    `insert into audit_log (user_id, username, action, method, path, status, ip, request_id, detail) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [e.userId ?? null, e.username ?? null, e.action, e.method ?? null, e.path ?? null, e.status ?? null, e.ip ?? null, e.requestId ?? null,
      e.detail === undefined ? null : JSON.stringify(e.detail)]);
}

export interface AuditRow {
  id: number;
  at: string;
  username: string | null;
  action: string;
  method: string | null;
  path: string | null;
  status: number | null;
  ip: string | null;
  detail: unknown;
}

export async function listAudit(database: Database, options: { limit: number; username?: string }): Promise<AuditRow[]> {
  const { rows } = await database.pool.query<AuditRow>(
    `select id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, username, action, method, path, status, ip, detail from audit_log
     where ($2::text is null or username = $2) order by id desc limit $1`, [options.limit, options.username ?? null]);
  return rows;
}
