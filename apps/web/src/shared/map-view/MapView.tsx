// React face of the map adapter: creates it once, pushes prop changes in, passes clicks/hovers out.
// src/map (MapLibre, ~220 kB gzip) is loaded as a separate chunk: on a slow connection the breadcrumb and
// the list work before the map has arrived.
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { AllDesa, Bbox, FeatureStyle, MapAdapter, MapLabel } from '../../map/index.ts';
import { useT } from '../../i18n/i18n.tsx';

export interface MapViewProps {
  /** Kode whose children are in `geometry` (null = provinces); geometry undefined while loading. */
  viewKode: string | null;
  geometry: FeatureCollection | undefined;
  labels: MapLabel[];
  context: FeatureCollection | undefined;
  /** One level above the context (the parent's siblings), drawn beneath it. */
  outerContext: FeatureCollection | undefined;
  /** The wilayah outlined in the context (the view itself). */
  contextCurrent: string | null;
  bounds: Bbox | null;
  hoverKode: string | null;
  /** Outlined (never filled) on the map: the chosen desa, or several in the planner. */
  selectedKodes: readonly string[];
  basemap: boolean;
  largeText: boolean;
  ariaLabel: string;
  onSelect: (kode: string) => void;
  onHover: (kode: string | null) => void;
  /** Choropleth colours per kode (feature-state: recoloured in place, geometry untouched). */
  featureValues: Record<string, FeatureStyle>;
  /** "Semua desa": every desa from the vector tiles, coloured by `desaValues` (null/undefined: the drill-down). */
  allDesa?: AllDesa | null;
  desaValues?: Record<string, FeatureStyle>;
  /** Overlay while the view's geometry loads or fails. */
  overlay?: React.ReactNode;
  /** Legend, hover card… drawn over the map (outside the canvas). */
  children?: React.ReactNode;
}

const NO_DESA_VALUES: Record<string, FeatureStyle> = {};

export function MapView(props: MapViewProps) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const adapter = useRef<MapAdapter | null>(null);
  // Effects below re-run once the adapter exists, so the props given meanwhile are applied.
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<'webgl' | 'load' | null>(null);
  // Latest callbacks without re-creating the map.
  const callbacks = useRef({ onSelect: props.onSelect, onHover: props.onHover });
  callbacks.current = { onSelect: props.onSelect, onHover: props.onHover };

  // biome-ignore lint/correctness/useExhaustiveDependencies: created once; later prop changes are pushed by the effects below.
  useEffect(() => {
    let cancelled = false;
    import('../../map/index.ts').then(
      ({ createMapAdapter, MapUnavailableError }) => {
        if (cancelled || !container.current) return;
        try {
          adapter.current = createMapAdapter({
            container: container.current,
            initialBounds: props.bounds ?? undefined,
            locale: {
              'NavigationControl.ZoomIn': t('map.zoomIn'),
              'NavigationControl.ZoomOut': t('map.zoomOut'),
              'NavigationControl.ResetBearing': t('map.resetBearing'),
            },
            onFeatureClick: (kode) => callbacks.current.onSelect(kode),
            onFeatureHover: (kode) => callbacks.current.onHover(kode),
          });
          setReady(true);
        } catch (error) {
          if (!(error instanceof MapUnavailableError)) throw error;
          console.warn(error);
          setFailure('webgl');
        }
      },
      (error: unknown) => {
        console.warn('[peta] map code failed to load', error);
        if (!cancelled) setFailure('load');
      },
    );
    return () => {
      cancelled = true;
      adapter.current?.destroy();
      adapter.current = null;
      setReady(false);
    };
  }, []);

  const {
    viewKode,
    geometry,
    labels,
    context,
    outerContext,
    contextCurrent,
    bounds,
    hoverKode,
    selectedKodes,
    basemap,
    largeText,
    featureValues,
  } = props;
  useEffect(() => {
    if (geometry) adapter.current?.showChildren(viewKode, geometry);
  }, [ready, viewKode, geometry]);
  // After showChildren (same render): new geometry first, then its colours.
  useEffect(() => {
    adapter.current?.setFeatureValues(featureValues);
  }, [ready, featureValues, geometry]);
  useEffect(() => {
    if (geometry) adapter.current?.setLabels(labels);
  }, [ready, geometry, labels]);
  useEffect(() => {
    adapter.current?.showContext(context ?? null, contextCurrent, outerContext ?? null);
  }, [ready, context, contextCurrent, outerContext]);
  useEffect(() => {
    adapter.current?.setHover(hoverKode);
  }, [ready, hoverKode]);
  const selectedKey = selectedKodes.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content, not by the array a render creates anew.
  useEffect(() => {
    adapter.current?.setSelected(selectedKodes);
  }, [ready, selectedKey]);
  const boundsKey = bounds?.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content, so the map is not moved back on every render.
  useEffect(() => {
    if (bounds) adapter.current?.fitBounds(bounds);
  }, [ready, boundsKey]);
  useEffect(() => {
    adapter.current?.setBasemap(basemap);
  }, [ready, basemap]);
  const { allDesa = null, desaValues = NO_DESA_VALUES } = props;
  const allDesaKey = allDesa ? `${allDesa.tileUrl}|${allDesa.only ?? ''}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content (tile URL and filter), not by object identity.
  useEffect(() => {
    adapter.current?.showAllDesa(allDesa);
  }, [ready, allDesaKey]);
  useEffect(() => {
    adapter.current?.setDesaValues(desaValues);
  }, [ready, allDesaKey, desaValues]);
  useEffect(() => {
    adapter.current?.relayout();
  }, [ready, largeText]);

  return (
    <div className="map-view" data-testid="map-view">
      <div ref={container} className="map-canvas" role="region" aria-label={props.ariaLabel} data-testid="map" />
      {failure && (
        <p className="map-view__message" role="alert" data-testid="map-unavailable">
          {t(failure === 'webgl' ? 'error.webgl' : 'error.map')}
        </p>
      )}
      {!failure && props.overlay && <div className="map-view__overlay">{props.overlay}</div>}
      {props.children}
    </div>
  );
}
