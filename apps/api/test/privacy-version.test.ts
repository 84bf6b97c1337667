// The protection of a kabupaten is kept per version of ITS data (privacy-service tableVersion), not of the country's:
// an import into Kabupaten Uji (99.01) recomputes its table and leaves Kabupaten Lain (99.02) alone, so readers outside
// keep seeing 99.02's desa masked (small ones hidden, the others shown) at once instead of every desa hidden until the
// worker has run again. The worker's jobs are counted with a runner of the test's own (in process, same rule).
//
// Data (KIA_K1 2026, Jan–Sep, each month): 99.01 as privacy.test.ts — Kecamatan Satu: 2001 20, 2002 1 (small);
// Kecamatan Dua: 2001 15, 2002 12. 99.02 the same numbers in Kecamatan Tiga (99.02.01) and Empat (99.02.02).
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { CLASS_LETTER, desaKodesOf, type DesaValuesResponse, type ValueRow } from '@peta/domain/contract';
import { inProcessRunner, type ProtectRunner } from '@peta/server-core';
import { clearMeetingsAndRollout, signIn, useApp } from './helper.ts';
import { replaceValues } from './fixtures/tiny-values.ts';
import { loadTinyWilayah } from './fixtures/tiny-wilayah.ts';

const MONTHLY: Record<string, number> = {
  '99.01.01.2001': 20,
  '99.01.01.2002': 1,
  '99.01.02.2001': 15,
  '99.01.02.2002': 12,
  '99.02.01.2001': 20,
  '99.02.01.2002': 1,
  '99.02.02.2001': 15,
  '99.02.02.2002': 12,
};
const SMALL_A = '99.01.01.2002';

async function seed(database: Database) {
  await loadTinyWilayah(database);
  await clearMeetingsAndRollout(database);
  await database.pool.query(`insert into wilayah (kode, nama, tingkat, parent_kode, has_geometry, child_count, import_id)
    select v.kode, v.nama, v.tingkat, v.parent, false, v.n, (select max(id) from boundary_import)
    from (values ('99.02', 'Kabupaten Lain', 'kabupaten', '99', 2),
      ('99.02.01', 'Kecamatan Tiga', 'kecamatan', '99.02', 2), ('99.02.02', 'Kecamatan Empat', 'kecamatan', '99.02', 2),
      ('99.02.01.2001', 'Desa Tiga Satu', 'desa', '99.02.01', 0), ('99.02.01.2002', 'Desa Tiga Dua', 'desa', '99.02.01', 0),
      ('99.02.02.2001', 'Desa Empat Satu', 'desa', '99.02.02', 0), ('99.02.02.2002', 'Desa Empat Dua', 'desa', '99.02.02', 0))
      as v (kode, nama, tingkat, parent, n)
    on conflict (kode) do nothing`);
  const desa = Object.entries(MONTHLY);
  await replaceValues(
    database,
    'uji versi privasi',
    desa.map(([kode, n]) => ({ indicator: 'KIA_K1', kode, numerators: Array(9).fill(n) })),
    desa.map(([kode]) => ({ kode, group: 'bumil', value: 300, kind: 'estimate' })),
  );
}

/** The kabupaten of each protection job the app starts, in order (the same rule in process, counted). */
const jobs: string[] = [];
const inner = inProcessRunner();
const counting: ProtectRunner = {
  ...inner,
  run(job, urgent) {
    jobs.push(job.desa[0]?.kode.slice(0, 5) ?? '');
    return inner.run(job, urgent);
  },
};

const ctx = useApp(seed, { readAccess: 'public', protectRunner: counting });
afterAll(() => inner.close());

const URL = '/api/nilai/desa?indikator=KIA_K1&periode=2026-09&wilayah=';

describe('protection kept per kabupaten data version', () => {
  it('an import into one kabupaten recomputes its protection only: the other stays masked, not hidden, at once', async () => {
    const pembaca = (await signIn(ctx.app, ctx.database, 'viewer')).headers;
    const get = async <T>(url: string, headers = pembaca): Promise<T> => {
      const res = await ctx.app.inject({ url, headers });
      expect(res.statusCode, url).toBe(200);
      return res.json() as T;
    };
    /** Kode → class letter of every desa of the provinsi map ("Semua desa": does not wait for a table). */
    const letters = async () => {
      const answer = await get<DesaValuesResponse>(`${URL}99`);
      return new Map(desaKodesOf(answer).map((kode, i) => [kode, answer.kelas[i]!]));
    };
    const ofKabupaten = (all: Map<string, string>, kabupaten: string) =>
      [...all].filter(([kode]) => kode.startsWith(`${kabupaten}.`));
    const hidden = CLASS_LETTER.disembunyikan;

    // One kabupaten at a time waits for its table: one job each.
    await get(`${URL}99.01`);
    await get(`${URL}99.02`);
    expect(jobs).toEqual(['99.01', '99.02']);
    const before = await letters();
    const lain = ofKabupaten(before, '99.02');
    // Masked, not fully hidden: the small desa hidden, the others shown with their class.
    expect(lain.filter(([, l]) => l === hidden).map(([k]) => k)).toContain('99.02.01.2002');
    expect(lain.some(([, l]) => l !== hidden)).toBe(true);
    expect(before.get(SMALL_A)).toBe(hidden);
    const smallA = async () =>
      (await get<{ rows: ValueRow[] }>('/api/nilai?indikator=KIA_K1&periode=2026-09&wilayah=99.01.01')).rows.find(
        (r) => r.kode === SMALL_A,
      )!;
    // Hidden all year (a small count every month), September shown as a band: 1 is below the threshold.
    expect((await smallA()).protection?.text).toBe('disembunyikan: jumlah kecil · < 10');

    // An isian saved into 99.01 (one import): desa 2002 reports 50 in September.
    const save = await ctx.app.inject({
      method: 'POST',
      url: '/api/impor/isian',
      headers: ctx.admin.headers,
      payload: {
        period: '2026-09',
        area: '99.01.01',
        cells: [
          {
            kode: SMALL_A,
            indicator: 'KIA_K1',
            numerator: '50',
            denominator: '',
            base: { numerator: 1, denominator: null },
          },
        ],
      },
    });
    expect(save.statusCode, save.body).toBe(200);

    // At once: 99.02 keeps its protection (same letters, no new job for it).
    expect(ofKabupaten(await letters(), '99.02')).toEqual(lain);

    // 99.01 is protected again from its new data (the write-time warm-up or this request: one job either way): the desa
    // stays hidden for the year (its other months are small), its September band now says 50 is at least 10.
    const after = await smallA();
    expect(after.numerator).toBeNull();
    expect(after.protection?.text).toBe('disembunyikan: jumlah kecil · ≥ 10');
    expect(jobs).toEqual(['99.01', '99.02', '99.01']);
    expect(ofKabupaten(await letters(), '99.02')).toEqual(lain);
  });
});
