// From one province's shared topology (the desa polygons the importer dissolves into kecamatan, kabupaten and
// provinsi) to the features of every tile zoom — PURE. Each zoom cuts the SAME arcs at one Visvalingam threshold
// (half a pixel of that zoom), so two neighbouring desa are simplified identically along their shared border
// and the kecamatan/kabupaten lines follow the desa edges: no holes or slivers at any zoom.
// Arcs are projected to Web Mercator once per province; each zoom only filters their points by weight.
import { BATAS_MIN_ZOOM, TILE_SIZE } from '@peta/domain/contract';
import { decodePolygons, polygonsOf, type TileSource } from '../build-geometry.ts';
import { mercatorX, mercatorY, type TileSet } from './tile-set.ts';

/** Simplification per zoom, in pixels of that zoom (Visvalingam effective area = (px·tolerance)²). */
export const TILE_TOLERANCE_PX = 0.5;

/** Degrees of longitude per pixel at zoom z (512-px tiles). */
export const degPerPx = (z: number) => 360 / (TILE_SIZE * 2 ** z);

interface ProjectedArc {
  /** World coordinates [x0, y0, x1, y1, …] in [0, 1]. */
  xy: Float64Array;
  /** Visvalingam weight per point (degrees²; Infinity at the arc's ends). */
  weight: Float64Array;
}

function projectArcs(arcs: number[][][]): ProjectedArc[] {
  return arcs.map((arc) => {
    const xy = new Float64Array(arc.length * 2);
    const weight = new Float64Array(arc.length);
    arc.forEach((p, i) => {
      xy[2 * i] = mercatorX(p[0]!);
      xy[2 * i + 1] = mercatorY(p[1]!);
      weight[i] = p[2] ?? Infinity;
    });
    return { xy, weight };
  });
}

/** Scratch space of `ringAt`, grown as needed (one exact-size copy per ring instead of a growing array and a copy). */
let ringScratch = new Float64Array(4096);

/** A ring of arc indexes at a weight threshold, as an open flat ring (no closing point, no repeated points). */
function ringAt(arcs: ProjectedArc[], ring: number[], minWeight: number, heaviest = 0): Float64Array {
  let capacity = 0;
  for (const index of ring) capacity += arcs[index < 0 ? ~index : index]!.xy.length;
  if (ringScratch.length < capacity) ringScratch = new Float64Array(capacity * 2);
  const out = ringScratch;
  let len = 0;
  let lx = NaN,
    ly = NaN;
  let limit = minWeight;
  if (heaviest) {
    // The ring through its `heaviest` points (arc ends excepted): for rings that simplification reduces to a line.
    limit = kthLargestFinite(ring, arcs, heaviest);
  }
  for (const index of ring) {
    const { xy, weight } = arcs[index < 0 ? ~index : index]!;
    const n = weight.length;
    for (let k = 0; k < n; k++) {
      const i = index < 0 ? n - 1 - k : k;
      if (weight[i]! < limit) continue;
      const x = xy[2 * i]!,
        y = xy[2 * i + 1]!;
      if (x === lx && y === ly) continue;
      out[len++] = x;
      out[len++] = y;
      lx = x;
      ly = y;
    }
  }
  if (len >= 4 && out[0] === lx && out[1] === ly) len -= 2;
  return out.slice(0, len);
}

/**
 * The k-th largest finite weight of a ring's points (the smallest of them when there are fewer; Infinity when there is
 * none): what sorting all weights and taking the k-th did, without the sort — at low zooms most desa take this path.
 */
export function kthLargestFinite(ring: number[], arcs: { weight: Float64Array }[], k: number): number {
  const top: number[] = []; // the k largest so far, descending
  for (const index of ring) {
    for (const v of arcs[index < 0 ? ~index : index]!.weight) {
      if (!Number.isFinite(v)) continue;
      if (top.length === k && v <= top[k - 1]!) continue;
      let i = top.length === k ? k - 1 : top.length;
      while (i > 0 && top[i - 1]! < v) {
        top[i] = top[i - 1]!;
        i--;
      }
      top[i] = v;
    }
  }
  return top.length ? top[top.length - 1]! : Infinity;
}

/** |area| of an open flat ring (world units²). */
function areaOf(ring: Float64Array): number {
  let a = 0;
  const n = ring.length >> 1;
  for (let i = 0, j = n - 1; i < n; j = i++) a += ring[2 * j]! * ring[2 * i + 1]! - ring[2 * i]! * ring[2 * j + 1]!;
  return Math.abs(a) / 2;
}

/**
 * One unit at a weight threshold. Unlike the GeoJSON views, every desa stays (its largest part at least, however
 * small: the map is "every desa coloured"), and a ring that simplification reduces to a line — an island or an
 * enclave drawn as one arc — keeps its few heaviest points instead of all of them. Smaller parts and holes under
 * `minArea` (world units²) are dropped: the enclave that fills such a hole is drawn anyway.
 */
export function unitAt(
  arcs: ProjectedArc[],
  polygons: number[][][],
  minWeight: number,
  minArea: number,
): Float64Array[][] {
  const parts: { area: number; rings: Float64Array[] }[] = [];
  for (const polygon of polygons) {
    let shell = ringAt(arcs, polygon[0] ?? [], minWeight);
    let area = shell.length >= 6 ? areaOf(shell) : 0;
    if (area === 0) {
      shell = ringAt(arcs, polygon[0] ?? [], minWeight, 4);
      area = shell.length >= 6 ? areaOf(shell) : 0;
      if (area === 0) continue;
    }
    const rings = [shell];
    for (let h = 1; h < polygon.length; h++) {
      const hole = ringAt(arcs, polygon[h]!, minWeight);
      if (hole.length >= 6 && areaOf(hole) >= minArea) rings.push(hole);
    }
    parts.push({ area, rings });
  }
  if (!parts.length) return [];
  const largest = parts.reduce((a, b) => (b.area > a.area ? b : a));
  return parts.filter((p) => p === largest || p.area >= minArea).map((p) => p.rings);
}

/** Adds the desa polygons and the boundary lines of one province to every zoom of the tile set. */
export function addProvinceToTiles(tiles: TileSet, source: TileSource, tolerancePx = TILE_TOLERANCE_PX) {
  const { topo, units, outlines } = source;
  const arcs = projectArcs(topo.arcs);
  const lines = new Map<string, Float64Array[]>();
  const outlineAt = (outline: TileSource['outlines'][number], z: number): Float64Array[] => {
    const key = `${outline.kode}|${z}`;
    let flat = lines.get(key);
    if (flat) return flat;
    const px = degPerPx(z);
    const geometry = decodePolygons(topo, outline.polygons, {
      minWeight: (tolerancePx * px) ** 2,
      minArea: (0.5 * px) ** 2,
      round: false,
      px,
    });
    const rings = geometry ? (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flat() : [];
    flat = rings.map((ring) => {
      const out = new Float64Array(ring.length * 2);
      ring.forEach((p, i) => {
        out[2 * i] = mercatorX(p[0]!);
        out[2 * i + 1] = mercatorY(p[1]!);
      });
      return out;
    });
    lines.set(key, flat);
    return flat;
  };
  const unitPolygons = units.map((_, u) => polygonsOf(topo.objects[u]!));
  const { minZoom, maxZoom } = tiles.options;
  for (let z = minZoom; z <= maxZoom; z++) {
    const px = degPerPx(z);
    const minWeight = (tolerancePx * px) ** 2;
    const worldPx = 1 / (TILE_SIZE * 2 ** z);
    units.forEach((unit, u) => {
      const parts = unitAt(arcs, unitPolygons[u]!, minWeight, (0.5 * worldPx) ** 2);
      if (parts.length) tiles.addPolygon(z, unit.kode, parts);
    });
    // Boundary lines are the outlines of the dissolved kecamatan, kabupaten and provinsi on the same arcs, so they
    // run along the desa edges. Dissolving leaves cracks where upstream neighbours do not share every vertex;
    // `px` zips them as in the GeoJSON views (despike, sliver holes dropped). A line is decoded for every second
    // zoom and reused one zoom deeper (1 px there instead of ½): lines are thin, the fills carry the detail.
    const lineZoom = z - ((z - minZoom) % 2);
    if (lineZoom === z) lines.clear();
    for (const outline of outlines) {
      if (z < BATAS_MIN_ZOOM[outline.tingkat]) continue;
      tiles.addLines(z, outline.tingkat, outlineAt(outline, lineZoom));
    }
  }
}
