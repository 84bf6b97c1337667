// The style is built in code: a background and our own GeoJSON sources only, so the map makes no external
// request (no glyphs, sprites or tiles). Names are HTML markers (see map-adapter.ts), not symbol layers.
import type { FeatureCollection } from 'geojson';
import type {
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import { PALETTE } from '@peta/domain';
import { DESA_OUTLINE_MIN_ZOOM, TILE_LAYER, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from '@peta/domain/contract';

export const SOURCE = {
  children: 'children',
  context: 'context',
  outer: 'outer',
  basemap: 'osm',
  desa: 'desa-tiles',
} as const;

export const LAYER = {
  background: 'background',
  basemap: 'basemap',
  outerFill: 'outer-fill',
  outerLine: 'outer-line',
  contextFill: 'context-fill',
  contextLine: 'context-line',
  currentHalo: 'current-halo',
  childrenFill: 'children-fill',
  childrenFlag: 'children-flag',
  childrenHover: 'children-hover',
  childrenLine: 'children-line',
  childrenHoverLine: 'children-hover-line',
  currentOutline: 'current-outline',
  selectedHalo: 'selected-halo',
  selectedLine: 'selected-line',
  desaFill: 'desa-fill',
  desaFlag: 'desa-flag',
  desaHover: 'desa-hover',
  desaLine: 'desa-line',
  batasKecamatan: 'batas-kecamatan',
  batasKabupaten: 'batas-kabupaten',
  batasProvinsi: 'batas-provinsi',
  desaHoverLine: 'desa-hover-line',
} as const;

export const COLOURS = {
  /** Outside every drawn wilayah: neutral, so land outside the context is not mistaken for sea. */
  background: '#e2e5e6',
  contextFill: '#f3f1ea',
  outerLine: '#d6d0c2',
  contextLine: '#b3ac9c',
  childFill: '#b9d7cf',
  childLine: '#ffffff',
  /**
   * The selection is an outline, never a fill: a fill colour would read as a legend class (amber was "Cukup"). A
   * near-black line on a white halo stands apart from every class and quantile colour and from the white borders.
   */
  selectedLine: '#0d1b21',
  selectedHalo: '#ffffff',
  accent: '#1f4e5f',
  /** Hatch lines over a class colour: coverage above 100 % (a data-quality flag, not a class). */
  flag: PALETTE.flag,
} as const;

/** Image id of the over-100 % hatch, drawn in code (hatch-pattern.ts) when the style asks for it. */
export const HATCH_IMAGE = 'over100-hatch';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const state = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];
/** No feature matches: the halo filter before a current wilayah is known. */
export const NO_FEATURE: ExpressionSpecification = ['==', ['get', 'kode'], ''];

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      [SOURCE.children]: { type: 'geojson', data: EMPTY, promoteId: 'kode' },
      [SOURCE.context]: { type: 'geojson', data: EMPTY, promoteId: 'kode' },
      [SOURCE.outer]: { type: 'geojson', data: EMPTY, promoteId: 'kode' },
    },
    layers: [
      { id: LAYER.background, type: 'background', paint: { 'background-color': COLOURS.background } },
      // Two levels of context: the view's siblings (e.g. the other kecamatan of the kabupaten) and, beneath,
      // the parent's siblings (the other kabupaten of the provinsi), so neighbouring land stays land.
      { id: LAYER.outerFill, type: 'fill', source: SOURCE.outer, paint: { 'fill-color': COLOURS.contextFill } },
      {
        id: LAYER.outerLine,
        type: 'line',
        source: SOURCE.outer,
        paint: { 'line-color': COLOURS.outerLine, 'line-width': 0.8 },
      },
      { id: LAYER.contextFill, type: 'fill', source: SOURCE.context, paint: { 'fill-color': COLOURS.contextFill } },
      {
        id: LAYER.contextLine,
        type: 'line',
        source: SOURCE.context,
        paint: { 'line-color': COLOURS.contextLine, 'line-width': 0.8 },
      },
      {
        // Under the children: only the outer half of this wide line shows, a halo around the current wilayah.
        id: LAYER.currentHalo,
        type: 'line',
        source: SOURCE.context,
        filter: NO_FEATURE,
        paint: { 'line-color': COLOURS.accent, 'line-width': 8, 'line-opacity': 0.3, 'line-blur': 2 },
      },
      {
        id: LAYER.childrenFill,
        type: 'fill',
        source: SOURCE.children,
        paint: {
          // Choropleth colours arrive as feature-state, so recolouring never refetches geometry.
          'fill-color': ['to-color', ['coalesce', ['feature-state', 'fillColor'], COLOURS.childFill]],
          'fill-opacity': 0.95,
        },
      },
      {
        // Over the class colour, only where feature-state `flag` is set: the colour still tells the class.
        id: LAYER.childrenFlag,
        type: 'fill',
        source: SOURCE.children,
        paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': ['case', state('flag'), 1, 0] },
      },
      {
        id: LAYER.childrenHover,
        type: 'fill',
        source: SOURCE.children,
        paint: { 'fill-color': COLOURS.accent, 'fill-opacity': ['case', state('hover'), 0.28, 0] },
      },
      {
        id: LAYER.childrenLine,
        type: 'line',
        source: SOURCE.children,
        paint: {
          'line-color': ['to-color', ['coalesce', ['feature-state', 'lineColor'], COLOURS.childLine]],
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 10, 1.6],
        },
      },
      {
        id: LAYER.childrenHoverLine,
        type: 'line',
        source: SOURCE.children,
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': COLOURS.accent,
          'line-width': ['case', state('hover'), 3, 0],
        },
      },
      {
        id: LAYER.currentOutline,
        type: 'line',
        source: SOURCE.context,
        filter: NO_FEATURE,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': COLOURS.accent, 'line-width': 2 },
      },
      // The selected wilayah on top of everything: a wide light halo, then a dark line along its border, so its
      // own class colour stays visible inside.
      {
        id: LAYER.selectedHalo,
        type: 'line',
        source: SOURCE.children,
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': COLOURS.selectedHalo,
          'line-width': ['case', state('selected'), 8, 0],
          'line-opacity': 0.95,
        },
      },
      {
        id: LAYER.selectedLine,
        type: 'line',
        source: SOURCE.children,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': COLOURS.selectedLine, 'line-width': ['case', state('selected'), 3.5, 0] },
      },
    ],
  };
}

/** The "Semua desa" vector tiles (immutable per geometry version); `bounds` keeps MapLibre from asking for sea. */
export function desaTileSource(
  url: string,
  bounds: [number, number, number, number] | null,
): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: [url],
    minzoom: TILE_MIN_ZOOM,
    maxzoom: TILE_MAX_ZOOM,
    promoteId: 'kode',
    ...(bounds ? { bounds } : {}),
  };
}

/**
 * Layers of the "Semua desa" map, drawn over the children (whose fill stays neutral beneath: land without desa
 * data). Desa are a colour mosaic at low zoom under the provinsi and kabupaten lines; their own outlines appear
 * from the zoom where a desa is some pixels wide. `only` (a kode prefix) keeps the desa of one provinsi.
 */
export function desaLayers(only: string | null, hover: string | null = null): LayerSpecification[] {
  const source = SOURCE.desa;
  const desa = { source, 'source-layer': TILE_LAYER.desa } as const;
  const filter = only ? { filter: desaFilter(only) } : {};
  const batas = (tingkat: string) => ['==', ['get', 'tingkat'], tingkat] as ExpressionSpecification;
  // Only the colour and the hatch read feature-state: a recolour of 83,762 desa then updates two layers, not four
  // (the hover is a filter on kode, changed with one setFilter).
  return [
    {
      id: LAYER.desaFill,
      type: 'fill',
      ...desa,
      ...filter,
      paint: {
        'fill-color': ['to-color', ['coalesce', ['feature-state', 'fillColor'], PALETTE.noData]],
        'fill-opacity': 0.95,
      },
    },
    {
      id: LAYER.desaFlag,
      type: 'fill',
      ...desa,
      ...filter,
      paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': ['case', state('flag'), 1, 0] },
    },
    {
      id: LAYER.desaHover,
      type: 'fill',
      ...desa,
      filter: desaHoverFilter(only, hover),
      paint: { 'fill-color': COLOURS.accent, 'fill-opacity': 0.28 },
    },
    {
      id: LAYER.desaLine,
      type: 'line',
      ...desa,
      ...filter,
      minzoom: DESA_OUTLINE_MIN_ZOOM,
      paint: {
        'line-color': COLOURS.childLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], DESA_OUTLINE_MIN_ZOOM, 0.3, 13, 1.2],
      },
    },
    {
      id: LAYER.batasKecamatan,
      type: 'line',
      source,
      'source-layer': TILE_LAYER.batas,
      filter: batas('kecamatan'),
      paint: {
        'line-color': COLOURS.accent,
        'line-opacity': 0.45,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.4, 12, 1.2],
      },
    },
    {
      id: LAYER.batasKabupaten,
      type: 'line',
      source,
      'source-layer': TILE_LAYER.batas,
      filter: batas('kabupaten'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': COLOURS.accent,
        'line-opacity': 0.7,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.4, 11, 1.8],
      },
    },
    {
      id: LAYER.batasProvinsi,
      type: 'line',
      source,
      'source-layer': TILE_LAYER.batas,
      filter: batas('provinsi'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLOURS.accent, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.5, 11, 2.4] },
    },
    {
      id: LAYER.desaHoverLine,
      type: 'line',
      ...desa,
      filter: desaHoverFilter(only, hover),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLOURS.accent, 'line-width': 3 },
    },
  ];
}

/** The desa of one provinsi (kode prefix). */
const desaFilter = (only: string): ExpressionSpecification => ['==', ['slice', ['get', 'kode'], 0, only.length], only];

/** The hovered desa (none: an empty kode), within the provinsi shown. */
export function desaHoverFilter(only: string | null, hover: string | null): ExpressionSpecification {
  const one: ExpressionSpecification = ['==', ['get', 'kode'], hover ?? ''];
  return only ? ['all', desaFilter(only), one] : one;
}

/** Optional online basemap, added only when the user turns it on (off by default: no request otherwise). */
export const OSM_SOURCE = {
  type: 'raster' as const,
  tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
  tileSize: 256,
  maxzoom: 19,
  attribution: '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a>',
};
