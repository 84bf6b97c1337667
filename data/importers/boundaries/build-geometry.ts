// From parsed upstream records to wilayah rows with display geometry — PURE: no IO, no clock, no randomness.
//
// Per province one TopoJSON topology is built from its base units: the desa polygons (provinces whose desa
// layer is loaded) or the upstream kecamatan polygons (other provinces). Neighbours share vertices exactly,
// so `topojson-server` turns shared borders into shared arcs; `mergeArcs` dissolves units into kecamatan,
// kabupaten and provinsi along those arcs; Visvalingam weights (`presimplify`) let us cut every arc at a
// per-view threshold, so neighbours drawn together are simplified identically (no slivers, no overlaps).
// The 38 provinces are then put into one national topology (stage 2) and simplified for the national view.
//
// Each wilayah keeps ONE display geometry, simplified for the zoom at which it is drawn as a child of its
// parent: the parent's bbox fitted into a VIEW of 1200×800 px, a tolerance in pixels per tingkat, and a gzip
// budget per view (the threshold is doubled until the view fits).
import { gzipSync } from 'node:zlib';
import polylabel from 'polylabel';
import { topology as buildTopology } from 'topojson-server';
import { presimplify } from 'topojson-simplify';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { ancestorAt, parentOf, tingkatOf, type Tingkat } from '@peta/domain';
import type { Bbox, WilayahChild } from '@peta/domain/contract';
import type { CodeEntry } from './code-list.ts';
import type { UpstreamRecord } from './parse-upstream-sql.ts';
import { pointInRing, polygonProblems, repairSelfTouches, ringArea2 } from './validity.ts';

export type { Bbox };
export type Origin = 'desa' | 'dissolved' | 'upstream';
export type AreaGeometry = Polygon | MultiPolygon;

/**
 * A wilayah as the importer builds it: the row the API reads (a contract child and its parent) and its geometry. The
 * bbox is the full-resolution shape's; the label the pole of inaccessibility of the display polygon's largest part.
 */
export interface WilayahRow extends WilayahChild {
  parentKode: string | null;
  /** Display geometry, [lng, lat], coordinates rounded to 5 decimals; null without polygon. */
  geometry: AreaGeometry | null;
  /** `JSON.stringify(geometry)`, computed once (what the database stores). */
  geojson: string | null;
  vertexCount: number;
  origin: Origin | null;
  inCodeList: boolean;
}

export type IssueKind =
  | 'crossing'
  | 'self-touch'
  | 'hole-outside-shell'
  | 'nested-shells'
  | 'unclosed-ring'
  | 'degenerate-ring'
  | 'duplicate-points';

/** Kinds that make a polygon invalid (OGC); the others are small clean-ups. */
export const INVALID_KINDS: readonly IssueKind[] = ['crossing', 'self-touch', 'hole-outside-shell', 'nested-shells'];

export interface GeometryIssue {
  kode: string;
  layer: 'prov' | 'kab' | 'kec' | 'desa';
  kind: IssueKind;
  repaired: boolean;
  /** [lng, lat] of the problem when known. */
  at?: [number, number];
  detail?: string;
}

export type ViewKind =
  | 'provinsi-indonesia'
  | 'kabupaten-provinsi'
  | 'kecamatan-kabupaten'
  | 'desa-kecamatan'
  | 'desa-kabupaten';

export interface ViewStat {
  view: ViewKind;
  /** Parent whose children make up the view ("indonesia" for the provinces). */
  parentKode: string;
  features: number;
  vertices: number;
  /** Bytes of the FeatureCollection of the children with properties {kode, nama}. */
  bytes: number;
  /**
   * gzip size (zlib default level); measured when the view approaches its budget, else estimated (from the raw size
   * far below the budget, or the fastest level's size — an upper bound — below it).
   */
  gzipBytes: number;
  gzipMeasured: boolean;
  /** Visvalingam area threshold used (degrees²). */
  minWeight: number;
}

export interface SimplifyParams {
  /** Map size the parent's bbox is fitted into. */
  viewWidth: number;
  viewHeight: number;
  /** Tolerance in pixels of the parent's view, per tingkat of the child: weight = (px · degPerPx)². */
  tolerancePx: Record<Tingkat, number>;
  /** Rings (islands, holes) smaller than (px · degPerPx)² are dropped; the largest part always stays. */
  minRingPx: number;
  /** gzip budgets per view, bytes. */
  budget: { national: number; kabupatenOfProvinsi: number; kecamatanOfKabupaten: number; desaOfKabupaten: number };
  /** Keep views under this fraction of their budget (margin for the API's own serialisation). */
  budgetFill: number;
}

export const DEFAULT_SIMPLIFY: SimplifyParams = {
  viewWidth: 1200,
  viewHeight: 800,
  tolerancePx: { provinsi: 0.6, kabupaten: 0.5, kecamatan: 0.4, desa: 0.25 },
  minRingPx: 1,
  budget: { national: 400_000, kabupatenOfProvinsi: 150_000, kecamatanOfKabupaten: 100_000, desaOfKabupaten: 300_000 },
  budgetFill: 0.9,
};

export interface ProvinceInput {
  /** Kode provinsi, e.g. "12". */
  kode: string;
  /** true: desa polygons are the base units; false: upstream kecamatan polygons. */
  withDesa: boolean;
  prov?: UpstreamRecord;
  kab: UpstreamRecord[];
  kec: UpstreamRecord[];
  desa: UpstreamRecord[];
}

export interface BuildOptions {
  /** Official code list (all levels), for names, parents and in_code_list. */
  codes: Map<string, CodeEntry>;
  simplify?: Partial<SimplifyParams>;
}

/** What stage 2 needs from a province. */
export interface ProvinceShape {
  kode: string;
  nama: string;
  inCodeList: boolean;
  /** Full-resolution dissolved (or upstream) shape, not rounded. */
  geometry: AreaGeometry | null;
  bbox: Bbox | null;
  origin: Origin | null;
  childCount: number;
}

export interface ProvinceResult {
  /** kabupaten, kecamatan and desa rows of the province (the provinsi row comes from buildNational). */
  rows: WilayahRow[];
  shape: ProvinceShape;
  issues: GeometryIssue[];
  views: ViewStat[];
  /** Kecamatan whose shape fell back to the upstream layer (no desa polygon at all). */
  fallbacks: { kode: string; tingkat: Tingkat }[];
  /** Provinces with desa: the shared topology of their desa, for the vector tiles (tiles/tile-features.ts). */
  tileSource: TileSource | null;
}

/** The base units of a province (desa, or a kecamatan/kabupaten without desa polygons) in one topology. */
export interface TileSource {
  topo: BuiltTopology;
  /** Unit i is topo.objects[i]. */
  units: { kode: string }[];
  /** The province, its kabupaten and kecamatan dissolved on the same topology (arc indexes), for boundary lines. */
  outlines: { kode: string; tingkat: 'provinsi' | 'kabupaten' | 'kecamatan'; polygons: PolygonArcs[] }[];
}

export interface NationalResult {
  rows: WilayahRow[];
  views: ViewStat[];
  bbox: Bbox | null;
}

// ---------------------------------------------------------------------------------------------------------
// Cleaning and validity

interface Cleaned {
  geometry: AreaGeometry | null;
  issues: GeometryIssue[];
}

/**
 * Close open rings, drop consecutive duplicate points and rings with fewer than 3 distinct points,
 * detect crossings and self-touching rings; split self-touching rings into simple loops (no new vertices).
 */
export function cleanGeometry(kode: string, layer: GeometryIssue['layer'], geometry: AreaGeometry | null): Cleaned {
  const issues: GeometryIssue[] = [];
  if (!geometry) return { geometry: null, issues };
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const out: Position[][][] = [];
  let unclosed = 0,
    degenerate = 0,
    duplicates = 0;
  for (const part of parts) {
    const rings: Position[][] = [];
    part.forEach((ring, r) => {
      const clean: Position[] = [];
      for (const p of ring) {
        const last = clean[clean.length - 1];
        if (last && last[0] === p[0] && last[1] === p[1]) {
          duplicates++;
          continue;
        }
        clean.push(p);
      }
      const first = clean[0];
      const last = clean[clean.length - 1];
      if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
        unclosed++;
        clean.push([first[0]!, first[1]!]);
      }
      if (clean.length < 4) {
        degenerate++;
        if (r === 0) rings.length = 0; // no shell: drop the whole part
        return;
      }
      if (r > 0 && rings.length === 0) return; // holes of a dropped shell
      rings.push(clean);
    });
    if (rings.length) out.push(rings);
  }
  if (unclosed)
    issues.push({ kode, layer, kind: 'unclosed-ring', repaired: true, detail: `${unclosed} cincin ditutup` });
  if (degenerate)
    issues.push({
      kode,
      layer,
      kind: 'degenerate-ring',
      repaired: true,
      detail: `${degenerate} cincin < 3 titik dibuang`,
    });
  if (duplicates)
    issues.push({
      kode,
      layer,
      kind: 'duplicate-points',
      repaired: true,
      detail: `${duplicates} titik ganda berurutan dibuang`,
    });

  // A "hole" outside its shell is an island written as an extra ring of a Polygon: make it its own part.
  const separated: Position[][][] = [];
  let movedOut = 0;
  let movedAt: [number, number] | undefined;
  for (const [shell, ...holes] of out) {
    const kept = [shell!];
    const extra: Position[][][] = [];
    for (const hole of holes) {
      if (mostlyOutside(hole, shell!)) {
        extra.push([hole]);
        movedOut++;
        movedAt ??= [hole[0]![0]!, hole[0]![1]!];
      } else {
        kept.push(hole);
      }
    }
    separated.push(kept, ...extra);
  }
  if (movedOut) {
    issues.push({
      kode,
      layer,
      kind: 'hole-outside-shell',
      repaired: true,
      at: roundPoint(movedAt!),
      detail: `${movedOut} cincin "lubang" di luar cincin luarnya dijadikan bagian (pulau) sendiri`,
    });
  }

  const fixed: Position[][][] = [];
  for (const rings of separated) {
    const problems = polygonProblems(rings);
    if (problems.crossings.length) {
      issues.push({
        kode,
        layer,
        kind: 'crossing',
        repaired: false,
        at: roundPoint(problems.crossings[0]!),
        detail: `${problems.crossings.length}${problems.crossings.length >= 10 ? '+' : ''} perpotongan sisi`,
      });
    }
    if (problems.touches.length && !problems.crossings.length) {
      const touching = new Set(problems.touches.map((t) => t.ring));
      const repaired = repairSelfTouches(rings, touching);
      issues.push({
        kode,
        layer,
        kind: 'self-touch',
        repaired: true,
        at: roundPoint(problems.touches[0]!.at),
        detail: `cincin menyentuh dirinya sendiri di ${problems.touches.length} titik; dipecah menjadi ${repaired.length} poligon`,
      });
      fixed.push(...repaired);
    } else {
      if (problems.touches.length) {
        issues.push({ kode, layer, kind: 'self-touch', repaired: false, at: roundPoint(problems.touches[0]!.at) });
      }
      fixed.push(rings);
    }
  }
  let partsCross = false;
  if (fixed.length > 1) {
    // Parts of a MultiPolygon must not cross each other: test all shells in one sweep (ring = part).
    const between = polygonProblems(
      fixed.map((rings) => rings[0]!),
      10,
    ).crossings;
    partsCross = between.length > 0;
    if (partsCross) {
      issues.push({
        kode,
        layer,
        kind: 'crossing',
        repaired: false,
        at: roundPoint(between[0]!),
        detail: `bagian-bagian MultiPolygon saling berpotongan (${between.length}${between.length >= 10 ? '+' : ''} titik)`,
      });
    }
  }
  if (fixed.length > 1) {
    // A part lying inside another part (OGC "nested shells"): its area is already covered, so when no
    // parts cross, dropping it leaves the union unchanged.
    const boxes = fixed.map((rings) => bboxOf({ type: 'Polygon', coordinates: [rings[0]!] })!);
    const dropped = new Set<number>();
    let nestedAt: [number, number] | undefined;
    for (let i = 0; i < fixed.length; i++) {
      const bi = boxes[i]!;
      for (let j = 0; j < fixed.length; j++) {
        const bj = boxes[j]!;
        if (i === j || dropped.has(j) || bi[0] < bj[0] || bi[1] < bj[1] || bi[2] > bj[2] || bi[3] > bj[3]) continue;
        // Inside j's shell and not inside one of j's holes (an island in a lake is fine).
        if (
          !mostlyOutside(fixed[i]![0]!, fixed[j]![0]!) &&
          fixed[j]!.slice(1).every((hole) => mostlyOutside(fixed[i]![0]!, hole))
        ) {
          dropped.add(i);
          nestedAt ??= [fixed[i]![0]![0]![0]!, fixed[i]![0]![0]![1]!];
          break;
        }
      }
    }
    if (dropped.size) {
      issues.push({
        kode,
        layer,
        kind: 'nested-shells',
        repaired: !partsCross,
        at: roundPoint(nestedAt!),
        detail: `${dropped.size} bagian terletak di dalam bagian lain${partsCross ? '' : '; dibuang (luasnya sudah tercakup)'}`,
      });
      if (!partsCross) {
        const kept = fixed.filter((_, i) => !dropped.has(i));
        fixed.length = 0;
        fixed.push(...kept);
      }
    }
  }
  if (!fixed.length) return { geometry: null, issues };
  return {
    geometry:
      fixed.length === 1 ? { type: 'Polygon', coordinates: fixed[0]! } : { type: 'MultiPolygon', coordinates: fixed },
    issues,
  };
}

/** Most of a few sample vertices of `ring` lie outside `shell` (vertices on the shell count as inside). */
function mostlyOutside(ring: Position[], shell: Position[]): boolean {
  const n = ring.length - 1;
  const samples = Math.min(n, 7);
  let outside = 0;
  for (let k = 0; k < samples; k++) {
    const p = ring[Math.floor((k * n) / samples)]!;
    if (!pointInRing(p[0]!, p[1]!, shell) && !onRing(p, shell)) outside++;
  }
  return outside * 2 > samples;
}

function onRing(p: Position, ring: Position[]): boolean {
  for (const q of ring) if (q[0] === p[0] && q[1] === p[1]) return true;
  return false;
}

export function bboxOf(geometry: AreaGeometry | null): Bbox | null {
  if (!geometry) return null;
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const part of parts) {
    for (const p of part[0] ?? []) {
      const x = p[0]!,
        y = p[1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return minX <= maxX ? [minX, minY, maxX, maxY] : null;
}

function unionBbox(a: Bbox | null, b: Bbox | null): Bbox | null {
  if (!a) return b;
  if (!b) return a;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
const roundPoint = (p: [number, number]): [number, number] => [round5(p[0]), round5(p[1])];

// ---------------------------------------------------------------------------------------------------------
// Topology helpers

type Arcs = number[][][]; // arc → points [x, y, weight]
export type PolygonArcs = number[][]; // rings → arc indexes (negative = reversed: ~i)

export interface Topo {
  arcs: Arcs;
  /** Node id of the first and last point of each arc (points compared exactly). */
  arcStart: Int32Array;
  arcEnd: Int32Array;
  /** Σ (x_i·y_{i+1} − x_{i+1}·y_i) along each arc: a ring's doubled signed area is the sum over its arcs. */
  arcCross: Float64Array;
}

interface DecodeOptions {
  minWeight: number;
  /** Rings with |area| below this (degrees²) are dropped; the largest part is always kept. */
  minArea: number;
  round: boolean;
  /** Size of a pixel of the view (degrees): spikes narrower than this are zipped, holes thinner dropped. 0 = off. */
  px: number;
}

/** Scratch of `despike`: its kept points' coordinates. */
let despikeX = new Float64Array(1024),
  despikeY = new Float64Array(1024);

/**
 * Remove hair-line spikes and cracks narrower than `px`: when the outline comes back to within `px` of one
 * of its last segments (seen from beside it), and everything it drew since then is thinner than half a
 * pixel on average (2·area/perimeter), that excursion is cut off. This zips closed the cracks a dissolve
 * leaves where two desa borders do not share every vertex, and dangling lines that go out and back.
 * No vertex is created; the test does not depend on the direction of travel, so a shared arc is treated
 * alike in both neighbours.
 */
export function despike(ring: Position[], px: number, lookBack = 16): Position[] {
  if (px <= 0 || ring.length < 5) return ring;
  const px2 = px * px;
  const far = 2 * px;
  // The kept points as parallel coordinate arrays (the test reads up to `lookBack` segments per point, and
  // Position arrays cost a pointer chase each) plus the points themselves, which are returned as they are.
  // Module scratch, grown as needed: a pair of typed arrays per call would be off-heap memory churned per ring.
  if (despikeX.length < ring.length) {
    despikeX = new Float64Array(ring.length * 2);
    despikeY = new Float64Array(ring.length * 2);
  }
  const sx = despikeX,
    sy = despikeY;
  /** One pass over `count` points of `points`, starting at `from` and wrapping around. */
  const pass = (points: Position[], count: number, from: number): Position[] => {
    const sp: Position[] = [];
    let len = 0;
    for (let i = 0, at = from; i < count; i++, at = at + 1 === count ? 0 : at + 1) {
      const c = points[at]!;
      const cx = c[0]!,
        cy = c[1]!;
      for (let j = len - 2; j >= 0 && j >= len - 1 - lookBack; j--) {
        const ax = sx[j]!,
          ay = sy[j]!,
          bx = sx[j + 1]!,
          by = sy[j + 1]!;
        // c more than 2 px beside the segment's box is more than px from any point of it (the test below would
        // `continue` too): skip the division. 2 px, not 1, so rounding in q cannot matter.
        if (
          (cx < ax - far && cx < bx - far) ||
          (cx > ax + far && cx > bx + far) ||
          (cy < ay - far && cy < by - far) ||
          (cy > ay + far && cy > by + far)
        )
          continue;
        const dx = bx - ax,
          dy = by - ay;
        const len2 = dx * dx + dy * dy;
        if (len2 === 0) continue;
        const t = ((cx - ax) * dx + (cy - ay) * dy) / len2;
        if (t < 0 || t >= 1) continue;
        const qx = ax + t * dx,
          qy = ay + t * dy; // c seen from beside segment a–b
        if ((cx - qx) ** 2 + (cy - qy) ** 2 >= px2) continue;
        // Excursion q → b → … → top → c → q: thin enough to be a crack?
        let area2 = 0,
          perimeter = 0,
          px0 = qx,
          py0 = qy;
        for (let k = j + 1; k <= len + 1; k++) {
          const x = k < len ? sx[k]! : k === len ? cx : qx;
          const y = k < len ? sy[k]! : k === len ? cy : qy;
          area2 += px0 * y - x * py0;
          perimeter += Math.hypot(x - px0, y - py0);
          px0 = x;
          py0 = y;
        }
        if (perimeter > 0 && Math.abs(area2) / perimeter >= px / 2) continue;
        len = j + 1;
        break;
      }
      if (len > 0 && sx[len - 1] === cx && sy[len - 1] === cy) continue;
      sx[len] = cx;
      sy[len] = cy;
      sp[len] = c;
      len++;
    }
    sp.length = len;
    return sp;
  };
  // Open ring (without the closing point), then once more rotated by half so the seam is checked too.
  let open = pass(ring, ring.length - 1, 0);
  if (open.length >= 3) {
    const first = open[0]!;
    open = pass(open, open.length, open.length >> 1);
    const at = open.indexOf(first); // keep the original starting point when it survived
    if (at > 0) open = [...open.slice(at), ...open.slice(0, at)];
  }
  if (open.length < 3) return [];
  open.push(open[0]!);
  return open;
}

export function decodeRing(topo: Topo, ring: number[], minWeight: number, round: boolean): Position[] {
  const out: Position[] = [];
  let lx = NaN,
    ly = NaN;
  for (const index of ring) {
    const reversed = index < 0;
    const arc = topo.arcs[reversed ? ~index : index]!;
    const n = arc.length;
    for (let k = 0; k < n; k++) {
      const p = arc[reversed ? n - 1 - k : k]!;
      if (!(p[2]! >= minWeight)) continue;
      let x = p[0]!,
        y = p[1]!;
      if (round) {
        x = round5(x);
        y = round5(y);
      }
      if (x === lx && y === ly) continue;
      out.push([x, y]);
      lx = x;
      ly = y;
    }
  }
  if (out.length) {
    const f = out[0]!,
      l = out[out.length - 1]!;
    if (f[0] !== l[0] || f[1] !== l[1]) out.push([f[0]!, f[1]!]);
  }
  return out;
}

/** One arc as a line at a weight threshold (its two end points are always kept). */
export function decodeArc(topo: Topo, arc: number, minWeight: number): Position[] {
  const out: Position[] = [];
  for (const p of topo.arcs[arc]!) if (p[2]! >= minWeight) out.push([p[0]!, p[1]!]);
  return out;
}

/** Polygons given as arc indexes → GeoJSON at a weight threshold, holes and tiny parts filtered, rewound. */
export function decodePolygons(topo: Topo, polygons: PolygonArcs[], o: DecodeOptions): AreaGeometry | null {
  const parts: Position[][][] = [];
  let best: { area: number; polygon: PolygonArcs } | null = null;
  for (const polygon of polygons) {
    const shell = despike(decodeRing(topo, polygon[0] ?? [], o.minWeight, o.round), o.px);
    const area = shell.length >= 4 ? Math.abs(ringArea2(shell)) / 2 : 0;
    if (!best || area > best.area) best = { area, polygon };
    if (shell.length < 4 || area < o.minArea || area === 0) continue;
    const rings = [orient(shell, true)];
    for (let h = 1; h < polygon.length; h++) {
      const hole = despike(decodeRing(topo, polygon[h]!, o.minWeight, o.round), o.px);
      if (hole.length < 4) continue;
      const holeArea = Math.abs(ringArea2(hole)) / 2;
      if (holeArea < o.minArea || holeArea === 0) continue;
      // A sliver (mean width 2·area/perimeter under half a pixel) is a crack between units, not a hole.
      if (o.px > 0 && (2 * holeArea) / perimeterOf(hole) < o.px / 2) continue;
      rings.push(orient(hole, false));
    }
    parts.push(rings);
  }
  if (!parts.length) {
    if (!best) return null;
    // Everything is below the view's threshold: keep the largest shell, unsimplified, so the wilayah stays visible.
    const shell = decodeRing(topo, best.polygon[0] ?? [], -Infinity, o.round);
    if (shell.length < 4 || ringArea2(shell) === 0) return null;
    parts.push([orient(shell, true)]);
  }
  return parts.length === 1
    ? { type: 'Polygon', coordinates: parts[0]! }
    : { type: 'MultiPolygon', coordinates: parts };
}

function perimeterOf(ring: Position[]): number {
  let p = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    p += Math.hypot(ring[i + 1]![0]! - ring[i]![0]!, ring[i + 1]![1]! - ring[i]![1]!);
  return p;
}

/** RFC 7946: shells counter-clockwise, holes clockwise. Reverses in place: callers pass rings they just decoded. */
function orient(ring: Position[], shell: boolean): Position[] {
  const ccw = ringArea2(ring) > 0;
  return ccw === shell ? ring : ring.reverse();
}

export function polygonsOf(object: { type: string | null; arcs?: unknown }): PolygonArcs[] {
  if (object.type === 'Polygon') return [object.arcs as PolygonArcs];
  if (object.type === 'MultiPolygon') return object.arcs as PolygonArcs[];
  return [];
}

function vertexCountOf(geometry: AreaGeometry | null): number {
  if (!geometry) return 0;
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let n = 0;
  for (const part of parts) for (const ring of part) n += ring.length;
  return n;
}

interface Unit {
  /** The wilayah this polygon stands for (desa, or kecamatan / kabupaten / provinsi fallback). */
  kode: string;
  geometry: AreaGeometry;
  bbox: Bbox;
  origin: Origin;
}

export interface BuiltTopology extends Topo {
  /** Topology object (polygon arcs) per unit, in unit order. */
  objects: { type: string | null; arcs?: unknown }[];
}

function topologyOf(units: { kode: string; geometry: AreaGeometry }[]): BuiltTopology {
  const features: Feature<AreaGeometry>[] = units.map((u, i) => ({
    type: 'Feature',
    id: i,
    properties: null,
    geometry: u.geometry,
  }));
  const fc: FeatureCollection<AreaGeometry> = { type: 'FeatureCollection', features };
  const topo = presimplify(buildTopology({ units: fc }) as Parameters<typeof presimplify>[0]);
  const collection = topo.objects.units as unknown as { geometries: { type: string | null; arcs?: unknown }[] };
  const objects = collection.geometries;
  const arcs = topo.arcs as unknown as Arcs;
  const n = arcs.length;
  // Node ids by x, then y: numeric keys instead of one "x,y" string per arc end (equal numbers, equal node,
  // as the strings were: -0 and 0 are one key in both).
  const nodes = new Map<number, Map<number, number>>();
  let nodeCount = 0;
  const nodeOf = (q: number[]) => {
    let byY = nodes.get(q[0]!);
    if (!byY) nodes.set(q[0]!, (byY = new Map()));
    let id = byY.get(q[1]!);
    if (id === undefined) byY.set(q[1]!, (id = nodeCount++));
    return id;
  };
  const arcStart = new Int32Array(n),
    arcEnd = new Int32Array(n),
    arcCross = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const arc = arcs[a]!;
    arcStart[a] = nodeOf(arc[0]!);
    arcEnd[a] = nodeOf(arc[arc.length - 1]!);
    let c = 0;
    for (let i = 0; i + 1 < arc.length; i++) c += arc[i]![0]! * arc[i + 1]![1]! - arc[i + 1]![0]! * arc[i]![1]!;
    arcCross[a] = c;
  }
  return { arcs, arcStart, arcEnd, arcCross, objects };
}

/** Doubled signed area of a ring given as arc indexes (full resolution). */
function ringArcsArea2(topo: Topo, ring: number[]): number {
  let a = 0;
  for (const i of ring) a += i < 0 ? -topo.arcCross[~i]! : topo.arcCross[i]!;
  return a;
}

/**
 * Dissolve polygons along shared arcs — the algorithm of topojson-client `mergeArcs` (groups of polygons
 * connected by shared arcs; arcs used once form the outline; stitched into rings; the largest ring is the
 * shell), with integer node ids instead of coordinate strings (topojson-client's stitch keys objects by
 * `String([x, y, weight])`, which dominated the import time).
 */
export function mergePolygons(topo: Topo, polygons: PolygonArcs[]): PolygonArcs[] {
  const polygonsByArc = new Map<number, number[]>();
  polygons.forEach((polygon, pi) => {
    for (const ring of polygon) {
      for (const arc of ring) {
        const a = arc < 0 ? ~arc : arc;
        const list = polygonsByArc.get(a);
        if (list) list.push(pi);
        else polygonsByArc.set(a, [pi]);
      }
    }
  });
  const seen = new Uint8Array(polygons.length);
  const groups: number[][] = [];
  for (let start = 0; start < polygons.length; start++) {
    if (seen[start]) continue;
    seen[start] = 1;
    const group: number[] = [];
    const stack = [start];
    while (stack.length) {
      const pi = stack.pop()!;
      group.push(pi);
      for (const ring of polygons[pi]!) {
        for (const arc of ring) {
          for (const other of polygonsByArc.get(arc < 0 ? ~arc : arc)!) {
            if (!seen[other]) {
              seen[other] = 1;
              stack.push(other);
            }
          }
        }
      }
    }
    groups.push(group);
  }
  const out: PolygonArcs[] = [];
  for (const group of groups) {
    const outline: number[] = [];
    for (const pi of group) {
      for (const ring of polygons[pi]!) {
        for (const arc of ring) if (polygonsByArc.get(arc < 0 ? ~arc : arc)!.length < 2) outline.push(arc);
      }
    }
    const rings = stitch(topo, outline);
    if (!rings.length) continue;
    let best = 0,
      bestArea = -1;
    rings.forEach((ring, i) => {
      const area = Math.abs(ringArcsArea2(topo, ring));
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    });
    if (best) [rings[0], rings[best]] = [rings[best]!, rings[0]!];
    out.push(rings);
  }
  return out;
}

/** topojson-client `stitch` with numeric node ids: join arcs end to start into rings. */
function stitch(topo: Topo, input: number[]): number[][] {
  type Fragment = number[] & { start?: number; end?: number };
  const arcs = input.slice();
  const startOf = (i: number) => (i < 0 ? topo.arcEnd[~i]! : topo.arcStart[i]!);
  const endOf = (i: number) => (i < 0 ? topo.arcStart[~i]! : topo.arcEnd[i]!);
  // Empty arcs (two equal points) first: they may be subsumed by other arcs.
  let emptyIndex = -1;
  arcs.forEach((i, j) => {
    const arc = topo.arcs[i < 0 ? ~i : i]!;
    if (arc.length < 3 && arc[0]![0] === arc[1]![0] && arc[0]![1] === arc[1]![1]) {
      const t = arcs[++emptyIndex]!;
      arcs[emptyIndex] = i;
      arcs[j] = t;
    }
  });
  const byStart = new Map<number, Fragment>();
  const byEnd = new Map<number, Fragment>();
  for (const i of arcs) {
    const start = startOf(i),
      end = endOf(i);
    let f = byEnd.get(start);
    let g: Fragment | undefined;
    if (f) {
      byEnd.delete(f.end!);
      f.push(i);
      f.end = end;
      if ((g = byStart.get(end))) {
        byStart.delete(g.start!);
        const fg: Fragment = g === f ? f : f.concat(g);
        fg.start = f.start;
        fg.end = g.end;
        byStart.set(fg.start!, fg);
        byEnd.set(fg.end!, fg);
      } else {
        byStart.set(f.start!, f);
        byEnd.set(f.end!, f);
      }
    } else if ((f = byStart.get(end))) {
      byStart.delete(f.start!);
      f.unshift(i);
      f.start = start;
      if ((g = byEnd.get(start))) {
        byEnd.delete(g.end!);
        const gf: Fragment = g === f ? f : g.concat(f);
        gf.start = g.start;
        gf.end = f.end;
        byStart.set(gf.start!, gf);
        byEnd.set(gf.end!, gf);
      } else {
        byStart.set(f.start!, f);
        byEnd.set(f.end!, f);
      }
    } else {
      const h: Fragment = [i];
      h.start = start;
      h.end = end;
      byStart.set(start, h);
      byEnd.set(end, h);
    }
  }
  const stitched = new Set<number>();
  const fragments: number[][] = [];
  const flush = (a: Map<number, Fragment>, b: Map<number, Fragment>) => {
    for (const f of a.values()) {
      if (b.get(f.start!) === f) b.delete(f.start!);
      for (const i of f) stitched.add(i < 0 ? ~i : i);
      fragments.push([...f]);
    }
    a.clear();
  };
  flush(byEnd, byStart);
  flush(byStart, byEnd);
  for (const i of arcs) if (!stitched.has(i < 0 ? ~i : i)) fragments.push([i]);
  return fragments;
}

// ---------------------------------------------------------------------------------------------------------
// Views: thresholds and budgets

function degPerPx(bbox: Bbox | null, p: SimplifyParams): number {
  if (!bbox) return 0;
  return Math.max((bbox[2] - bbox[0]) / p.viewWidth, (bbox[3] - bbox[1]) / p.viewHeight, 1e-7);
}

interface ViewChild {
  kode: string;
  nama: string;
  polygons: PolygonArcs[];
}

interface Decoded {
  geometry: AreaGeometry | null;
  geojson: string | null;
}

interface DecodedView {
  geometries: Map<string, Decoded>;
  /** The view's features as `featureCollectionText` writes them, in order (the kabupaten's desa reuse them). */
  features: string[];
  stat: ViewStat;
}

/** The FeatureCollection of a view as the API serves it: id = kode, properties {kode, nama}. */
export function featureCollectionText(children: { kode: string; nama: string; geojson: string | null }[]): string {
  return collectionText(featureTexts(children));
}

/** The features of `featureCollectionText`, one text each (children without geometry left out). */
function featureTexts(children: { kode: string; nama: string; geojson: string | null }[]): string[] {
  return children
    .filter((c) => c.geojson)
    .map(
      (c) =>
        `{"type":"Feature","id":${JSON.stringify(c.kode)},"properties":${JSON.stringify({ kode: c.kode, nama: c.nama })},"geometry":${c.geojson}}`,
    );
}

function collectionText(features: string[]): string {
  return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
}

/** gzip estimate for 5-decimal coordinate JSON; measured when it matters. */
const GZIP_RATIO_ESTIMATE = 0.45;

/**
 * `bytes` is the UTF-8 length of `text`. Near the budget the text is compressed at zlib's fastest level first (~4×
 * faster than the default level on these texts, and 16–22 % larger): when even that fits, the default level fits
 * too, and the view is reported with that upper bound (not measured). Only a view whose fast size exceeds the limit
 * is compressed at the default level, whose exact size decides — so every decision is the default level's, as
 * before, while the first national start compresses most views' text once, quickly (most of them lie well below
 * their budget: Jawa Timur's kabupaten at 20–100 % of it).
 */
function measure(text: string, limit: number): { bytes: number; gzipBytes: number; measured: boolean } {
  const bytes = Buffer.byteLength(text);
  if (bytes * 0.6 < limit * 0.5) return { bytes, gzipBytes: Math.round(bytes * GZIP_RATIO_ESTIMATE), measured: false };
  const fast = gzipSync(text, { level: 1 }).length;
  if (fast <= limit) return { bytes, gzipBytes: fast, measured: false };
  return { bytes, gzipBytes: gzipSync(text).length, measured: true };
}

/**
 * Decode the children of one parent at the parent's zoom; double the threshold until the view fits its budget.
 */
function decodeView(
  topo: Topo,
  view: ViewKind,
  parentKode: string,
  parentBbox: Bbox | null,
  children: ViewChild[],
  tolerancePx: number,
  budget: number,
  p: SimplifyParams,
  startFactor = 1,
): DecodedView & { factor: number } {
  const unit = degPerPx(parentBbox, p);
  let factor = startFactor;
  for (;;) {
    const minWeight = (tolerancePx * unit) ** 2 * factor;
    const minArea = (p.minRingPx * unit) ** 2;
    const geometries = new Map<string, Decoded>();
    let vertices = 0;
    for (const c of children) {
      const geometry = decodePolygons(topo, c.polygons, { minWeight, minArea, round: true, px: unit });
      geometries.set(c.kode, { geometry, geojson: geometry ? JSON.stringify(geometry) : null });
      vertices += vertexCountOf(geometry);
    }
    const features = featureTexts(
      children.map((c) => ({ kode: c.kode, nama: c.nama, geojson: geometries.get(c.kode)?.geojson ?? null })),
    );
    const text = collectionText(features);
    const limit = budget * p.budgetFill;
    const size = measure(text, limit);
    if (size.gzipBytes <= limit || factor >= 2 ** 20 || unit === 0) {
      return {
        geometries,
        features,
        factor,
        stat: {
          view,
          parentKode,
          features: children.length,
          vertices,
          bytes: size.bytes,
          gzipBytes: size.gzipBytes,
          gzipMeasured: size.measured,
          minWeight,
        },
      };
    }
    factor *= 2;
  }
}

function labelOf(geometry: AreaGeometry | null): [number, number] | null {
  if (!geometry) return null;
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Position[][] | null = null;
  let bestArea = -1;
  for (const part of parts) {
    const a = Math.abs(ringArea2(part[0]!));
    if (a > bestArea) {
      bestArea = a;
      best = part;
    }
  }
  if (!best) return null;
  const b = bboxOf({ type: 'Polygon', coordinates: best })!;
  const precision = Math.max(Math.max(b[2] - b[0], b[3] - b[1]) / 200, 1e-6);
  const p = polylabel(best as [number, number][][], precision);
  if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return null;
  return [round5(p[0]), round5(p[1])];
}

// ---------------------------------------------------------------------------------------------------------
// Stage 1: one province

interface Skeleton {
  kode: string;
  nama: string;
  tingkat: Tingkat;
  parentKode: string | null;
  inCodeList: boolean;
}

/** Units of one layer in one topology, grouped by every ancestor kode. */
class Layer {
  readonly topo: BuiltTopology;
  private readonly membersOf = new Map<string, number[]>();
  private readonly merged = new Map<string, PolygonArcs[]>();

  constructor(readonly units: Unit[]) {
    this.topo = topologyOf(units);
    units.forEach((u, i) => {
      for (let k: string | null = u.kode; k; k = parentOf(k)) {
        let list = this.membersOf.get(k);
        if (!list) this.membersOf.set(k, (list = []));
        list.push(i);
      }
    });
  }

  has(kode: string): boolean {
    return this.membersOf.has(kode);
  }

  bbox(kode: string): Bbox | null {
    let b: Bbox | null = null;
    for (const i of this.membersOf.get(kode) ?? []) b = unionBbox(b, this.units[i]!.bbox);
    return b;
  }

  /** The unit itself, or its members dissolved along shared arcs. */
  polygons(kode: string): PolygonArcs[] {
    let polygons = this.merged.get(kode);
    if (polygons) return polygons;
    const members = this.membersOf.get(kode) ?? [];
    polygons =
      members.length === 1
        ? polygonsOf(this.topo.objects[members[0]!]!)
        : mergePolygons(
            this.topo,
            members.flatMap((i) => polygonsOf(this.topo.objects[i]!)),
          );
    this.merged.set(kode, polygons);
    return polygons;
  }

  origin(kode: string): Origin | null {
    const members = this.membersOf.get(kode) ?? [];
    if (!members.length) return null;
    const only = this.units[members[0]!]!;
    return members.length === 1 && only.kode === kode ? only.origin : 'dissolved';
  }
}

/** The code list grouped by provinsi once per list: scanning all 91,599 entries per province cost seconds nationally. */
const codesByProvinsi = new WeakMap<Map<string, CodeEntry>, Map<string, CodeEntry[]>>();
function codesOfProvinsi(codes: Map<string, CodeEntry>, provinsi: string): CodeEntry[] {
  let groups = codesByProvinsi.get(codes);
  if (!groups) {
    groups = new Map();
    for (const entry of codes.values()) {
      const pp = ancestorAt(entry.kode, 'provinsi') ?? '';
      let list = groups.get(pp);
      if (!list) groups.set(pp, (list = []));
      list.push(entry);
    }
    codesByProvinsi.set(codes, groups);
  }
  return groups.get(provinsi) ?? [];
}

/**
 * Build kabupaten, kecamatan (and desa) rows of one province, and its full-resolution shape for stage 2.
 * Desa provinces: everything is dissolved from the desa polygons (one topology). Other provinces: the
 * upstream layers as they are — kecamatan, kabupaten and provinsi polygons of the upstream files — because
 * those layers do not share borders (see data/README.md, "Batas wilayah"): dissolving them leaves cracks.
 */
export function buildProvince(input: ProvinceInput, options: BuildOptions): ProvinceResult {
  const p: SimplifyParams = { ...DEFAULT_SIMPLIFY, ...options.simplify };
  const pk = input.kode;
  const issues: GeometryIssue[] = [];
  const fallbacks: ProvinceResult['fallbacks'] = [];

  // 1. Every wilayah of the province: code list ∪ boundary records. Names from the code list first.
  const skeleton = new Map<string, Skeleton>();
  const recordNames = new Map<string, string>();
  for (const r of [...input.kab, ...input.kec, ...(input.withDesa ? input.desa : [])]) recordNames.set(r.kode, r.nama);
  const add = (kode: string) => {
    if (skeleton.has(kode) || kode === pk) return;
    const parent = parentOf(kode);
    if (parent && parent !== pk) add(parent); // a parent known only from its children still gets a row
    const entry = options.codes.get(kode);
    const tingkat = tingkatOf(kode);
    skeleton.set(kode, {
      kode,
      tingkat,
      parentKode: parent,
      nama: entry?.nama ?? recordNames.get(kode) ?? `Tanpa nama (${kode})`,
      inCodeList: entry !== undefined && entry.tingkat === tingkat,
    });
  };
  for (const entry of codesOfProvinsi(options.codes, pk)) {
    if (entry.tingkat === 'provinsi') continue;
    if (entry.tingkat === 'desa' && !input.withDesa) continue;
    add(entry.kode);
  }
  for (const kode of recordNames.keys()) add(kode);

  // 2. Base units, cleaned and checked.
  const toUnit = (r: UpstreamRecord, layer: GeometryIssue['layer'], origin: Origin): Unit | null => {
    const cleaned = cleanGeometry(r.kode, layer, r.geometry);
    issues.push(...cleaned.issues);
    return cleaned.geometry
      ? { kode: r.kode, geometry: cleaned.geometry, bbox: bboxOf(cleaned.geometry)!, origin }
      : null;
  };
  const kecRecords = new Map(input.kec.map((r) => [r.kode, r]));
  const kabRecords = new Map(input.kab.map((r) => [r.kode, r]));
  const ofTingkat = (t: Tingkat) => [...skeleton.values()].filter((s) => s.tingkat === t).map((s) => s.kode);

  /** Layer for each tingkat (and the province shape). */
  let forKec: Layer, forKab: Layer, forProv: Layer | null;
  let provUnit: Unit | null = null;
  if (input.withDesa) {
    // Desa polygons; a kecamatan without any desa polygon falls back to its upstream shape, then a
    // kabupaten without any unit to its upstream shape — in the same topology.
    const units: Unit[] = [];
    const covered = new Set<string>();
    const cover = (kode: string) => {
      for (let k: string | null = kode; k; k = parentOf(k)) covered.add(k);
    };
    for (const r of input.desa) {
      const u = toUnit(r, 'desa', 'desa');
      if (u) {
        units.push(u);
        cover(u.kode);
      }
    }
    for (const kode of ofTingkat('kecamatan')) {
      const r = covered.has(kode) ? undefined : kecRecords.get(kode);
      const u = r && toUnit(r, 'kec', 'upstream');
      if (u) {
        units.push(u);
        cover(kode);
        fallbacks.push({ kode, tingkat: 'kecamatan' });
      }
    }
    for (const kode of ofTingkat('kabupaten')) {
      const r = covered.has(kode) ? undefined : kabRecords.get(kode);
      const u = r && toUnit(r, 'kab', 'upstream');
      if (u) {
        units.push(u);
        cover(kode);
        fallbacks.push({ kode, tingkat: 'kabupaten' });
      }
    }
    if (!units.length && input.prov) {
      provUnit = toUnit(input.prov, 'prov', 'upstream');
      if (provUnit) {
        units.push(provUnit);
        fallbacks.push({ kode: pk, tingkat: 'provinsi' });
      }
    }
    forKec = forKab = new Layer(units);
    forProv = provUnit ? null : forKec;
  } else {
    forKec = new Layer(input.kec.map((r) => toUnit(r, 'kec', 'upstream')).filter((u): u is Unit => u !== null));
    const kabUnits = input.kab.map((r) => toUnit(r, 'kab', 'upstream')).filter((u): u is Unit => u !== null);
    // A kabupaten missing from the kab layer: dissolve its kecamatan instead (same topology as the others
    // is impossible here; it is drawn from its own arcs).
    for (const kode of ofTingkat('kabupaten')) {
      if (kabUnits.some((u) => u.kode === kode) || !forKec.has(kode)) continue;
      const polygons = forKec.polygons(kode);
      const geometry = decodePolygons(forKec.topo, polygons, { minWeight: -Infinity, minArea: 0, round: false, px: 0 });
      if (geometry) {
        kabUnits.push({ kode, geometry, bbox: forKec.bbox(kode)!, origin: 'dissolved' });
        fallbacks.push({ kode, tingkat: 'kabupaten' });
      }
    }
    forKab = new Layer(kabUnits);
    provUnit = input.prov ? toUnit(input.prov, 'prov', 'upstream') : null;
    forProv = provUnit ? null : forKab.units.length ? forKab : forKec;
  }
  const layerFor = (kode: string): Layer => (tingkatOf(kode) === 'kabupaten' ? forKab : forKec);
  const bboxOfKode = (kode: string): Bbox | null => {
    let b = unionBbox(forKec.bbox(kode), forKab === forKec ? null : forKab.bbox(kode));
    if (kode === pk && provUnit) b = unionBbox(b, provUnit.bbox);
    return b;
  };

  const children = new Map<string, Skeleton[]>();
  for (const s of skeleton.values()) {
    const parent = s.parentKode ?? '';
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(s);
  }
  for (const list of children.values()) list.sort((a, b) => (a.kode < b.kode ? -1 : 1));

  const rows = new Map<string, WilayahRow>();
  const views: ViewStat[] = [];
  const makeRow = (s: Skeleton, decoded: Decoded | undefined): WilayahRow => {
    const geometry = decoded?.geometry ?? null;
    return {
      kode: s.kode,
      nama: s.nama,
      tingkat: s.tingkat,
      parentKode: s.parentKode,
      bbox: bboxOfKode(s.kode),
      label: labelOf(geometry),
      geometry,
      geojson: decoded?.geojson ?? null,
      vertexCount: vertexCountOf(geometry),
      origin: geometry ? layerFor(s.kode).origin(s.kode) : null,
      hasGeometry: geometry !== null,
      inCodeList: s.inCodeList,
      childCount: children.get(s.kode)?.length ?? 0,
    };
  };
  const viewChildren = (parent: string, layer: Layer): ViewChild[] =>
    (children.get(parent) ?? []).map((s) => ({ kode: s.kode, nama: s.nama, polygons: layer.polygons(s.kode) }));

  // 3a. The province's kabupaten, at the province's zoom.
  const provBbox = bboxOfKode(pk);
  const kabs = children.get(pk) ?? [];
  {
    const v = decodeView(
      forKab.topo,
      'kabupaten-provinsi',
      pk,
      provBbox,
      viewChildren(pk, forKab),
      p.tolerancePx.kabupaten,
      p.budget.kabupatenOfProvinsi,
      p,
    );
    views.push(v.stat);
    for (const s of kabs) rows.set(s.kode, makeRow(s, v.geometries.get(s.kode)));
  }
  // 3b. Each kabupaten's kecamatan, at the kabupaten's zoom.
  for (const kab of kabs) {
    if (!children.get(kab.kode)?.length) continue;
    const v = decodeView(
      forKec.topo,
      'kecamatan-kabupaten',
      kab.kode,
      bboxOfKode(kab.kode),
      viewChildren(kab.kode, forKec),
      p.tolerancePx.kecamatan,
      p.budget.kecamatanOfKabupaten,
      p,
    );
    views.push(v.stat);
    for (const s of children.get(kab.kode)!) rows.set(s.kode, makeRow(s, v.geometries.get(s.kode)));
  }
  // 3c. Each kecamatan's desa, at the kecamatan's zoom; all desa of one kabupaten must fit the kabupaten budget.
  if (input.withDesa) {
    for (const kab of kabs) {
      const kecs = (children.get(kab.kode) ?? []).filter((k) => children.get(k.kode)?.length);
      if (!kecs.length) continue;
      for (let factor = 1; ; factor *= 2) {
        const decoded = kecs.map((kec) => ({
          kec,
          view: decodeView(
            forKec.topo,
            'desa-kecamatan',
            kec.kode,
            bboxOfKode(kec.kode),
            viewChildren(kec.kode, forKec),
            p.tolerancePx.desa,
            p.budget.desaOfKabupaten,
            p,
            factor,
          ),
        }));
        const all = decoded.flatMap(({ kec, view }) =>
          children.get(kec.kode)!.map((s) => ({
            kode: s.kode,
            nama: s.nama,
            ...(view.geometries.get(s.kode) ?? { geometry: null, geojson: null }),
          })),
        );
        // The same text as featureCollectionText(all): each kecamatan's view holds its desa's features, in this order.
        const text = collectionText(decoded.flatMap(({ view }) => view.features));
        const limit = p.budget.desaOfKabupaten * p.budgetFill;
        const size = measure(text, limit);
        if (size.gzipBytes > limit && factor < 2 ** 20) continue;
        for (const { kec, view } of decoded) {
          views.push(view.stat);
          for (const s of children.get(kec.kode)!) rows.set(s.kode, makeRow(s, view.geometries.get(s.kode)));
        }
        views.push({
          view: 'desa-kabupaten',
          parentKode: kab.kode,
          features: all.length,
          vertices: all.reduce((n, c) => n + vertexCountOf(c.geometry), 0),
          bytes: size.bytes,
          gzipBytes: size.gzipBytes,
          gzipMeasured: size.measured,
          minWeight: NaN,
        });
        break;
      }
    }
  }
  // Rows without any view (e.g. a wilayah without polygon): no geometry.
  for (const s of skeleton.values()) if (!rows.has(s.kode)) rows.set(s.kode, makeRow(s, undefined));

  // 4. Full-resolution shape of the province for the national topology.
  let fullRes: AreaGeometry | null = provUnit?.geometry ?? null;
  if (!fullRes && forProv?.has(pk)) {
    fullRes = decodePolygons(forProv.topo, forProv.polygons(pk), {
      minWeight: -Infinity,
      minArea: 0,
      round: false,
      px: 0,
    });
  }
  const provEntry = options.codes.get(pk);
  const shape: ProvinceShape = {
    kode: pk,
    nama: provEntry?.nama ?? input.prov?.nama ?? `Tanpa nama (${pk})`,
    inCodeList: provEntry?.tingkat === 'provinsi',
    geometry: fullRes,
    bbox: provBbox,
    origin: fullRes ? (provUnit ? 'upstream' : 'dissolved') : null,
    childCount: kabs.length,
  };
  const ordered = [...rows.values()].sort((a, b) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0));
  let tileSource: TileSource | null = null;
  if (input.withDesa && forKec.units.length) {
    const outlines: TileSource['outlines'] = [];
    for (const s of [{ kode: pk, tingkat: 'provinsi' as const }, ...skeleton.values()]) {
      if ((s.tingkat === 'provinsi' || s.tingkat === 'kabupaten' || s.tingkat === 'kecamatan') && forKec.has(s.kode)) {
        outlines.push({ kode: s.kode, tingkat: s.tingkat, polygons: forKec.polygons(s.kode) });
      }
    }
    tileSource = { topo: forKec.topo, units: forKec.units.map((u) => ({ kode: u.kode })), outlines };
  }
  return { rows: ordered, shape, issues, views, fallbacks, tileSource };
}

// ---------------------------------------------------------------------------------------------------------
// Stage 2: the 38 provinces in one topology, simplified for the national view

export function buildNational(shapes: ProvinceShape[], options: Pick<BuildOptions, 'simplify'> = {}): NationalResult {
  const p: SimplifyParams = { ...DEFAULT_SIMPLIFY, ...options.simplify };
  const sorted = [...shapes].sort((a, b) => (a.kode < b.kode ? -1 : 1));
  const withGeometry = sorted.filter((s) => s.geometry);
  const topo = topologyOf(withGeometry.map((s) => ({ kode: s.kode, geometry: s.geometry! })));
  let bbox: Bbox | null = null;
  for (const s of sorted) bbox = unionBbox(bbox, s.bbox);
  const children: ViewChild[] = withGeometry.map((s, i) => ({
    kode: s.kode,
    nama: s.nama,
    polygons: polygonsOf(topo.objects[i]!),
  }));
  const v = decodeView(
    topo,
    'provinsi-indonesia',
    'indonesia',
    bbox,
    children,
    p.tolerancePx.provinsi,
    p.budget.national,
    p,
  );
  const rows: WilayahRow[] = sorted.map((s) => {
    const geometry = v.geometries.get(s.kode)?.geometry ?? null;
    return {
      kode: s.kode,
      nama: s.nama,
      tingkat: 'provinsi',
      parentKode: null,
      bbox: s.bbox,
      label: labelOf(geometry),
      geometry,
      geojson: v.geometries.get(s.kode)?.geojson ?? null,
      vertexCount: vertexCountOf(geometry),
      origin: geometry ? s.origin : null,
      hasGeometry: geometry !== null,
      inCodeList: s.inCodeList,
      childCount: s.childCount,
    };
  });
  return { rows, views: [v.stat], bbox };
}

// ---------------------------------------------------------------------------------------------------------
// Convenience: everything at once (small inputs, tests)

export interface BuildResult {
  rows: WilayahRow[];
  issues: GeometryIssue[];
  views: ViewStat[];
  fallbacks: ProvinceResult['fallbacks'];
  bbox: Bbox | null;
}

export function buildBoundaries(provinces: ProvinceInput[], options: BuildOptions): BuildResult {
  const results = provinces.map((input) => buildProvince(input, options));
  const national = buildNational(
    results.map((r) => r.shape),
    options,
  );
  const rows = [...national.rows, ...results.flatMap((r) => r.rows)].sort((a, b) =>
    a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0,
  );
  return {
    rows,
    issues: results.flatMap((r) => r.issues),
    views: [...national.views, ...results.flatMap((r) => r.views)],
    fallbacks: results.flatMap((r) => r.fallbacks),
    bbox: national.bbox,
  };
}
