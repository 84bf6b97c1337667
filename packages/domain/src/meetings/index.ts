// Meetings (Lokakarya Mini): agenda generation, movement since an action was agreed, a wilayah map as SVG paths.
// Pure functions, no IO.
export * from './agenda.ts';
export * from './movement.ts';
export * from './map-shape.ts';
export * from './label-placement.ts';
export * from './trend.ts';
