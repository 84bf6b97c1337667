// Screen-space label placement: the map draws names as HTML (no glyph PBFs can be fetched), so overlapping
// names are hidden here. Greedy by priority (larger wilayah first), O(n²) — n is at most a few hundred.

export interface LabelBox {
  id: string;
  /** Centre of the label on screen, in CSS pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher is placed first. */
  priority: number;
  /** Placed whatever it overlaps (the hovered wilayah). */
  force?: boolean;
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const rectOf = (b: LabelBox, gap: number): Rect => ({
  left: b.x - b.width / 2 - gap,
  top: b.y - b.height / 2 - gap,
  right: b.x + b.width / 2 + gap,
  bottom: b.y + b.height / 2 + gap,
});

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Ids of the labels to show: inside the viewport and not overlapping a label placed before them. */
export function placeLabels(
  boxes: readonly LabelBox[],
  viewport: { width: number; height: number },
  gap = 3,
): Set<string> {
  const order = [...boxes].sort(
    (a, b) => Number(!!b.force) - Number(!!a.force) || b.priority - a.priority || a.id.localeCompare(b.id),
  );
  const placed: Rect[] = [];
  const shown = new Set<string>();
  for (const box of order) {
    const rect = rectOf(box, 0);
    const inside = rect.left >= 0 && rect.top >= 0 && rect.right <= viewport.width && rect.bottom <= viewport.height;
    if (!inside && !box.force) continue;
    const padded = rectOf(box, gap);
    if (!box.force && placed.some((p) => overlaps(p, padded))) continue;
    placed.push(padded);
    shown.add(box.id);
  }
  return shown;
}
