// Where to draw a label (a numbered marker, a name) near its point without covering another one: the meeting map, the
// printed pack and the PNG for WhatsApp draw many desa in a small box, and markers at neighbouring label points
// overlapped ("3" hiding "4"). Greedy in the given order (the first keeps its place), each label tries its own point,
// then points on rings around it, nearest first; one that moved gets a leader line from its point. Pure, tested.

/** A label to place: its anchor (x, y in the picture) and its size. */
export interface LabelItem {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLabel {
  id: string;
  /** Centre of the label as placed. */
  x: number;
  y: number;
  /** The anchor it belongs to (draw a leader line from here when `moved`). */
  anchor: [number, number];
  /** Placed away from its anchor (further than a third of its size). */
  moved: boolean;
}

export interface PlacementOptions {
  /** The picture: labels stay inside it. */
  width: number;
  height: number;
  /** Free space kept between two labels. */
  gap?: number;
  /** Furthest a label may move from its anchor; beyond it the label is left out (null). */
  maxDistance: number;
  /** Distance between two rings of candidate positions. */
  step?: number;
  /** Labels already drawn that the new ones must not cover (e.g. numbered markers). */
  obstacles?: readonly { x: number; y: number; width: number; height: number }[];
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const rectAt = (x: number, y: number, w: number, h: number, gap: number): Rect => ({
  left: x - w / 2 - gap / 2,
  top: y - h / 2 - gap / 2,
  right: x + w / 2 + gap / 2,
  bottom: y + h / 2 + gap / 2,
});
const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Offsets to try, nearest first: the anchor, then rings of 8, 16, 24… points. */
function candidates(maxDistance: number, step: number): [number, number][] {
  const out: [number, number][] = [[0, 0]];
  for (let ring = 1; ring * step <= maxDistance + 1e-9; ring++) {
    const r = ring * step;
    const n = 8 * ring;
    for (let i = 0; i < n; i++) {
      // Start straight up and go round: on a map, "just above" reads as belonging to the point.
      const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
      out.push([Math.round(r * Math.cos(a) * 10) / 10, Math.round(r * Math.sin(a) * 10) / 10]);
    }
  }
  return out;
}

/**
 * Places every label, in order, where it covers no label placed before it (nor an obstacle) and stays inside the
 * picture. A label with no free place within `maxDistance` is null: the caller drops it or shows it another way.
 */
export function placeNearAnchors(items: readonly LabelItem[], options: PlacementOptions): (PlacedLabel | null)[] {
  const gap = options.gap ?? 2;
  const placed: Rect[] = (options.obstacles ?? []).map((o) => rectAt(o.x, o.y, o.width, o.height, gap));
  const rings = new Map<number, [number, number][]>();
  return items.map((item) => {
    const step = options.step ?? Math.max(4, Math.min(item.width, item.height) / 2);
    if (!rings.has(step)) rings.set(step, candidates(options.maxDistance, step));
    for (const [dx, dy] of rings.get(step)!) {
      const x = item.x + dx;
      const y = item.y + dy;
      const rect = rectAt(x, y, item.width, item.height, gap);
      const inside =
        x - item.width / 2 >= 0 &&
        y - item.height / 2 >= 0 &&
        x + item.width / 2 <= options.width &&
        y + item.height / 2 <= options.height;
      if (!inside || placed.some((p) => overlaps(p, rect))) continue;
      placed.push(rect);
      const moved = Math.hypot(dx, dy) > Math.min(item.width, item.height) / 3;
      return { id: item.id, x, y, anchor: [item.x, item.y], moved };
    }
    return null;
  });
}

/**
 * Numbered round markers (the meeting's order of the desa) that never cover each other: every marker is placed,
 * moving as far as needed (with a leader line back to its point).
 */
export function placeMarkers(
  points: readonly { id: string; x: number; y: number }[],
  radius: number,
  box: { width: number; height: number },
): PlacedLabel[] {
  const size = radius * 2;
  const maxDistance = Math.hypot(box.width, box.height);
  const placed = placeNearAnchors(
    points.map((p) => ({ ...p, width: size, height: size })),
    {
      width: box.width,
      height: box.height,
      gap: Math.max(1, radius / 5),
      maxDistance,
      step: radius,
    },
  );
  // Only a picture too small for all of them leaves one out: it then stays at its point.
  return placed.map(
    (p, i) =>
      p ?? { id: points[i]!.id, x: points[i]!.x, y: points[i]!.y, anchor: [points[i]!.x, points[i]!.y], moved: false },
  );
}
