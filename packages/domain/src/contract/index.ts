export * from './wilayah.ts';
