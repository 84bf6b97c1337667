// GET /api/nilai/desa: every desa under a wilayah in one compact answer (the "Semua desa" map).
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DesaValuesResponseSchema, desaKodesOf } from '@peta/domain/contract';
import { expectSchema, useApp } from './helper.ts';
import { loadTinyValues } from './fixtures/tiny-values.ts';

const ctx = useApp(loadTinyValues, { readAs: 'admin' });
const get = async (url: string) => {
  const res = await ctx.app.inject(url);
  return { status: res.statusCode, body: res.json(), headers: res.headers, raw: res.rawPayload };
};

describe('GET /api/nilai/desa', () => {
  it('judges every desa on its own, in kode order, as columns', async () => {
    const { status, body } = await get('/api/nilai/desa?indikator=KIA_K1&periode=2026-01..2026-09&wilayah=99');
    expect(status).toBe(200);
    expectSchema(DesaValuesResponseSchema, body);
    // 30/40 = 75 % ≥ 71.25 % baik; 10/20 = 50 % (70 % of expected) kurang; 5/5 = 100 % baik; no report: no data.
    expect(body).toEqual({
      indicator: 'KIA_K1',
      period: '2026-01..2026-09',
      periodLabel: expect.any(String),
      parent: '99',
      simulated: true,
      expected: 71.25,
      kecamatan: [
        ['99.01.01', '2001,2002'],
        ['99.01.02', '2001,2002'],
      ],
      kelas: 'bkb-',
      coverage: [75, 50, 100, null],
    });
    expect(desaKodesOf(body)).toEqual(['99.01.01.2001', '99.01.01.2002', '99.01.02.2001', '99.01.02.2002']);
  });

  it('agrees with the drill-down rows of the same desa', async () => {
    const desa = (await get('/api/nilai/desa?indikator=KIA_K1&periode=2026-09&wilayah=99.01.01')).body;
    const rows = (await get('/api/nilai?indikator=KIA_K1&periode=2026-09&wilayah=99.01.01')).body.rows as {
      kode: string;
      coverage: number;
      class: string;
    }[];
    expect(desaKodesOf(desa)).toEqual(rows.map((r) => r.kode));
    expect(desa.coverage).toEqual(rows.map((r) => Math.round(r.coverage * 10) / 10));
    expect(
      [...(desa.kelas as string)].map((l) => ({ b: 'baik', c: 'cukup', k: 'kurang', n: 'netral', '-': 'no-data' })[l]),
    ).toEqual(rows.map((r) => r.class));
  });

  it('flags coverage above 100 % with an upper-case class letter: 6 newborns served of a sasaran of 4 = 150 %', async () => {
    const { body } = await get('/api/nilai/desa?indikator=SPM03_BBL&periode=2026-01..2026-09');
    expect(body.parent).toBeNull();
    const at = desaKodesOf(body).indexOf('99.01.02.2001');
    expect(body.coverage[at]).toBe(150);
    expect([...(body.kelas as string)].filter((l) => l !== l.toLowerCase())).toHaveLength(1);
    expect(body.kelas[at]).toBe((body.kelas[at] as string).toUpperCase());
  });

  it('answers 400 for a bad indicator, period or kode and 404 for an unknown wilayah', async () => {
    expect((await get('/api/nilai/desa?indikator=NOPE&periode=2026-09')).status).toBe(400);
    expect((await get('/api/nilai/desa?indikator=KIA_K1&periode=2026-13')).status).toBe(400);
    expect((await get('/api/nilai/desa?indikator=KIA_K1&periode=2026-09&wilayah=x')).status).toBe(400);
    expect((await get('/api/nilai/desa?indikator=KIA_K1&periode=2026-09&wilayah=98')).status).toBe(404);
  });

  it('stays compact: a handful of bytes per desa, revalidated by ETag', async () => {
    const res = await get('/api/nilai/desa?indikator=KIA_K1&periode=2026-09&wilayah=99');
    expect(gzipSync(res.raw).length).toBeLessThan(400);
    expect(res.headers.etag).toMatch(/^".+"$/);
    const again = await ctx.app.inject({
      url: '/api/nilai/desa?indikator=KIA_K1&periode=2026-09&wilayah=99',
      headers: { 'if-none-match': res.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });
});
