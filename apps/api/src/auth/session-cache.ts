// The signed-in user of a session cookie. Reads may use an answer up to CACHE_MS old (the map asks for many small
// files per view); a write, or any route that needs a capability, always asks the database: a password change, a
// reset or a deactivation ends the sessions in the database, so they can no longer change anything at once — also
// when several API processes serve the same database, each with its own cache.
import type { Database } from '@peta/db';
import { lookUpSession, type SignedInUser } from '@peta/server-core';

/** The signed-in user of a request, with the session token of its cookie. */
export interface SignedIn extends SignedInUser {
  token: string;
}

/** How long a read may rely on an earlier lookup: a deactivated user can read for at most this long. */
export const CACHE_MS = 5_000;
const MAX_ENTRIES = 5_000;

export function sessionCache(database: Database) {
  const cache = new Map<string, { at: number; value: SignedIn | null }>();

  async function lookUp(token: string): Promise<SignedIn | null> {
    const signedIn = await lookUpSession(database, token);
    return signedIn && { ...signedIn, token };
  }

  /** What a read may rely on without asking (looked up less than CACHE_MS ago), or undefined: ask with get. */
  function recent(token: string): SignedIn | null | undefined {
    const hit = cache.get(token);
    return hit && Date.now() - hit.at < CACHE_MS ? hit.value : undefined;
  }

  return {
    /** `fresh`: ask the database whatever the cache holds (writes and capability routes). */
    async get(token: string, { fresh }: { fresh: boolean }): Promise<SignedIn | null> {
      const hit = fresh ? undefined : recent(token);
      if (hit !== undefined) return hit;
      const value = await lookUp(token);
      if (cache.size > MAX_ENTRIES) cache.clear();
      cache.set(token, { at: Date.now(), value });
      return value;
    },
    recent,
    /** Drops one token (sign-out). */
    forget(token: string) {
      cache.delete(token);
    },
    /** Drops every session of a user (password changed or reset, account changed), so this process's reads see it at once. */
    forgetUser(userId: number) {
      for (const [token, entry] of cache) if (entry.value?.user.id === userId) cache.delete(token);
    },
  };
}
export type SessionCache = ReturnType<typeof sessionCache>;
