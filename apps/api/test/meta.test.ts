import { describe, expect, inject, it } from 'vitest';
import { HealthSchema, MetaSchema } from '@peta/domain/contract';
import { expectSchema, useApp } from './helper.ts';
import { TINY_VERSION, loadTinyWilayah } from './fixtures/tiny-wilayah.ts';

const ctx = useApp(loadTinyWilayah);

describe('GET /api/health', () => {
  it('reports ok and the kind of database', async () => {
    const res = await ctx.app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expectSchema(HealthSchema, res.json());
    // Tests reach both the embedded cluster and CI's server through a URL, so both report "postgres".
    expect(res.json()).toEqual({
      status: 'ok',
      database: 'postgres',
      databaseVersion: expect.stringMatching(/^\d+(\.\d+)?/),
      version: '0.1.0',
    });
    expect(['embedded', 'postgres']).toContain(inject('databaseKind'));
  });
});

describe('GET /api/meta', () => {
  it('gives the geometry version and the extent of all provinces', async () => {
    const res = await ctx.app.inject('/api/meta');
    expect(res.statusCode).toBe(200);
    expectSchema(MetaSchema, res.json());
    expect(res.json()).toMatchObject({ geometryVersion: TINY_VERSION, desaProvinsi: ['99'], bbox: [0, 0, 2, 2] });
  });
});
