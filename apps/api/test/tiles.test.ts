import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { mercator } from '../../../data/importers/boundaries/tiles/tile-set.ts';
import { TILE_LAYER, TILE_MAX_ZOOM, TILE_MIN_ZOOM, tilePath } from '@peta/domain/contract';
import { buildApp } from '../src/app.ts';
import { signIn, useApp } from './helper.ts';
import { TINY_VERSION, loadTinyWilayah } from './fixtures/tiny-wilayah.ts';

const ctx = useApp(loadTinyWilayah);

/** The tile holding a point at zoom z. */
function tileAt(lng: number, lat: number, z: number) {
  const [x, y] = mercator(lng, lat).map((v) => Math.floor(v * 2 ** z)) as [number, number];
  return { z, x, y };
}

function kodesOf(body: Buffer): string[] {
  const layer = new VectorTile(new PbfReader(body)).layers[TILE_LAYER.desa]!;
  return Array.from({ length: layer.length }, (_, i) => String(layer.feature(i).properties.kode));
}

describe('GET /api/tiles/:version/:z/:x/:y.mvt', () => {
  it('serves the desa of a tile as MVT, gzip-compressed when the browser accepts it', async () => {
    const { z, x, y } = tileAt(0.5, 0.5, 6); // the tiny province lies around 0 °E, 0 °N
    const gz = await ctx.app.inject({ url: tilePath(TINY_VERSION, z, x, y), headers: { 'accept-encoding': 'gzip' } });
    expect(gz.statusCode).toBe(200);
    expect(gz.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(kodesOf(gunzipSync(gz.rawPayload))).toEqual(['99.01.01.2001', '99.01.01.2002', '99.01.02.2001']);
    const plain = await ctx.app.inject(tilePath(TINY_VERSION, z, x, y));
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload).toEqual(gunzipSync(gz.rawPayload));
  });

  it('is immutable: a year of max-age, an ETag and 304 on revalidation', async () => {
    const url = tilePath(TINY_VERSION, ...(Object.values(tileAt(1.5, 0.5, 8)) as [number, number, number]));
    const res = await ctx.app.inject(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await ctx.app.inject({ url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it("needs an account under READ_ACCESS=signed-in, and may then sit only in the browser's own cache", async () => {
    const app = await buildApp({
      database: ctx.database,
      config: { signInLimitPerMinute: 1_000_000, webDist: '/nonexistent', readAccess: 'signed-in' },
    });
    try {
      const url = tilePath(TINY_VERSION, ...(Object.values(tileAt(0.5, 0.5, 6)) as [number, number, number]));
      expect((await app.inject(url)).statusCode).toBe(401);
      const viewer = await signIn(app, ctx.database, 'viewer');
      const res = await app.inject({ url, headers: viewer.headers });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    } finally {
      await app.close();
    }
  });

  it('answers an empty 204 (cached like a tile) for sea inside the tiled zooms', async () => {
    const res = await ctx.app.inject(
      tilePath(TINY_VERSION, ...(Object.values(tileAt(-60, -30, 5)) as [number, number, number])),
    );
    expect(res.statusCode).toBe(204);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.rawPayload.length).toBe(0);
  });

  it('answers 404 for a tile address outside the zoom range or the world, or not a whole number', async () => {
    const bad = [
      [TILE_MIN_ZOOM - 1, 0, 0],
      [TILE_MAX_ZOOM + 1, 0, 0],
      [4, 16, 0],
      [4, 0, 16],
      [4, -1, 0],
      [4, '1.5', 0],
      [4, 'a', 0],
      ['04', 0, 0],
      [4, 0, '99999999999'],
    ] as const;
    for (const [z, x, y] of bad) {
      const res = await ctx.app.inject(tilePath(TINY_VERSION, z, x, y));
      expect(res.statusCode, `${z}/${x}/${y}`).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('tidak ada') });
    }
  });

  it('redirects an old geometry version to the current one', async () => {
    const res = await ctx.app.inject(tilePath('lama', 6, 32, 31));
    expect(res.statusCode).toBe(307);
    expect(res.headers.location).toBe(tilePath(TINY_VERSION, 6, 32, 31));
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('keeps every tile small: one row per request, the largest fixture tile under 2 KB', async () => {
    const { rows } = await ctx.database.pool.query<{ n: number; max: number }>(
      'SELECT count(*)::int n, max(octet_length(data))::int max FROM boundary_tile',
    );
    expect(rows[0]!.n).toBeGreaterThan(20);
    expect(rows[0]!.max).toBeLessThan(2048);
  });
});
