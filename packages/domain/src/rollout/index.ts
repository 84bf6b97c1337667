// ILP roll-out planning: stages, readiness, target progress, wilayah kerja proposal, next-wave ranking.
// Pure functions, no IO.
export * from './stages.ts';
export * from './readiness.ts';
export * from './target-progress.ts';
export * from './wave-proposal.ts';
export * from './wilayah-kerja-proposal.ts';
export * from './wilayah-values.ts';
export * from './wilayah-kerja-csv.ts';
export * from './puskesmas-kode.ts';
