export * from './client.ts';
export * as schema from './schema.ts';
export { findRunningEmbedded, startEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';
