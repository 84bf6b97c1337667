// Wilayah kerja polygons: the desa of each puskesmas dissolved into one (multi)polygon, with a label point.
// The desa display geometries of a kabupaten come from one topology per province (data/importers/boundaries), so
// neighbouring desa share their edges exactly; rebuilding a topology from them and merging per puskesmas removes
// the inner edges without any polygon clipping of our own.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';

/** The parts of topojson-specification used here (a transitive type package, not a dependency of ours). */
type TopoGeometry = { type: string; properties?: { kode: string } };
type Topo = Parameters<typeof merge>[0] & { objects: { desa: { geometries: TopoGeometry[] } } };

export interface WilayahKerjaGroup {
  kode: string;
  nama: string;
  desa: string[];
  /** Desa whose assignment is still the unconfirmed proposal. */
  unconfirmed: number;
}

export interface WilayahKerjaFeatureProps {
  kode: string;
  nama: string;
  desa: number;
  unconfirmed: number;
  /** [lng, lat] inside the largest part, for the name. */
  label: [number, number] | null;
}

type Area = Polygon | MultiPolygon;

function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return Math.abs(sum / 2);
}

function labelPoint(geometry: Area): [number, number] | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = polygons.reduce<Position[][] | null>(
    (best, p) => (!best || ringArea(p[0]!) > ringArea(best[0]!) ? p : best),
    null,
  );
  if (!largest) return null;
  const point = polylabel(largest as [number, number][][], 1e-4);
  return [Number(point[0]!.toFixed(5)), Number(point[1]!.toFixed(5))];
}

/**
 * Desa of different kecamatan were simplified in different views, so their common border does not always match to
 * the vertex: the merge leaves thin gaps (small holes) and crumbs (tiny parts). A hole under 2 % of its polygon and a
 * part under 0.5 % of the largest one are such artefacts; an enclave desa or an island is larger and stays.
 */
export function withoutSlivers(polygons: Position[][][]): Position[][][] {
  const largest = Math.max(0, ...polygons.map((p) => ringArea(p[0]!)));
  return polygons
    .filter((p) => ringArea(p[0]!) >= largest * 0.005)
    .map((p) => [p[0]!, ...p.slice(1).filter((hole) => ringArea(hole) >= ringArea(p[0]!) * 0.02)]);
}

export function dissolveWilayahKerja(
  desa: { kode: string; geojson: string }[],
  groups: WilayahKerjaGroup[],
): FeatureCollection<Area, WilayahKerjaFeatureProps> {
  const features: Feature<Area, { kode: string }>[] = desa.map((d) => ({
    type: 'Feature',
    properties: { kode: d.kode },
    geometry: JSON.parse(d.geojson) as Area,
  }));
  const collection: FeatureCollection<Area, { kode: string }> = { type: 'FeatureCollection', features };
  const topo = topology({ desa: collection } as Parameters<typeof topology>[0]) as unknown as Topo;
  const byKode = new Map(topo.objects.desa.geometries.map((g: TopoGeometry) => [g.properties!.kode, g]));
  const out: Feature<Area, WilayahKerjaFeatureProps>[] = [];
  for (const group of groups) {
    const parts = group.desa
      .map((k) => byKode.get(k))
      .filter((g): g is NonNullable<typeof g> => !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon'));
    if (!parts.length) continue;
    const merged = withoutSlivers((merge(topo, parts as never) as MultiPolygon).coordinates);
    const geometry: Area =
      merged.length === 1
        ? { type: 'Polygon', coordinates: merged[0]! }
        : { type: 'MultiPolygon', coordinates: merged };
    out.push({
      type: 'Feature',
      properties: {
        kode: group.kode,
        nama: group.nama,
        desa: group.desa.length,
        unconfirmed: group.unconfirmed,
        label: labelPoint(geometry),
      },
      geometry,
    });
  }
  return { type: 'FeatureCollection', features: out };
}
