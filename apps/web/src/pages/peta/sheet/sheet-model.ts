// The phone's bottom sheet (list and desa profile over the map): three resting heights, and how a drag, a tap, a key
// or a selection moves between them. Pure, unit-tested (sheet-model.test.ts); BottomSheet.tsx draws it.

/** peek: a strip showing what the sheet holds; half: the map above, the sheet below; full: the sheet over the map. */
export type Snap = 'peek' | 'half' | 'full';
export const SNAPS: readonly Snap[] = ['peek', 'half', 'full'];

/** Height of the peek strip in CSS px (handle row and the first line beneath it). */
export const PEEK_PX = 104;
/** A drag faster than this (px per ms) goes one step in its direction, wherever it is released. */
const FLICK = 0.5;

export const isSnap = (v: unknown): v is Snap => SNAPS.includes(v as Snap);

/** Heights in px of each snap inside a frame `frameHeight` px high. */
export function snapHeights(frameHeight: number): Record<Snap, number> {
  const peek = Math.min(PEEK_PX, frameHeight);
  return { peek, half: Math.max(peek, Math.round(frameHeight / 2)), full: frameHeight };
}

/** One step up (+1, larger) or down (−1), stopping at the ends. */
export function stepSnap(snap: Snap, direction: 1 | -1): Snap {
  const i = SNAPS.indexOf(snap) + direction;
  return SNAPS[Math.max(0, Math.min(SNAPS.length - 1, i))]!;
}

/** A tap on the handle opens the sheet further; from full it goes back to half. */
export function tapSnap(snap: Snap): Snap {
  return snap === 'full' ? 'half' : stepSnap(snap, 1);
}

/**
 * Where a drag ends: a slow drag rests at the snap nearest to the height it was released at; a flick goes on in its
 * direction to the next snap past the release point (at least one step). `dy` is the pointer's movement (down
 * positive), `ms` its duration.
 */
export function snapAfterDrag(start: Snap, dy: number, ms: number, frameHeight: number): Snap {
  const heights = snapHeights(frameHeight);
  const released = heights[start] - dy;
  const velocity = ms > 0 ? dy / ms : 0;
  if (Math.abs(velocity) >= FLICK && Math.abs(dy) > 10) {
    if (dy < 0) return SNAPS.find((s) => heights[s] > heights[start] && heights[s] >= released) ?? 'full';
    return [...SNAPS].reverse().find((s) => heights[s] < heights[start] && heights[s] <= released) ?? 'peek';
  }
  return SNAPS.reduce(
    (best, s) => (Math.abs(heights[s] - released) < Math.abs(heights[best] - released) ? s : best),
    start,
  );
}

/** Height while dragging: follows the pointer, within peek and full. */
export function dragHeight(start: Snap, dy: number, frameHeight: number): number {
  const heights = snapHeights(frameHeight);
  return Math.max(heights.peek, Math.min(heights.full, heights[start] - dy));
}

/** After the user chose a desa: its profile must be visible, so the sheet opens at least half way. */
export function snapForSelection(snap: Snap): Snap {
  return snap === 'peek' ? 'half' : snap;
}
