// Builds the app on the test database; each test file gets its own app and closes it after.
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type Database } from '@peta/db';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { buildApp } from '../src/app.ts';

export function useApp(seed?: (database: Database) => Promise<void>) {
  const ctx = {} as { app: Awaited<ReturnType<typeof buildApp>>; database: Database };
  beforeAll(async () => {
    ctx.database = await openDatabase({ databaseUrl: inject('databaseUrl') });
    await seed?.(ctx.database);
    // A fixed clock: the fixtures hold 2026 data, and "a period in the future" must not depend on the machine's date.
    ctx.app = await buildApp({ database: ctx.database, config: { webDist: '/nonexistent' }, now: () => new Date('2026-11-15T12:00:00Z') });
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  return ctx;
}

/** Responses must match the published contract, not only serialise through it. */
export function expectSchema(schema: TSchema, value: unknown) {
  const errors = [...Value.Errors(schema, value)].map((e) => `${e.path}: ${e.message}`);
  if (errors.length) throw new Error(`Response does not match schema:\n${errors.slice(0, 5).join('\n')}`);
}
