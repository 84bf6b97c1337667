// Table puskesmas_wilayah: the wilayah kerja over time. Desa `desa_kode` belongs to the puskesmas from `valid_from`
// (inclusive) to `valid_to` (exclusive; NULL = still); at most one open row per desa (a unique index). Rows are never
// edited in place except to close them on the day the next one starts, or to confirm a proposed one.
// Dates leave PostgreSQL as text (yyyy-mm-dd), never as JS Date (time zones).
import { and, asc, eq, gt, isNotNull, isNull, like, lte, or, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@peta/db';
import type { WilayahKerjaRow } from '@peta/domain';

const { puskesmasWilayah, puskesmas, wilayah } = schema;

export interface AssignmentRow {
  desa: string;
  nama: string;
  puskesmas: string | null;
  validFrom: string | null;
  confirmed: boolean;
  label: [number, number] | null;
}
export interface OpenRow {
  id: number;
  puskesmas: string;
  validFrom: string;
  confirmed: boolean;
}

/** `desa_kode LIKE '12.07.%'`: the desa of a kabupaten (C collation: uses the index). */
const desaOf = (kabupaten: string) => like(puskesmasWilayah.desaKode, `${kabupaten}.%`);
/** The row holds its desa on `date`. */
const validOn = (date: string) =>
  and(lte(puskesmasWilayah.validFrom, date), or(isNull(puskesmasWilayah.validTo), gt(puskesmasWilayah.validTo, date)));
const open = isNull(puskesmasWilayah.validTo);

export function wilayahKerjaRepository(db: DbOrTx) {
  return {
    /** Every row (all of history) of the desa of a kabupaten. */
    async history(kabupaten: string): Promise<WilayahKerjaRow[]> {
      return db
        .select({
          desa: puskesmasWilayah.desaKode,
          puskesmas: puskesmasWilayah.puskesmasKode,
          validFrom: puskesmasWilayah.validFrom,
          validTo: puskesmasWilayah.validTo,
        })
        .from(puskesmasWilayah)
        .where(desaOf(kabupaten))
        .orderBy(asc(puskesmasWilayah.desaKode), asc(puskesmasWilayah.validFrom));
    },

    /** Each desa of the kabupaten with the puskesmas holding it on `tanggal` (null: tanpa puskesmas). */
    async assignments(kabupaten: string, tanggal: string): Promise<AssignmentRow[]> {
      const rows = await db
        .select({
          desa: wilayah.kode,
          nama: wilayah.nama,
          puskesmas: puskesmasWilayah.puskesmasKode,
          validFrom: puskesmasWilayah.validFrom,
          confirmed: puskesmasWilayah.confirmed,
          labelLng: wilayah.labelLng,
          labelLat: wilayah.labelLat,
        })
        .from(wilayah)
        .leftJoin(puskesmasWilayah, and(eq(puskesmasWilayah.desaKode, wilayah.kode), validOn(tanggal)))
        .where(and(eq(wilayah.tingkat, 'desa'), like(wilayah.kode, `${kabupaten}.%`)))
        .orderBy(asc(wilayah.kode));
      return rows.map(({ labelLng, labelLat, ...r }) => ({
        ...r,
        confirmed: r.confirmed ?? false,
        label: labelLng === null || labelLat === null ? null : [labelLng, labelLat],
      }));
    },

    /**
     * The open row of a desa; `lock` takes it FOR UPDATE, so two changes of one desa cannot interleave (the unique index
     * on open rows makes "a desa in two puskesmas" impossible even then).
     */
    async openRow(desa: string, lock = false): Promise<OpenRow | null> {
      const query = db
        .select({
          id: puskesmasWilayah.id,
          puskesmas: puskesmasWilayah.puskesmasKode,
          validFrom: puskesmasWilayah.validFrom,
          confirmed: puskesmasWilayah.confirmed,
        })
        .from(puskesmasWilayah)
        .where(and(eq(puskesmasWilayah.desaKode, desa), open));
      const [row] = lock ? await query.for('update') : await query;
      return row ?? null;
    },

    /** Closed rows of the desa that end after `date` (history a move from `date` would overwrite). */
    async closedAfter(desa: string, date: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(puskesmasWilayah)
        .where(
          and(
            eq(puskesmasWilayah.desaKode, desa),
            isNotNull(puskesmasWilayah.validTo),
            gt(puskesmasWilayah.validTo, date),
          ),
        );
      return row?.n ?? 0;
    },

    /** Ends a row on `validTo` (exclusive): the day the next one starts. */
    async close(id: number, validTo: string): Promise<void> {
      await db.update(puskesmasWilayah).set({ validTo }).where(eq(puskesmasWilayah.id, id));
    },

    /** Opens a confirmed row: the desa belongs to the puskesmas from `validFrom`. */
    async openConfirmed(row: { puskesmas: string; desa: string; validFrom: string; eventId: number }): Promise<void> {
      await db.insert(puskesmasWilayah).values({
        puskesmasKode: row.puskesmas,
        desaKode: row.desa,
        validFrom: row.validFrom,
        confirmed: true,
        eventId: row.eventId,
      });
    },

    /** A proposed row becomes confirmed by the event. */
    async confirm(id: number, eventId: number): Promise<void> {
      await db.update(puskesmasWilayah).set({ confirmed: true, eventId }).where(eq(puskesmasWilayah.id, id));
    },

    /** The CSV export: every open row of the kabupaten's desa, by puskesmas name then desa. */
    async exportRows(kabupaten: string): Promise<{ kodePuskesmas: string; nama: string; kodeDesa: string }[]> {
      return db
        .select({ kodePuskesmas: puskesmas.kode, nama: puskesmas.nama, kodeDesa: puskesmasWilayah.desaKode })
        .from(puskesmasWilayah)
        .innerJoin(puskesmas, eq(puskesmas.kode, puskesmasWilayah.puskesmasKode))
        .where(and(open, desaOf(kabupaten)))
        .orderBy(asc(puskesmas.nama), asc(puskesmas.kode), asc(puskesmasWilayah.desaKode));
    },

    /** The open rows of the kabupaten's desa (what a CSV upload is checked against). */
    async openRowsUnder(
      kabupaten: string,
    ): Promise<{ desa: string; puskesmas: string; validFrom: string; confirmed: boolean }[]> {
      return db
        .select({
          desa: puskesmasWilayah.desaKode,
          puskesmas: puskesmasWilayah.puskesmasKode,
          validFrom: puskesmasWilayah.validFrom,
          confirmed: puskesmasWilayah.confirmed,
        })
        .from(puskesmasWilayah)
        .where(and(open, desaOf(kabupaten)));
    },

    /** Each puskesmas' desa today, and how many are still the unconfirmed proposal. */
    async groups(kabupaten: string): Promise<{ kode: string; nama: string; desa: string[]; unconfirmed: number }[]> {
      return db
        .select({
          kode: puskesmas.kode,
          nama: puskesmas.nama,
          desa: sql<string[]>`array_agg(${puskesmasWilayah.desaKode} order by ${puskesmasWilayah.desaKode})`,
          unconfirmed: sql<number>`(count(*) filter (where not ${puskesmasWilayah.confirmed}))::int`,
        })
        .from(puskesmasWilayah)
        .innerJoin(puskesmas, eq(puskesmas.kode, puskesmasWilayah.puskesmasKode))
        .where(and(open, desaOf(kabupaten)))
        .groupBy(puskesmas.kode, puskesmas.nama)
        .orderBy(asc(puskesmas.nama), asc(puskesmas.kode));
    },

    /** Changes whenever a wilayah kerja of the kabupaten does (a move inserts a row, a confirmation flips a flag). */
    async stamp(kabupaten: string): Promise<string> {
      const [row] = await db
        .select({
          stamp: sql<string>`concat_ws('-', coalesce(max(${puskesmasWilayah.id}), 0), count(*) filter (where ${puskesmasWilayah.validTo} is null),
          count(*) filter (where ${puskesmasWilayah.confirmed}))`,
        })
        .from(puskesmasWilayah)
        .where(desaOf(kabupaten));
      return row!.stamp;
    },

    /** A puskesmas and the desa of its wilayah kerja on a date (valid_from ≤ date < valid_to); null when unknown. */
    async puskesmasAt(
      kode: string,
      date: string,
    ): Promise<{ kode: string; nama: string; kabupaten: string; desa: string[] } | null> {
      const [row] = await db
        .select({
          kode: puskesmas.kode,
          nama: puskesmas.nama,
          kabupaten: puskesmas.kabupatenKode,
          desa: sql<string[]>`coalesce(array_agg(${puskesmasWilayah.desaKode} order by ${puskesmasWilayah.desaKode})
          filter (where ${puskesmasWilayah.desaKode} is not null), '{}')`,
        })
        .from(puskesmas)
        .leftJoin(puskesmasWilayah, and(eq(puskesmasWilayah.puskesmasKode, puskesmas.kode), validOn(date)))
        .where(eq(puskesmas.kode, kode))
        .groupBy(puskesmas.kode, puskesmas.nama, puskesmas.kabupatenKode);
      return row ?? null;
    },
  };
}

export type WilayahKerjaRepository = ReturnType<typeof wilayahKerjaRepository>;
