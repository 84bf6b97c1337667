import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { childrenGeometryPath } from '@peta/domain/contract';
import { useApp } from './helper.ts';
import { TINY_VERSION, loadTinyWilayah } from './fixtures/tiny-wilayah.ts';

const ctx = useApp(loadTinyWilayah);

describe('GET /api/geometry/:version/:kode/children.geojson', () => {
  it('serves the children with a polygon as a FeatureCollection keyed by kode', async () => {
    const res = await ctx.app.inject(childrenGeometryPath(TINY_VERSION, '99.01.02'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const fc = res.json();
    expect(fc.type).toBe('FeatureCollection');
    // 99.01.02.2002 has no polygon: it is in the list API but not here.
    expect(fc.features.map((f: { properties: { kode: string } }) => f.properties.kode)).toEqual(['99.01.02.2001']);
    expect(fc.features[0].geometry.coordinates[0][2]).toEqual([1, 2]);
  });

  it('serves the provinces under the root name, with a quote in a name kept intact', async () => {
    const provinces = (await ctx.app.inject(childrenGeometryPath(TINY_VERSION, null))).json();
    expect(provinces.features.map((f: { properties: { nama: string } }) => f.properties.nama)).toEqual([
      'Provinsi Uji',
    ]);
    const desa = (await ctx.app.inject(childrenGeometryPath(TINY_VERSION, '99.01.01'))).json();
    expect(desa.features[0].properties).toEqual({ kode: '99.01.01.2001', nama: "Desa Ma'u" });
  });

  it('is immutable and cacheable: long max-age, ETag, 304 on revalidation, gzip on request', async () => {
    const url = childrenGeometryPath(TINY_VERSION, '99.01.01');
    const plain = await ctx.app.inject(url);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const etag = plain.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await ctx.app.inject({ url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    const gz = await ctx.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });

  it('redirects an old geometry version to the current one', async () => {
    const res = await ctx.app.inject(childrenGeometryPath('lama', '99.01'));
    expect(res.statusCode).toBe(307);
    expect(res.headers.location).toBe(childrenGeometryPath(TINY_VERSION, '99.01'));
  });

  it('answers 404 for an unknown wilayah and 400 for a malformed kode', async () => {
    expect((await ctx.app.inject(childrenGeometryPath(TINY_VERSION, '98'))).statusCode).toBe(404);
    expect((await ctx.app.inject(childrenGeometryPath(TINY_VERSION, 'x.y'))).statusCode).toBe(400);
  });
});
