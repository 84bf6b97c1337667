import { describe, expect, it } from 'vitest';
import { ErrorSchema, WilayahChildrenSchema, WilayahSchema } from '@peta/domain/contract';
import { expectSchema, useApp } from './helper.ts';
import { loadTinyWilayah } from './fixtures/tiny-wilayah.ts';

const ctx = useApp(loadTinyWilayah);

describe('GET /api/wilayah', () => {
  it('lists the provinces', async () => {
    const res = await ctx.app.inject('/api/wilayah');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expectSchema(WilayahChildrenSchema, body);
    expect(body).toEqual([
      expect.objectContaining({ kode: '99', nama: 'Provinsi Uji', tingkat: 'provinsi', childCount: 1 }),
    ]);
  });
});

describe('GET /api/wilayah/:kode', () => {
  it('returns the area with its parents from provinsi down, bbox and child level', async () => {
    const res = await ctx.app.inject('/api/wilayah/99.01.01.2001');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expectSchema(WilayahSchema, body);
    expect(body).toMatchObject({
      kode: '99.01.01.2001',
      nama: "Desa Ma'u",
      tingkat: 'desa',
      bbox: [0, 0, 1, 1],
      label: [0.5, 0.5],
      childTingkat: null,
      hasGeometry: true,
    });
    expect(body.parents.map((p: { kode: string }) => p.kode)).toEqual(['99', '99.01', '99.01.01']);
  });

  it('answers 404 with a JSON message in Bahasa Indonesia for an unknown kode', async () => {
    const res = await ctx.app.inject('/api/wilayah/99.07');
    expect(res.statusCode).toBe(404);
    expectSchema(ErrorSchema, res.json());
    expect(res.json().message).toBe('Wilayah dengan kode 99.07 tidak ditemukan.');
  });

  it.each(['9', '12.1', '12-10', '12.10.01.201', 'abc', '12.10.'])(
    'answers 400 for the malformed kode %s',
    async (kode) => {
      const res = await ctx.app.inject(`/api/wilayah/${encodeURIComponent(kode)}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'INVALID_KODE' });
      expect(res.json().message).toContain('Kode wilayah tidak sah');
    },
  );
});

describe('GET /api/wilayah/:kode/children', () => {
  it('lists the children in kode order, including a desa without a polygon', async () => {
    const res = await ctx.app.inject('/api/wilayah/99.01.02/children');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expectSchema(WilayahChildrenSchema, body);
    expect(body.map((c: { kode: string; hasGeometry: boolean }) => [c.kode, c.hasGeometry])).toEqual([
      ['99.01.02.2001', true],
      ['99.01.02.2002', false],
    ]);
    expect(body[1]).toMatchObject({ bbox: null, label: null });
  });

  it('answers an empty list for a desa (a leaf)', async () => {
    const res = await ctx.app.inject('/api/wilayah/99.01.01.2001/children');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });

  it('answers 404 for an unknown parent and 400 for a malformed one', async () => {
    expect((await ctx.app.inject('/api/wilayah/98/children')).statusCode).toBe(404);
    expect((await ctx.app.inject('/api/wilayah/x/children')).statusCode).toBe(400);
  });
});

describe('unknown API paths', () => {
  it('answer 404 JSON, not the web page', async () => {
    const res = await ctx.app.inject('/api/tidak-ada');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
