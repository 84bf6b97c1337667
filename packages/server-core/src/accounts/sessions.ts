// Sessions: the browser holds a random 256-bit token in an HttpOnly cookie; the database holds only its SHA-256,
// so a copy of the database (a backup) signs nobody in. Each session carries its own CSRF token.
import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseHandle } from '../database.ts';
import { sessionsRepository } from './sessions-repository.ts';
import type { UserRow } from './users-repository.ts';

export const SESSION_DAYS = 14;

const sha256 = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function startSession(
  { db }: DatabaseHandle,
  userId: number,
  meta: { ip?: string; userAgent?: string },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  const sessions = sessionsRepository(db);
  await sessions.insert({
    tokenHash: sha256(token),
    userId,
    csrfToken,
    expiresAt,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  // Expired sessions of everyone are removed here, where sessions are made: no timer needed.
  await sessions.deleteExpired();
  return { token, csrfToken, expiresAt };
}

export interface ActiveSession {
  csrfToken: string;
  user: UserRow;
}

/** The session and its (active) user for a cookie token, or null when unknown, expired or the user is deactivated. */
export function findSession({ db }: DatabaseHandle, token: string): Promise<ActiveSession | null> {
  return sessionsRepository(db).findActive(sha256(token));
}

export async function endSession({ db }: DatabaseHandle, token: string): Promise<void> {
  await sessionsRepository(db).deleteByTokenHash(sha256(token));
}
