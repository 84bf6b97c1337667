// What imports read of the wilayah table: every kode with its name (the "unknown kode" rule and messages), one area
// (the template's header) and the desa under an area (the template's rows). Reads only: the boundary import writes it.
import { and, asc, eq, like, or } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { wilayah as w } from '@peta/db/schema';

export function wilayahNamesRepository(db: DbOrTx) {
  return {
    all: () => db.select({ kode: w.kode, nama: w.nama, tingkat: w.tingkat }).from(w),
    async find(kode: string): Promise<{ kode: string; nama: string } | null> {
      const [row] = await db.select({ kode: w.kode, nama: w.nama }).from(w).where(eq(w.kode, kode));
      return row ?? null;
    },
    /** Desa under the wilayah (or the desa itself), ordered by kode. */
    desaOf: (kode: string) =>
      db
        .select({ kode: w.kode, nama: w.nama })
        .from(w)
        .where(and(eq(w.tingkat, 'desa'), or(like(w.kode, `${kode}.%`), eq(w.kode, kode))))
        .orderBy(asc(w.kode)),
  };
}
