// Strong ETags, one rule for every answer that carries one (immutable bytes, values): a short hash of what the answer
// is a pure function of (its bytes, or a key naming them), and If-None-Match read as the standard says.
import { hash } from 'node:crypto';

/**
 * The quoted ETag of `data` (a string counts as its UTF-8 bytes): 20 characters of its SHA-1 (base64url) — unique
 * enough, short in every header. The one-call `hash` (Node ≥ 20.12), not a Hash object per answer: the same digest,
 * ~0.7 µs instead of ~2.5 µs, and every first answer of /api/nilai makes one.
 */
export const etagOf = (data: Buffer | string) => `"${hash('sha1', data, 'base64url').slice(0, 20)}"`;

/** If-None-Match names this ETag (one of a list; a weak W/ validator matches too, as for GET it may). */
export function hasEtag(header: string | undefined, etag: string): boolean {
  return header?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag) ?? false;
}
