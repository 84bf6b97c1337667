// Types of start-steps.mjs for the TypeScript that imports it (the national benchmark).
import type { ChildProcess, StdioOptions } from 'node:child_process';

export function startTwoSteps(options: {
  root: string;
  env?: NodeJS.ProcessEnv;
  stdio?: 'inherit' | 'pipe' | 'ignore' | Exclude<StdioOptions, string>;
  onSpawn?: (child: ChildProcess, entry: string) => void;
  onExit: (code: number) => void;
}): {
  prepare: ChildProcess;
  server(): ChildProcess | null;
  stop(signal: NodeJS.Signals): void;
};
