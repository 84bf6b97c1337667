// Entry of a parse worker thread (the API's parse pool, apps/api/src/services/parse-pool.ts). Plain JavaScript so it
// starts however the parent runs: a worker does not inherit the parent's TypeScript loader (tsx) on Node 20, so it
// registers its own before loading the job.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker-job.ts');
