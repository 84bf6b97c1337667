// One vocabulary (docs/ARCHITECTURE.md "Names"): the API's paths and query parameters are the page's Indonesian words;
// the names used before still answer exactly the same, so shared links and scripts keep working.
// (route-access.test.ts proves every old path has the same access as its new one, through every spelling.)
import { describe, expect, it } from 'vitest';
import { signIn, useApp } from './helper.ts';
import { loadTinyValues } from './fixtures/tiny-values.ts';

const ctx = useApp(loadTinyValues);
const answer = async (url: string) => {
  const res = await ctx.app.inject(url);
  return { status: res.statusCode, body: res.json() };
};

describe('old paths and old query parameters', () => {
  it.each([
    ['/api/indicators', '/api/indikator'],
    [
      '/api/values?indicator=KIA_K1&period=2026-01..2026-09&parent=99',
      '/api/nilai?indikator=KIA_K1&periode=2026-01..2026-09&wilayah=99',
    ],
    ['/api/values?indicator=KIA_K1&period=2026-09', '/api/nilai?indikator=KIA_K1&periode=2026-09'],
    [
      '/api/values/desa?indicator=KIA_K1&period=2026-09&parent=99.01.01',
      '/api/nilai/desa?indikator=KIA_K1&periode=2026-09&wilayah=99.01.01',
    ],
    [
      '/api/wilayah/99.01.01.2001/series?indicator=KIA_K1&year=2026',
      '/api/wilayah/99.01.01.2001/series?indikator=KIA_K1&tahun=2026',
    ],
    ['/api/wilayah/99.01.01.2002/profil?period=2026-08', '/api/wilayah/99.01.01.2002/profil?periode=2026-08'],
    // An old path with the new parameters, and the new path with the old ones: each name is read on every route.
    [
      '/api/values?indikator=KIA_K1&periode=2026-09&wilayah=99.01',
      '/api/nilai?indicator=KIA_K1&period=2026-09&parent=99.01',
    ],
  ])('%s answers as %s', async (old, now) => {
    const [before, after] = [await answer(old), await answer(now)];
    expect(after.status).toBe(200);
    expect(before).toEqual(after);
  });

  it('the new parameter wins when a link carries both names', async () => {
    const both = await answer(
      '/api/nilai?indikator=KIA_K1&indicator=XYZ&periode=2026-09&period=2026-13&wilayah=99.01&parent=98',
    );
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ indicator: 'KIA_K1', period: '2026-09', parent: '99.01' });
  });

  it('a bad value under an old name gets the same 400 as under the new one', async () => {
    const old = await answer('/api/values?indicator=KIA_K1&period=2026-13');
    expect(old.status).toBe(400);
    expect(old.body.code).toBe('INVALID_PERIOD');
    expect(old).toEqual(await answer('/api/nilai?indikator=KIA_K1&periode=2026-13'));
  });

  it('an unknown meeting is the same 404 under /api/meetings and /api/rapat', async () => {
    const [old, now] = [await answer('/api/meetings/987654'), await answer('/api/rapat/987654')];
    expect(now.status).toBe(404);
    expect(old).toEqual(now);
  });

  it('old JSON body fields: baru of a password change, tahun of a wave', async () => {
    const user = await signIn(ctx.app, ctx.database, 'viewer');
    const change = (payload: object) =>
      ctx.app.inject({ method: 'POST', url: '/api/auth/sandi', headers: user.headers, payload });
    // The current password is wrong on purpose: past validation, the service refuses it (the same with either name);
    // without the new password at all the schema refuses the body.
    const wrong = 'bukan-sandinya-sama-sekali';
    expect((await change({ current: wrong, baru: 'sandi-baru-yang-panjang' })).json().code).toBe('WRONG_PASSWORD');
    expect((await change({ current: wrong, new: 'sandi-baru-yang-panjang' })).json().code).toBe('WRONG_PASSWORD');
    const missing = await change({ current: wrong });
    expect([missing.statusCode, missing.json().code]).toEqual([400, 'INVALID_REQUEST']);

    // An unknown kabupaten: 404 once the body is valid, so `tahun` was read as `year`.
    const wave = (fields: object) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/gelombang',
        headers: ctx.admin.headers,
        payload: { kabupaten: '98.99', nama: 'Gelombang uji', target: 1, members: [], ...fields },
      });
    expect((await wave({ tahun: 2027 })).statusCode).toBe(404);
    expect((await wave({ year: 2027 })).statusCode).toBe(404);
    expect((await wave({})).statusCode).toBe(400);
  });
});
