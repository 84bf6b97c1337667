// All SQL about wilayah and their geometry.
import { asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { schema, type Db } from '@peta/db';
import type { Tingkat } from '@peta/domain';
import type { Bbox } from '@peta/domain/contract';

const { wilayah, wilayahGeometry, boundaryImport } = schema;

export interface WilayahRow {
  kode: string;
  nama: string;
  tingkat: Tingkat;
  parentKode: string | null;
  bbox: Bbox | null;
  label: [number, number] | null;
  hasGeometry: boolean;
  childCount: number;
}

const columns = {
  kode: wilayah.kode, nama: wilayah.nama, tingkat: wilayah.tingkat, parentKode: wilayah.parentKode,
  bbox: wilayah.bbox, labelLng: wilayah.labelLng, labelLat: wilayah.labelLat,
  hasGeometry: wilayah.hasGeometry, childCount: wilayah.childCount,
};

type Selected = { [K in keyof typeof columns]: (typeof columns)[K]['_']['data'] | null };

function toRow(r: Selected): WilayahRow {
  return {
    kode: r.kode!, nama: r.nama!, tingkat: r.tingkat as Tingkat, parentKode: r.parentKode,
    bbox: r.bbox && r.bbox.length === 4 ? (r.bbox as Bbox) : null,
    label: r.labelLng != null && r.labelLat != null ? [r.labelLng, r.labelLat] : null,
    hasGeometry: r.hasGeometry ?? false, childCount: r.childCount ?? 0,
  };
}

export function wilayahRepository(db: Db) {
  return {
    async findByKode(kode: string): Promise<WilayahRow | null> {
      const rows = await db.select(columns).from(wilayah).where(eq(wilayah.kode, kode));
      return rows[0] ? toRow(rows[0]) : null;
    },

    async findMany(kodes: string[]): Promise<WilayahRow[]> {
      if (!kodes.length) return [];
      const rows = await db.select(columns).from(wilayah).where(inArray(wilayah.kode, kodes)).orderBy(asc(wilayah.kode));
      return rows.map(toRow);
    },

    /** Children of a wilayah, or the provinces when parent is null, ordered by kode. */
    async children(parent: string | null): Promise<WilayahRow[]> {
      const rows = await db.select(columns).from(wilayah)
        .where(parent === null ? isNull(wilayah.parentKode) : eq(wilayah.parentKode, parent))
        .orderBy(asc(wilayah.kode));
      return rows.map(toRow);
    },

    /** Display geometry of the children (only those that have one), as GeoJSON text. */
    async childGeometries(parent: string | null): Promise<{ kode: string; nama: string; geojson: string }[]> {
      return db.select({ kode: wilayah.kode, nama: wilayah.nama, geojson: wilayahGeometry.geojson })
        .from(wilayah)
        .innerJoin(wilayahGeometry, eq(wilayahGeometry.kode, wilayah.kode))
        .where(parent === null ? isNull(wilayah.parentKode) : eq(wilayah.parentKode, parent))
        .orderBy(asc(wilayah.kode));
    },

    /** Display geometry of the given wilayah (those that have one), as GeoJSON text. */
    async geometriesOf(kodes: string[]): Promise<{ kode: string; nama: string; geojson: string }[]> {
      if (!kodes.length) return [];
      return db.select({ kode: wilayah.kode, nama: wilayah.nama, geojson: wilayahGeometry.geojson })
        .from(wilayah)
        .innerJoin(wilayahGeometry, eq(wilayahGeometry.kode, wilayah.kode))
        .where(inArray(wilayah.kode, kodes))
        .orderBy(asc(wilayah.kode));
    },

    async latestImport() {
      const rows = await db.select().from(boundaryImport)
        .where(isNotNull(boundaryImport.finishedAt))
        .orderBy(desc(boundaryImport.id)).limit(1);
      return rows[0] ?? null;
    },

    /** Bounding box of everything (the provinces). */
    async extent(): Promise<Bbox | null> {
      const r = await db.execute<{ a: number | null; b: number | null; c: number | null; d: number | null }>(sql`
        select min(bbox[1]) a, min(bbox[2]) b, max(bbox[3]) c, max(bbox[4]) d
        from ${wilayah} where parent_kode is null and bbox is not null`);
      const row = r.rows[0];
      return row && row.a != null ? [row.a, row.b!, row.c!, row.d!] : null;
    },
  };
}

export type WilayahRepository = ReturnType<typeof wilayahRepository>;
