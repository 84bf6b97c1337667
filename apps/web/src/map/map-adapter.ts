// The adapter that owns the MapLibre map. React components talk to the map only through MapAdapter:
// they push data in (geometry, labels, hover, selection, feature values) and receive clicks/hovers out.
// Setters may be called before the map's style has loaded: the wanted state is kept and applied then.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection } from 'geojson';
import { TILE_LAYER } from '@peta/domain/contract';
import {
  baseStyle,
  COLOURS,
  desaHoverFilter,
  desaLayers,
  desaTileSource,
  HATCH_IMAGE,
  LAYER,
  NO_FEATURE,
  OSM_SOURCE,
  SOURCE,
} from './base-style.ts';
import { hatchImage } from './hatch-pattern.ts';
import { createLabelLayer, type LabelLayer, type MapLabel } from './label-layer.ts';
import { mapTestHooks } from './test-hooks.ts';
import { registerProjection } from './projection.ts';
import { insetsOver, MAP_INSETS_EVENT, paddingOptions } from './insets.ts';

// Without this the worker is requested from a path that does not exist in the build ("Worker failed to load").
maplibregl.setWorkerUrl(workerUrl);

export type { MapLabel } from './label-layer.ts';
export type Bbox = [number, number, number, number];

/** Per-feature style pushed as feature-state (the choropleth sets fillColor per kode). */
export interface FeatureStyle {
  fillColor: string;
  /** Hatched over the colour (coverage above 100 %: shown as it is, flagged for checking). */
  flag?: boolean;
  /** Outline; white by default. A dark one sets apart neighbours of one colour (the planner's wilayah kerja). */
  lineColor?: string;
}

/** The "Semua desa" map: the vector tiles of every desa, and the provinsi whose desa are shown (null: all). */
export interface AllDesa {
  /** Absolute tile URL template ({z}/{x}/{y}); it carries the geometry version. */
  tileUrl: string;
  /** Kode prefix of the desa drawn (a provinsi), null for Indonesia. */
  only: string | null;
  /** Where tiles exist (Indonesia), so MapLibre asks for no sea tiles. */
  bounds: Bbox | null;
}

export interface MapAdapterOptions {
  container: HTMLElement;
  /** Initial extent (Indonesia) before any fitBounds. */
  initialBounds?: Bbox;
  /** UI strings of MapLibre controls (NavigationControl.ZoomIn…), from the app's i18n. */
  locale?: Record<string, string>;
  onFeatureClick?: (kode: string) => void;
  /** Hover from the map (pointer over a child polygon), null when it leaves. */
  onFeatureHover?: (kode: string | null) => void;
}

export interface MapAdapter {
  /** Draws the children of `viewKode` (null = the provinces). Hover, selection and feature values are kept. */
  showChildren(viewKode: string | null, geometry: FeatureCollection): void;
  /**
   * Muted geometry around the view: `geometry` holds the view's siblings, among which `currentKode` (the view
   * itself) is outlined; `outer` (optional) is one level further up, drawn beneath.
   */
  showContext(geometry: FeatureCollection | null, currentKode: string | null, outer?: FeatureCollection | null): void;
  /** HTML labels at each child's label point; overlapping ones are hidden. */
  setLabels(labels: MapLabel[]): void;
  /** Highlight from the app (a hovered list row). */
  setHover(kode: string | null): void;
  /** The chosen children (a desa; several in the planner), drawn with a dark outline on a light halo, never a fill. */
  setSelected(kodes: readonly string[]): void;
  /** Recolours children through feature-state (no refetch, no setData). Kodes absent from `values` get the default. */
  setFeatureValues(values: Record<string, FeatureStyle>): void;
  /**
   * Shows every desa from the vector tiles over the children (null: back to the drill-down). While shown, hover
   * and click come from the desa; the children stay beneath, uncoloured.
   */
  showAllDesa(allDesa: AllDesa | null): void;
  /** Recolours the desa of the tiles through feature-state: an indicator switch fetches no geometry. */
  setDesaValues(values: Record<string, FeatureStyle>): void;
  fitBounds(bbox: Bbox, options?: { animate?: boolean }): void;
  /** Online OSM raster behind the polygons; off by default, nothing is requested while off. */
  setBasemap(enabled: boolean): void;
  /** After a font-size change: re-measure labels, resize the canvas. */
  relayout(): void;
  destroy(): void;
}

/** WebGL is missing or failed: the app shows a message and keeps the list usable. */
export class MapUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Peta tidak tersedia: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'MapUnavailableError';
  }
}

const INDONESIA: Bbox = [94.9, -11.1, 141.1, 6.1];
const prefersReducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export function createMapAdapter(options: MapAdapterOptions): MapAdapter {
  let map: maplibregl.Map;
  try {
    map = new maplibregl.Map({
      container: options.container,
      style: baseStyle(),
      bounds: options.initialBounds ?? INDONESIA,
      fitBoundsOptions: { padding: 16 },
      locale: options.locale,
      attributionControl: { compact: true },
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
      renderWorldCopies: false,
    });
  } catch (error) {
    throw new MapUnavailableError(error);
  }
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');

  const hooks = mapTestHooks();
  const labels: LabelLayer = createLabelLayer(map);
  let loaded = false;
  let viewKode: string | null = null;
  let children: FeatureCollection | null = null;
  let context: { geometry: FeatureCollection | null; currentKode: string | null; outer: FeatureCollection | null } = {
    geometry: null,
    currentKode: null,
    outer: null,
  };
  let hover: string | null = null;
  let selected: ReadonlySet<string> = new Set();
  let values: Record<string, FeatureStyle> = {};
  let basemap = false;
  let pendingBounds: Bbox | null = null;
  let allDesa: AllDesa | null = null;
  let shownDesa: AllDesa | null = null;
  let desaValues: Record<string, FeatureStyle> = {};

  const childrenSource = () => map.getSource<maplibregl.GeoJSONSource>(SOURCE.children);
  const contextSource = () => map.getSource<maplibregl.GeoJSONSource>(SOURCE.context);
  const outerSource = () => map.getSource<maplibregl.GeoJSONSource>(SOURCE.outer);
  const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const feature = (id: string) => ({ source: SOURCE.children, id });
  const desaFeature = (id: string) => ({ source: SOURCE.desa, sourceLayer: TILE_LAYER.desa, id });
  const desaShown = () => shownDesa !== null;
  const stateOf = (style: FeatureStyle) => ({
    fillColor: style.fillColor,
    flag: style.flag ?? false,
    lineColor: style.lineColor ?? COLOURS.childLine,
  });
  hooks.exposeFeatureState((kode) => (loaded ? map.getFeatureState(feature(kode)) : {}));
  hooks.exposeDesaRendered(
    () => {
      if (!loaded || !desaShown()) return { features: 0, coloured: 0 };
      const rendered = map.queryRenderedFeatures({ layers: [LAYER.desaFill] });
      const kodes = new Set(rendered.map((f) => String(f.properties.kode)));
      let coloured = 0;
      for (const kode of kodes) if (map.getFeatureState(desaFeature(kode)).fillColor) coloured++;
      return { features: kodes.size, coloured };
    },
    (kode) => (loaded && desaShown() ? map.getFeatureState(desaFeature(kode)) : {}),
  );
  // Code drawing over the map (the planner's lasso) asks where a lng/lat is on screen (projection.ts).
  const unregisterProjection = registerProjection(options.container, (lngLat) => map.project(lngLat));

  function applyChildren() {
    if (!loaded || !children) return;
    map.removeFeatureState({ source: SOURCE.children });
    childrenSource()?.setData(children);
    for (const [kode, style] of Object.entries(values)) map.setFeatureState(feature(kode), stateOf(style));
    hooks.valuesApplied(Object.keys(values).length);
    for (const kode of selected) map.setFeatureState(feature(kode), { selected: true });
    if (hover) map.setFeatureState(feature(hover), { hover: true });
    hooks.viewChanged(viewKode, children.features.length);
  }

  /**
   * The context (hundreds of kB of neighbouring polygons) waits until the view's own polygons are parsed: MapLibre
   * has one worker on a 2-core machine, and the coloured view is what the user waits for.
   */
  let contextWaiting = false;
  function applyContext() {
    if (!loaded) return;
    contextWaiting = children !== null && !map.isSourceLoaded(SOURCE.children);
    if (contextWaiting) return;
    contextSource()?.setData(context.geometry ?? EMPTY);
    outerSource()?.setData(context.outer ?? EMPTY);
    const filter = context.currentKode
      ? (['==', ['get', 'kode'], context.currentKode] as maplibregl.FilterSpecification)
      : NO_FEATURE;
    map.setFilter(LAYER.currentHalo, filter);
    map.setFilter(LAYER.currentOutline, filter);
  }

  function applyAllDesa() {
    if (!loaded) return;
    const same = shownDesa && allDesa && shownDesa.tileUrl === allDesa.tileUrl && shownDesa.only === allDesa.only;
    if (shownDesa && !same) {
      for (const layer of desaLayers(null)) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      map.removeSource(SOURCE.desa);
      shownDesa = null;
    }
    if (allDesa && !shownDesa) {
      map.addSource(SOURCE.desa, desaTileSource(allDesa.tileUrl, allDesa.bounds));
      for (const layer of desaLayers(allDesa.only, hover)) map.addLayer(layer, LAYER.childrenHoverLine);
      shownDesa = allDesa;
      applyDesaValues({});
    }
    hooks.desaShown(shownDesa !== null);
  }

  /** Feature-state of every desa; `previous` are kodes coloured before (cleared when absent now). */
  function applyDesaValues(previous: Record<string, FeatureStyle>) {
    if (!loaded || !desaShown()) return;
    for (const kode of Object.keys(previous)) {
      if (kode in desaValues) continue;
      map.removeFeatureState(desaFeature(kode), 'fillColor');
      map.removeFeatureState(desaFeature(kode), 'flag');
    }
    for (const [kode, style] of Object.entries(desaValues))
      map.setFeatureState(desaFeature(kode), { fillColor: style.fillColor, flag: style.flag ?? false });
    hooks.desaValuesApplied(Object.keys(desaValues).length);
  }

  function applyHover(next: string | null, fromMap: boolean) {
    if (next === hover) return;
    if (loaded && hover) map.setFeatureState(feature(hover), { hover: false });
    hover = next;
    if (loaded && hover) map.setFeatureState(feature(hover), { hover: true });
    if (loaded && shownDesa) {
      map.setFilter(LAYER.desaHover, desaHoverFilter(shownDesa.only, hover));
      map.setFilter(LAYER.desaHoverLine, desaHoverFilter(shownDesa.only, hover));
    }
    labels.setHover(hover, fromMap);
    map.getCanvas().style.cursor = fromMap && hover ? 'pointer' : '';
  }

  function applyBasemap() {
    if (!loaded) return;
    const has = !!map.getLayer(LAYER.basemap);
    if (basemap && !has) {
      if (!map.getSource(SOURCE.basemap)) map.addSource(SOURCE.basemap, OSM_SOURCE);
      map.addLayer({ id: LAYER.basemap, type: 'raster', source: SOURCE.basemap }, LAYER.outerFill);
    } else if (!basemap && has) {
      map.removeLayer(LAYER.basemap);
      map.removeSource(SOURCE.basemap);
    }
    map.setPaintProperty(LAYER.contextFill, 'fill-opacity', basemap ? 0.25 : 1);
    map.setPaintProperty(LAYER.outerFill, 'fill-opacity', basemap ? 0.25 : 1);
    map.setPaintProperty(LAYER.childrenFill, 'fill-opacity', basemap ? 0.55 : 0.95);
  }

  /**
   * Room around the fitted wilayah, and around the panels drawn over the map (the legend, the phone's sheet:
   * insets.ts). Of the ways around them, the one that draws the wilayah largest.
   */
  function paddingFor(bbox: Bbox): maplibregl.PaddingOptions {
    const container = map.getContainer();
    const { clientWidth: w, clientHeight: h } = container;
    const base = Math.round(Math.max(8, Math.min(48, Math.min(w, h) * 0.07)));
    const frame = container.getBoundingClientRect();
    const options = paddingOptions(frame, insetsOver(frame), base);
    if (options.length === 1) return options[0]!;
    const bounds: maplibregl.LngLatBoundsLike = [
      [bbox[0], bbox[1]],
      [bbox[2], bbox[3]],
    ];
    const zoomWith = (padding: maplibregl.PaddingOptions) =>
      map.cameraForBounds(bounds, { padding, maxZoom: 14 })?.zoom ?? -Infinity;
    return options.reduce((best, p) => (zoomWith(p) > zoomWith(best) ? p : best));
  }

  /** The last wilayah fitted by the app, and its padding; refitted when a panel over the map changes, until the user moves the map. */
  let lastFit: { bbox: Bbox; padding: string } | null = null;
  let userMoved = false;

  function applyBounds(bbox: Bbox, animate: boolean) {
    const [minLng, minLat, maxLng, maxLat] = bbox;
    const padding = paddingFor(bbox);
    lastFit = { bbox, padding: JSON.stringify(padding) };
    userMoved = false;
    map.fitBounds(
      [
        [minLng, minLat],
        [maxLng, maxLat],
      ],
      {
        padding,
        duration: animate && !prefersReducedMotion() ? 600 : 0,
        maxZoom: 14,
      },
    );
  }

  let insetTimer = 0;
  const onInsetsChanged = () => {
    window.clearTimeout(insetTimer);
    // Once a panel has settled (a sheet sliding, a legend growing fire many events).
    insetTimer = window.setTimeout(() => {
      if (!loaded || !lastFit || userMoved) return;
      if (JSON.stringify(paddingFor(lastFit.bbox)) !== lastFit.padding) applyBounds(lastFit.bbox, true);
    }, 120);
  };
  window.addEventListener(MAP_INSETS_EVENT, onInsetsChanged);
  map.on('movestart', (event) => {
    if ((event as { originalEvent?: Event }).originalEvent) userMoved = true;
  });

  // The style's sources exist once the style has loaded, before the first frame (`load`): data handed over then is
  // parsed by the workers while MapLibre sets up WebGL, so the first frames can already show the coloured view.
  function onStyleLoaded() {
    if (loaded) return;
    loaded = true;
    // The view first: its polygons are parsed before the (larger) context around them.
    applyChildren();
    applyContext();
    applyBasemap();
    applyAllDesa();
    if (pendingBounds) applyBounds(pendingBounds, false);
    pendingBounds = null;
  }
  map.once('style.load', onStyleLoaded);
  map.on('load', () => {
    onStyleLoaded();
    hooks.loaded();
  });
  // The hatch is drawn in code the first time the style asks for it (MapLibre 6: a resolver, not the event).
  map.setMissingStyleImageResolver((id) => {
    if (id !== HATCH_IMAGE || map.hasImage(HATCH_IMAGE)) return;
    const ratio = Math.max(1, Math.round(window.devicePixelRatio || 1));
    map.addImage(HATCH_IMAGE, hatchImage(COLOURS.flag, ratio), { pixelRatio: ratio });
  });
  map.on('sourcedata', (event) => {
    if (contextWaiting && event.sourceId === SOURCE.children && map.isSourceLoaded(SOURCE.children)) applyContext();
  });
  map.on('idle', () => {
    if (contextWaiting) applyContext();
    hooks.idle(loaded && map.isSourceLoaded(SOURCE.children), loaded && desaShown() && map.isSourceLoaded(SOURCE.desa));
  });
  map.on('render', () => hooks.rendered(loaded && children !== null && map.isSourceLoaded(SOURCE.children)));
  map.on('error', (event) => console.warn('[peta] map error:', event.error?.message ?? event));

  // A finger has no hover: the mouse events a tap emulates must not open the hover card (it would stay, covering the
  // map); a tap selects, and the sheet or the side pane shows what the card would.
  let touching = false;
  const canvas = map.getCanvasContainer();
  const notePointer = (event: PointerEvent) => {
    touching = event.pointerType === 'touch' || event.pointerType === 'pen';
  };
  canvas.addEventListener('pointerdown', notePointer, true);
  canvas.addEventListener('pointermove', notePointer, true);
  map.on('mousemove', LAYER.childrenFill, (event) => {
    if (touching) return;
    if (desaShown()) return; // the desa above answer
    const kode = event.features?.[0]?.properties?.kode as string | undefined;
    if (!kode || kode === hover) return;
    applyHover(kode, true);
    options.onFeatureHover?.(kode);
  });
  map.on('mouseleave', LAYER.childrenFill, () => {
    if (touching && hover === null) return;
    if (desaShown()) return;
    applyHover(null, true);
    options.onFeatureHover?.(null);
  });
  map.on('click', LAYER.childrenFill, (event) => {
    if (desaShown()) return;
    const kode = event.features?.[0]?.properties?.kode as string | undefined;
    if (kode) options.onFeatureClick?.(kode);
  });
  // The desa layer exists only while "Semua desa" is shown; MapLibre keeps layer listeners across add/remove.
  map.on('mousemove', LAYER.desaFill, (event) => {
    const kode = event.features?.[0]?.properties?.kode as string | undefined;
    if (!kode || kode === hover) return;
    applyHover(kode, true);
    options.onFeatureHover?.(kode);
  });
  map.on('mouseleave', LAYER.desaFill, () => {
    applyHover(null, true);
    options.onFeatureHover?.(null);
  });
  map.on('click', LAYER.desaFill, (event) => {
    const kode = event.features?.[0]?.properties?.kode as string | undefined;
    if (kode) options.onFeatureClick?.(kode);
  });

  return {
    showChildren(kode, geometry) {
      viewKode = kode;
      children = geometry;
      hooks.viewPending(kode);
      applyChildren();
    },
    showContext(geometry, currentKode, outer = null) {
      context = { geometry, currentKode, outer };
      applyContext();
    },
    setLabels(next) {
      labels.setLabels(next);
    },
    setHover(kode) {
      applyHover(kode, false);
    },
    setSelected(kodes) {
      const next = new Set(kodes);
      if (next.size === selected.size && [...next].every((k) => selected.has(k))) return;
      if (loaded) {
        for (const kode of selected) if (!next.has(kode)) map.setFeatureState(feature(kode), { selected: false });
        for (const kode of next) map.setFeatureState(feature(kode), { selected: true });
      }
      selected = next;
      labels.setSelected(next);
    },
    setFeatureValues(next) {
      if (loaded) {
        for (const kode of Object.keys(values)) {
          if (kode in next) continue;
          map.removeFeatureState(feature(kode), 'fillColor');
          map.removeFeatureState(feature(kode), 'flag');
          map.removeFeatureState(feature(kode), 'lineColor');
        }
        for (const [kode, style] of Object.entries(next)) map.setFeatureState(feature(kode), stateOf(style));
      }
      values = { ...next };
      if (loaded) hooks.valuesApplied(Object.keys(values).length);
    },
    showAllDesa(next) {
      allDesa = next;
      applyAllDesa();
    },
    setDesaValues(next) {
      const previous = desaValues;
      desaValues = next;
      applyDesaValues(previous);
    },
    fitBounds(bbox, { animate = true } = {}) {
      if (!loaded) pendingBounds = bbox;
      else applyBounds(bbox, animate);
    },
    setBasemap(enabled) {
      basemap = enabled;
      applyBasemap();
    },
    relayout() {
      map.resize();
      labels.relayout();
    },
    destroy() {
      window.removeEventListener(MAP_INSETS_EVENT, onInsetsChanged);
      window.clearTimeout(insetTimer);
      unregisterProjection();
      labels.destroy();
      map.remove();
      hooks.destroyed();
    },
  };
}

export const DEFAULT_FILL = COLOURS.childFill;
