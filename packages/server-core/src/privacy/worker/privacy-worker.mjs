// Entry of the privacy worker thread (privacy-pool.ts). Plain JavaScript so it starts however the parent runs: a
// worker does not inherit the parent's TypeScript loader (tsx) on Node 20, so it registers its own first.
import { register } from 'tsx/esm/api';

register();
await import('./privacy-worker-job.ts');
