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
}

const ROOT = 'indonesia';

export function mapTestHooks() {
  const state: MapTestState = { loaded: false, idleCount: 0, viewKode: null, viewReady: false, featureCount: 0, valuesVersion: 0, valueCount: 0 };
  window.__mapState = state;
  window.__mapIdle = 0;
  return {
    loaded() { state.loaded = true; window.__mapLoaded = true; },
    idle(sourceLoaded: boolean) {
      state.idleCount += 1;
      window.__mapIdle = state.idleCount;
      if (sourceLoaded && state.viewKode !== null) state.viewReady = true;
    },
    viewPending(kode: string | null) { state.viewKode = kode ?? ROOT; state.viewReady = false; },
    viewChanged(kode: string | null, featureCount: number) { state.viewKode = kode ?? ROOT; state.featureCount = featureCount; },
    valuesApplied(count: number) { state.valuesVersion += 1; state.valueCount = count; },
    exposeFeatureState(read: (kode: string) => Record<string, unknown>) { window.__mapFeatureState = read; },
    destroyed() { window.__mapLoaded = false; window.__mapFeatureState = undefined; },
  };
}
