// HTTP contract for the boundary vector tiles ("Semua desa": every desa of a provinsi or of Indonesia on one map).
// Built once at boundary import and immutable per geometry version, like the GeoJSON views.

/** Zoom levels that have tiles. Below MIN the country is a few hundred pixels wide; above MAX MapLibre overzooms. */
export const TILE_MIN_ZOOM = 2;
export const TILE_MAX_ZOOM = 10;
/** Tiles are 512 px squares (MapLibre's `tileSize: 512`). */
export const TILE_SIZE = 512;

/** Source layers inside each tile. */
export const TILE_LAYER = {
  /** Polygons, one feature per desa (or per kecamatan/kabupaten without desa polygons), property `kode`. */
  desa: 'desa',
  /** Lines where the provinsi, kabupaten or kecamatan changes (property `tingkat`); coasts count as provinsi. */
  batas: 'batas',
} as const;

/** Which boundary lines a tile of zoom z holds: kabupaten from 5, kecamatan from 8 (thinner lines earlier only add bytes). */
export const BATAS_MIN_ZOOM = { provinsi: TILE_MIN_ZOOM, kabupaten: 5, kecamatan: 8 } as const;
export type BatasTingkat = keyof typeof BATAS_MIN_ZOOM;

/** Zoom from which desa outlines are drawn (before it, desa are a colour mosaic under the kabupaten lines). */
export const DESA_OUTLINE_MIN_ZOOM = 9;

export function tilePath(version: string, z: number | string, x: number | string, y: number | string): string {
  return `/api/tiles/${encodeURIComponent(version)}/${z}/${x}/${y}.mvt`;
}

/** The URL template MapLibre fills in. */
export function tileUrlTemplate(version: string, origin = ''): string {
  return `${origin}${tilePath(version, '{z}', '{x}', '{y}')}`;
}

/** A tile address inside the tiled zoom range and the world. */
export function isTileInRange(z: number, x: number, y: number): boolean {
  if (!Number.isInteger(z) || !Number.isInteger(x) || !Number.isInteger(y)) return false;
  if (z < TILE_MIN_ZOOM || z > TILE_MAX_ZOOM) return false;
  const n = 2 ** z;
  return x >= 0 && y >= 0 && x < n && y < n;
}
