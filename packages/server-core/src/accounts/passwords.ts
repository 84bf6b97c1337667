// Password hashing with argon2id from @node-rs/argon2 (a maintained binding of the reference implementation):
// no crypto of our own. Parameters are the library's defaults (OWASP's minimum: m=19 MiB, t=2, p=1).
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a crash
  }
}

/** A hash of a random password, to spend the same time on unknown names as on known ones. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(generatePassword());
  return decoy;
}

// No 0/O, 1/l/I: read aloud or copied from a printout without mistakes.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** Four groups of four from a CSPRNG: 80 bits, e.g. "k7dm-pq3x-a9ve-wt2h". */
export function generatePassword(): string {
  return Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  ).join('-');
}
