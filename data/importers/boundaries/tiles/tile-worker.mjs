// Entry of the tile worker thread: plain JavaScript that registers tsx in this thread, then loads the TypeScript
// worker (tile-worker-main.ts). A worker does not inherit the parent's --import loader on every Node version.
import { register } from 'tsx/esm/api';

register();
await import('./tile-worker-main.ts');
