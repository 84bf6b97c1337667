import { describe, expect, it } from 'vitest';
import { useApp } from './helper.ts';

const ctx = useApp();

describe('OpenAPI description', () => {
  it('documents the public routes with their parameters', async () => {
    const res = await ctx.app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      openapi: string;
      info: { title: string };
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toContain('Peta Situasi Kesehatan Desa');
    for (const path of [
      '/api/health',
      '/api/wilayah',
      '/api/wilayah/{kode}',
      '/api/wilayah/{kode}/children',
      '/api/nilai',
      '/api/indikator',
      '/api/impor',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    expect(doc.paths['/api/nilai']!.get!.parameters!.map((p) => p.name).sort()).toEqual([
      'indikator',
      'periode',
      'wilayah',
    ]);
    // The old paths still answer (old-names.test.ts) but are not described: one vocabulary in the description.
    for (const old of ['/api/values', '/api/indicators', '/api/imports', '/api/meetings'])
      expect(Object.keys(doc.paths)).not.toContain(old);
  });

  it('serves a browsable page without external requests', async () => {
    const res = await ctx.app.inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).not.toMatch(/https?:\/\/(cdn|unpkg|fonts)\./);
  });
});
