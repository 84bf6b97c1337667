// All SQL about wilayah and their display geometry (tables wilayah, wilayah_geometry, boundary_import), read-only: the
// boundary importer (data/) writes them.
import { and, asc, desc, eq, inArray, isNotNull, isNull, like, or, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@peta/db';
import type { Tingkat } from '@peta/domain';
import type { Bbox, WilayahChild } from '@peta/domain/contract';

const { wilayah, wilayahGeometry, boundaryImport } = schema;

/** A wilayah as read: what the contract shows of a child (kode, nama, tingkat, bbox, label, counts) and its parent. */
export type WilayahRow = WilayahChild & { parentKode: string | null };

/** What the values path keeps of every wilayah (wilayah-memory.ts). */
export type WilayahName = Pick<WilayahRow, 'kode' | 'nama' | 'tingkat' | 'parentKode'>;

const columns = {
  kode: wilayah.kode,
  nama: wilayah.nama,
  tingkat: wilayah.tingkat,
  parentKode: wilayah.parentKode,
  bbox: wilayah.bbox,
  labelLng: wilayah.labelLng,
  labelLat: wilayah.labelLat,
  hasGeometry: wilayah.hasGeometry,
  childCount: wilayah.childCount,
};

type Selected = { [K in keyof typeof columns]: (typeof columns)[K]['_']['data'] | null };

function toRow(r: Selected): WilayahRow {
  return {
    kode: r.kode!,
    nama: r.nama!,
    tingkat: r.tingkat as Tingkat,
    parentKode: r.parentKode,
    bbox: r.bbox && r.bbox.length === 4 ? (r.bbox as Bbox) : null,
    label: r.labelLng != null && r.labelLat != null ? [r.labelLng, r.labelLat] : null,
    hasGeometry: r.hasGeometry ?? false,
    childCount: r.childCount ?? 0,
  };
}

export function wilayahRepository(db: DbOrTx) {
  return {
    async findByKode(kode: string): Promise<WilayahRow | null> {
      const rows = await db.select(columns).from(wilayah).where(eq(wilayah.kode, kode));
      return rows[0] ? toRow(rows[0]) : null;
    },

    async findMany(kodes: string[]): Promise<WilayahRow[]> {
      if (!kodes.length) return [];
      const rows = await db
        .select(columns)
        .from(wilayah)
        .where(inArray(wilayah.kode, kodes))
        .orderBy(asc(wilayah.kode));
      return rows.map(toRow);
    },

    /** Children of a wilayah, or the provinces when parent is null, ordered by kode. */
    async children(parent: string | null): Promise<WilayahRow[]> {
      const rows = await db
        .select(columns)
        .from(wilayah)
        .where(parent === null ? isNull(wilayah.parentKode) : eq(wilayah.parentKode, parent))
        .orderBy(asc(wilayah.kode));
      return rows.map(toRow);
    },

    /**
     * Every wilayah's kode, name, tingkat and parent, with the latest boundary import (0: none) read in the same
     * statement: what the values path keeps in memory (wilayah-memory.ts).
     */
    async allNamesWithBoundary(): Promise<{ boundary: number; rows: WilayahName[] }> {
      // From the boundary import (one row), so an empty table still says which import it is.
      const rows = await db
        .select({
          boundary: sql<number>`b.id`,
          kode: wilayah.kode,
          nama: wilayah.nama,
          tingkat: wilayah.tingkat,
          parentKode: wilayah.parentKode,
        })
        .from(sql`(select coalesce(max(${boundaryImport.id}), 0)::int as id from ${boundaryImport}) b`)
        .leftJoin(wilayah, sql`true`);
      const names: WilayahName[] = [];
      for (const r of rows)
        if (r.kode !== null)
          names.push({ kode: r.kode, nama: r.nama!, tingkat: r.tingkat as Tingkat, parentKode: r.parentKode });
      return { boundary: rows[0]?.boundary ?? 0, rows: names };
    },

    /** Display geometry of the children (only those that have one), as GeoJSON text. */
    async childGeometries(parent: string | null): Promise<{ kode: string; nama: string; geojson: string }[]> {
      return db
        .select({ kode: wilayah.kode, nama: wilayah.nama, geojson: wilayahGeometry.geojson })
        .from(wilayah)
        .innerJoin(wilayahGeometry, eq(wilayahGeometry.kode, wilayah.kode))
        .where(parent === null ? isNull(wilayah.parentKode) : eq(wilayah.parentKode, parent))
        .orderBy(asc(wilayah.kode));
    },

    /** Display geometry of the given wilayah (those that have one), as GeoJSON text. */
    async geometriesOf(kodes: string[]): Promise<{ kode: string; nama: string; geojson: string }[]> {
      if (!kodes.length) return [];
      return db
        .select({ kode: wilayah.kode, nama: wilayah.nama, geojson: wilayahGeometry.geojson })
        .from(wilayah)
        .innerJoin(wilayahGeometry, eq(wilayahGeometry.kode, wilayah.kode))
        .where(inArray(wilayah.kode, kodes))
        .orderBy(asc(wilayah.kode));
    },

    /** Every desa at or under `parent` (the desa itself when parent is a desa code; null: all of Indonesia), by kode. */
    async desaUnder(parent: string | null): Promise<string[]> {
      const rows = await db
        .select({ kode: wilayah.kode })
        .from(wilayah)
        .where(
          and(
            eq(wilayah.tingkat, 'desa'),
            parent === null ? undefined : or(like(wilayah.kode, `${parent}.%`), eq(wilayah.kode, parent)),
          ),
        )
        .orderBy(asc(wilayah.kode));
      return rows.map((row) => row.kode);
    },

    /** Display geometry of every desa under a wilayah (a kabupaten's for the planner's map and its wilayah kerja). */
    async desaGeometriesUnder(kode: string): Promise<{ kode: string; nama: string; geojson: string }[]> {
      return db
        .select({ kode: wilayah.kode, nama: wilayah.nama, geojson: wilayahGeometry.geojson })
        .from(wilayah)
        .innerJoin(wilayahGeometry, eq(wilayahGeometry.kode, wilayah.kode))
        .where(and(eq(wilayah.tingkat, 'desa'), like(wilayah.kode, `${kode}.%`)))
        .orderBy(asc(wilayah.kode));
    },

    async latestImport() {
      const rows = await db
        .select()
        .from(boundaryImport)
        .where(isNotNull(boundaryImport.finishedAt))
        .orderBy(desc(boundaryImport.id))
        .limit(1);
      return rows[0] ?? null;
    },

    /** Bounding box of everything (the provinces). */
    async extent(): Promise<Bbox | null> {
      // bbox is [minLng, minLat, maxLng, maxLat]: the least of the first two corners, the greatest of the last two.
      const corner = (fn: 'min' | 'max', i: number) =>
        sql<number | null>`${sql.raw(fn)}(${wilayah.bbox}[${sql.raw(String(i))}])`;
      const [row] = await db
        .select({ a: corner('min', 1), b: corner('min', 2), c: corner('max', 3), d: corner('max', 4) })
        .from(wilayah)
        .where(and(isNull(wilayah.parentKode), isNotNull(wilayah.bbox)));
      return row && row.a != null ? [row.a, row.b!, row.c!, row.d!] : null;
    },
  };
}

export type WilayahRepository = ReturnType<typeof wilayahRepository>;
