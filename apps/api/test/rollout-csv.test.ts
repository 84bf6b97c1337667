// Wilayah kerja as CSV (issue 7): export → edit → preview → commit against the real test database, on the tiny
// wilayah (fixtures/tiny-wilayah.ts) with the K1 values of fixtures/tiny-values.ts: desa 99.01.01.2001 Jan–Sep
// 4,3,3,4,3,3,3,4,3 of sasaran 40; 99.01.01.2002 1×8 then 2 of 20; 99.01.02.2001 1,0,1,0,1,0,1,0,1 of 5;
// 99.01.02.2002 no report (sasaran 10). P1 holds Kecamatan Satu, P2 Kecamatan Dua (unconfirmed proposals).
import { describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { WilayahKerjaCsvOutcomeSchema } from '@peta/domain/contract';
import { seedPuskesmas } from '@peta/server-core/testing';
import { clearMeetingsAndRollout, expectSchema, signIn, useApp } from './helper.ts';
import { loadTinyValues } from './fixtures/tiny-values.ts';

async function seed(database: Database) {
  await loadTinyValues(database);
  await clearMeetingsAndRollout(database);
  await seedPuskesmas(
    database,
    [
      { kode: 'P1', nama: 'Puskesmas Satu', desa: ['99.01.01.2001', '99.01.01.2002'] },
      { kode: 'P2', nama: 'Puskesmas Dua', desa: ['99.01.02.2001', '99.01.02.2002'] },
      { kode: 'Q1', nama: 'Puskesmas Seberang', kabupaten: '98.01' },
    ],
    { confirmed: false },
  );
}

const ctx = useApp(seed, { readAs: 'admin' });
const EXPORTED =
  'kode_puskesmas,nama,kode_desa\r\nP2,Puskesmas Dua,99.01.02.2001\r\nP2,Puskesmas Dua,99.01.02.2002\r\n' +
  'P1,Puskesmas Satu,99.01.01.2001\r\nP1,Puskesmas Satu,99.01.01.2002\r\n';

const upload = async (step: 'preview' | 'commit', csv: string, query = 'kabupaten=99.01&mulai=2026-06-01') => {
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/wilayah-kerja/${step}?${query}`,
    headers: { ...ctx.admin.headers, 'content-type': 'text/csv' },
    payload: csv,
  });
  return { status: res.statusCode, body: res.json() };
};
type Row = { kode: string; numerator: number | null; denominator: number | null };
const k1 = async (period: string) => {
  const res = await ctx.app.inject(`/api/nilai/puskesmas?indikator=KIA_K1&periode=${period}&kabupaten=99.01`);
  expect(res.statusCode).toBe(200);
  return Object.fromEntries((res.json().rows as Row[]).map((r) => [r.kode, r.numerator]));
};
const snapshot = async () =>
  (
    await ctx.database.pool.query(`select (select count(*)::int from rollout_event) as events,
  (select count(*)::int from puskesmas) as puskesmas,
  (select json_agg(json_build_array(desa_kode, puskesmas_kode, valid_from::text, valid_to::text, confirmed) order by id) from puskesmas_wilayah) as wk`)
  ).rows[0];

describe('wilayah kerja CSV', () => {
  it('exports one row per desa with a BOM, as an attachment', async () => {
    const res = await ctx.app.inject('/api/wilayah-kerja.csv?kabupaten=99.01');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="wilayah-kerja-99.01.csv"');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.rawPayload.subarray(3).toString('utf8')).toBe(EXPORTED);
    expect((await ctx.app.inject('/api/wilayah-kerja.csv?kabupaten=99')).statusCode).toBe(400);
  });

  it('refuses a bad file with exact row/column errors and changes nothing', async () => {
    const before = await snapshot();
    const bad =
      'kode_puskesmas,nama,kode_desa\nP2,,99.01.01.20x1\nP2,,12.07.01.2001\nP2,,99.01.01.2099\nQ1,,99.01.01.2001\n' +
      'P2,,99.01.01.2002\nP2,,9901012002\nBARU,,99.01.02.2001\n';
    const res = await upload('commit', bad);
    expect(res.status).toBe(422);
    expectSchema(WilayahKerjaCsvOutcomeSchema, res.body);
    expect(res.body.status).toBe('invalid');
    expect(res.body.errors).toEqual([
      {
        row: 2,
        column: 'kode_desa',
        code: 'KODE_INVALID',
        message:
          'Kode wilayah tidak dapat dibaca: "99.01.01.20x1". Gunakan kode Kemendagri desa, misalnya 12.10.09.2001.',
      },
      {
        row: 3,
        column: 'kode_desa',
        code: 'KODE_OUTSIDE_WILAYAH',
        message: 'Desa 12.07.01.2001 tidak berada di kabupaten/kota 99.01.',
      },
      {
        row: 4,
        column: 'kode_desa',
        code: 'KODE_UNKNOWN',
        message: 'Kode desa 99.01.01.2099 tidak dikenal di daftar wilayah Kemendagri.',
      },
      {
        row: 5,
        column: 'kode_puskesmas',
        code: 'PUSKESMAS_OTHER_KABUPATEN',
        message: 'Puskesmas Q1 (Puskesmas Seberang) berada di kabupaten/kota 98.01, bukan 99.01.',
      },
      {
        row: 7,
        column: 'kode_desa',
        code: 'DUPLICATE',
        message: 'Desa 99.01.01.2002 sudah tercantum di baris 6: satu desa hanya masuk satu puskesmas.',
      },
      {
        row: 8,
        column: 'kode_puskesmas',
        code: 'PUSKESMAS_KODE_INVALID',
        message:
          'Kode puskesmas "BARU" tidak dikenal dan tidak sah untuk puskesmas baru: ' +
          'gunakan kode Komdat 7 angka (misalnya 1010453) atau kode Kemenkes huruf P dan 10 angka (misalnya P1210090201).',
      },
    ]);
    expect((await upload('preview', 'kode_puskesmas;kode_desa\nP1;99.01.01.2001\n')).body.errors).toEqual([
      {
        row: 1,
        column: 'nama',
        code: 'HEADER_MISSING',
        message: 'Kolom "nama" tidak ada di baris judul. Judul kolom yang diperlukan: kode_puskesmas,nama,kode_desa.',
      },
    ]);
    expect((await upload('preview', '')).body.errors.map((e: { code: string }) => e.code)).toEqual(['FILE_EMPTY']);
    // A camat of the kabupaten may not commit it (planning is the dinkes' work).
    const other = await signIn(ctx.app, ctx.database, 'camat', { kode: '99.01.01' });
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/wilayah-kerja/simpan?kabupaten=99.01&mulai=2026-06-01',
      headers: { ...other.headers, 'content-type': 'text/csv' },
      payload: EXPORTED,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });

  it('export → edit → preview → commit moves the desa from `mulai` and not before, with events', async () => {
    const may = await k1('2026-05');
    const june = await k1('2026-06');
    // Edit: desa 99.01.01.2001 to P2; desa 99.01.02.2002 to a new puskesmas; the other two rows as exported.
    const edited = EXPORTED.replace('P2,Puskesmas Dua,99.01.02.2002', '9901005,Puskesmas Lima,99.01.02.2002').replace(
      'P1,Puskesmas Satu,99.01.01.2001',
      'P2,Puskesmas Dua,99.01.01.2001',
    );
    const before = await snapshot();
    const preview = await upload('preview', edited);
    expect(preview.status).toBe(200);
    expectSchema(WilayahKerjaCsvOutcomeSchema, preview.body);
    expect(preview.body).toMatchObject({
      status: 'valid',
      rows: 4,
      errors: [],
      newPuskesmas: [{ kode: '9901005', nama: 'Puskesmas Lima' }],
      unchanged: 0,
      changed: true,
      moves: [
        { row: 3, desa: '99.01.02.2002', from: 'P2', to: '9901005' },
        { row: 4, desa: '99.01.01.2001', from: 'P1', to: 'P2' },
      ],
      confirms: [
        { row: 2, desa: '99.01.02.2001', puskesmas: 'P2' },
        { row: 5, desa: '99.01.01.2002', puskesmas: 'P1' },
      ],
    });
    expect(await snapshot()).toEqual(before);

    const commit = await upload('commit', edited);
    expect(commit.status).toBe(200);
    expect(commit.body.status).toBe('committed');
    expect(commit.body.eventIds).toHaveLength(5);
    const { rows: created } = await ctx.database.pool.query(
      `select kode, nama, kabupaten_kode, sumber from puskesmas where kode = '9901005'`,
    );
    expect(created).toEqual([{ kode: '9901005', nama: 'Puskesmas Lima', kabupaten_kode: '99.01', sumber: 'pengguna' }]);
    const { rows: history } =
      await ctx.database.pool.query(`select puskesmas_kode as p, valid_from::text as f, valid_to::text as t, confirmed
      from puskesmas_wilayah where desa_kode = '99.01.01.2001' order by valid_from`);
    expect(history).toEqual([
      { p: 'P1', f: '2025-01-01', t: '2026-06-01', confirmed: false },
      { p: 'P2', f: '2026-06-01', t: null, confirmed: true },
    ]);
    const {
      rows: [ev],
    } = await ctx.database.pool.query(`select oleh, before, after from rollout_event
      where kind = 'wilayah_kerja' and after->>'desa' = '99.01.01.2001'`);
    expect(ev).toEqual({
      oleh: ctx.admin.username,
      before: { desa: '99.01.01.2001', puskesmas: 'P1', validFrom: '2025-01-01', validTo: null, confirmed: false },
      after: { desa: '99.01.01.2001', puskesmas: 'P2', validFrom: '2026-06-01', validTo: null, confirmed: true },
    });

    // May unchanged; from June desa 2001 (June: 3) counts for P2 (P2's own June: 99.01.02.2001 0, 2002 moved to 9901005 without report).
    expect(await k1('2026-05')).toEqual(may);
    expect(june).toMatchObject({ P1: 4, P2: 0 });
    expect(await k1('2026-06')).toMatchObject({ P1: 1, P2: 3 });
  });

  it('re-importing the same file says nothing changed and writes nothing', async () => {
    const exported = (await ctx.app.inject('/api/wilayah-kerja.csv?kabupaten=99.01')).rawPayload;
    const before = await snapshot();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/wilayah-kerja/simpan?kabupaten=99.01&mulai=2026-12-01',
      headers: { ...ctx.admin.headers, 'content-type': 'text/csv' },
      payload: exported,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'committed',
      rows: 4,
      unchanged: 4,
      changed: false,
      moves: [],
      confirms: [],
      newPuskesmas: [],
      eventIds: [],
    });
    expect(await snapshot()).toEqual(before);
  });
});
