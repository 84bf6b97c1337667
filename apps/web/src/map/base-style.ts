// The style is built in code: a background and our own GeoJSON sources only, so the map makes no external
// request (no glyphs, sprites or tiles). Names are HTML markers (see map-adapter.ts), not symbol layers.
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { PALETTE } from '@peta/domain';

export const SOURCE = { children: 'children', context: 'context', outer: 'outer', basemap: 'osm' } as const;

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
      { id: LAYER.outerLine, type: 'line', source: SOURCE.outer, paint: { 'line-color': COLOURS.outerLine, 'line-width': 0.8 } },
      { id: LAYER.contextFill, type: 'fill', source: SOURCE.context, paint: { 'fill-color': COLOURS.contextFill } },
      {
        id: LAYER.contextLine, type: 'line', source: SOURCE.context,
        paint: { 'line-color': COLOURS.contextLine, 'line-width': 0.8 },
      },
      {
        // Under the children: only the outer half of this wide line shows, a halo around the current wilayah.
        id: LAYER.currentHalo, type: 'line', source: SOURCE.context, filter: NO_FEATURE,
        paint: { 'line-color': COLOURS.accent, 'line-width': 8, 'line-opacity': 0.3, 'line-blur': 2 },
      },
      {
        id: LAYER.childrenFill, type: 'fill', source: SOURCE.children,
        paint: {
          // Choropleth colours arrive as feature-state, so recolouring never refetches geometry.
          'fill-color': ['to-color', ['coalesce', ['feature-state', 'fillColor'], COLOURS.childFill]],
          'fill-opacity': 0.95,
        },
      },
      {
        // Over the class colour, only where feature-state `flag` is set: the colour still tells the class.
        id: LAYER.childrenFlag, type: 'fill', source: SOURCE.children,
        paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': ['case', state('flag'), 1, 0] },
      },
      {
        id: LAYER.childrenHover, type: 'fill', source: SOURCE.children,
        paint: { 'fill-color': COLOURS.accent, 'fill-opacity': ['case', state('hover'), 0.28, 0] },
      },
      {
        id: LAYER.childrenLine, type: 'line', source: SOURCE.children,
        paint: {
          'line-color': ['to-color', ['coalesce', ['feature-state', 'lineColor'], COLOURS.childLine]],
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 10, 1.6],
        },
      },
      {
        id: LAYER.childrenHoverLine, type: 'line', source: SOURCE.children,
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': COLOURS.accent,
          'line-width': ['case', state('hover'), 3, 0],
        },
      },
      {
        id: LAYER.currentOutline, type: 'line', source: SOURCE.context, filter: NO_FEATURE,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': COLOURS.accent, 'line-width': 2 },
      },
      // The selected wilayah on top of everything: a wide light halo, then a dark line along its border, so its
      // own class colour stays visible inside.
      {
        id: LAYER.selectedHalo, type: 'line', source: SOURCE.children,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': COLOURS.selectedHalo, 'line-width': ['case', state('selected'), 8, 0], 'line-opacity': 0.95 },
      },
      {
        id: LAYER.selectedLine, type: 'line', source: SOURCE.children,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': COLOURS.selectedLine, 'line-width': ['case', state('selected'), 3.5, 0] },
      },
    ],
  };
}

/** Optional online basemap, added only when the user turns it on (off by default: no request otherwise). */
export const OSM_SOURCE = {
  type: 'raster' as const,
  tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
  tileSize: 256,
  maxzoom: 19,
  attribution: '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a>',
};
