// @peta/server-core: the request-time use cases of the dashboard, one folder per capability (repositories hold the
// SQL, services the rules), used by apps/api (HTTP) and apps/cli (command line). See README.md.
export * from './errors.ts';
export type { DatabaseHandle } from './database.ts';
export * from './accounts/index.ts';
export * from './imports/index.ts';
export * from './inputs.ts';
export * from './bounded-queue.ts';
export * from './wilayah/index.ts';
export * from './values/index.ts';
export * from './rollout/index.ts';
export * from './meetings/index.ts';
export * from './exchange/index.ts';
export * from './privacy/index.ts';
