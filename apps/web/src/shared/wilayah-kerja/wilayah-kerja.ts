// The wilayah kerja of the puskesmas of one kabupaten/kota as polygons (desa dissolved per puskesmas by the server),
// shared by the planner's map and the main map's "Wilayah kerja puskesmas" view: one query (one cache entry, under
// the planner's 'rencana' keys so its writes refresh it) and the same names on the map.
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection, Geometry } from 'geojson';
import { getJson } from '../../api/client.ts';
import type { MapLabel } from '../../map/index.ts';

/** Properties of GET /api/rencana-ilp/wilayah-kerja.geojson (one feature per puskesmas). */
export interface WilayahKerjaProps {
  kode: string;
  nama: string;
  /** Desa in it today, and how many of them are still an unconfirmed proposal. */
  desa: number;
  unconfirmed: number;
  label: [number, number] | null;
}
export type WilayahKerjaCollection = FeatureCollection<Geometry, WilayahKerjaProps>;

/** The view kode handed to the map for the wilayah kerja of `kab` (the map's test hooks report it). */
export const wilayahKerjaViewKode = (kab: string) => `${kab}/wilayah-kerja`;

/** Changes with every move (the server revalidates by ETag). */
export const wilayahKerjaKey = (kab: string) => ['rencana', 'wilayah-kerja', kab] as const;

export function useWilayahKerjaGeometry(kab: string | null, enabled: boolean) {
  return useQuery({
    queryKey: wilayahKerjaKey(kab ?? ''),
    enabled: enabled && kab !== null,
    queryFn: ({ signal }) =>
      getJson<WilayahKerjaCollection>(`/api/rencana-ilp/wilayah-kerja.geojson?kabupaten=${kab}`, signal),
  });
}

/**
 * The name on the map without the leading "Puskesmas" (or "UPT/UPTD Puskesmas"): every polygon of this layer is a
 * puskesmas, and on a phone the prefix alone would fill the room a name has.
 */
export function shortName(nama: string): string {
  const rest = nama.replace(/^\s*(?:UPTD?\s+)?Puskesmas\s+/i, '').trim();
  return rest || nama;
}

/** A label per wilayah kerja with a label point; larger wilayah kerja (more desa) win when names collide. */
export function wilayahKerjaLabels(wilayahKerja: WilayahKerjaCollection): MapLabel[] {
  return wilayahKerja.features
    .filter((f) => f.properties.label)
    .map(({ properties: p }) => ({ kode: p.kode, nama: shortName(p.nama), lngLat: p.label!, priority: p.desa }));
}
