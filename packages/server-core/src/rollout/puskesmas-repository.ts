// Table puskesmas: seeded from the Komdat list (kode = its kode_instansi, sumber 'komdat-2022'); users add more through
// the wilayah kerja CSV (sumber 'pengguna').
import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema, type DbOrTx } from '@peta/db';

const { puskesmas } = schema;

export interface PuskesmasRow {
  kode: string;
  nama: string;
  kabupaten: string;
  sumber: string;
}

const columns = {
  kode: puskesmas.kode,
  nama: puskesmas.nama,
  kabupaten: puskesmas.kabupatenKode,
  sumber: puskesmas.sumber,
};

export function puskesmasRepository(db: DbOrTx) {
  return {
    /** The active puskesmas of a kabupaten/kota, by name. */
    async inKabupaten(kabupaten: string): Promise<PuskesmasRow[]> {
      return db
        .select(columns)
        .from(puskesmas)
        .where(and(eq(puskesmas.kabupatenKode, kabupaten), eq(puskesmas.aktif, true)))
        .orderBy(asc(puskesmas.nama), asc(puskesmas.kode));
    },

    async find(kode: string): Promise<PuskesmasRow | null> {
      const [row] = await db.select(columns).from(puskesmas).where(eq(puskesmas.kode, kode));
      return row ?? null;
    },

    /** The puskesmas among these kodes that exist (a CSV names them), with their kabupaten. */
    async findMany(kodes: string[]): Promise<PuskesmasRow[]> {
      if (!kodes.length) return [];
      return db.select(columns).from(puskesmas).where(inArray(puskesmas.kode, kodes));
    },

    /** Adds a puskesmas a user named; false when that kode exists already (someone else was faster). */
    async insertFromUser(p: { kode: string; nama: string; kabupaten: string }): Promise<boolean> {
      const inserted = await db
        .insert(puskesmas)
        .values({ kode: p.kode, nama: p.nama, kabupatenKode: p.kabupaten, sumber: 'pengguna' })
        .onConflictDoNothing({ target: puskesmas.kode })
        .returning({ kode: puskesmas.kode });
      return inserted.length > 0;
    },
  };
}

export type PuskesmasRepository = ReturnType<typeof puskesmasRepository>;
