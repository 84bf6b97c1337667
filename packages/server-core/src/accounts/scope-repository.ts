// What accounts read about places: does a scope exist, its name, the desa a puskesmas holds today, and where the demo
// accounts go. Reads only (wilayah, puskesmas, puskesmas_wilayah belong to the boundary import and the roll-out).
import { and, asc, count, desc, eq, exists, ilike, isNull, like, lte, gt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@peta/db';
import { puskesmas, puskesmasWilayah, wilayah } from '@peta/db/schema';

export interface Place {
  kode: string;
  nama: string;
}

export function scopeRepository(db: DbOrTx) {
  return {
    async wilayah(kode: string): Promise<{ nama: string; tingkat: string } | null> {
      const [row] = await db
        .select({ nama: wilayah.nama, tingkat: wilayah.tingkat })
        .from(wilayah)
        .where(eq(wilayah.kode, kode));
      return row ?? null;
    },
    async puskesmas(kode: string): Promise<{ nama: string } | null> {
      const [row] = await db.select({ nama: puskesmas.nama }).from(puskesmas).where(eq(puskesmas.kode, kode));
      return row ?? null;
    },
    /** The puskesmas's kabupaten and the desa of its wilayah kerja open today (no rows: unknown puskesmas). */
    async puskesmasDesaToday(kode: string): Promise<{ kabupaten: string; desa: string | null }[]> {
      const today = sql`current_date`;
      return db
        .select({ kabupaten: puskesmas.kabupatenKode, desa: puskesmasWilayah.desaKode })
        .from(puskesmas)
        .leftJoin(
          puskesmasWilayah,
          and(
            eq(puskesmasWilayah.puskesmasKode, puskesmas.kode),
            lte(puskesmasWilayah.validFrom, today),
            or(isNull(puskesmasWilayah.validTo), gt(puskesmasWilayah.validTo, today)),
          ),
        )
        .where(eq(puskesmas.kode, kode));
    },

    // ---- Where the demo accounts go (demo-accounts.ts) ----
    /** Kecamatan Bilah Hulu (Labuhanbatu) when loaded. */
    async bilahHulu(): Promise<Place | null> {
      const [row] = await db
        .select({ kode: wilayah.kode, nama: wilayah.nama })
        .from(wilayah)
        .where(and(eq(wilayah.tingkat, 'kecamatan'), like(wilayah.kode, '12.10.%'), ilike(wilayah.nama, 'bilah hulu')));
      return row ?? null;
    },
    /** The first kecamatan that has desa loaded. */
    async firstKecamatanWithDesa(): Promise<Place | null> {
      const desa = alias(wilayah, 'd');
      const [row] = await db
        .select({ kode: wilayah.kode, nama: wilayah.nama })
        .from(wilayah)
        .where(
          and(
            eq(wilayah.tingkat, 'kecamatan'),
            exists(
              db
                .select({ one: sql`1` })
                .from(desa)
                .where(and(eq(desa.tingkat, 'desa'), eq(desa.parentKode, wilayah.kode))),
            ),
          ),
        )
        .orderBy(asc(wilayah.kode))
        .limit(1);
      return row ?? null;
    },
    async place(kode: string): Promise<Place | null> {
      const [row] = await db
        .select({ kode: wilayah.kode, nama: wilayah.nama })
        .from(wilayah)
        .where(eq(wilayah.kode, kode));
      return row ?? null;
    },
    async firstDesaOf(kecamatan: string): Promise<Place | null> {
      const [row] = await db
        .select({ kode: wilayah.kode, nama: wilayah.nama })
        .from(wilayah)
        .where(and(eq(wilayah.tingkat, 'desa'), eq(wilayah.parentKode, kecamatan)))
        .orderBy(asc(wilayah.kode))
        .limit(1);
      return row ?? null;
    },
    /** The puskesmas holding most desa of the kecamatan today. */
    async mainPuskesmasOf(kecamatan: string): Promise<Place | null> {
      const [row] = await db
        .select({ kode: puskesmas.kode, nama: puskesmas.nama })
        .from(puskesmasWilayah)
        .innerJoin(puskesmas, eq(puskesmas.kode, puskesmasWilayah.puskesmasKode))
        .where(and(isNull(puskesmasWilayah.validTo), like(puskesmasWilayah.desaKode, `${kecamatan}.%`)))
        .groupBy(puskesmas.kode, puskesmas.nama)
        .orderBy(desc(count()), asc(puskesmas.kode))
        .limit(1);
      return row ?? null;
    },
  };
}
