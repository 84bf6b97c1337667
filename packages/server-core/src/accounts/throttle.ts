// Sign-in throttle per client address × login name (issue 14; OWASP ASVS 2.2.1: soft lockout with ever-increasing
// delays). A lock per name alone hands the account to whoever types it wrong five times — the admin included, for
// as long as he keeps at it. Here only the pair (address, name) waits: the person guessing slows himself down, the
// real user at another address signs in as usual. A successful sign-in of the pair lifts it, a password reset (the
// admin's, or the CLI's) lifts it for every address. State lives in the database, so several API processes share it.
import { isIPv6 } from 'node:net';
import type { DatabaseHandle } from '../database.ts';
import { requestRateRepository, type RateCount } from './request-rate-repository.ts';
import { throttleRepository, type ThrottleKey } from './throttle-repository.ts';

/**
 * Seconds the pair waits after its n-th consecutive failure (index n − 1): four typos are free, then the wait
 * doubles from one minute up to half an hour — at most about a dozen guesses an hour from one address for one name.
 */
export const SIGN_IN_DELAYS_SECONDS = [0, 0, 0, 0, 60, 120, 240, 480, 960, 1800] as const;
/** A pair that has not failed for this long starts counting from one again. */
export const SIGN_IN_QUIET_SECONDS = 24 * 3600;

export type { ThrottleKey } from './throttle-repository.ts';
export type { RateCount } from './request-rate-repository.ts';

/** The address as the throttle counts it: IPv4 as is, IPv6 by its /64 (one subscriber holds a whole /64). */
export function throttleAddress(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  const bare = ip.split('%')[0]!;
  if (!isIPv6(bare)) return ip;
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

export type Claim = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Takes one sign-in attempt for the pair, atomically: refused while the pair waits (the attempt is not counted,
 * the wait does not grow); otherwise counted as a failure — with the wait that failure earns — until
 * `signInSucceeded` clears it. Counting first means parallel attempts cannot slip past the count.
 */
export async function claimSignIn({ db }: DatabaseHandle, key: ThrottleKey, now: Date): Promise<Claim> {
  const throttle = throttleRepository(db);
  if ((await throttle.countFailure(key, now, SIGN_IN_DELAYS_SECONDS, SIGN_IN_QUIET_SECONDS)) !== null)
    return { ok: true };
  const until = await throttle.blockedUntil(key);
  return {
    ok: false,
    retryAfterSeconds: Math.max(1, Math.ceil(((until?.getTime() ?? now.getTime()) - now.getTime()) / 1000)),
  };
}

/** The pair signed in: its count is gone. Pairs quiet for a day are removed here too (no timer needed). */
export async function signInSucceeded({ db }: DatabaseHandle, key: ThrottleKey, now: Date): Promise<void> {
  const throttle = throttleRepository(db);
  await throttle.deletePair(key);
  await throttle.deleteQuiet(now, SIGN_IN_QUIET_SECONDS);
}

/** After a password reset: every address may try the name again. */
export async function liftSignInThrottle({ db }: DatabaseHandle, username: string): Promise<void> {
  await throttleRepository(db).deleteName(username);
}

/**
 * Counts one request of `key` (route and client address) in a fixed window of `windowMs`, for every API process at
 * once: the store behind the sign-in route's per-address limit (apps/api plugins/rate-limit-store.ts).
 */
export async function countRequest({ db }: DatabaseHandle, key: string, windowMs: number): Promise<RateCount> {
  return requestRateRepository(db).count(key, windowMs);
}
