// Public surface of src/map/ — the only folder that imports maplibre-gl.
export { createMapAdapter, MapUnavailableError, DEFAULT_FILL } from './map-adapter.ts';
export type { AllDesa, MapAdapter, MapAdapterOptions, MapLabel, FeatureStyle, Bbox } from './map-adapter.ts';
