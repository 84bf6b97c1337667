// Selecting desa on the planner's map (pure; tested in lasso-model.test.ts): a freehand lasso drawn in screen
// pixels selects every desa whose label point falls inside it; a click selects one desa, or with Shift/Ctrl adds
// or removes it; a move of the selection skips desa already in the chosen puskesmas.
import type { DesaAssignment } from '@peta/domain/contract';

export type Point = [number, number];

/** Points closer than this (px) to the last one are not added while drawing: a drag yields a few hundred at most. */
export const LASSO_MIN_STEP = 4;
/** Fewer points than this, or a lasso smaller than this many px across, is a click, not a lasso. */
const MIN_POINTS = 3;
const MIN_SPAN = 6;

/** The path with `p` appended unless it is within `minStep` px of the last point. */
export function extendPath(path: readonly Point[], p: Point, minStep = LASSO_MIN_STEP): Point[] {
  const last = path[path.length - 1];
  if (last && Math.hypot(p[0] - last[0], p[1] - last[1]) < minStep) return path as Point[];
  return [...path, p];
}

/** Whether the path encloses any area worth selecting in (not a click or a line). */
export function isLasso(path: readonly Point[]): boolean {
  if (path.length < MIN_POINTS) return false;
  const xs = path.map((p) => p[0]);
  const ys = path.map((p) => p[1]);
  return Math.max(...xs) - Math.min(...xs) >= MIN_SPAN && Math.max(...ys) - Math.min(...ys) >= MIN_SPAN;
}

/**
 * Even-odd rule (a ray to the right crosses the ring's edges an odd number of times). The ring is closed
 * implicitly (last point back to the first), as a released lasso is; a self-crossing lasso follows even-odd.
 */
export function pointInPolygon(p: Point, ring: readonly Point[]): boolean {
  const [x, y] = p;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Kode of the items whose screen point lies inside the ring, in the items' order. */
export function insideLasso(items: readonly { kode: string; point: Point }[], ring: readonly Point[]): string[] {
  if (ring.length < MIN_POINTS) return [];
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return items
    .filter(({ point: [x, y] }) => x >= minX && x <= maxX && y >= minY && y <= maxY)
    .filter(({ point }) => pointInPolygon(point, ring))
    .map(({ kode }) => kode);
}

/** After a lasso: the desa found, or (Shift/Ctrl held) those added to the current selection. */
export function lassoSelection(current: readonly string[], found: readonly string[], additive: boolean): string[] {
  if (!additive) return [...new Set(found)];
  return [...new Set([...current, ...found])];
}

/** After a click on a desa: that desa alone, or (Shift/Ctrl held) it added to or removed from the selection. */
export function clickSelection(current: readonly string[], kode: string, additive: boolean): string[] {
  if (!additive) return [kode];
  return current.includes(kode) ? current.filter((k) => k !== kode) : [...current, kode];
}

/** A move of the selection to `puskesmas`: the desa to send (in order) and those already there (skipped). */
export function movePlan(
  desa: readonly DesaAssignment[],
  puskesmas: string,
): { move: DesaAssignment[]; already: DesaAssignment[] } {
  return {
    move: desa.filter((d) => d.puskesmas !== puskesmas),
    already: desa.filter((d) => d.puskesmas === puskesmas),
  };
}

/** SVG path data of the lasso as drawn (closed once released). */
export function pathData(path: readonly Point[], closed: boolean): string {
  if (path.length === 0) return '';
  const d = path.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ');
  return closed ? `${d} Z` : d;
}

export type MoveOutcome =
  | { status: 'done'; moved: string[] }
  | { status: 'failed'; moved: string[]; failed: string; message: string };

/**
 * One write per desa, one after the other (each is its own event on the server), reporting progress after each;
 * stops at the first failure, naming the desa and the server's reason. Desa already moved stay moved.
 */
export async function moveOneByOne(
  kodes: readonly string[],
  send: (kode: string) => Promise<unknown>,
  onProgress: (done: number, total: number) => void,
): Promise<MoveOutcome> {
  const moved: string[] = [];
  onProgress(0, kodes.length);
  for (const kode of kodes) {
    try {
      await send(kode);
    } catch (error) {
      return { status: 'failed', moved, failed: kode, message: error instanceof Error ? error.message : String(error) };
    }
    moved.push(kode);
    onProgress(moved.length, kodes.length);
  }
  return { status: 'done', moved };
}
