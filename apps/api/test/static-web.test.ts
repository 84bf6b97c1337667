// The built web app on the API's port: index.html for client routes, hashed assets immutable — also those of a build
// made while the server runs (`pnpm build` next to a running server), and nothing outside the folder.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, type Database } from '@peta/db';
import { buildApp } from '../src/app.ts';

const dist = mkdtempSync(join(tmpdir(), 'peta-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(dist, 'assets', 'lama-abc123.js'), 'console.log("lama")');
writeFileSync(join(tmpdir(), 'rahasia.txt'), 'rahasia');

let app: Awaited<ReturnType<typeof buildApp>>;
let database: Database;
beforeAll(async () => {
  database = await openDatabase({ databaseUrl: inject('databaseUrl') });
  app = await buildApp({ database, config: { signInLimitPerMinute: 1_000_000, webDist: dist } });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the web app', () => {
  it('serves index.html for client routes (also before signing in) and assets as immutable', async () => {
    const page = await app.inject('/rencana-ilp?wilayah=12.07');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject('/assets/lama-abc123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves an asset written after the start, and nothing outside the folder', async () => {
    writeFileSync(join(dist, 'assets', 'baru-def456.js'), 'console.log("baru")');
    const fresh = await app.inject('/assets/baru-def456.js');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.body).toBe('console.log("baru")');
    expect(fresh.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of [
      '/assets/../../rahasia.txt',
      '/assets/%2E%2E%2F%2E%2E%2Frahasia.txt',
      '/assets/..%2f..%2frahasia.txt',
    ]) {
      expect((await app.inject(url)).body, url).not.toContain('rahasia');
    }
  });
});
