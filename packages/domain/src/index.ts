export * from './wilayah.ts';
export * from './indicators/index.ts';
export * from './rollout/index.ts';
