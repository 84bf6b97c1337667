// Boundary geometry as the map fetches it: the children of a wilayah and all desa of a kabupaten as GeoJSON
// FeatureCollections, and the vector tiles of "Semua desa". Geometry is immutable per geometry version (a boundary
// import writes a new one), so every answer here is a pure function of the version and the address: the API keeps
// the bytes (gzipped once) and serves them under URLs that carry the version. Building a collection concatenates the
// stored GeoJSON text of each wilayah, never parsing it.
import { isTileInRange, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from '@peta/domain/contract';
import { notFound } from '../errors.ts';
import type { TilesRepository } from './tiles-repository.ts';
import type { WilayahRepository } from './wilayah-repository.ts';

const INTEGER = /^(0|[1-9]\d{0,6})$/;

function featureCollection(rows: { kode: string; nama: string; geojson: string }[]): Buffer {
  const features = rows.map(
    (r) =>
      `{"type":"Feature","properties":{"kode":${JSON.stringify(r.kode)},"nama":${JSON.stringify(r.nama)}},"geometry":${r.geojson}}`,
  );
  return Buffer.from(`{"type":"FeatureCollection","features":[${features.join(',')}]}`);
}

export function geometryService(wilayah: WilayahRepository, tiles: TilesRepository) {
  return {
    /** The geometry version of the last finished boundary import; 404 before the first one. */
    async currentVersion(): Promise<string> {
      const version = (await wilayah.latestImport())?.geometryVersion;
      if (!version) throw notFound('Batas wilayah belum diimpor.');
      return version;
    },

    /** The children of a wilayah (null: the provinces) that have a geometry, by kode. */
    async children(parent: string | null): Promise<Buffer> {
      return featureCollection(await wilayah.childGeometries(parent));
    },

    /** Every desa of a kabupaten/kota in one collection (the planner's map). */
    async desaOf(kabupaten: string): Promise<Buffer> {
      return featureCollection(await wilayah.desaGeometriesUnder(kabupaten));
    },

    /** z/x/y as the URL spells them → numbers in the tile pyramid, else 404 (zoom TILE_MIN_ZOOM..TILE_MAX_ZOOM). */
    tileAddress(zText: string, xText: string, yText: string): { z: number; x: number; y: number } {
      const [z, x, y] = [zText, xText, yText].map((v) => (INTEGER.test(v) ? Number(v) : NaN)) as [
        number,
        number,
        number,
      ];
      if (!isTileInRange(z, x, y)) {
        throw notFound(
          `Petak ${zText}/${xText}/${yText} tidak ada: zoom ${TILE_MIN_ZOOM}–${TILE_MAX_ZOOM}, x dan y 0 sampai 2^zoom − 1.`,
        );
      }
      return { z, x, y };
    },

    /** One vector tile of this geometry version, gzip-compressed MVT as stored; null when it holds no land. */
    async tile(version: string, z: number, x: number, y: number): Promise<Buffer | null> {
      return tiles.tile(version, z, x, y);
    },
  };
}

export type GeometryService = ReturnType<typeof geometryService>;
