// What the entry grid reads besides values: the desa of a kecamatan, or of a puskesmas' wilayah kerja on a day, with
// their names. Reads only.
import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { puskesmas, puskesmasWilayah, wilayah as w } from '@peta/db/schema';

export interface GridDesa {
  kode: string;
  nama: string;
}

export function gridRepository(db: DbOrTx) {
  return {
    async area(kode: string): Promise<{ kode: string; nama: string; tingkat: string } | null> {
      const [row] = await db.select({ kode: w.kode, nama: w.nama, tingkat: w.tingkat }).from(w).where(eq(w.kode, kode));
      return row ?? null;
    },
    desaOfKecamatan: (kecamatan: string): Promise<GridDesa[]> =>
      db
        .select({ kode: w.kode, nama: w.nama })
        .from(w)
        .where(and(eq(w.tingkat, 'desa'), eq(w.parentKode, kecamatan)))
        .orderBy(asc(w.kode)),
    async puskesmas(kode: string): Promise<{ kode: string; nama: string; kabupaten: string } | null> {
      const [row] = await db
        .select({ kode: puskesmas.kode, nama: puskesmas.nama, kabupaten: puskesmas.kabupatenKode })
        .from(puskesmas)
        .where(eq(puskesmas.kode, kode));
      return row ?? null;
    },
    /** The desa the puskesmas holds on `day` (YYYY-MM-DD), by kode. */
    desaOfPuskesmas: (kode: string, day: string): Promise<GridDesa[]> =>
      db
        .select({ kode: w.kode, nama: w.nama })
        .from(puskesmasWilayah)
        .innerJoin(w, eq(w.kode, puskesmasWilayah.desaKode))
        .where(
          and(
            eq(puskesmasWilayah.puskesmasKode, kode),
            lte(puskesmasWilayah.validFrom, day),
            or(isNull(puskesmasWilayah.validTo), gt(puskesmasWilayah.validTo, day)),
          ),
        )
        .orderBy(asc(w.kode)),
  };
}
