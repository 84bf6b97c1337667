// Where the PNG for WhatsApp writes the desa names (pure; share-layout.test.ts): at each label point, larger wilayah
// first, moved a little where a name would cover another name or a numbered marker, in a smaller size where it does not
// fit; a name that fits nowhere near its point is left out rather than drawn over another (the map stays readable).
import { placeNearAnchors, type PlacedLabel } from '@peta/domain';

export interface NamedPath {
  /** Label point in the map box. */
  label?: [number, number];
  nama?: string;
  number?: number;
  priority?: number;
}

export interface PlacedName {
  nama: string;
  x: number;
  y: number;
  size: number;
  width: number;
  height: number;
}

export function layoutNames(
  paths: readonly NamedPath[],
  markers: readonly PlacedLabel[],
  measure: (text: string, size: number) => number,
  box: { width: number; height: number },
  { sizes, markerRadius }: { sizes: readonly number[]; markerRadius: number },
): PlacedName[] {
  const named = paths
    .filter((p): p is NamedPath & { label: [number, number]; nama: string } => !!p.label && !!p.nama)
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  // Markers keep their place; the name of a numbered desa starts just below its marker — where the marker was put,
  // which may be away from the desa (a leader line joins them), so that number and name read as one.
  const markerBoxes = markers.map((m) => ({ x: m.x, y: m.y, width: markerRadius * 2, height: markerRadius * 2 }));
  const markerOf = new Map(markers.map((m) => [m.id, m]));
  const anchorOf = (p: NamedPath & { label: [number, number] }, size: number): [number, number] => {
    const m = p.number !== undefined ? markerOf.get(String(p.number)) : undefined;
    return m ? [m.x, m.y + markerRadius + (size + 4) / 2 + gap] : p.label;
  };
  const gap = 4;
  const placed: PlacedName[] = [];
  let pending = named;
  for (const size of sizes) {
    const items = pending.map((p, i) => {
      const [x, y] = anchorOf(p, size);
      return { id: String(i), x, y, width: measure(p.nama, size) + 6, height: size + 4 };
    });
    const result = placeNearAnchors(items, {
      width: box.width,
      height: box.height,
      gap,
      maxDistance: size * 1.6,
      step: size / 2,
      obstacles: [...markerBoxes, ...placed],
    });
    const next: typeof pending = [];
    result.forEach((r, i) => {
      if (r)
        placed.push({ nama: pending[i]!.nama, x: r.x, y: r.y, size, width: items[i]!.width, height: items[i]!.height });
      else next.push(pending[i]!);
    });
    pending = next;
    if (!pending.length) break;
  }
  return placed;
}
