// A database restart under load: while PostgreSQL is down requests get 503 (not 500, not a hang); when it is
// back the same pool recovers by itself, and nothing committed before the restart is lost.
// Uses its own embedded server on a fixed port so it can stop and start it (also in the DATABASE_URL run).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, startEmbeddedPostgres, type Database, type EmbeddedServer } from '@peta/db';
import { buildApp } from '../src/app.ts';
import { loadTinyWilayah } from './fixtures/tiny-wilayah.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

const dir = join(mkdtempSync(join(tmpdir(), 'peta-restart-')), 'pg');
let server: EmbeddedServer | undefined;
let database: Database | undefined;
afterAll(async () => {
  await database?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('database restart under load', () => {
  it('answers 503 while the database is down and recovers by itself, losing nothing', async () => {
    const port = await freePort();
    server = await startEmbeddedPostgres({ dir, port });
    database = await openDatabase({ databaseUrl: server.url });
    await loadTinyWilayah(database);
    const app = await buildApp({
      database,
      config: { signInLimitPerMinute: 1_000_000, webDist: '/nonexistent', readAccess: 'public' },
    });
    const before = (await app.inject('/api/wilayah/99.01/children')).json();

    const log: { at: number; status: number; ms: number }[] = [];
    let running = true;
    const client = async () => {
      while (running) {
        const started = performance.now();
        const res = await app.inject('/api/wilayah/99.01/children');
        log.push({ at: started, status: res.statusCode, ms: performance.now() - started });
        if (res.statusCode !== 200) await new Promise((r) => setTimeout(r, 50));
      }
    };
    const clients = Array.from({ length: 10 }, client);
    await new Promise((r) => setTimeout(r, 300));
    const downAt = performance.now();
    await server.stop();
    await new Promise((r) => setTimeout(r, 1000));
    server = await startEmbeddedPostgres({ dir, port });
    const upAt = performance.now();
    await new Promise((r) => setTimeout(r, 1500));
    running = false;
    await Promise.all(clients);
    await app.close();

    const statuses = new Set(log.map((l) => l.status));
    expect([...statuses].sort()).toEqual([200, 503]);
    expect(log.some((l) => l.at > downAt && l.at < upAt && l.status === 503)).toBe(true);
    // Recovered by itself: the last requests succeed, without a new pool.
    expect(log.slice(-10).every((l) => l.status === 200)).toBe(true);
    // No hang: every answer, 503s included, within the connect timeout.
    expect(Math.max(...log.map((l) => l.ms))).toBeLessThan(6000);
    // Committed before the restart, still there after it.
    const again = await buildApp({
      database,
      config: { signInLimitPerMinute: 1_000_000, webDist: '/nonexistent', readAccess: 'public' },
    });
    expect((await again.inject('/api/wilayah/99.01/children')).json()).toEqual(before);
    await again.close();
  }, 60_000);
});
