import { defineConfig } from 'vitest/config';

// One `pnpm test` runs every project. The api project uses the embedded database, or the PostgreSQL
// server in DATABASE_URL when it is set (CI runs both).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', root: './packages/domain', include: ['src/**/*.test.ts'], environment: 'node' } },
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
        },
      },
      { test: { name: 'web', root: './apps/web', include: ['src/**/*.test.ts'], environment: 'node' } },
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
