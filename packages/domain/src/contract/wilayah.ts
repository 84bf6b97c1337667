// HTTP contract for wilayah and geometry: validated and serialised by the API, typed for the web.
import { Type, type Static } from '@sinclair/typebox';

export const TingkatSchema = Type.Union([
  Type.Literal('provinsi'),
  Type.Literal('kabupaten'),
  Type.Literal('kecamatan'),
  Type.Literal('desa'),
]);

export const BboxSchema = Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()], {
  description: '[minLng, minLat, maxLng, maxLat]',
});

export const WilayahRefSchema = Type.Object({
  kode: Type.String(),
  nama: Type.String(),
  tingkat: TingkatSchema,
});

export const WilayahChildSchema = Type.Object({
  kode: Type.String(),
  nama: Type.String(),
  tingkat: TingkatSchema,
  /** false: no polygon in the boundary data ("tanpa batas peta"); still listed and usable. */
  hasGeometry: Type.Boolean(),
  childCount: Type.Integer(),
  bbox: Type.Union([BboxSchema, Type.Null()]),
  /** [lng, lat] inside the polygon, for the map label. */
  label: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()]),
});

export const WilayahSchema = Type.Object({
  kode: Type.String(),
  nama: Type.String(),
  tingkat: TingkatSchema,
  /** Ancestors from provinsi down to the direct parent. */
  parents: Type.Array(WilayahRefSchema),
  bbox: Type.Union([BboxSchema, Type.Null()]),
  label: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()]),
  hasGeometry: Type.Boolean(),
  childCount: Type.Integer(),
  childTingkat: Type.Union([TingkatSchema, Type.Null()]),
});

export const WilayahChildrenSchema = Type.Array(WilayahChildSchema);

export const MetaSchema = Type.Object({
  /** Part of every geometry URL: geometry is immutable for one version. */
  geometryVersion: Type.String(),
  /** Provinces whose desa are loaded; "all" for all of Indonesia. */
  desaProvinsi: Type.Array(Type.String()),
  /** The whole country: bbox of all provinces. */
  bbox: Type.Union([BboxSchema, Type.Null()]),
  boundarySource: Type.String(),
  kepmendagriRef: Type.String(),
  /**
   * The latest month with data (latestDataMonth): "2026-10". The map's default period, the meeting form and the planner
   * all start from it (January..this month).
   */
  latestMonth: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
});

/** Anonymous callers get `status` (and `message`) only when reading needs an account; versions are for who may read. */
export const HealthSchema = Type.Object({
  /** 'error' (HTTP 503) when the database does not answer. */
  status: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
  database: Type.Optional(Type.Union([Type.Literal('embedded'), Type.Literal('postgres')])),
  /** PostgreSQL server_version, e.g. "18.4"; null when unreachable. */
  databaseVersion: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** Version of this app (apps/api/package.json). */
  version: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
});

export const ErrorSchema = Type.Object({
  statusCode: Type.Integer(),
  code: Type.String(),
  error: Type.String(),
  /** Bahasa Indonesia, shown to the user as is. */
  message: Type.String(),
});

export type Bbox = Static<typeof BboxSchema>;
export type WilayahRef = Static<typeof WilayahRefSchema>;
export type WilayahChild = Static<typeof WilayahChildSchema>;
export type Wilayah = Static<typeof WilayahSchema>;
export type Meta = Static<typeof MetaSchema>;
export type Health = Static<typeof HealthSchema>;
export type ApiError = Static<typeof ErrorSchema>;

/**
 * Geometry of the children of a wilayah (or the provinces for ROOT) as a GeoJSON FeatureCollection.
 * Immutable: the URL holds the geometry version, so it is served with `Cache-Control: immutable`.
 * Each feature: `id` = kode, properties `{ kode, nama }`, geometry [lng, lat], simplified for the level.
 */
export const GEOMETRY_ROOT = 'indonesia';
export function childrenGeometryPath(version: string, kode: string | null): string {
  return `/api/geometry/${encodeURIComponent(version)}/${kode ?? GEOMETRY_ROOT}/children.geojson`;
}
