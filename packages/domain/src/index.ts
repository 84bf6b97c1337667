export * from './wilayah.ts';
export * from './indicators/index.ts';
export * from './rollout/index.ts';
export * from './imports/index.ts';
export * from './meetings/index.ts';
export * from './access/index.ts';
export * from './privacy/index.ts';
export * from './names.ts';
