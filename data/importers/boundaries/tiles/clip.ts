// Clipping in tile space — PURE. Coordinates are flat [x0, y0, x1, y1, …] arrays in the pixel space of one zoom
// (world width = 2^z × extent), so a tile is the square [tx·extent, (tx+1)·extent) and clipping is against that
// square grown by the buffer. Clipping goes by axis (a column of tiles first, then each tile of the column), so a
// long coastline is cut once per column instead of once per tile. Polygons: Sutherland–Hodgman (the edges it adds
// along the clip square lie in the buffer, outside the visible tile). Lines: cut into runs where they leave.

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** axis 0 = x, 1 = y. */
type Axis = 0 | 1;

/** One side of the slab lo ≤ v ≤ hi (side −1: v ≥ lo, +1: v ≤ hi) of a closed ring. */
function clipHalf(ring: ArrayLike<number>, axis: Axis, k: number, side: -1 | 1): number[] {
  const n = ring.length >> 1;
  const out: number[] = [];
  if (n === 0) return out;
  const other = 1 - axis;
  const inside = (v: number) => (side < 0 ? v >= k : v <= k);
  let pv = ring[2 * (n - 1) + axis]!,
    po = ring[2 * (n - 1) + other]!;
  let pin = inside(pv);
  for (let i = 0; i < n; i++) {
    const cv = ring[2 * i + axis]!,
      co = ring[2 * i + other]!;
    const cin = inside(cv);
    if (cin !== pin) {
      const o = po + ((k - pv) / (cv - pv)) * (co - po);
      if (axis === 0) out.push(k, o);
      else out.push(o, k);
    }
    if (cin) out.push(ring[2 * i]!, ring[2 * i + 1]!);
    pv = cv;
    po = co;
    pin = cin;
  }
  return out;
}

/**
 * An open ring (no repeated closing point) clipped to lo ≤ coordinate ≤ hi on one axis; [] when nothing is left.
 * A ring wholly inside is returned itself, not copied (most desa lie inside one tile): callers only read it.
 */
export function clipRingAxis(ring: ArrayLike<number>, axis: Axis, lo: number, hi: number): ArrayLike<number> {
  let min = Infinity,
    max = -Infinity;
  for (let i = axis; i < ring.length; i += 2) {
    const v = ring[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max < lo || min > hi) return [];
  if (min >= lo && max <= hi) return ring;
  const out = clipHalf(clipHalf(ring, axis, lo, -1), axis, hi, 1);
  return out.length >= 6 ? out : [];
}

export function clipRing(ring: ArrayLike<number>, r: Rect): number[] {
  return Array.from(clipRingAxis(clipRingAxis(ring, 0, r.x0, r.x1), 1, r.y0, r.y1));
}

/** A polyline cut to lo ≤ coordinate ≤ hi on one axis: the runs inside (each at least two points). */
export function clipLineAxis(line: ArrayLike<number>, axis: Axis, lo: number, hi: number): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 4) runs.push(run);
    run = [];
  };
  const other = 1 - axis;
  // The point where a–b crosses v = k, appended to the run (no pair allocated per crossing).
  const pushAt = (av: number, ao: number, bv: number, bo: number, k: number) => {
    const o = ao + ((k - av) / (bv - av)) * (bo - ao);
    if (axis === 0) run.push(k, o);
    else run.push(o, k);
  };
  for (let i = 0; i + 3 < line.length; i += 2) {
    const av = line[i + axis]!,
      ao = line[i + other]!,
      bv = line[i + 2 + axis]!,
      bo = line[i + 2 + other]!;
    const aIn = av >= lo && av <= hi;
    if (!run.length && aIn) run.push(line[i]!, line[i + 1]!);
    if (aIn) {
      if (bv >= lo && bv <= hi) run.push(line[i + 2]!, line[i + 3]!);
      else {
        pushAt(av, ao, bv, bo, bv < lo ? lo : hi);
        flush();
      }
      continue;
    }
    // a outside: does the segment enter the slab?
    if ((av < lo && bv < lo) || (av > hi && bv > hi)) continue;
    const enter = av < lo ? lo : hi;
    flush();
    pushAt(av, ao, bv, bo, enter);
    if (bv >= lo && bv <= hi) run.push(line[i + 2]!, line[i + 3]!);
    else {
      pushAt(av, ao, bv, bo, bv < lo ? lo : hi); // crosses the whole slab
      flush();
    }
  }
  flush();
  return runs;
}

export function clipLine(line: ArrayLike<number>, r: Rect): number[][] {
  return clipLineAxis(line, 0, r.x0, r.x1).flatMap((run) => clipLineAxis(run, 1, r.y0, r.y1));
}
