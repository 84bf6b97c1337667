// Tables pustu and posyandu: the Puskesmas pembantu and Posyandu of each desa. A desa's list is replaced whole
// (the event keeps the lists before and after).
import { asc, eq, like, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@peta/db';
import type { PosyanduRecord, PustuRecord } from '@peta/domain';
import type { Facilities, FacilitiesBody } from '@peta/domain/contract';

const { pustu, posyandu } = schema;

type Pustu = Facilities['pustu'][number] & { simulated: boolean };
type Posyandu = Facilities['posyandu'][number] & { simulated: boolean };

const pustuColumns = { nama: pustu.nama, perawat: pustu.perawat, bidan: pustu.bidan, simulated: pustu.simulated };
const posyanduColumns = {
  nama: posyandu.nama,
  lokasi: posyandu.lokasi,
  sk: posyandu.sk,
  kader: posyandu.kader,
  kaderTersertifikasi: posyandu.kaderTersertifikasi,
  simulated: posyandu.simulated,
};

export function facilitiesRepository(db: DbOrTx) {
  return {
    /** Pustu and Posyandu of the kabupaten's desa; null when none were ever entered there (unknown, not zero). */
    async ofKabupaten(kabupaten: string): Promise<{ pustu: PustuRecord[] | null; posyandu: PosyanduRecord[] | null }> {
      const [p, q] = await Promise.all([
        db
          .select({ kodeDesa: pustu.desaKode, perawat: pustu.perawat, bidan: pustu.bidan })
          .from(pustu)
          .where(like(pustu.desaKode, `${kabupaten}.%`)),
        db
          .select({
            kodeDesa: posyandu.desaKode,
            sk: posyandu.sk,
            kader: posyandu.kader,
            kaderTersertifikasi: posyandu.kaderTersertifikasi,
          })
          .from(posyandu)
          .where(like(posyandu.desaKode, `${kabupaten}.%`)),
      ]);
      return { pustu: p.length ? p : null, posyandu: q.length ? q : null };
    },

    /** The lists of one desa, in the order they were entered. */
    async ofDesa(desa: string): Promise<{ pustu: Pustu[]; posyandu: Posyandu[] }> {
      const [p, q] = await Promise.all([
        db.select(pustuColumns).from(pustu).where(eq(pustu.desaKode, desa)).orderBy(asc(pustu.id)),
        db.select(posyanduColumns).from(posyandu).where(eq(posyandu.desaKode, desa)).orderBy(asc(posyandu.id)),
      ]);
      return { pustu: p, posyandu: q };
    },

    /** Serialises changes of one desa's lists until the transaction ends (two saves cannot interleave). */
    async lockDesa(desa: string): Promise<void> {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`peta:fasilitas:${desa}`}))`);
    },

    /** The desa's lists become exactly these (names and places trimmed, empty → null). */
    async replace(desa: string, body: FacilitiesBody, eventId: number): Promise<void> {
      await db.delete(pustu).where(eq(pustu.desaKode, desa));
      await db.delete(posyandu).where(eq(posyandu.desaKode, desa));
      if (body.pustu.length) {
        await db.insert(pustu).values(
          body.pustu.map((p) => ({
            desaKode: desa,
            nama: p.nama?.trim() || null,
            perawat: p.perawat,
            bidan: p.bidan,
            eventId,
          })),
        );
      }
      if (body.posyandu.length) {
        await db.insert(posyandu).values(
          body.posyandu.map((p) => ({
            desaKode: desa,
            nama: p.nama?.trim() || null,
            lokasi: p.lokasi?.trim() || null,
            sk: p.sk,
            kader: p.kader,
            kaderTersertifikasi: p.kaderTersertifikasi,
            eventId,
          })),
        );
      }
    },
  };
}

export type FacilitiesRepository = ReturnType<typeof facilitiesRepository>;
