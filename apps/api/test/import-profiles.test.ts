// Files of other systems through the HTTP API with import profiles (issue 19), on the tiny wilayah (fixtures/): a
// long export with desa names and its own column names, mapped once in the wizard (layout → read again with a draft
// → save the profile → the next file of that shape picks it by itself); a PWS KIA workbook with monthly columns;
// a near desa name confirmed in the preview and kept as an alias; old Papua kode remapped. Every path ends in the one
// preview → commit → undo. The app's clock is 2026-11-15.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportOutcomeSchema } from '@peta/domain/contract';
import { headerSignature } from '@peta/domain';
import type { Database } from '@peta/db';
import { expectSchema, signIn, useApp } from './helper.ts';
import { loadTinyValues } from './fixtures/tiny-values.ts';

const fixtures = join(import.meta.dirname, '../../../packages/server-core/src/imports/fixtures');
const fixture = (name: string) => readFileSync(join(fixtures, name));

async function seed(database: Database) {
  await loadTinyValues(database);
  await database.pool.query('delete from import_profile; delete from desa_alias');
  // Papua Selatan and Papua Barat Daya as the 2025 list has them, one desa each (for old kode).
  await database.pool.query(`insert into wilayah (kode, nama, tingkat, parent_kode) values
    ('93', 'Papua Selatan', 'provinsi', null), ('93.01', 'Kabupaten Merauke', 'kabupaten', '93'), ('93.01.01', 'Merauke', 'kecamatan', '93.01'),
    ('93.01.01.2001', 'Desa Uji Merauke', 'desa', '93.01.01'),
    ('96', 'Papua Barat Daya', 'provinsi', null), ('96.01', 'Kabupaten Sorong', 'kabupaten', '96'), ('96.01.01', 'Makbon', 'kecamatan', '96.01'),
    ('96.01.01.2003', 'Batu Lubang', 'desa', '96.01.01'),
    ('72', 'Sulawesi Tengah', 'provinsi', null), ('72.01', 'Kabupaten Banggai', 'kabupaten', '72'), ('72.01.24', 'Toili Jaya', 'kecamatan', '72.01'),
    ('72.01.24.2001', 'Tolisu', 'desa', '72.01.24')`);
}

const ctx = useApp(seed);
const upload = async (name: string, body: Buffer | string, query = '', headers = ctx.admin.headers) => {
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/impor/pratinjau?berkas=${encodeURIComponent(name)}${query}`,
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    body,
  });
  return { status: res.statusCode, body: res.json() };
};
const json = async (method: 'POST' | 'GET', url: string, payload?: unknown, headers = ctx.admin.headers) => {
  const res = await ctx.app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return {
    status: res.statusCode,
    body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body,
    headers: res.headers,
  };
};
const commit = async (previewId: string) => (await json('POST', `/api/impor/${previewId}/simpan`)).body;
const value = async (indicator: string, period: string, parent: string, kode: string) =>
  (await json('GET', `/api/nilai?indikator=${indicator}&periode=${period}&wilayah=${parent}`)).body.rows.find(
    (r: { kode: string }) => r.kode === kode,
  );

const ASIK_PROFILE = JSON.parse(fixture('asik.profile.json').toString('utf8'));
const ASIK_HEADER = ['Nama Desa', 'Kecamatan', 'Bulan Laporan', 'Indikator', 'Jumlah', 'Sasaran'];

describe('import profiles through the API', () => {
  let profileId = 0;

  it('a long export with desa names and its own columns: refused with its layout, read again with a draft, committed, undone', async () => {
    const first = await upload('asik-oktober.csv', fixture('asik-export.csv'));
    expect(first.status).toBe(200);
    expectSchema(ImportOutcomeSchema, first.body);
    expect(first.body).toMatchObject({
      status: 'invalid',
      format: null,
      errors: [{ code: 'FILE_FORMAT' }],
      layout: { sheets: [], sheet: null, headerRow: 1 },
    });
    expect(first.body.layout.rows.slice(0, 2)).toEqual([
      ASIK_HEADER,
      ["Desa Ma'u", 'Kec. Satu', 'Oktober 2026', 'Kunjungan K1', '3', ''],
    ]);
    // The file is kept for the wizard: mapped, it is read again without a new upload.
    expect(first.body.previewId).toEqual(expect.any(String));
    const again = await json('POST', `/api/impor/${first.body.previewId}/baca-ulang`, { profil: ASIK_PROFILE });
    expect(again.status).toBe(200);
    expectSchema(ImportOutcomeSchema, again.body);
    expect(again.body).toMatchObject({
      status: 'preview',
      format: 'profil',
      profile: { id: null, nama: 'Ekspor ASIK KIA dan TB' },
      counts: { added: 3, changed: 0, unchanged: 0 },
      errors: [],
    });
    const done = await commit(again.body.previewId);
    expect(done).toMatchObject({ status: 'imported', format: 'profil' });
    expect(await value('SPM11_TB', '2026-10', '99.01.01', '99.01.01.2002')).toMatchObject({
      numerator: 2,
      denominator: 4,
      simulated: false,
    });
    expect(await value('KIA_K1', '2026-10', '99.01.02', '99.01.02.2001')).toMatchObject({
      numerator: 5,
      simulated: false,
    });
    const undone = await json('POST', `/api/impor/${done.loadId}/batalkan`);
    expect(undone.status).toBe(200);
    expect((await value('SPM11_TB', '2026-10', '99.01.01', '99.01.01.2002'))?.numerator ?? null).toBe(null);
  });

  it('saves the profile with its header signature; the next file of that shape picks it by itself; it downloads as JSON', async () => {
    const saved = await json('POST', '/api/profil-impor', {
      ...ASIK_PROFILE,
      tandaJudul: headerSignature(ASIK_HEADER),
    });
    expect(saved).toMatchObject({ status: 201, body: { nama: 'Ekspor ASIK KIA dan TB', kabupaten: '99.01' } });
    profileId = saved.body.id;
    const next = await upload('asik-november.csv', fixture('asik-export.csv'));
    expect(next.body).toMatchObject({
      status: 'preview',
      format: 'profil',
      profile: { id: profileId, nama: 'Ekspor ASIK KIA dan TB' },
      errors: [],
    });
    const file = await json('GET', `/api/profil-impor/${profileId}`);
    expect(file.headers['content-disposition']).toBe('attachment; filename="profil-impor-ekspor-asik-kia-dan-tb.json"');
    expect(file.body).toMatchObject({
      versi: 1,
      nama: 'Ekspor ASIK KIA dan TB',
      tandaJudul: 'nama desa|kecamatan|bulan laporan|indikator|jumlah|sasaran',
    });
    // Saving the same name again replaces it; the old version stays as history.
    const replaced = await json('POST', '/api/profil-impor', {
      ...ASIK_PROFILE,
      tandaJudul: headerSignature(ASIK_HEADER),
    });
    const list = await json('GET', '/api/profil-impor');
    expect(list.body).toEqual([
      {
        id: replaced.body.id,
        nama: 'Ekspor ASIK KIA dan TB',
        kabupaten: '99.01',
        createdBy: ctx.admin.username,
        createdAt: expect.any(String),
        versions: 2,
      },
    ]);
    profileId = replaced.body.id;
  });

  it("refuses an invalid profile with every problem, and a profile outside the user's scope", async () => {
    const bad = await json('POST', '/api/profil-impor', {
      ...ASIK_PROFILE,
      nilai: [{ kolom: 'Jumlah', peran: 'hasil' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('nilai[0].peran harus "pembilang" atau "penyebut"');
    const dinkesLain = await signIn(ctx.app, ctx.database, 'dinkes_kabupaten', { kode: '93.01' });
    const outside = await json('POST', '/api/profil-impor', ASIK_PROFILE, dinkesLain.headers);
    expect(outside.status).toBe(403);
    // Nor can they use or download the profile of 99.01.
    expect((await json('GET', `/api/profil-impor/${profileId}`, undefined, dinkesLain.headers)).status).toBe(404);
  });

  it('deletes a profile: scope-checked, kept as history with who and when, in the audit log, no longer picked for a file', async () => {
    const dinkesLain = await signIn(ctx.app, ctx.database, 'dinkes_kabupaten', { kode: '93.01' });
    const del = (id: number | string, headers = ctx.admin.headers) =>
      ctx.app.inject({ method: 'DELETE', url: `/api/profil-impor/${id}`, headers });
    // Another kabupaten's dinkes neither sees nor deletes it.
    expect((await del(profileId, dinkesLain.headers)).statusCode).toBe(404);
    expect((await del('satu')).statusCode).toBe(400);
    const gone = await del(profileId);
    expect(gone.statusCode).toBe(200);
    expect(gone.json()).toEqual({ id: profileId, nama: 'Ekspor ASIK KIA dan TB', kabupaten: '99.01' });
    expect((await json('GET', '/api/profil-impor')).body).toEqual([]);
    expect((await del(profileId)).json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    // A file of that shape is no longer read by itself: the wizard asks again.
    expect((await upload('asik-desember.csv', fixture('asik-export.csv'))).body).toMatchObject({
      status: 'invalid',
      errors: [{ code: 'FILE_FORMAT' }],
    });
    const { rows: history } = await ctx.database.pool.query(
      'select id, replaced_by, replaced_at is not null as retired from import_profile where id = $1',
      [profileId],
    );
    expect(history).toEqual([{ id: profileId, replaced_by: ctx.admin.username, retired: true }]);
    const { rows: audit } = await ctx.database.pool.query(
      `select username, status from audit_log where method = 'DELETE' and path = $1 order by id`,
      [`/api/profil-impor/${profileId}`],
    );
    expect(audit).toEqual([
      { username: dinkesLain.username, status: 404 },
      { username: ctx.admin.username, status: 200 },
      { username: ctx.admin.username, status: 404 },
    ]);
    // Saved again (the tests below use it): a new current version, listed again.
    const again = await json('POST', '/api/profil-impor', {
      ...ASIK_PROFILE,
      tandaJudul: headerSignature(ASIK_HEADER),
    });
    expect(again.status).toBe(201);
    profileId = again.body.id;
  });

  it('a PWS KIA workbook with monthly columns per indicator, read with one profile (?profil=id)', async () => {
    const saved = await json('POST', '/api/profil-impor', JSON.parse(fixture('pws-kia.profile.json').toString('utf8')));
    // Two names, each with its own history: the ASIK profile saved three times, the PWS KIA one once.
    expect(
      (await json('GET', '/api/profil-impor')).body.map((p: { nama: string; versions: number }) => [
        p.nama,
        p.versions,
      ]),
    ).toEqual([
      ['Ekspor ASIK KIA dan TB', 3],
      ['PWS KIA Puskesmas Uji', 1],
    ]);
    const preview = await upload('pws-kia-2026.xlsx', fixture('pws-kia-2026.xlsx'), `&profil=${saved.body.id}`);
    expect(preview.body).toMatchObject({
      status: 'preview',
      format: 'profil',
      profile: { id: saved.body.id, nama: 'PWS KIA Puskesmas Uji' },
      errors: [],
    });
    // 3 desa × 10 months × 2 indicators = 60 cells; KIA_K1 of Jan–Sep was simulated for these desa (tiny-values).
    const { added, changed, unchanged } = preview.body.counts;
    expect(added + changed + unchanged).toBe(60);
    expect(preview.body.warnings.map((w: { code: string }) => w.code)).toContain('PROFILE_ROWS_SKIPPED');
    const done = await commit(preview.body.previewId);
    expect(done).toMatchObject({ status: 'imported' });
    expect(await value('KIA_K4', '2026-10', '99.01.02', '99.01.02.2001')).toMatchObject({
      numerator: 3,
      simulated: false,
    });
    expect(await value('KIA_K1', '2026-03', '99.01.01', '99.01.01.2001')).toMatchObject({
      numerator: 4,
      simulated: false,
    });
  });

  it('a near desa name is offered, confirmed in the preview, and kept as an alias: the next file matches at once', async () => {
    const csv = 'Nama Desa;Kecamatan;Bulan Laporan;Indikator;Jumlah;Sasaran\nTgia;Dua;2026-08;Kunjungan K1;7;\n';
    const first = await upload('asik-agustus.csv', csv);
    expect(first.body).toMatchObject({
      status: 'invalid',
      format: 'profil',
      errors: [{ row: 2, column: 'Nama Desa', code: 'DESA_NAME_NEAR' }],
      toConfirm: [{ nama: 'Tgia', rows: [2], candidates: [{ kode: '99.01.02.2001', nama: 'Tiga' }] }],
    });
    const confirmed = await json('POST', `/api/impor/${first.body.previewId}/baca-ulang`, {
      konfirmasi: { Tgia: '99.01.02.2001' },
    });
    expect(confirmed.body).toMatchObject({ status: 'preview', errors: [], toConfirm: [] });
    expect(await commit(confirmed.body.previewId)).toMatchObject({ status: 'imported' });
    const { rows } = await ctx.database.pool.query('select wilayah, nama, kode, created_by from desa_alias');
    expect(rows).toEqual([{ wilayah: '99.01', nama: 'Tgia', kode: '99.01.02.2001', created_by: ctx.admin.username }]);
    const next = await upload('asik-september.csv', csv.replace('2026-08', '2026-09'));
    expect(next.body).toMatchObject({ status: 'preview', errors: [] });
    expect(next.body.warnings[0].message).toContain('(nama yang pernah dikonfirmasi)');
  });

  it('old kode (Papua provinces, a desa moved to a new kecamatan) are remapped with a warning listing old → new, and the values land on the new kode', async () => {
    const preview = await upload('papua-lama.csv', fixture('long-papua-lama.csv'));
    expect(preview.body).toMatchObject({ status: 'preview', format: 'long', errors: [], counts: { added: 4 } });
    expect(
      preview.body.warnings
        .filter((w: { code: string }) => w.code === 'KODE_REMAPPED')
        .map((w: { message: string }) => w.message),
    ).toEqual([
      'Kode lama 91.01.01.2001 diganti 93.01.01.2001 (Kepmendagri 2019–2024 → 2025) pada 2 baris: 2, 3.',
      'Kode lama 92.01.01.2004 diganti 96.01.01.2003 (Kepmendagri 2019–2024 → 2025) pada 1 baris: 4.',
      'Kode lama 72.01.09.2015 diganti 72.01.24.2001 (Kepmendagri 2019–2024 → 2025) pada 1 baris: 5.',
    ]);
    expect(await commit(preview.body.previewId)).toMatchObject({ status: 'imported' });
    const { rows } = await ctx.database.pool.query(
      `select kode, numerators[10] as oktober, numerators[9] as september from indicator_value where indicator = 'KIA_K1' and kode in ('93.01.01.2001', '96.01.01.2003', '72.01.24.2001') order by kode`,
    );
    expect(rows).toEqual([
      { kode: '72.01.24.2001', oktober: 3, september: null },
      { kode: '93.01.01.2001', oktober: 4, september: 2 },
      { kode: '96.01.01.2003', oktober: 1, september: null },
    ]);
  });

  it("an ambiguous desa name asks: the chosen desa takes this file's rows of that name, and no alias is kept for it", async () => {
    // A second "Desa Tiga", in Kecamatan Satu (the first is 99.01.02.2001 in Kecamatan Dua).
    await ctx.database.pool.query(
      `insert into wilayah (kode, nama, tingkat, parent_kode) values ('99.01.01.2009', 'Desa Tiga', 'desa', '99.01.01')`,
    );
    await ctx.database.pool.query('delete from desa_alias');
    const csv =
      'Nama Desa;Kecamatan;Bulan Laporan;Indikator;Jumlah;Sasaran\nTiga;;2026-07;Kunjungan K1;6;\nTiga;;2026-06;Kunjungan K1;5;\n';
    const first = await upload('asik-juli.csv', csv);
    expect(first.body).toMatchObject({
      status: 'invalid',
      format: 'profil',
      errors: [
        { row: 2, column: 'Nama Desa', code: 'DESA_NAME_AMBIGUOUS' },
        { row: 3, column: 'Nama Desa', code: 'DESA_NAME_AMBIGUOUS' },
      ],
      toConfirm: [
        {
          nama: 'Tiga',
          rows: [2, 3],
          ambiguous: true,
          candidates: [
            { kode: '99.01.01.2009', nama: 'Tiga', kecamatan: 'Satu' },
            { kode: '99.01.02.2001', nama: 'Tiga', kecamatan: 'Dua' },
          ],
        },
      ],
    });
    expect(first.body.errors[0].message).toContain('Pilih desanya di pratinjau');
    const chosen = await json('POST', `/api/impor/${first.body.previewId}/baca-ulang`, {
      konfirmasi: { Tiga: '99.01.01.2009' },
    });
    expect(chosen.body).toMatchObject({ status: 'preview', errors: [], toConfirm: [], counts: { added: 2 } });
    expect(chosen.body.warnings[0].message).toBe(
      'Nama desa "Tiga" dimiliki 2 desa; dipilih di pratinjau untuk berkas ini: 99.01.01.2009 Tiga (Kec. Satu).',
    );
    expect(await commit(chosen.body.previewId)).toMatchObject({ status: 'imported' });
    const { rows } = await ctx.database.pool.query(
      `select kode, numerators[6] as juni, numerators[7] as juli from indicator_value where indicator = 'KIA_K1' and kode = '99.01.01.2009'`,
    );
    expect(rows).toEqual([{ kode: '99.01.01.2009', juni: 5, juli: 6 }]);
    // No alias for a name two desa carry: the next file of that name asks again.
    expect((await ctx.database.pool.query('select * from desa_alias')).rows).toEqual([]);
    const next = await upload('asik-juli-lagi.csv', csv.replace(/;6;/, ';7;'));
    expect(next.body).toMatchObject({ status: 'invalid', toConfirm: [{ nama: 'Tiga', ambiguous: true }] });
  });
});
