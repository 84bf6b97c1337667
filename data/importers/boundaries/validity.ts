// Cheap polygon validity checks and the one repair we trust (pure, no IO).
// - crossing: two segments of the rings of one polygon cross (bow-tie, a hole crossing its shell).
// - self-touch: a ring passes through the same point twice (OGC "ring self-intersection"). Repaired by
//   splitting the ring at that vertex into simple loops: no new vertex, so arcs shared with neighbours stay intact.
import type { Position } from 'geojson';

export interface RingProblems {
  /** Crossing points [lng, lat]. */
  crossings: [number, number][];
  /** Points where a ring touches itself, with the ring index. */
  touches: { ring: number; at: [number, number] }[];
}

/**
 * Sweep over the segments of all rings of one polygon, sorted by minimum x; each segment is tested
 * against the active ones whose x-range overlaps. Near O(n log n) for real outlines.
 * Rings must be closed and free of consecutive duplicate points.
 */
export function polygonProblems(rings: Position[][], limit = 10): RingProblems {
  const result: RingProblems = { crossings: [], touches: [] };
  let n = 0;
  for (const ring of rings) n += Math.max(0, ring.length - 1);
  if (n < 3) return result;
  const ax = new Float64Array(n),
    ay = new Float64Array(n),
    bx = new Float64Array(n),
    by = new Float64Array(n);
  const lo = new Float64Array(n),
    hi = new Float64Array(n);
  const ringOf = new Int32Array(n),
    idx = new Int32Array(n),
    ringLen = new Int32Array(rings.length);
  let k = 0;
  rings.forEach((ring, r) => {
    ringLen[r] = Math.max(0, ring.length - 1);
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!,
        b = ring[i + 1]!;
      ax[k] = a[0]!;
      ay[k] = a[1]!;
      bx[k] = b[0]!;
      by[k] = b[1]!;
      if (ax[k]! < bx[k]!) {
        lo[k] = ax[k]!;
        hi[k] = bx[k]!;
      } else {
        lo[k] = bx[k]!;
        hi[k] = ax[k]!;
      }
      ringOf[k] = r;
      idx[k] = i;
      k++;
    }
  });
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  sortIndicesByKey(order, lo);
  const active = new Int32Array(n);
  let activeCount = 0;
  const seenTouch = new Set<string>();
  for (let o = 0; o < n; o++) {
    const s = order[o]!;
    const x0 = lo[s]!;
    const sMinY = Math.min(ay[s]!, by[s]!),
      sMaxY = Math.max(ay[s]!, by[s]!);
    let keep = 0;
    for (let a = 0; a < activeCount; a++) {
      const t = active[a]!;
      if (hi[t]! < x0) continue; // ends before this segment starts: leaves the active list
      active[keep++] = t;
      if (Math.max(ay[t]!, by[t]!) < sMinY || Math.min(ay[t]!, by[t]!) > sMaxY) continue;
      const sameRing = ringOf[s] === ringOf[t];
      if (sameRing) {
        const len = ringLen[ringOf[s]!]!;
        const d = Math.abs(idx[s]! - idx[t]!);
        if (d === 1 || d === len - 1) continue; // consecutive segments share their vertex
      }
      const hit = properCrossing(ax[s]!, ay[s]!, bx[s]!, by[s]!, ax[t]!, ay[t]!, bx[t]!, by[t]!);
      if (hit) {
        if (result.crossings.length < limit) result.crossings.push(hit);
        continue;
      }
      if (sameRing) {
        const touch = touchPoint(ax[s]!, ay[s]!, bx[s]!, by[s]!, ax[t]!, ay[t]!, bx[t]!, by[t]!);
        if (touch) {
          const key = `${ringOf[s]}:${touch[0]},${touch[1]}`;
          if (!seenTouch.has(key) && result.touches.length < limit) {
            seenTouch.add(key);
            result.touches.push({ ring: ringOf[s]!, at: touch });
          }
        }
      }
    }
    activeCount = keep;
    active[activeCount++] = s;
    if (result.crossings.length >= limit) break;
  }
  return result;
}

let mergeScratch: Int32Array<ArrayBufferLike> = new Int32Array(1024);

/**
 * Sorts `order` (indices into `key`) by key, equal keys kept in their order: the same permutation as
 * `order.sort((i, j) => key[i] - key[j])` (V8's typed array sort with a comparator is a stable merge sort) for
 * finite keys, without a call into the comparator per comparison (~8 % of a province's geometry time went there).
 * Insertion sort on runs of 16, then bottom-up merges that take the left element on ties.
 */
export function sortIndicesByKey(order: Int32Array<ArrayBufferLike>, key: Float64Array<ArrayBufferLike>): void {
  const n = order.length;
  const RUN = 16;
  for (let s = 0; s < n; s += RUN) {
    const e = Math.min(s + RUN, n);
    for (let i = s + 1; i < e; i++) {
      const v = order[i]!;
      const kv = key[v]!;
      let j = i - 1;
      while (j >= s && key[order[j]!]! > kv) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = v;
    }
  }
  if (n <= RUN) return;
  if (mergeScratch.length < n) mergeScratch = new Int32Array(Math.max(n, mergeScratch.length * 2));
  let src = order;
  let dst = mergeScratch;
  for (let w = RUN; w < n; w *= 2) {
    for (let s = 0; s < n; s += 2 * w) {
      const m = Math.min(s + w, n);
      const e = Math.min(s + 2 * w, n);
      let i = s;
      let j = m;
      let k = s;
      while (i < m && j < e) dst[k++] = key[src[j]!]! < key[src[i]!]! ? src[j++]! : src[i++]!;
      while (i < m) dst[k++] = src[i++]!;
      while (j < e) dst[k++] = src[j++]!;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== order) order.set(src.subarray(0, n));
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number) {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** The crossing point when the segments cross in their interiors, or overlap collinearly. */
function properCrossing(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): [number, number] | null {
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
    const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
    return [ax + t * (bx - ax), ay + t * (by - ay)];
  }
  if (o1 === 0 && o2 === 0 && o3 === 0 && o4 === 0) {
    // Collinear: invalid when they overlap along a stretch (a spike folding back), not at a single point.
    const horizontal = Math.abs(bx - ax) + Math.abs(dx - cx) >= Math.abs(by - ay) + Math.abs(dy - cy);
    const [p0, p1, q0, q1] = horizontal ? [ax, bx, cx, dx] : [ay, by, cy, dy];
    const start = Math.max(Math.min(p0, p1), Math.min(q0, q1));
    const end = Math.min(Math.max(p0, p1), Math.max(q0, q1));
    if (end > start) {
      const mid = (start + end) / 2;
      if (horizontal) return [mid, ay + ((by - ay) * (mid - ax)) / (bx - ax || 1)];
      return [ax + ((bx - ax) * (mid - ay)) / (by - ay || 1), mid];
    }
  }
  return null;
}

/** A vertex of one segment lying on the other (shared end point or T-touch), for non-consecutive segments. */
function touchPoint(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): [number, number] | null {
  if ((ax === cx && ay === cy) || (ax === dx && ay === dy)) return [ax, ay];
  if ((bx === cx && by === cy) || (bx === dx && by === dy)) return [bx, by];
  const on = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) =>
    orient(px, py, qx, qy, rx, ry) === 0 &&
    rx >= Math.min(px, qx) &&
    rx <= Math.max(px, qx) &&
    ry >= Math.min(py, qy) &&
    ry <= Math.max(py, qy);
  if (on(cx, cy, dx, dy, ax, ay)) return [ax, ay];
  if (on(cx, cy, dx, dy, bx, by)) return [bx, by];
  if (on(ax, ay, bx, by, cx, cy)) return [cx, cy];
  if (on(ax, ay, bx, by, dx, dy)) return [dx, dy];
  return null;
}

/** Twice the signed area (positive = counter-clockwise in lng/lat). */
export function ringArea2(ring: Position[]): number {
  let a = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const p = ring[i]!,
      q = ring[i + 1]!;
    a += p[0]! * q[1]! - q[0]! * p[1]!;
  }
  return a;
}

export function pointInRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!,
      yi = ring[i]![1]!,
      xj = ring[j]![0]!,
      yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Split a closed ring at every vertex it passes through twice into simple closed loops. */
export function splitAtRepeatedVertices(ring: Position[]): Position[][] {
  const loops: Position[][] = [];
  const stack: Position[] = [];
  const where = new Map<string, number>();
  for (let i = 0; i < ring.length - 1; i++) {
    const p = ring[i]!;
    const key = `${p[0]},${p[1]}`;
    const at = where.get(key);
    if (at !== undefined) {
      const loop = stack.splice(at); // from the first visit up to just before this one
      for (const q of loop) where.delete(`${q[0]},${q[1]}`);
      if (loop.length >= 3) loops.push([...loop, loop[0]!]);
    }
    where.set(key, stack.length);
    stack.push(p);
  }
  if (stack.length >= 3) loops.push([...stack, stack[0]!]);
  return loops;
}

/**
 * Repair self-touching rings of one polygon: split them into simple loops, then rebuild polygons by
 * containment (a loop inside another becomes its hole). Returns one or more polygons (rings lists).
 */
export function repairSelfTouches(rings: Position[][], touchingRings: Set<number>): Position[][][] {
  const loops: { ring: Position[]; area: number; hole: boolean }[] = [];
  rings.forEach((ring, r) => {
    const pieces = touchingRings.has(r) ? splitAtRepeatedVertices(ring) : [ring];
    for (const piece of pieces) loops.push({ ring: piece, area: Math.abs(ringArea2(piece)), hole: r > 0 });
  });
  // Biggest first: a loop's container is the smallest bigger loop containing one of its points.
  loops.sort((a, b) => b.area - a.area);
  const depth: number[] = [];
  const parent: number[] = [];
  loops.forEach((loop, i) => {
    parent[i] = -1;
    depth[i] = 0;
    const probe = interiorProbe(loop.ring);
    for (let j = i - 1; j >= 0; j--) {
      if (loops[j]!.area > loop.area && pointInRing(probe[0], probe[1], loops[j]!.ring)) {
        parent[i] = j;
        depth[i] = depth[j]! + 1;
        break;
      }
    }
  });
  const polygons = new Map<number, Position[][]>();
  loops.forEach((loop, i) => {
    if (depth[i]! % 2 === 0) polygons.set(i, [loop.ring]);
  });
  loops.forEach((loop, i) => {
    if (depth[i]! % 2 === 1) polygons.get(parent[i]!)?.push(loop.ring);
  });
  return [...polygons.values()];
}

/** A point just inside the ring near its first edge (used only to test containment between loops). */
function interiorProbe(ring: Position[]): [number, number] {
  const sign = Math.sign(ringArea2(ring)) || 1;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!,
      b = ring[i + 1]!;
    const dx = b[0]! - a[0]!,
      dy = b[1]! - a[1]!;
    const len = Math.hypot(dx, dy);
    if (len === 0) continue;
    const mx = (a[0]! + b[0]!) / 2,
      my = (a[1]! + b[1]!) / 2;
    const eps = len * 1e-3;
    // Left of the edge is inside for a counter-clockwise ring.
    const px = mx - (dy / len) * eps * sign,
      py = my + (dx / len) * eps * sign;
    if (pointInRing(px, py, ring)) return [px, py];
  }
  const p = ring[0]!;
  return [p[0]!, p[1]!];
}
