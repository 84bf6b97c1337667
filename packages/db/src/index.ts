export * from './client.ts';
export * as schema from './schema.ts';
export { findRunningEmbedded, startEmbeddedPostgres } from './embedded.ts';
