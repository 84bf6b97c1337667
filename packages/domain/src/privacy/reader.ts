// Who sees exact counts of an area: the people whose duty covers it (issue 18 §1). Everyone else — anonymous readers
// under READ_ACCESS=public, pembaca, users of other areas — reads the protected view (rule.ts, suppression.ts).
// The scope rule is the one that decides writes (access/scope.ts), with one difference, explained below.
import { scopeCovers, type Actor, type Target } from '../access/scope.ts';
import { isKode, tingkatOf } from '../wilayah.ts';

/** The signed-in user, or null for an anonymous reader (READ_ACCESS=public). */
export type Reader = Pick<Actor, 'role' | 'scope'> | null;

export interface ReadContext {
  /** The desa of a kecamatan today; needed to decide whether a puskesmas holds the whole kecamatan. */
  desaOfKecamatan?: (kecamatan: string) => readonly string[];
}

/**
 * True when the reader sees the exact counts of the target (a kode wilayah or a puskesmas wilayah kerja):
 * - admin: everywhere; dinkes provinsi/kabupaten, camat, kepala desa: inside their kode (scopeCovers);
 * - puskesmas: the desa of its wilayah kerja today and its own wilayah kerja total, and a kecamatan only when ALL its
 *   desa are in the wilayah kerja. For writes a puskesmas covers every kecamatan it has a desa in (its Lokmin is about
 *   them), but an exact kecamatan total next to its own exact desa would give it the sum of the other puskesmas' desa
 *   by subtraction — one desa's count when the other puskesmas holds one desa there;
 * - pembaca (viewer) and anonymous readers: nowhere — a pembaca has no area of duty, whatever kode its account shows.
 * Deny by default: a kecamatan without `desaOfKecamatan` is not exact for a puskesmas.
 */
export function seesExactCounts(reader: Reader, target: Target, context: ReadContext = {}): boolean {
  if (reader === null || reader.role === 'viewer') return false;
  if (reader.role === 'admin') return true;
  const scope = reader.scope;
  if (
    scope.kind === 'puskesmas' &&
    'wilayah' in target &&
    isKode(target.wilayah) &&
    tingkatOf(target.wilayah) === 'kecamatan'
  ) {
    const desa = context.desaOfKecamatan?.(target.wilayah) ?? [];
    return desa.length > 0 && desa.every((d) => scope.desa.has(d));
  }
  return scopeCovers(scope, target);
}
