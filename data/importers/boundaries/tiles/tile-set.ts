// The vector tiles of one boundary import, filled province by province and encoded at the end — PURE.
// Features arrive in [lng, lat] per zoom, already simplified for that zoom on the shared topology
// (tile-features.ts), so neighbours share every vertex. Here they are projected (Web Mercator), clipped to each
// tile they touch (plus a buffer, so outlines do not end at tile edges), snapped to the tile grid and stripped of
// the points snapping made equal. Snapping is a function of the coordinate only, so a vertex shared by two desa
// lands on the same grid point in both: no gap or overlap opens between neighbours.
import { gzipSync } from 'node:zlib';
import { TILE_LAYER, TILE_MAX_ZOOM, TILE_MIN_ZOOM, type BatasTingkat } from '@peta/domain/contract';
import { clipLineAxis, clipRingAxis } from './clip.ts';
import { PbfWriter } from 'pbf';
import { appendGeometry, encodeTile, GEOMETRY, type MvtFeature } from './mvt.ts';

export interface TileOptions {
  minZoom: number;
  maxZoom: number;
  /** Grid units per tile side (MVT extent). */
  extent: number;
  /** Grid units drawn around each tile, so lines and fills continue cleanly across tile edges. */
  buffer: number;
}

export const DEFAULT_TILE_OPTIONS: TileOptions = {
  minZoom: TILE_MIN_ZOOM,
  maxZoom: TILE_MAX_ZOOM,
  extent: 4096,
  buffer: 64,
};

export interface EncodedTile {
  z: number;
  x: number;
  y: number;
  /** gzip-compressed MVT, as served. */
  data: Buffer;
  /** Uncompressed size. */
  rawBytes: number;
  features: number;
}

interface TileContent {
  /**
   * The desa's geometries already encoded, one after another in one growing buffer per tile (desa i is
   * bytes ends[i−1]..ends[i]): a national build holds ~100 MB of tiles, not a million small arrays.
   */
  kodes: string[];
  geometry: PbfWriter;
  ends: number[];
  /** Line runs in tile coordinates (−buffer … extent + buffer fits in 16 bits). */
  batas: Map<BatasTingkat, Int16Array[]>;
}

const BATAS_ORDER: BatasTingkat[] = ['kecamatan', 'kabupaten', 'provinsi'];

/** Web Mercator [lng, lat] → world coordinates in [0, 1]. */
export function mercator(lng: number, lat: number): [number, number] {
  return [mercatorX(lng), mercatorY(lat)];
}

/** The two halves of `mercator`, for loops that write into typed arrays (no pair allocated per vertex). */
export function mercatorX(lng: number): number {
  return lng / 360 + 0.5;
}

export function mercatorY(lat: number): number {
  const s = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI;
}

/** Signed area ×2 of an open ring in tile coordinates (y down): positive = a shell as MVT wants it. */
function area2(ring: Int32Array): number {
  let a = 0;
  const n = ring.length >> 1;
  for (let i = 0, j = n - 1; i < n; j = i++) a += ring[2 * j]! * ring[2 * i + 1]! - ring[2 * i]! * ring[2 * j + 1]!;
  return a;
}

/** Scratch space of `snap`, grown as needed: one exact-size copy per ring instead of a growing array and a copy. */
let snapScratch = new Int32Array(1024);

/** Round to the grid, drop repeated points (and a repeated closing point). */
function snap(coords: ArrayLike<number>, offsetX: number, offsetY: number, closed: boolean): Int32Array {
  const len = snapInto(coords, offsetX, offsetY, closed); // first: it may replace the scratch with a larger one
  return snapScratch.slice(0, len);
}

/** `snap` into `snapScratch`; returns the length. */
function snapInto(coords: ArrayLike<number>, offsetX: number, offsetY: number, closed: boolean): number {
  if (snapScratch.length < coords.length) snapScratch = new Int32Array(coords.length * 2);
  const out = snapScratch;
  let len = 0;
  let lx = NaN,
    ly = NaN;
  for (let i = 0; i < coords.length; i += 2) {
    const x = Math.round(coords[i]! - offsetX),
      y = Math.round(coords[i + 1]! - offsetY);
    if (x === lx && y === ly) continue;
    out[len++] = x;
    out[len++] = y;
    lx = x;
    ly = y;
  }
  if (closed && len >= 4 && out[0] === lx && out[1] === ly) len -= 2;
  return len;
}

/** `ring.map((v) => v * scale)` without a call per coordinate. */
function scaled(ring: Float64Array, scale: number): Float64Array {
  const out = new Float64Array(ring.length);
  for (let i = 0; i < ring.length; i++) out[i] = ring[i]! * scale;
  return out;
}

function reversed(ring: Int32Array): Int32Array {
  const n = ring.length >> 1;
  const out = new Int32Array(ring.length);
  for (let i = 0; i < n; i++) {
    out[2 * i] = ring[2 * (n - 1 - i)]!;
    out[2 * i + 1] = ring[2 * (n - 1 - i) + 1]!;
  }
  return out;
}

export class TileSet {
  readonly options: TileOptions;
  private readonly tiles = new Map<string, TileContent>();

  constructor(options: Partial<TileOptions> = {}) {
    this.options = { ...DEFAULT_TILE_OPTIONS, ...options };
  }

  private tile(z: number, x: number, y: number): TileContent {
    const key = `${z}/${x}/${y}`;
    let t = this.tiles.get(key);
    if (!t)
      this.tiles.set(
        key,
        (t = { kodes: [], geometry: new PbfWriter(new Uint8Array(256)), ends: [], batas: new Map() }),
      );
    return t;
  }

  /** Tile columns touched by [min, max] in pixel space (with the buffer), clamped to the world: [x, clip from, clip to]. */
  private columns(minX: number, maxX: number, z: number): [number, number, number][] {
    const { extent: e, buffer: b } = this.options;
    const last = 2 ** z - 1;
    const x0 = Math.max(0, Math.floor((minX - b) / e)),
      x1 = Math.min(last, Math.floor((maxX + b) / e));
    const out: [number, number, number][] = [];
    for (let tx = x0; tx <= x1; tx++) out.push([tx, tx * e - b, (tx + 1) * e + b]);
    return out;
  }

  /** The same for tile rows (tiles are square). */
  private rows(minY: number, maxY: number, z: number): [number, number, number][] {
    return this.columns(minY, maxY, z);
  }

  /**
   * One polygon feature (a desa) at zoom z: parts → rings (shell first), each a flat [x, y, …] array in world
   * coordinates ([0, 1], Web Mercator), open (no repeated closing point).
   */
  addPolygon(z: number, kode: string, parts: Float64Array[][]) {
    const scale = 2 ** z * this.options.extent;
    const e = this.options.extent;
    const pixel = parts.map((rings) => rings.map((ring) => scaled(ring, scale)));
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (const rings of pixel) {
      const shell = rings[0]!;
      for (let i = 0; i < shell.length; i += 2) {
        if (shell[i]! < minX) minX = shell[i]!;
        if (shell[i]! > maxX) maxX = shell[i]!;
        if (shell[i + 1]! < minY) minY = shell[i + 1]!;
        if (shell[i + 1]! > maxY) maxY = shell[i + 1]!;
      }
    }
    if (!(minX <= maxX)) return;
    // Each (column, row) pair is visited once, so a list in visiting order does what a map keyed "tx/ty" did.
    const byTile: { tx: number; ty: number; rings: Int32Array[] }[] = [];
    for (const [tx, cx0, cx1] of this.columns(minX, maxX, z)) {
      const column = pixel.map((rings) => rings.map((ring) => clipRingAxis(ring, 0, cx0, cx1)));
      for (const [ty, ry0, ry1] of this.rows(minY, maxY, z)) {
        const out: Int32Array[] = [];
        for (const rings of column) {
          let shellKept = false;
          rings.forEach((ring, r) => {
            if ((r > 0 && !shellKept) || !ring.length) return;
            const snapped = snap(clipRingAxis(ring, 1, ry0, ry1), tx * e, ty * e, true);
            const a = snapped.length >= 6 ? area2(snapped) : 0;
            if (a === 0) return;
            if (r === 0) shellKept = true;
            // Shells positive, holes negative (y points down in tile coordinates).
            out.push((r === 0) === a > 0 ? snapped : reversed(snapped));
          });
        }
        if (out.length) byTile.push({ tx, ty, rings: out });
      }
    }
    for (const { tx, ty, rings } of byTile) {
      const t = this.tile(z, tx, ty);
      t.kodes.push(kode);
      t.ends.push(appendGeometry(t.geometry, GEOMETRY.polygon, rings));
    }
  }

  /** Boundary lines of one tingkat at zoom z: flat [x, y, …] arrays in world coordinates. */
  addLines(z: number, tingkat: BatasTingkat, lines: Float64Array[]) {
    const scale = 2 ** z * this.options.extent;
    const e = this.options.extent;
    for (const line of lines) {
      if (line.length < 4) continue;
      const p = scaled(line, scale);
      let minX = Infinity,
        minY = Infinity,
        maxX = -Infinity,
        maxY = -Infinity;
      for (let i = 0; i < p.length; i += 2) {
        if (p[i]! < minX) minX = p[i]!;
        if (p[i]! > maxX) maxX = p[i]!;
        if (p[i + 1]! < minY) minY = p[i + 1]!;
        if (p[i + 1]! > maxY) maxY = p[i + 1]!;
      }
      for (const [tx, cx0, cx1] of this.columns(minX, maxX, z)) {
        const column = clipLineAxis(p, 0, cx0, cx1);
        if (!column.length) continue;
        for (const [ty, ry0, ry1] of this.rows(minY, maxY, z)) {
          for (const part of column) {
            for (const run of clipLineAxis(part, 1, ry0, ry1)) {
              const len = snapInto(run, tx * e, ty * e, false);
              if (len < 4) continue;
              const content = this.tile(z, tx, ty);
              let list = content.batas.get(tingkat);
              if (!list) content.batas.set(tingkat, (list = []));
              // Straight from the scratch into 16 bits (what Int16Array.from of an exact copy did, one copy less).
              list.push(new Int16Array(snapScratch.subarray(0, len)));
            }
          }
        }
      }
    }
  }

  get size(): number {
    return this.tiles.size;
  }

  /** Encodes (and forgets) every tile, ordered by z, x, y; desa in kode order so the values table compresses well. */
  *encode(): Generator<EncodedTile> {
    const keys = [...this.tiles.keys()]
      .map((k) => k.split('/').map(Number) as [number, number, number])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    const extent = this.options.extent;
    for (const [z, x, y] of keys) {
      const key = `${z}/${x}/${y}`;
      const content = this.tiles.get(key)!;
      this.tiles.delete(key);
      const { kodes, ends } = content;
      const bytes = content.geometry.buf;
      const order = kodes
        .map((_, i) => i)
        .sort((a, b) => (kodes[a]! < kodes[b]! ? -1 : kodes[a]! > kodes[b]! ? 1 : a - b));
      const desa: MvtFeature[] = order.map((i) => ({
        type: GEOMETRY.polygon,
        properties: { kode: kodes[i]! },
        parts: bytes.subarray(i ? ends[i - 1]! : 0, ends[i]!),
      }));
      const batas: MvtFeature[] = BATAS_ORDER.filter((t) => content.batas.has(t)).map((t) => ({
        type: GEOMETRY.line,
        properties: { tingkat: t },
        parts: content.batas.get(t)!,
      }));
      const raw = encodeTile([
        { name: TILE_LAYER.desa, extent, features: desa },
        { name: TILE_LAYER.batas, extent, features: batas },
      ]);
      yield { z, x, y, data: gzipSync(raw, { level: 6 }), rawBytes: raw.length, features: desa.length + batas.length };
    }
  }
}
