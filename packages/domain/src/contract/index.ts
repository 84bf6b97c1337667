export * from './wilayah.ts';
export * from './indicators.ts';
export * from './values.ts';
export * from './imports.ts';
export * from './meetings.ts';
export * from './rollout.ts';
export * from './accounts.ts';
export * from './tiles.ts';
