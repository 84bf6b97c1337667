// Signing in and out, the signed-in user of a session token, and one's own password. Sign-in failures are slowed
// down per address × login name (throttle.ts), never per name alone, so nobody can lock somebody else out.
import { normaliseUsername, type Actor, type Scope } from '@peta/domain';
import type { DatabaseHandle } from '../database.ts';
import { DomainError, invalid } from '../errors.ts';
import { auditRepository, type AuditEntry } from './audit-repository.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { endSession, findSession, startSession, type NewSession } from './sessions.ts';
import { claimSignIn, signInSucceeded, throttleAddress } from './throttle.ts';
import { findUserByUsername, scopeOf, setPassword } from './users-service.ts';
import type { UserRow } from './users-repository.ts';

/** Where a request came from: the audit log records it (method and path as sent, address, request id). */
export interface RequestContext {
  method: string;
  path: string;
  ip: string;
  requestId: string;
  userAgent?: string;
}

/** A signed-in user: the account, the scope it acts in today, and the session's CSRF token. */
export interface SignedInUser {
  user: UserRow;
  scope: Scope;
  actor: Actor;
  csrfToken: string;
}

const signedInUser = (user: UserRow, scope: Scope, csrfToken: string): SignedInUser => ({
  user,
  scope,
  csrfToken,
  actor: { username: user.username, role: user.role, scope },
});

/** "2 menit", "45 detik": how long to wait, for the message. */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} detik` : `${Math.ceil(seconds / 60)} menit`;
}

/**
 * Signs in with a name and password: a new session, or DomainError 'throttled' (this address waits for this name: the
 * password is not even looked at, waiting attempts are no guesses) or 'unauthenticated'. Every attempt is in the audit
 * log with the status it was answered with (429, 401, 200) and, for a failure, why.
 */
export async function signIn(
  database: DatabaseHandle,
  credentials: { username: string; password: string },
  request: RequestContext,
  now: Date,
): Promise<SignedInUser & { session: NewSession }> {
  const audit = auditRepository(database.db);
  const username = normaliseUsername(credentials.username);
  const entry = {
    username,
    method: request.method,
    path: request.path,
    ip: request.ip,
    requestId: request.requestId,
  } satisfies Partial<AuditEntry>;
  const throttle = { address: throttleAddress(request.ip), username };
  const claim = await claimSignIn(database, throttle, now);
  if (!claim.ok) {
    await audit.write({
      ...entry,
      action: 'masuk_gagal',
      status: 429,
      detail: { alasan: 'diperlambat', tunggu_detik: claim.retryAfterSeconds },
    });
    throw new DomainError(
      'throttled',
      'SIGN_IN_THROTTLED',
      'Terlalu banyak percobaan masuk yang gagal untuk akun ini dari alamat Anda. ' +
        `Coba lagi dalam ${waitText(claim.retryAfterSeconds)}, atau minta admin mengatur ulang kata sandi.`,
      { retryAfterSeconds: claim.retryAfterSeconds },
    );
  }
  const user = await findUserByUsername(database, username);
  // An unknown name costs the same hashing time as a known one: the answer's timing does not tell which exist.
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), credentials.password);
  if (!user || !ok || !user.aktif) {
    await audit.write({
      ...entry,
      userId: user?.id ?? null,
      action: 'masuk_gagal',
      status: 401,
      detail: { alasan: !user ? 'tidak dikenal' : !ok ? 'sandi salah' : 'nonaktif' },
    });
    throw new DomainError('unauthenticated', 'SIGN_IN_FAILED', 'Nama pengguna atau kata sandi salah.');
  }
  await signInSucceeded(database, throttle, now);
  const session = await startSession(database, user.id, { ip: request.ip, userAgent: request.userAgent });
  await audit.write({ ...entry, userId: user.id, action: 'masuk', status: 200 });
  return { ...signedInUser(user, await scopeOf(database, user), session.csrfToken), session };
}

/** Ends this session (one browser) and records it. */
export async function signOut(
  database: DatabaseHandle,
  who: { user: UserRow; token: string },
  request: RequestContext,
): Promise<void> {
  await endSession(database, who.token);
  await auditRepository(database.db).write({
    userId: who.user.id,
    username: who.user.username,
    action: 'keluar',
    method: request.method,
    path: request.path,
    status: 200,
    ip: request.ip,
    requestId: request.requestId,
  });
}

/** The signed-in user of a session token, or null when the session is unknown, expired or its user deactivated. */
export async function lookUpSession(database: DatabaseHandle, token: string): Promise<SignedInUser | null> {
  const session = await findSession(database, token);
  if (!session) return null;
  return signedInUser(session.user, await scopeOf(database, session.user), session.csrfToken);
}

/**
 * One's own new password: the current one must be right. Every session of the user ends (setPassword); this browser
 * gets a fresh one.
 */
export async function changeOwnPassword(
  database: DatabaseHandle,
  who: SignedInUser,
  passwords: { current: string; new: string },
  request: Pick<RequestContext, 'ip' | 'userAgent'>,
): Promise<SignedInUser & { session: NewSession }> {
  if (!(await verifyPassword(who.user.passwordHash, passwords.current)))
    throw invalid('WRONG_PASSWORD', 'Kata sandi saat ini salah.');
  await setPassword(database, who.user.id, passwords.new, false);
  const user = (await findUserByUsername(database, who.user.username))!;
  const session = await startSession(database, user.id, { ip: request.ip, userAgent: request.userAgent });
  return { ...who, user, csrfToken: session.csrfToken, session };
}
