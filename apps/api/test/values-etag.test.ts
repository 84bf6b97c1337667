// ETags of /api/nilai* come from the version of the roll-up they read (issue 17): an import in kabupaten A changes the
// ETag of A's views, its provinsi's and Indonesia's, and leaves kabupaten B's alone (still answered 304). Read as the
// admin, who sees every count exactly: a reader outside gets the protected view (issue 18), whose ETag comes from its
// bytes (it also changes with roll-out events and once the protection is computed), checked at the end.
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { runImport } from '@peta/server-core';
import { buildTestApp, useApp } from './helper.ts';
import { loadTinyValues } from './fixtures/tiny-values.ts';

// Kabupaten B (99.07) beside the tiny wilayah's kabupaten A (99.01), with one kecamatan and one desa.
async function loadTwoKabupaten(database: Database) {
  await loadTinyValues(database);
  await database.pool.query(`insert into wilayah (kode, nama, tingkat, parent_kode) values ('99.07', 'Kabupaten B', 'kabupaten', '99'),
    ('99.07.01', 'Kecamatan B', 'kecamatan', '99.07'), ('99.07.01.2001', 'Desa B', 'desa', '99.07.01') on conflict do nothing`);
}

const ctx = useApp(loadTwoKabupaten, { readAs: 'admin' });
afterAll(async () => {
  await ctx.database.pool.query(`delete from value_rollup where kode like '99.07%'; delete from indicator_value where kode like '99.07%';
    delete from wilayah where kode like '99.07%'`);
});

const VIEWS = {
  indonesia: '/api/nilai?indikator=KIA_K1&periode=2026-01..2026-10',
  provinsi: '/api/nilai?indikator=KIA_K1&periode=2026-01..2026-10&wilayah=99',
  kabupatenA: '/api/nilai?indikator=KIA_K1&periode=2026-01..2026-10&wilayah=99.01',
  kecamatanA: '/api/nilai?indikator=KIA_K1&periode=2026-01..2026-10&wilayah=99.01.01',
  kabupatenB: '/api/nilai?indikator=KIA_K1&periode=2026-01..2026-10&wilayah=99.07',
  desaOfB: '/api/nilai/desa?indikator=KIA_K1&periode=2026-01..2026-10&wilayah=99.07',
  desaOfA: '/api/nilai/desa?indikator=KIA_K1&periode=2026-01..2026-10&wilayah=99.01',
};
type View = keyof typeof VIEWS;

async function etags(): Promise<Record<View, string>> {
  const out = {} as Record<View, string>;
  for (const [view, url] of Object.entries(VIEWS) as [View, string][]) {
    const res = await ctx.app.inject(url);
    expect(res.statusCode, view).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers.vary).toBe('cookie');
    out[view] = res.headers.etag as string;
  }
  return out;
}

const importInto = (kode: string, numerator: number) =>
  runImport(ctx.database, {
    bytes: new TextEncoder().encode(
      `kode_wilayah,periode,indikator,pembilang,penyebut\n${kode},2026-10,KIA_K1,${numerator},\n`,
    ),
    fileName: 'uji.csv',
    oleh: 'uji',
    today: { year: 2026, month: 11 },
  });

describe('ETag of /api/nilai* scoped to what changed', () => {
  it('answers 304 to its own ETag, before and after an unrelated import', async () => {
    const before = await etags();
    expect(new Set(Object.values(before)).size).toBe(Object.keys(VIEWS).length);
    const again = await ctx.app.inject({ url: VIEWS.kabupatenB, headers: { 'if-none-match': before.kabupatenB } });
    expect([again.statusCode, again.body]).toEqual([304, '']);
    // As a proxy or a browser may send it: weak, or one of a list (plugins/etag.ts, as for immutable bytes).
    for (const header of [`W/${before.kabupatenB}`, `"lama", ${before.kabupatenB}`]) {
      const res = await ctx.app.inject({ url: VIEWS.kabupatenB, headers: { 'if-none-match': header } });
      expect(res.statusCode, header).toBe(304);
    }
  });

  it('an import in kabupaten A changes A’s, its provinsi’s and Indonesia’s ETags, not B’s', async () => {
    const before = await etags();
    const outcome = await importInto('99.01.01.2001', 9);
    expect(outcome.status).toBe('imported');
    const after = await etags();
    for (const view of ['indonesia', 'provinsi', 'kabupatenA', 'kecamatanA', 'desaOfA'] as const)
      expect(after[view], view).not.toBe(before[view]);
    for (const view of ['kabupatenB', 'desaOfB'] as const) expect(after[view], view).toBe(before[view]);
    const b = await ctx.app.inject({ url: VIEWS.kabupatenB, headers: { 'if-none-match': before.kabupatenB } });
    expect(b.statusCode).toBe(304);
    // A's view shows the import: October's 9 replaces the 0 that was not reported (Jan–Sep 30 + 9).
    const a = await ctx.app.inject({ url: VIEWS.kecamatanA, headers: { 'if-none-match': before.kecamatanA } });
    expect(a.statusCode).toBe(200);
    expect(a.json().rows.find((r: { kode: string }) => r.kode === '99.01.01.2001')).toMatchObject({
      numerator: 39,
      denominator: 40,
    });
  });

  it('an import in kabupaten B changes B’s, and leaves A’s alone', async () => {
    const before = await etags();
    expect((await importInto('99.07.01.2001', 4)).status).toBe('imported');
    const after = await etags();
    for (const view of ['indonesia', 'provinsi', 'kabupatenB', 'desaOfB'] as const)
      expect(after[view], view).not.toBe(before[view]);
    for (const view of ['kabupatenA', 'kecamatanA', 'desaOfA'] as const) expect(after[view], view).toBe(before[view]);
    const rows = (await ctx.app.inject(VIEWS.provinsi)).json().rows;
    expect(rows.map((r: { kode: string; reported: number }) => [r.kode, r.reported])).toEqual([
      ['99.01', 28],
      ['99.07', 1],
    ]);
  });

  it('a deploy with other rules (another code version) answers 200 with a new ETag for the same data', async () => {
    const now = await ctx.app.inject(VIEWS.kabupatenA);
    const next = await buildTestApp(ctx.database, { codeVersion: 'aturan-baru' });
    try {
      const res = await next.inject({
        url: VIEWS.kabupatenA,
        headers: { ...ctx.admin.headers, 'if-none-match': now.headers.etag as string },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).not.toBe(now.headers.etag);
      expect(res.json().rows).toEqual(now.json().rows); // same data, same numbers: only the rules' version differs
    } finally {
      await next.close();
    }
  });

  it("a reader outside (anonymous) gets an ETag of the protected answer's bytes, and 304 for it", async () => {
    const anonymous = { cookie: 'sesi-lain=1' }; // a cookie that is no session: not the admin's (readAs)
    const admin = await ctx.app.inject(VIEWS.kecamatanA);
    const outside = await ctx.app.inject({ url: VIEWS.kecamatanA, headers: anonymous });
    expect(outside.statusCode).toBe(200);
    expect(outside.headers.etag).not.toBe(admin.headers.etag);
    const again = await ctx.app.inject({
      url: VIEWS.kecamatanA,
      headers: { ...anonymous, 'if-none-match': outside.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });
});
