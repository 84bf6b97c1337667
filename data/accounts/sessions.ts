// Sessions: the browser holds a random 256-bit token in an HttpOnly cookie; the database holds only its SHA-256,
// so a copy of the database (a backup) signs nobody in. Each session carries its own CSRF token.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@peta/db';
import type { UserRow } from './users.ts';

export const SESSION_DAYS = 14;

const sha256 = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function startSession(database: Database, userId: number, meta: { ip?: string; userAgent?: string }): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await database.pool.query(
    'insert into app_session (token_hash, user_id, csrf_token, expires_at, ip, user_agent) values ($1, $2, $3, $4, $5, $6)',
    [sha256(token), userId, csrfToken, expiresAt, meta.ip ?? null, meta.userAgent?.slice(0, 300) ?? null]);
  // Expired sessions of everyone are removed here, where sessions are made: no timer needed.
  await database.pool.query('delete from app_session where expires_at < now()');
  return { token, csrfToken, expiresAt };
}

export interface ActiveSession {
  csrfToken: string;
  user: UserRow;
}

/** The session and its (active) user for a cookie token, or null when unknown, expired or the user is deactivated. */
export async function findSession(database: Database, token: string): Promise<ActiveSession | null> {
  const { rows } = await database.pool.query<UserRow & { csrfToken: string }>(
    `select s.csrf_token as "csrfToken", u.id, u.username, u.nama, u.role, u.scope_kode as "scopeKode", u.scope_puskesmas as "scopePuskesmas",
            u.password_hash as "passwordHash", u.must_change_password as "mustChangePassword", u.aktif, u.demo,
            to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt", u.created_by as "createdBy"
     from app_session s join app_user u on u.id = s.user_id
     where s.token_hash = $1 and s.expires_at > now() and u.aktif`, [sha256(token)]);
  const row = rows[0];
  if (!row) return null;
  const { csrfToken, ...user } = row;
  return { csrfToken, user };
}

export async function endSession(database: Database, token: string): Promise<void> {
  await database.pool.query('delete from app_session where token_hash = $1', [sha256(token)]);
}
