// A meeting about a puskesmas' wilayah kerja (issue 8: "a wilayah (puskesmas wilayah or kecamatan)"): its desa are
// those the puskesmas holds on the meeting date — here across two kecamatan, and one desa leaves on 2026-10-01.
// Values of fixtures/tiny-values.ts: KIA_K1 Jan–Aug 2026, desa 99.01.01.2002 8 of sasaran 20 (40 %), desa 99.01.02.2001
// 4 of 5 (80 %).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { MeetingDetailSchema, type MeetingDetail } from '@peta/domain/contract';
import { seedPuskesmas } from '@peta/server-core/testing';
import { loadTinyValues } from './fixtures/tiny-values.ts';
import { DUA, TIGA } from './fixtures/tiny-wilayah.ts';
import { clearMeetingsAndRollout, dropPuskesmasUsers, expectSchema, signIn, useApp, type TestUser } from './helper.ts';

async function seed(database: Database) {
  await loadTinyValues(database);
  await clearMeetingsAndRollout(database);
  await seedPuskesmas(database, [
    { kode: 'PM1', nama: 'PUSKESMAS LINTAS', desa: [DUA, { kode: TIGA, to: '2026-10-01' }] },
    { kode: 'PM2', nama: 'PUSKESMAS LAIN', desa: [{ kode: TIGA, from: '2026-10-01' }] },
  ]);
}

const ctx = useApp(seed);
const who = {} as { pkm: TestUser; camat: TestUser; other: TestUser };
beforeAll(async () => {
  who.pkm = await signIn(ctx.app, ctx.database, 'puskesmas', { puskesmas: 'PM1' });
  who.other = await signIn(ctx.app, ctx.database, 'puskesmas', { puskesmas: 'PM2' });
  who.camat = await signIn(ctx.app, ctx.database, 'camat', { kode: '99.01.01' });
});
// The other files clear the puskesmas table: the users pointing at PM1/PM2 go first.
afterAll(() => dropPuskesmasUsers(ctx.database));

// biome-ignore lint/suspicious/noExplicitAny: a test reads the answer's fields it asserts on.
async function send<T = any>(user: TestUser, method: 'POST' | 'GET', url: string, payload?: object) {
  const res = await ctx.app.inject({ method, url, payload, headers: user.headers });
  return { status: res.statusCode, body: res.json() as T };
}

let september: MeetingDetail;

describe('a meeting about a puskesmas wilayah kerja', () => {
  it('takes the desa the puskesmas holds on the meeting date, from two kecamatan', async () => {
    const { status, body } = await send<MeetingDetail>(who.pkm, 'POST', '/api/rapat', {
      jenis: 'lokmin_bulanan',
      tanggal: '2026-09-05',
      puskesmas: 'PM1',
      periode: '2026-01..2026-08',
    });
    expect(status).toBe(201);
    expectSchema(MeetingDetailSchema, body);
    september = body;
    expect(body).toMatchObject({
      judul: 'Lokakarya Mini bulanan Puskesmas Lintas',
      puskesmasKode: 'PM1',
      wilayahKode: '99.01',
      desaKodes: [DUA, TIGA],
      oleh: who.pkm.username,
    });
    expect(body.agenda.wilayah).toEqual({ kode: 'PM1', nama: 'Puskesmas Lintas' });
    expect(body.agenda.desa.map((d) => [d.kode, d.values.find((v) => v.indicator === 'KIA_K1')?.coverage])).toEqual([
      [DUA, 40],
      [TIGA, 80],
    ]);
  });

  it('pins actions only to its desa; the next meeting after the move has one desa and shows the open action', async () => {
    const ok = await send(who.pkm, 'POST', `/api/rapat/${september.id}/tindak-lanjut`, {
      desaKode: DUA,
      indicator: 'KIA_K1',
      apa: 'Kelas ibu hamil',
      siapa: 'Bidan',
    });
    expect(ok.status).toBe(201);
    // Desa Tiga was in the wilayah kerja in September but is PM2's today: PM1 may no longer write for it.
    expect(
      (
        await send(who.pkm, 'POST', `/api/rapat/${september.id}/tindak-lanjut`, {
          desaKode: TIGA,
          indicator: 'KIA_K1',
          apa: 'x',
          siapa: 'y',
        })
      ).status,
    ).toBe(403);
    const outside = await send(who.pkm, 'POST', `/api/rapat/${september.id}/tindak-lanjut`, {
      desaKode: '99.01.01.2001',
      indicator: 'KIA_K1',
      apa: 'x',
      siapa: 'y',
    });
    expect(outside.status).toBe(403); // not in the puskesmas' scope either
    const admin = await ctx.app.inject({
      method: 'POST',
      url: `/api/rapat/${september.id}/tindak-lanjut`,
      headers: ctx.admin.headers,
      payload: { desaKode: '99.01.01.2001', indicator: 'KIA_K1', apa: 'x', siapa: 'y' },
    });
    expect(admin.json()).toMatchObject({
      statusCode: 400,
      code: 'DESA_NOT_IN_WILAYAH',
      message: 'Desa 99.01.01.2001 bukan desa/kelurahan di wilayah rapat ini (Puskesmas Lintas).',
    });

    const { body: october } = await send<MeetingDetail>(who.pkm, 'POST', '/api/rapat', {
      jenis: 'lokmin_bulanan',
      tanggal: '2026-10-05',
      puskesmas: 'PM1',
      periode: '2026-01..2026-09',
    });
    expect(october.desaKodes).toEqual([DUA]);
    expect(october.agenda.openActions.map((a) => a.apa)).toEqual(['Kelas ibu hamil']);
    const list = await send(who.pkm, 'GET', '/api/rapat?puskesmas=PM1');
    expect(list.body.map((m: MeetingDetail) => [m.tanggal, m.desaKodes.length])).toEqual([
      ['2026-10-05', 1],
      ['2026-09-05', 2],
    ]);
    // Not among the kecamatan's meetings.
    expect((await send(who.pkm, 'GET', '/api/rapat?wilayah=99.01.01')).body).toEqual([]);
  });

  it('is recorded by its puskesmas or the dinkes, not by a camat or another puskesmas', async () => {
    const body = { jenis: 'lintas_sektor', tanggal: '2026-09-06', puskesmas: 'PM1', periode: '2026-08' };
    expect((await send(who.camat, 'POST', '/api/rapat', body)).body.code).toBe('OUT_OF_SCOPE');
    expect((await send(who.other, 'POST', '/api/rapat', body)).body.code).toBe('OUT_OF_SCOPE');
    expect(
      (await send(who.other, 'POST', `/api/rapat/${september.id}/catatan`, { itemKey: 'ringkasan', text: 'x' })).status,
    ).toBe(403);
    expect(
      (await send(who.pkm, 'POST', `/api/rapat/${september.id}/catatan`, { itemKey: 'ringkasan', text: 'Disepakati' }))
        .status,
    ).toBe(201);
    const both = await send(who.pkm, 'POST', '/api/rapat', { ...body, wilayah: '99.01.01' });
    expect(both.body).toMatchObject({ statusCode: 400, code: 'AREA_REQUIRED' });
    expect((await send(who.pkm, 'POST', '/api/rapat', { ...body, puskesmas: 'TIDAK-ADA' })).status).toBe(404);
  });

  it('prints a pack with a page per desa of the wilayah kerja', async () => {
    const html = (await ctx.app.inject({ url: `/api/rapat/${september.id}/paket.html`, headers: who.pkm.headers }))
      .body;
    expect(html).toContain('Puskesmas Lintas');
    expect(html).toContain('Desa Dua');
    expect(html).toContain('Desa Tiga');
  });
});
