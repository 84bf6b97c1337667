export * from './wilayah.ts';
export * from './indicators/index.ts';
