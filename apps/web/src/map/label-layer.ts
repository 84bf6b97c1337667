// Names drawn as HTML markers at each wilayah's label point (MapLibre text needs glyph PBFs we cannot fetch).
// Overlapping names are hidden after every move/resize; the hovered name is always shown, emphasised.
import * as maplibregl from 'maplibre-gl';
import { placeLabels, type LabelBox } from './label-collision.ts';

export interface MapLabel {
  kode: string;
  nama: string;
  /** [lng, lat] inside the polygon. */
  lngLat: [number, number];
  /** Higher is placed first when names collide (e.g. the area of the wilayah). */
  priority: number;
}

export interface LabelLayer {
  setLabels(labels: MapLabel[]): void;
  setHover(kode: string | null, fromMap: boolean): void;
  setSelected(kodes: ReadonlySet<string>): void;
  relayout(): void;
  destroy(): void;
}

interface Entry {
  label: MapLabel;
  marker: maplibregl.Marker;
  element: HTMLElement;
  size?: { width: number; height: number };
}

export function createLabelLayer(map: maplibregl.Map): LabelLayer {
  let entries = new Map<string, Entry>();
  let hover: string | null = null;
  let selected: ReadonlySet<string> = new Set();
  let frame = 0;

  function measure(entry: Entry) {
    entry.size ??= { width: entry.element.offsetWidth, height: entry.element.offsetHeight };
    return entry.size;
  }

  function place() {
    frame = 0;
    const canvas = map.getCanvas();
    const viewport = { width: canvas.clientWidth, height: canvas.clientHeight };
    const boxes: LabelBox[] = [];
    for (const entry of entries.values()) {
      const point = map.project(entry.label.lngLat);
      const { width, height } = measure(entry);
      // One selected name is always shown; many (a lasso in the planner) compete like the others.
      const force = entry.label.kode === hover || (selected.size === 1 && selected.has(entry.label.kode));
      boxes.push({
        id: entry.label.kode,
        x: point.x,
        y: point.y,
        width,
        height,
        priority: entry.label.priority,
        force,
      });
    }
    const shown = placeLabels(boxes, viewport);
    for (const [kode, entry] of entries) entry.element.style.visibility = shown.has(kode) ? 'visible' : 'hidden';
  }

  /** Once per frame at most, however many events ask for it. */
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(place);
  };

  function setClass(kode: string | null, name: string, on: boolean) {
    if (kode) entries.get(kode)?.element.classList.toggle(name, on);
  }

  map.on('moveend', schedule);
  map.on('resize', schedule);

  return {
    setLabels(labels) {
      for (const entry of entries.values()) entry.marker.remove();
      entries = new Map();
      for (const label of labels) {
        const element = document.createElement('div');
        element.className = 'map-label';
        element.textContent = label.nama;
        element.setAttribute('data-testid', 'map-label');
        element.style.visibility = 'hidden';
        const marker = new maplibregl.Marker({ element, anchor: 'center' }).setLngLat(label.lngLat).addTo(map);
        entries.set(label.kode, { label, marker, element });
      }
      setClass(hover, 'is-hover', true);
      for (const kode of selected) setClass(kode, 'is-selected', true);
      schedule();
    },
    setHover(kode) {
      setClass(hover, 'is-hover', false);
      hover = kode;
      setClass(hover, 'is-hover', true);
      schedule();
    },
    setSelected(kodes) {
      for (const kode of selected) setClass(kode, 'is-selected', false);
      selected = kodes;
      for (const kode of selected) setClass(kode, 'is-selected', true);
      schedule();
    },
    relayout() {
      for (const entry of entries.values()) entry.size = undefined;
      schedule();
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      map.off('moveend', schedule);
      map.off('resize', schedule);
      for (const entry of entries.values()) entry.marker.remove();
      entries.clear();
    },
  };
}
