import { defineConfig } from 'vitest/config';

// One `pnpm test` runs every project. The api project uses the embedded database, or the PostgreSQL
// server in DATABASE_URL when it is set (CI runs both).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'domain',
          root: './packages/domain',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          // Pure functions, no mocks: the files share one worker and load the modules once. A fresh worker per file
          // (vitest's default) cost ~0.4 s of CPU per file on the 2-core CI machine, more than most files' tests.
          isolate: false,
        },
      },
      {
        test: {
          name: 'db',
          root: './packages/db',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'server-core',
          root: './packages/server-core',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          passWithNoTests: true,
        },
      },
      {
        test: {
          name: 'cli',
          root: './apps/cli',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'data',
          root: './data',
          include: ['**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'api',
          root: './apps/api',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // All files in one worker, the app's modules loaded once: a fresh worker per file cost ~2 s each (~60 s of
          // the api project's 225 s). Files stay independent: each builds its own app (test/helper.ts) on the shared
          // database and cleans what it seeds.
          isolate: false,
        },
      },
      {
        test: {
          name: 'web',
          root: './apps/web',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          // As in domain: the web's unit tests are pure (models, URL state), one worker loads the modules once.
          isolate: false,
        },
      },
      {
        test: {
          name: 'web-e2e',
          root: './apps/web',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          // One real server for all e2e files (boundary import and demo data once).
          globalSetup: ['./e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // expect.poll waits for what the user would see (a render, the server's answer): vitest's default of 1 s is
          // too short for that on a busy 2-core CI machine.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
