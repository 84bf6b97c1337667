// Meetings against the real test database, on the hand-computed tiny wilayah (fixtures/tiny-values.ts):
// KIA_K1 2026 per month — Desa Ma'u (99.01.01.2001) 4,3,3,4,3,3,3,4,3 of sasaran 40; Desa Dua (99.01.01.2002)
// 1,1,1,1,1,1,1,1,2 of 20. Target 95 %: expected by August 95 × 8/12 = 63.33 %, by September 71.25 %.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase } from '@peta/db';
import { MeetingDetailSchema, MeetingSummarySchema, type MeetingDetail } from '@peta/domain/contract';
import { buildApp } from '../src/app.ts';
import { chromiumPdfRenderer } from '@peta/server-core';
import { expectSchema, signIn, useApp, type TestUser } from './helper.ts';
import { loadTinyValues } from './fixtures/tiny-values.ts';
import { SATU, MAU, DUA } from './fixtures/tiny-wilayah.ts';

const ctx = useApp(
  async (database) => {
    await loadTinyValues(database);
    await database.pool.query(
      'delete from meeting_action_change; delete from meeting_action; delete from meeting_note; delete from meeting',
    );
  },
  { readAs: 'admin' },
);

// Two people at the meeting: sari (kepala puskesmas' scope: the kabupaten) records, budi edits.
const people = {} as { sari: TestUser; budi: TestUser };
beforeAll(async () => {
  people.sari = await signIn(ctx.app, ctx.database, 'dinkes_kabupaten', { kode: '99.01' });
  people.budi = await signIn(ctx.app, ctx.database, 'camat', { kode: '99.01.01' });
});

// biome-ignore lint/suspicious/noExplicitAny: a test reads the answer's fields it asserts on.
async function post<T = any>(
  url: string,
  payload: unknown,
  method: 'POST' | 'PATCH' = 'POST',
  who: 'sari' | 'budi' | 'admin' = 'sari',
) {
  const res = await ctx.app.inject({
    method,
    url,
    payload: payload as object,
    headers: (who === 'admin' ? ctx.admin : people[who]).headers,
  });
  return { status: res.statusCode, body: res.json() as T };
}
// biome-ignore lint/suspicious/noExplicitAny: a test reads the answer's fields it asserts on.
const get = async <T = any>(url: string) => {
  const res = await ctx.app.inject(url);
  return { status: res.statusCode, body: res.json() as T };
};

let first: MeetingDetail;
let actionId: number;

describe('a meeting about Kecamatan Satu, data Januari–Agustus 2026', () => {
  it('creates the meeting and stores the agenda generated from the data', async () => {
    const { status, body } = await post<MeetingDetail>('/api/rapat', {
      jenis: 'lokmin_bulanan',
      tanggal: '2026-09-05',
      wilayah: SATU,
      periode: '2026-01..2026-08',
      peserta: [
        { nama: 'dr. Sari', peran: 'Kepala Puskesmas' },
        { nama: '  ', peran: 'kosong' },
      ],
    });
    expect(status).toBe(201);
    expectSchema(MeetingDetailSchema, body);
    first = body;
    expect(body).toMatchObject({
      judul: 'Lokakarya Mini bulanan Kecamatan Satu',
      periodeLabel: 'Januari–Agustus 2026',
      oleh: people.sari.username,
      peserta: [{ nama: 'dr. Sari', peran: 'Kepala Puskesmas' }],
      actionCount: 0,
    });
    const a = body.agenda;
    // SPM03_BBL has data only in Kecamatan Dua: not on this agenda.
    expect(a.indicators).toEqual(['KIA_K1']);
    expect(a.previousPeriode).toBe('2026-01..2026-07');
    // Desa Dua 8/20 = 40 % against 63.33 % → attainment 63.2 %; short of the line: 63.33 % × 20 = 12.67 → 13 − 8 = 5.
    expect(a.behind).toHaveLength(1);
    expect(a.behind[0]).toMatchObject({
      desaKode: DUA,
      desaNama: 'Desa Dua',
      indicator: 'KIA_K1',
      coverage: 40,
      shortOfTarget: 5,
    });
    // Its value carries both counts, each under its own name: 20 − 8 = 12 not yet served this year; 5 short.
    expect(a.desa.find((d) => d.kode === DUA)!.values[0]).toMatchObject({
      notYetServed: 12,
      shortOfTarget: 5,
      monthCoverage: 5,
      previousMonthCoverage: 5,
    });
    expect(a.behind[0]!.attainment).toBeCloseTo((40 / ((95 * 8) / 12)) * 100, 6);
    // July → August: Ma'u 57.5 % / 55.42 % = 103.8 → 67.5 / 63.33 = 106.6 (rose); Dua 35 / 55.42 = 40 / 63.33 (same).
    expect(a.worsened).toEqual([]);
    expect(a.dataQuality).toEqual([]);
    expect(a.openActions).toEqual([]);
    expect(a.desa.map((d) => d.nama)).toEqual(['Desa Dua', "Desa Ma'u"]);
    // PWS: Ma'u above the line, August 4 > July 3 → baik; Dua below, August 1 = July 1 → tetap below = jelek.
    const pws = Object.fromEntries(a.desa.map((d) => [d.nama, d.values[0]!.pws]));
    expect(pws).toEqual({ 'Desa Dua': 'jelek', "Desa Ma'u": 'baik' });
  });

  it('prints on each desa page the PWS chart of the indicator furthest behind and the trends', async () => {
    const res = await ctx.app.inject(`/api/rapat/${first.id}/paket.html`);
    expect(res.statusCode).toBe(200);
    // Self-contained: its own styles, no script may run, never framed (issue 14).
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(res.body).not.toContain('<script');
    const pages = Object.fromEntries(
      [...res.body.matchAll(/<section class="page desa" data-desa="([^"]+)">([\s\S]*?)<\/section>/g)].map((m) => [
        m[1]!,
        m[2]!,
      ]),
    );
    const dua = pages[DUA]!;
    // Desa Dua K1, Jan–Aug: 8 monthly bars of 1/20 = 5 %, the cumulative line 5, 10, … 40 % (September, after the
    // period, is left out). Axis 0–100 (target line to 95 % in December): Aug at x = 34 + 260/12 × 7,5 = 196,5,
    // y = 8 + 122 × (1 − 0,40) = 81,2.
    const chart = dua.match(/<figure class="pws-chart" data-indicator="KIA_K1">[\s\S]*?<\/figure>/)![0];
    expect(chart).toContain('<svg class="pws-svg"');
    expect(chart.match(/<rect /g)).toHaveLength(8);
    expect(chart.match(/<circle /g)).toHaveLength(8);
    expect(chart).toMatch(/L196\.5 81\.2"/);
    expect(chart).toContain('Status PWS Agustus: <span class="pws pws--jelek">Jelek</span>');
    // The month against the month before is August ALONE against July alone — the numbers the PWS status read:
    // Dua 1/20 = 5 % both months (tetap, below the line → jelek); Ma'u 4/40 = 10 % after 3/40 = 7,5 % (↑ 2,5 poin).
    // Never Jan–Aug against Jan–Jul ("↑ 5,0 poin"), which always rises and contradicted "Jelek". No 2025 data.
    expect(dua).toContain('<th>Agu saja vs Jul</th>');
    expect(dua).toContain(
      '<td class="trends"><span class="trend trend--netral">= tetap</span></td><td class="trends"><span class="trend trend--netral">–</span></td>',
    );
    expect(chart).toContain(
      'Agustus saja 5,0%: <span class="trend trend--netral">= tetap</span> dari Juli · Januari–Agustus 2026 40,0%: – dari tahun lalu',
    );
    expect(pages[MAU]).toContain('Agustus saja 10,0%: <span class="trend trend--baik">↑ 2,5 poin</span> dari Juli');
    expect(dua).not.toContain('Δ poin');
    // Two named counts of people: short of the target 5, not yet served this year 12 — never one under the other's name.
    expect(dua).toContain('<th>Kekurangan terhadap target (orang)</th><th>Belum terlayani tahun ini (orang)</th>');
    expect(dua).toContain(
      '<td class="n">5</td><td class="n">12</td><td><span class="pws pws--jelek">Jelek</span></td>',
    );
    expect(pages[MAU]).toContain('<td class="n">tercapai</td><td class="n">13</td>');
    // Ma'u is not behind: its chart is its focus indicator.
    expect(pages[MAU]).toContain('Status PWS Agustus: <span class="pws pws--baik">Baik</span>');
  });

  it('records an action with the indicator value of the meeting period as baseline', async () => {
    const { status, body } = await post(`/api/rapat/${first.id}/tindak-lanjut`, {
      desaKode: DUA,
      indicator: 'KIA_K1',
      apa: 'Kunjungan rumah ibu hamil yang belum K1',
      siapa: 'Bidan desa',
      tenggat: '2026-09-30',
    });
    expect(status).toBe(201);
    actionId = body.id;
    expect(body).toMatchObject({
      desaNama: 'Desa Dua',
      status: 'terbuka',
      baseline: { periode: '2026-01..2026-08', numerator: 8, denominator: 20, coverage: 40 },
    });
    expect(body.movement).toMatchObject({ direction: 'belum-ada-periode-baru' });
  });

  it('refuses an action for a desa outside the wilayah, and an unknown indicator', async () => {
    const other = await post(`/api/rapat/${first.id}/tindak-lanjut`, {
      desaKode: '99.01.02.2001',
      indicator: 'KIA_K1',
      apa: 'x',
      siapa: 'y',
    });
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({ code: 'DESA_NOT_IN_WILAYAH' });
    expect(other.body.message).toMatch(/bukan desa\/kelurahan di wilayah rapat ini/);
    const bad = await post(`/api/rapat/${first.id}/tindak-lanjut`, {
      desaKode: DUA,
      indicator: 'XYZ',
      apa: 'x',
      siapa: 'y',
    });
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'INVALID_INDICATOR' });
  });

  it('logs every edit of an action: before and after', async () => {
    const { status, body } = await post(
      `/api/tindak-lanjut/${actionId}`,
      { siapa: 'Bidan desa dan kader' },
      'PATCH',
      'budi',
    );
    expect(status).toBe(200);
    expect(body.siapa).toBe('Bidan desa dan kader');
    expect(body.changes).toHaveLength(1);
    expect(body.changes[0]).toMatchObject({
      oleh: people.budi.username,
      before: { siapa: 'Bidan desa' },
      after: { siapa: 'Bidan desa dan kader' },
    });
    // The same value again changes nothing and logs nothing.
    const again = await post(`/api/tindak-lanjut/${actionId}`, { siapa: 'Bidan desa dan kader' }, 'PATCH');
    expect(again.body.changes).toHaveLength(1);
  });

  it('keeps the history of a note when it is edited, and refuses to edit an old version', async () => {
    const one = await post(`/api/rapat/${first.id}/catatan`, { itemKey: `desa:${DUA}`, text: 'Bidan cuti bulan Juli' });
    expect(one.status).toBe(201);
    const two = await post(
      `/api/rapat/${first.id}/catatan`,
      { itemKey: `desa:${DUA}`, text: 'Bidan cuti Juli; diganti bidan Pustu', supersedes: one.body.id },
      'POST',
      'budi',
    );
    expect(two.status).toBe(201);
    expect(two.body).toMatchObject({
      text: 'Bidan cuti Juli; diganti bidan Pustu',
      oleh: people.budi.username,
      supersedes: one.body.id,
    });
    expect(two.body.history.map((h: { text: string }) => h.text)).toEqual(['Bidan cuti bulan Juli']);
    const stale = await post(`/api/rapat/${first.id}/catatan`, {
      itemKey: `desa:${DUA}`,
      text: 'versi lama',
      supersedes: one.body.id,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('NOTE_SUPERSEDED');
    const detail = (await get<MeetingDetail>(`/api/rapat/${first.id}`)).body;
    expect(detail.notes).toHaveLength(1);
    expect(detail.notes[0]!.history).toHaveLength(1);
  });
});

describe('the next meeting, data Januari–September 2026', () => {
  it('shows the open action of the earlier meeting with how its indicator moved since', async () => {
    const { status, body } = await post<MeetingDetail>('/api/rapat', {
      jenis: 'lokmin_tribulanan',
      tanggal: '2026-10-05',
      wilayah: SATU,
      periode: '2026-01..2026-09',
      judul: 'Lokmin tribulan III',
    });
    expect(status).toBe(201);
    expect(body.oleh).toBe(people.sari.username);
    expect(body.agenda.openActions.map((a) => [a.id, a.desaNama, a.apa])).toEqual([
      [actionId, 'Desa Dua', 'Kunjungan rumah ibu hamil yang belum K1'],
    ]);
    // Desa Dua: 8/20 = 40 % → 10/20 = 50 %.
    expect(body.earlierActions).toHaveLength(1);
    expect(body.earlierActions[0]!.movement).toMatchObject({
      direction: 'naik',
      text: 'naik 10,0 poin (dari 40,0% ke 50,0%)',
      numeratorText: '+2 orang (dari 8 ke 10)',
    });
    expect(body.earlierActions[0]).toMatchObject({ meetingTanggal: '2026-09-05', meetingId: first.id });
    // Ma'u fell from 106.6 % to 105.3 % of the expected line but is still above it: not "memburuk".
    expect(body.agenda.worsened).toEqual([]);
    // Dua: behind + open action = 2 mentions; Ma'u: none.
    expect(body.agenda.desa.map((d) => [d.nama, d.mentions])).toEqual([
      ['Desa Dua', 2],
      ["Desa Ma'u", 0],
    ]);
  });

  it('lists the meetings of the kecamatan, newest first, with their action counts', async () => {
    const { status, body } = await get(`/api/rapat?wilayah=${SATU}`);
    expect(status).toBe(200);
    for (const m of body) expectSchema(MeetingSummarySchema, m);
    expect(
      body.map((m: { judul: string; actionCount: number; openActionCount: number }) => [
        m.judul,
        m.actionCount,
        m.openActionCount,
      ]),
    ).toEqual([
      ['Lokmin tribulan III', 0, 0],
      ['Lokakarya Mini bulanan Kecamatan Satu', 1, 1],
    ]);
  });

  it('no longer carries an action once it is done', async () => {
    await post(`/api/tindak-lanjut/${actionId}`, { status: 'selesai' }, 'PATCH');
    const later = (await get<MeetingDetail>(`/api/rapat?wilayah=${SATU}`)).body as unknown as { id: number }[];
    const detail = (await get<MeetingDetail>(`/api/rapat/${later[0]!.id}`)).body;
    expect(detail.earlierActions).toEqual([]);
  });
});

describe('an agenda stored before issue 15 (version 1, one `gap`)', () => {
  it('is read as version 2 with the two counts computed from its own stored numbers', async () => {
    const v2 = first.agenda;
    const v1 = {
      ...v2,
      version: 1,
      desa: v2.desa.map((d) => ({
        ...d,
        values: d.values.map(
          ({ notYetServed: _n, shortOfTarget: _s, monthCoverage: _m, previousMonthCoverage: _p, ...v }) => ({
            ...v,
            gap: 11,
          }),
        ),
      })),
      behind: v2.behind.map(({ shortOfTarget: _s, ...b }) => ({ ...b, gap: 11 })),
    };
    const {
      rows: [m],
    } = await ctx.database.pool.query(
      `insert into meeting (jenis, tanggal, wilayah_kode, judul, periode, agenda, oleh)
      values ('lokmin_bulanan', '2026-09-06', $1, 'Rapat lama', '2026-01..2026-08', $2, 'uji') returning id`,
      [SATU, JSON.stringify(v1)],
    );
    try {
      const { status, body } = await get<MeetingDetail>(`/api/rapat/${m.id}`);
      expect(status).toBe(200);
      expectSchema(MeetingDetailSchema, body);
      expect(body.agenda.version).toBe(2);
      expect(body.agenda.behind[0]).toMatchObject({ desaKode: DUA, shortOfTarget: 5 });
      expect(body.agenda.desa.find((d) => d.kode === DUA)!.values[0]).toMatchObject({
        notYetServed: 12,
        shortOfTarget: 5,
        monthCoverage: null,
      });
      // Its pack still compares August alone with July alone, from the values as they are now.
      expect((await ctx.app.inject(`/api/rapat/${m.id}/paket.html`)).body).toContain('<th>Agu saja vs Jul</th>');
    } finally {
      await ctx.database.pool.query('delete from meeting where id = $1', [m.id]);
    }
  });
});

describe('data quality on the agenda (Kecamatan Dua)', () => {
  it('flags the desa without any report and the desa above 100 %', async () => {
    const { body } = await post<MeetingDetail>('/api/rapat', {
      jenis: 'lintas_sektor',
      tanggal: '2026-10-10',
      wilayah: '99.01.02',
      periode: '2026-01..2026-09',
    });
    expect(body.agenda.indicators).toEqual(['SPM03_BBL', 'KIA_K1']);
    expect(body.agenda.dataQuality.map((d) => [d.desaNama, d.kind, d.indicators.map((i) => i.indicator)])).toEqual([
      ['Desa Tanpa Peta', 'laporan', ['SPM03_BBL', 'KIA_K1']],
      ['Desa Tiga', 'lebih100', ['SPM03_BBL']],
    ]);
    // 6 newborns served against a sasaran of 4 = 150 %.
    expect(body.agenda.dataQuality[1]!.indicators[0]!.coverage).toBe(150);
    // The desa without any report (nothing behind, no focus indicator: its first indicator): its page says so instead
    // of drawing an empty chart, and its trends are "–".
    const html = (await ctx.app.inject(`/api/rapat/${body.id}/paket.html`)).body;
    const tanpa = html.match(/<section class="page desa" data-desa="99\.01\.02\.2002">([\s\S]*?)<\/section>/)![1]!;
    expect(tanpa).toContain('pws-chart--none');
    expect(tanpa).toContain('Tidak ada data bulanan SPM Bayi baru lahir tahun 2026 untuk desa ini.');
    expect(tanpa).not.toContain('<svg class="pws-svg"');
    expect(tanpa).not.toMatch(/poin dari/);
  });
});

describe('errors in Bahasa Indonesia', () => {
  it.each([
    [
      { jenis: 'lokmin_bulanan', tanggal: '2026-09-05', wilayah: '99.01', periode: '2026-09' },
      400,
      'WILAYAH_NOT_KECAMATAN',
      /satu kecamatan/,
    ],
    [
      { jenis: 'lokmin_bulanan', tanggal: '2026-09-05', wilayah: SATU, periode: '2026-13' },
      400,
      'INVALID_PERIOD',
      /Bulan harus 01–12/,
    ],
    [
      { jenis: 'lokmin_bulanan', tanggal: '2026-02-30', wilayah: SATU, periode: '2026-09' },
      400,
      'INVALID_DATE',
      /Tanggal rapat tidak sah/,
    ],
    [{ jenis: 'arisan', tanggal: '2026-09-05', wilayah: SATU, periode: '2026-09' }, 400, 'INVALID_REQUEST', /jenis/],
    [
      { jenis: 'lokmin_bulanan', tanggal: '2026-09-05', wilayah: '99.09.09', periode: '2026-09' },
      404,
      'NOT_FOUND',
      /tidak ditemukan/,
    ],
  ])('POST /api/rapat %j → %i %s', async (payload, status, code, message) => {
    const res = await post('/api/rapat', payload, 'POST', 'admin');
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ statusCode: status, code });
    expect(res.body.message).toMatch(message);
  });

  it('answers 404 for an unknown meeting', async () => {
    const res = await get('/api/rapat/99999');
    expect(res).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: 'Rapat #99999 tidak ditemukan.' } });
  });
});

describe('PDF without Chromium', () => {
  const local = {} as { app: Awaited<ReturnType<typeof buildApp>>; close: () => Promise<void> };
  afterAll(async () => {
    await local.app?.close();
    await local.close?.();
  });

  it('answers 503 with a message saying why', async () => {
    const database = await openDatabase({ databaseUrl: inject('databaseUrl') });
    local.close = () => database.close();
    local.app = await buildApp({
      database,
      config: { signInLimitPerMinute: 1_000_000, webDist: '/nonexistent', readAccess: 'public' },
      pdf: chromiumPdfRenderer('/nonexistent/chromium'),
    });
    const res = await local.app.inject(`/api/rapat/${first.id}/paket.pdf`);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'PDF_UNAVAILABLE' });
    expect(res.json().message).toMatch(/Chromium tidak ditemukan di \/nonexistent\/chromium/);
  });
});
