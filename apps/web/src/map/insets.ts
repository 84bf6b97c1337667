// Panels drawn over a map (the legend in its bottom-left corner, the phone's bottom sheet) mark themselves with
// data-map-inset="corner" | "left" | "bottom"; the map fits its wilayah into the part they leave free. No maplibre
// import: components announce a change of their size with notifyMapInsets(), the adapter listens.

export type InsetSide = 'left' | 'bottom' | 'corner';
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const MAP_INSETS_EVENT = 'peta:map-insets';

/** A panel over a map appeared, moved or changed size: maps fitted by the app fit again (if the user has not moved them). */
export function notifyMapInsets(): void {
  window.dispatchEvent(new Event(MAP_INSETS_EVENT));
}

/** The panels over `frame` in the page, with their side; hidden ones and those beside the map are left out. */
export function insetsOver(frame: Rect): { side: InsetSide; rect: Rect }[] {
  return [...document.querySelectorAll<HTMLElement>('[data-map-inset]')].flatMap((el) => {
    const side = el.dataset.mapInset as InsetSide;
    const r = el.getBoundingClientRect();
    const overlaps =
      r.width > 0 &&
      r.height > 0 &&
      r.left < frame.right &&
      r.right > frame.left &&
      r.top < frame.bottom &&
      r.bottom > frame.top;
    return overlaps && (side === 'left' || side === 'bottom' || side === 'corner') ? [{ side, rect: r }] : [];
  });
}

const GAP = 8;

/**
 * The paddings a fit may use so that no panel covers the fitted wilayah: a left panel pads the left side, a bottom
 * panel the bottom, a corner panel (the legend) either side — one option each way, the caller keeps the one that lets
 * the wilayah be drawn largest. A panel covering most of the map (more than 45 % of its width, 60 % of its height)
 * is not padded for: the map would be too small; it is folded or moved instead.
 */
export function paddingOptions(
  frame: Rect,
  insets: readonly { side: InsetSide; rect: Rect }[],
  base: number,
): Padding[] {
  const width = frame.right - frame.left;
  const height = frame.bottom - frame.top;
  const left = (r: Rect) => r.right - frame.left + GAP;
  const bottom = (r: Rect) => frame.bottom - r.top + GAP;
  const fitsLeft = (r: Rect) => left(r) < width * 0.45;
  const fitsBottom = (r: Rect) => bottom(r) < height * 0.6;
  let options: Padding[] = [{ top: base, right: base, bottom: base, left: base }];
  for (const { side, rect } of insets) {
    const viaLeft = (p: Padding) => ({ ...p, left: Math.max(p.left, Math.round(left(rect))) });
    const viaBottom = (p: Padding) => ({ ...p, bottom: Math.max(p.bottom, Math.round(bottom(rect))) });
    if (side === 'left' && fitsLeft(rect)) options = options.map(viaLeft);
    else if (side === 'bottom' && fitsBottom(rect)) options = options.map(viaBottom);
    else if (side === 'corner') {
      const ways = [fitsLeft(rect) && viaLeft, fitsBottom(rect) && viaBottom].filter(
        (f): f is (p: Padding) => Padding => !!f,
      );
      if (ways.length) options = options.flatMap((p) => ways.map((way) => way(p)));
    }
  }
  return options;
}
