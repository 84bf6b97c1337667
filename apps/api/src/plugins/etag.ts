// Strong ETags, one rule for every answer that carries one (immutable bytes, values): a short hash of what the answer
// is a pure function of (its bytes, or a key naming them), and If-None-Match read as the standard says.
import { createHash } from 'node:crypto';

/** The quoted ETag of `data`: 20 characters of its SHA-1 (base64url) — unique enough, short in every header. */
export const etagOf = (data: Buffer | string) =>
  `"${createHash('sha1').update(data).digest('base64url').slice(0, 20)}"`;

/** If-None-Match names this ETag (one of a list; a weak W/ validator matches too, as for GET it may). */
export function hasEtag(header: string | undefined, etag: string): boolean {
  return header?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag) ?? false;
}
