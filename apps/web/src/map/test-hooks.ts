// Read-only signals for browser tests (e2e/helpers/driver.ts waits on them). Cheap, always on.
declare global {
  interface Window {
    /** true after the map's first `load`. */
    __mapLoaded?: boolean;
    /** Number of `idle` events so far. */
    __mapIdle?: number;
    __mapState?: MapTestState;
    /** The map's feature-state of a child (fillColor, flag, hover, selected): what the choropleth really drew. */
    __mapFeatureState?: (kode: string) => Record<string, unknown>;
    /** "Semua desa": the feature-state of one desa of the vector tiles (fillColor, flag, hover, selected). */
    __mapDesaFeatureState?: (kode: string) => Record<string, unknown>;
    /** "Semua desa": the desa drawn on screen now, and how many of them have their colour (feature-state). */
    __mapDesaRendered?: () => { features: number; coloured: number };
  }
}

export interface MapTestState {
  loaded: boolean;
  idleCount: number;
  /** Kode whose children are drawn ('indonesia' for the provinces), set when the geometry is handed over. */
  viewKode: string | null;
  /** true once the map has been idle with that geometry loaded. */
  viewReady: boolean;
  featureCount: number;
  /** Times choropleth values were pushed into feature-state, and how many kode the last push coloured. */
  valuesVersion: number;
  valueCount: number;
  /** performance.now() of the map's `load` event, and of the first frame drawn with the view coloured by values. */
  loadedAt: number | null;
  colouredAt: number | null;
  /** "Semua desa" shown; its tiles loaded at the last idle; times desa values were pushed and how many. */
  desaShown: boolean;
  desaReady: boolean;
  desaValuesVersion: number;
  desaValueCount: number;
}

/** Performance marks of the first map (read by `pnpm bench:first-map`). */
export const MARKS = { load: 'peta:map-load', coloured: 'peta:map-coloured' } as const;

const ROOT = 'indonesia';

export function mapTestHooks() {
  const state: MapTestState = {
    loaded: false,
    idleCount: 0,
    viewKode: null,
    viewReady: false,
    featureCount: 0,
    valuesVersion: 0,
    valueCount: 0,
    loadedAt: null,
    colouredAt: null,
    desaShown: false,
    desaReady: false,
    desaValuesVersion: 0,
    desaValueCount: 0,
  };
  window.__mapState = state;
  window.__mapIdle = 0;
  return {
    loaded() {
      state.loaded = true;
      window.__mapLoaded = true;
      state.loadedAt = performance.now();
      performance.mark(MARKS.load);
    },
    idle(sourceLoaded: boolean, desaLoaded: boolean) {
      state.idleCount += 1;
      window.__mapIdle = state.idleCount;
      if (sourceLoaded && state.viewKode !== null) state.viewReady = true;
      state.desaReady = desaLoaded;
    },
    desaShown(shown: boolean) {
      state.desaShown = shown;
      state.desaReady = false;
    },
    desaValuesApplied(count: number) {
      state.desaValuesVersion += 1;
      state.desaValueCount = count;
    },
    exposeDesaRendered(
      read: () => { features: number; coloured: number },
      state: (kode: string) => Record<string, unknown>,
    ) {
      window.__mapDesaRendered = read;
      window.__mapDesaFeatureState = state;
    },
    /** After every frame drawn: the first one showing the view's children with their colours is the first coloured map. */
    rendered(childrenLoaded: boolean) {
      if (state.colouredAt !== null || !childrenLoaded || state.valueCount === 0 || state.featureCount === 0) return;
      state.colouredAt = performance.now();
      performance.mark(MARKS.coloured);
    },
    viewPending(kode: string | null) {
      state.viewKode = kode ?? ROOT;
      state.viewReady = false;
    },
    viewChanged(kode: string | null, featureCount: number) {
      state.viewKode = kode ?? ROOT;
      state.featureCount = featureCount;
    },
    valuesApplied(count: number) {
      state.valuesVersion += 1;
      state.valueCount = count;
    },
    exposeFeatureState(read: (kode: string) => Record<string, unknown>) {
      window.__mapFeatureState = read;
    },
    destroyed() {
      window.__mapLoaded = false;
      window.__mapFeatureState = undefined;
    },
  };
}
