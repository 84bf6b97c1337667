// One database for the whole api test run (embedded, or a fresh database on DATABASE_URL's server).
import type { TestProject } from 'vitest/node';
import { createTestDatabase } from '@peta/db/testing';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: 'embedded' | 'postgres';
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase();
  project.provide('databaseUrl', database.url);
  project.provide('databaseKind', database.kind);
  return () => database.drop();
}
