// Where a lng/lat is on screen, for code outside src/map that draws over the map (the planner's lasso) without
// importing maplibre-gl: the adapter registers each map's projection with its container, a caller asks with any
// element that contains it. Also `window.__mapProject` for e2e (the last map created).
declare global {
  interface Window {
    /** Viewport (client) position of [lng, lat] on the map created last: where a test points the mouse. */
    __mapProject?: (lngLat: [number, number]) => [number, number];
  }
}

/** Client (viewport) coordinates of each [lng, lat], in order. */
export type ScreenProjection = (lngLats: readonly [number, number][]) => [number, number][];

const maps = new Map<HTMLElement, (lngLat: [number, number]) => { x: number; y: number }>();

/** Called by the adapter; returns the unregister. `project` gives pixels relative to the container. */
export function registerProjection(
  container: HTMLElement,
  project: (lngLat: [number, number]) => { x: number; y: number },
): () => void {
  maps.set(container, project);
  const single = (lngLat: [number, number]) => projectionWithin(container)!([lngLat])[0]!;
  window.__mapProject = single;
  return () => {
    maps.delete(container);
    if (window.__mapProject === single) window.__mapProject = undefined;
  };
}

/** The projection of the map inside `element` (or of `element` itself), or null before the map exists. */
export function projectionWithin(element: HTMLElement): ScreenProjection | null {
  for (const [container, project] of maps) {
    if (!element.contains(container)) continue;
    return (lngLats) => {
      const frame = container.getBoundingClientRect();
      return lngLats.map((lngLat) => {
        const p = project(lngLat);
        return [frame.left + p.x, frame.top + p.y];
      });
    };
  }
  return null;
}
