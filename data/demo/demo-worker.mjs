// Entry of the demo worker thread: plain JavaScript that registers tsx in this thread, then loads the TypeScript
// worker (demo-worker-main.ts). A worker does not inherit the parent's --import loader on every Node version.
import { register } from 'tsx/esm/api';

register();
await import('./demo-worker-main.ts');
