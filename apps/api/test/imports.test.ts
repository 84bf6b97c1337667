// Real data through the HTTP API, on the tiny wilayah with its simulated KIA_K1 values (fixtures/tiny-values.ts):
// template → filled → preview → commit → /api/nilai shows the numbers, no longer simulated → history → undo.
// The app's clock is fixed at 2026-11-15 (helper.ts).
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CommitLineSchema,
  ImportOutcomeSchema,
  LoadListSchema,
  UndoResponseSchema,
  IMPORT_PHASES,
  type ImportPhase,
} from '@peta/domain/contract';
import { expectSchema, signIn, useApp } from './helper.ts';
import { loadTinyValues } from './fixtures/tiny-values.ts';

const ctx = useApp(loadTinyValues, { readAs: 'admin' });
const get = async (url: string, headers: Record<string, string> = {}) => {
  const res = await ctx.app.inject({ url, headers });
  return {
    status: res.statusCode,
    body: res.statusCode === 200 && String(res.headers['content-type']).includes('json') ? res.json() : res.body,
    headers: res.headers,
  };
};
const upload = async (name: string, body: string | Buffer) => {
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/impor/pratinjau?berkas=${encodeURIComponent(name)}`,
    headers: { ...ctx.admin.headers, 'content-type': 'application/octet-stream' },
    body,
  });
  return { status: res.statusCode, body: res.json() };
};
const post = async (url: string, headers = ctx.admin.headers) => {
  const res = await ctx.app.inject({ method: 'POST', url, headers });
  return { status: res.statusCode, body: res.json() };
};
const desa2001 = async (period: string) => {
  const { body } = await get(`/api/nilai?indikator=KIA_K1&periode=${period}&wilayah=99.01.01`);
  return body.rows.find((r: { kode: string }) => r.kode === '99.01.01.2001');
};

describe('import through the API', () => {
  let previewId = '';
  let loadId = 0;
  let seriesEtag = '';

  it('downloads a CSV template prefilled with every desa of the kecamatan', async () => {
    const res = await get('/api/templat?wilayah=99.01.01&periode=2026-09&indikator=KIA_K1,SPM11_TB&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="templat-99.01.01-2026-09.csv"');
    const lines = String(res.body)
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('versi_templat,peta-desa-templat-1');
    expect(lines.slice(1, 3)).toEqual(['wilayah,99.01.01,Kecamatan Satu', 'periode,2026-09,September 2026']);
    expect(lines[5]).toBe('kode_wilayah,nama_desa,KIA_K1,SPM11_TB,SPM11_TB (penyebut)');
    expect(lines.slice(6)).toEqual(["99.01.01.2001,Desa Ma'u", '99.01.01.2002,Desa Dua']);
  });

  it('previews the filled template without writing anything', async () => {
    seriesEtag = String((await get('/api/wilayah/99.01.01/series?indikator=KIA_K1&tahun=2026')).headers.etag);
    const template = String(
      (await get('/api/templat?wilayah=99.01.01&periode=2026-09&indikator=KIA_K1&format=csv')).body,
    );
    const filled = template.replace("99.01.01.2001,Desa Ma'u", "99.01.01.2001,Desa Ma'u,5");
    const { status, body } = await upload('templat-99.01.01-2026-09.csv', filled);
    expect(status).toBe(200);
    expectSchema(ImportOutcomeSchema, body);
    expect(body).toMatchObject({
      status: 'preview',
      format: 'template',
      target: 'nilai',
      counts: { added: 0, changed: 1, unchanged: 0 },
      errors: [],
      errorCount: 0,
      loadId: null,
      template: { wilayah: '99.01.01', period: '2026-09' },
    });
    expect(body.sample).toEqual([
      {
        row: 7,
        kode: '99.01.01.2001',
        item: 'KIA_K1',
        period: '2026-09',
        change: 'changed',
        oldNumerator: 3,
        oldDenominator: null,
        oldSimulated: true,
        newNumerator: 5,
        newDenominator: null,
      },
    ]);
    expect(body.previewId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.fileHash).toBe(createHash('sha256').update(filled).digest('hex')); // computed in the parse worker
    previewId = body.previewId;
    expect(await desa2001('2026-09')).toMatchObject({ numerator: 3, simulated: true });
  });

  it('commits: the values API shows the imported number and the row is no longer simulated', async () => {
    const { status, body } = await post(`/api/impor/${previewId}/simpan`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'imported', counts: { added: 0, changed: 1, unchanged: 0 } });
    loadId = body.loadId;
    expect(await desa2001('2026-09')).toMatchObject({ numerator: 5, denominator: 40, simulated: false });
    // Other months of the same desa are still simulated, and so is a period that includes them.
    expect(await desa2001('2026-08')).toMatchObject({ numerator: 4, simulated: true });
    expect(await desa2001('2026-Q3')).toMatchObject({ numerator: 3 + 4 + 5, simulated: true });
    const kec = (await get('/api/nilai?indikator=KIA_K1&periode=2026-09&wilayah=99.01')).body;
    expect(kec.rows.find((r: { kode: string }) => r.kode === '99.01.01')).toMatchObject({
      numerator: 5 + 2,
      simulated: true,
    });
  });

  it('changes the series ETag so a browser revalidating sees the new numbers at once', async () => {
    const res = await get('/api/wilayah/99.01.01/series?indikator=KIA_K1&tahun=2026', { 'if-none-match': seriesEtag });
    expect(res.status).toBe(200);
    expect(res.headers.etag).not.toBe(seriesEtag);
    expect(res.body.months[8]).toMatchObject({ month: 9, numerator: 5 + 2 });
  });

  it('refuses a second commit of the same preview and an unknown preview', async () => {
    expect(await post(`/api/impor/${previewId}/simpan`)).toMatchObject({
      status: 409,
      body: { code: 'ALREADY_COMMITTED', message: `Pratinjau ini sudah disimpan sebagai impor #${loadId}.` },
    });
    expect(await post('/api/impor/tidak-ada/simpan')).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND', message: 'Pratinjau tidak ditemukan atau sudah kedaluwarsa. Unggah ulang berkasnya.' },
    });
  });

  it('lists the import in the history', async () => {
    const { status, body } = await get('/api/impor');
    expect(status).toBe(200);
    expectSchema(LoadListSchema, body);
    expect(body[0]).toMatchObject({
      id: loadId,
      kind: 'import',
      oleh: ctx.admin.username,
      fileName: 'templat-99.01.01-2026-09.csv',
      added: 0,
      changed: 1,
      unchanged: 0,
      status: 'done',
      simulated: false,
    });
    expect(body[0].fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.at(-1)).toMatchObject({ kind: 'demo', simulated: true });
  });

  it('undoes the import: the simulated value is back, and a second undo is refused', async () => {
    const kepala = await signIn(ctx.app, ctx.database, 'dinkes_kabupaten', { kode: '99.01' });
    const { status, body } = await post(`/api/impor/${loadId}/batalkan`, kepala.headers);
    expect(status).toBe(200);
    expectSchema(UndoResponseSchema, body);
    expect(body).toMatchObject({ undoneLoadId: loadId, restored: 1 });
    expect((await get('/api/impor')).body[0]).toMatchObject({ kind: 'undo', undoes: loadId, oleh: kepala.username });
    expect(await desa2001('2026-09')).toMatchObject({ numerator: 3, simulated: true });
    expect(await post(`/api/impor/${loadId}/batalkan`)).toMatchObject({
      status: 409,
      body: { code: 'ALREADY_UNDONE' },
    });
    expect(await post('/api/impor/99999/batalkan')).toMatchObject({ status: 404, body: { code: 'LOAD_NOT_FOUND' } });
    expect(await post('/api/impor/abc/batalkan')).toMatchObject({ status: 400, body: { code: 'INVALID_ID' } });
  });

  it('answers a refused file with its errors, and no preview to commit', async () => {
    const { status, body } = await upload(
      'nilai.csv',
      'kode_wilayah,periode,indikator,pembilang,penyebut\n99.01.01.2001,2026-12,KIA_K1,5,\n',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'invalid',
      previewId: null,
      errorCount: 1,
      errors: [
        {
          row: 2,
          column: 'periode',
          code: 'PERIOD_FUTURE',
          message: 'Periode 2026-12 belum terjadi (bulan ini 2026-11).',
        },
      ],
    });
  });

  it('refuses a NUL byte at the preview, with row and column, as the commit would (issue 14)', async () => {
    // A CSV with a NUL byte is no text file at all (FILE_FORMAT); a workbook carries it as the escape _x0000_.
    const sasaran = readFileSync(
      new URL('../../../packages/server-core/src/imports/fixtures/sasaran-nul.xlsx', import.meta.url),
    );
    const { status, body } = await upload('sasaran.xlsx', sasaran);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'invalid',
      previewId: null,
      errors: [
        {
          row: 2,
          column: 'sumber',
          code: 'TEXT_INVALID_CHARACTER',
          message:
            'Sel berisi karakter tak terlihat yang tidak dapat disimpan (U+0000, NUL, karakter ke-9). Ketik ulang isi sel ini.',
        },
      ],
    });
    // Other control characters in any column of a CSV: the same check before each rule.
    const long = await upload(
      'nilai.csv',
      'kode_wilayah,periode,indikator,pembilang,penyebut\n99.01.01.2001,2026-09,KIA_K1,5\u001b,\n',
    );
    expect(long.body.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'pembilang', code: 'TEXT_INVALID_CHARACTER' }),
    ]);
    const planned = await ctx.app.inject({
      method: 'POST',
      url: '/api/wilayah-kerja/pratinjau?kabupaten=99.01&mulai=2026-06-01',
      headers: { ...ctx.admin.headers, 'content-type': 'text/csv' },
      body: 'kode_puskesmas,nama,kode_desa\nPBARU,Puskesmas\u0007Baru,99.01.01.2001\n',
    });
    expect(planned.json().errors).toEqual([
      expect.objectContaining({ row: 2, column: 'nama', code: 'TEXT_INVALID_CHARACTER' }),
    ]);
  });

  it('says "tidak ada perubahan" for a file that changes nothing', async () => {
    const file = 'kode_wilayah,periode,indikator,pembilang,penyebut\n99.01.02.2002,2026-09,KIA_K1,2,\n';
    const first = await upload('a.csv', file);
    await post(`/api/impor/${first.body.previewId}/simpan`);
    const again = await upload('a.csv', file);
    expect(again.body).toMatchObject({
      status: 'unchanged',
      previewId: null,
      counts: { added: 0, changed: 0, unchanged: 1 },
      message: 'Tidak ada perubahan: 1 sel sudah sama dengan data tersimpan.',
    });
  });

  it.each([
    ['wilayah=99.09&periode=2026-09&indikator=KIA_K1', 404, 'NOT_FOUND'],
    ['wilayah=99.01.01&periode=2026-12&indikator=KIA_K1', 400, 'INVALID_PERIOD'],
    ['wilayah=99.01.01&periode=2026-09&indikator=KIA_K9', 400, 'INVALID_INDICATOR'],
    ['wilayah=99.01.01&periode=2026-09&indikator=KIA_K1&format=pdf', 400, 'INVALID_REQUEST'],
  ])('refuses a template request %s', async (query, status, code) => {
    const res = await ctx.app.inject(`/api/templat?${query}`);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });

  it('needs a file body', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/impor/pratinjau?berkas=a.csv',
      headers: ctx.admin.headers,
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('commit progress as NDJSON lines (Accept: application/x-ndjson)', () => {
  const commitAsLines = (previewId: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/impor/${previewId}/simpan`,
      headers: { ...ctx.admin.headers, accept: 'application/x-ndjson' },
    });

  it("streams the commit's phases, then the outcome as the last line", async () => {
    const template = String(
      (await get('/api/templat?wilayah=99.01.01&periode=2026-10&indikator=KIA_K1&format=csv')).body,
    );
    const preview = await upload(
      'templat-oktober.csv',
      template.replace('99.01.01.2002,Desa Dua', '99.01.01.2002,Desa Dua,7'),
    );
    expect(preview.body).toMatchObject({ status: 'preview', counts: { added: 1 } });
    const res = await commitAsLines(preview.body.previewId);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers['content-encoding']).toBeUndefined(); // each line leaves at once, not held by gzip
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const line of lines) expectSchema(CommitLineSchema, line);
    const progress = lines.filter((l) => l.type === 'progress');
    // runImport's phases (their number may change with its write path): from 0 of n, in order, to n of n.
    expect(progress.length).toBeGreaterThanOrEqual(3);
    // Each phase with its stable code beside the Indonesian words (the web says it in the user's language).
    expect(progress[0]).toMatchObject({ done: 0, phase: 'Membaca dan memeriksa berkas', code: 'read' });
    const last = progress.at(-1);
    expect(last.done).toBe(last.total);
    for (const [i, p] of progress.entries()) {
      expect(p.phase).not.toBe('');
      expect(IMPORT_PHASES[p.code as ImportPhase]).toBe(p.phase);
      if (i) expect(p.done).toBeGreaterThanOrEqual(progress[i - 1].done);
    }
    expect(lines.at(-1)).toMatchObject({
      type: 'result',
      statusCode: 200,
      outcome: { status: 'imported', counts: { added: 1, changed: 0, unchanged: 0 } },
    });
    const { body } = await get('/api/nilai?indikator=KIA_K1&periode=2026-10&wilayah=99.01.01');
    expect(body.rows.find((r: { kode: string }) => r.kode === '99.01.01.2002')).toMatchObject({ numerator: 7 });
  });

  it('answers an unknown or committed preview with its HTTP status, before any line', async () => {
    const res = await commitAsLines('tidak-ada');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
