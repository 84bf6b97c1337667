import { describe, expect, it } from 'vitest';
import {
  IndicatorListSchema,
  SeriesResponseSchema,
  ValuesResponseSchema,
  WilayahProfileSchema,
} from '@peta/domain/contract';
import { expectSchema, useApp } from './helper.ts';
import { loadTinyValues } from './fixtures/tiny-values.ts';

const ctx = useApp(loadTinyValues, { readAs: 'admin' });
const get = async (url: string) => {
  const res = await ctx.app.inject(url);
  return { status: res.statusCode, body: res.json(), headers: res.headers };
};
const row = (body: { rows: { kode: string }[] }, kode: string) =>
  body.rows.find((r) => r.kode === kode) as Record<string, unknown>;

describe('GET /api/indikator', () => {
  it('serves the catalogue and marks indicators that have data', async () => {
    const { status, body } = await get('/api/indikator');
    expect(status).toBe(200);
    expectSchema(IndicatorListSchema, body);
    expect(body.filter((i: { code: string }) => i.code.startsWith('SPM'))).toHaveLength(12);
    const k1 = body.find((i: { code: string }) => i.code === 'KIA_K1');
    expect(k1).toMatchObject({ hasData: true, target: 95, polarity: 'higher' });
    expect(body.find((i: { code: string }) => i.code === 'GZ_STUNTING')).toMatchObject({
      hasData: false,
      polarity: 'lower',
    });
    // The privacy class and its reason travel with the catalogue (issue 18); ordinary indicators have none.
    expect(body.find((i: { code: string }) => i.code === 'SPM10_ODGJ').privacy).toMatchObject({
      class: 'sensitive',
      reasonId: expect.stringContaining('stigma'),
    });
    expect(k1.privacy).toBeUndefined();
  });
});

describe('GET /api/nilai', () => {
  it('rolls up by summing numerators and denominators: 45/65 = 69.2 %, not the mean of 75 %', async () => {
    const { status, body } = await get('/api/nilai?indikator=KIA_K1&periode=2026-01..2026-09&wilayah=99');
    expect(status).toBe(200);
    expectSchema(ValuesResponseSchema, body);
    expect(body).toMatchObject({ indicator: 'KIA_K1', period: '2026-01..2026-09', parent: '99', simulated: true });
    const kab = row(body, '99.01');
    expect(kab).toMatchObject({ nama: 'Kabupaten Uji', numerator: 45, denominator: 65 });
    expect(kab.coverage as number).toBeCloseTo((45 / 65) * 100, 6);
    // Expected by September: 95 % × 9/12 = 71.25 %; 69.2 ÷ 71.25 = 97 % of expected → cukup.
    expect(kab.expected).toBeCloseTo(71.25, 6);
    expect(kab.class).toBe('cukup');
  });

  it('gives each desa its own value, the two counts of people, and no data (not zero) for a desa without report', async () => {
    const satu = (await get('/api/nilai?indikator=KIA_K1&periode=2026-01..2026-09&wilayah=99.01.01')).body;
    // 30 of 40 = 75 % ≥ 71.25 % → baik. Belum terlayani tahun ini: 40 − 30 = 10 ibu hamil. Kurang dari target:
    // 71.25 % × 40 = 28.5 → 29 − 30 = −1 (reached). The old single `gap` (8, to the annual 95 %) is gone.
    expect(row(satu, '99.01.01.2001')).toMatchObject({
      numerator: 30,
      denominator: 40,
      coverage: 75,
      notYetServed: 10,
      shortOfTarget: -1,
      class: 'baik',
      over100: false,
    });
    expect('gap' in row(satu, '99.01.01.2001')).toBe(false);
    // Desa Dua 10 of 20 = 50 % < 71.25 % → kurang; 20 − 10 = 10 not yet served; 14.25 → 15 − 10 = 5 short.
    expect(row(satu, '99.01.01.2002')).toMatchObject({ class: 'kurang', notYetServed: 10, shortOfTarget: 5 });
    const dua = (await get('/api/nilai?indikator=KIA_K1&periode=2026-01..2026-09&wilayah=99.01.02')).body;
    expect(row(dua, '99.01.02.2002')).toMatchObject({
      numerator: null,
      coverage: null,
      class: 'no-data',
      reported: 0,
      expectedReports: 9,
    });
    expect(row(dua, '99.01.02.2001')).toMatchObject({ numerator: 5, denominator: 5, coverage: 100, reported: 9 });
  });

  it('leaves a desa without report out of its kecamatan: Kecamatan Dua is 5/5, with 9 of 18 reports', async () => {
    const { body } = await get('/api/nilai?indikator=KIA_K1&periode=2026-01..2026-09&wilayah=99.01');
    expect(row(body, '99.01.02')).toMatchObject({
      numerator: 5,
      denominator: 5,
      coverage: 100,
      reported: 9,
      expectedReports: 18,
    });
    expect(row(body, '99.01.01')).toMatchObject({ numerator: 40, denominator: 60 });
  });

  it('reads a month and a quarter against the annual sasaran', async () => {
    const month = (await get('/api/nilai?indikator=KIA_K1&periode=2026-09&wilayah=99.01.01')).body;
    // September alone: 3 of the annual 40 against 95 % ÷ 12 = 7.92 % → 3.17 persons → 1 short; no "this year" count.
    expect(row(month, '99.01.01.2001')).toMatchObject({
      numerator: 3,
      denominator: 40,
      coverage: 7.5,
      shortOfTarget: 1,
      notYetServed: null,
    });
    const quarter = (await get('/api/nilai?indikator=KIA_K1&periode=2026-Q3&wilayah=99.01.01')).body;
    // Jul 3 + Aug 4 + Sep 3 = 10 of 40.
    expect(row(quarter, '99.01.01.2001')).toMatchObject({ numerator: 10, denominator: 40, coverage: 25 });
    expect(quarter.periodLabel).toBe('Triwulan III 2026');
  });

  it('shows coverage above 100 % as it is and flags it', async () => {
    const { body } = await get('/api/nilai?indikator=SPM03_BBL&periode=2026&wilayah=99.01.02');
    expect(row(body, '99.01.02.2001')).toMatchObject({ numerator: 6, denominator: 4, coverage: 150, over100: true });
  });

  it('lists the provinces when parent is absent', async () => {
    const { body } = await get('/api/nilai?indikator=KIA_K1&periode=2026');
    expect(body.rows.map((r: { kode: string }) => r.kode)).toEqual(['99']);
    // The whole year 2026 holds the same nine reported months: 30 + 10 + 5 = 45 of 40 + 20 + 5 = 65.
    expect(body.rows[0]).toMatchObject({ numerator: 45, denominator: 65 });
  });

  it.each([
    ['indikator=XYZ&periode=2026', 'INVALID_INDICATOR'],
    ['indikator=KIA_K1&periode=2026-13', 'INVALID_PERIOD'],
    ['indikator=KIA_K1&periode=2026-06..2026-01', 'INVALID_PERIOD'],
    ['indikator=KIA_K1&periode=kemarin', 'INVALID_PERIOD'],
    ['periode=2026', 'INVALID_REQUEST'],
    ['indikator=KIA_K1&periode=2026&wilayah=12-10', 'INVALID_KODE'],
  ])('answers 400 with a message in Bahasa Indonesia for %s', async (query, code) => {
    const { status, body } = await get(`/api/nilai?${query}`);
    expect(status).toBe(400);
    expect(body.code).toBe(code);
    expect(body.message.length).toBeGreaterThan(10);
  });

  it('answers 404 for an unknown parent', async () => {
    expect((await get('/api/nilai?indikator=KIA_K1&periode=2026&wilayah=98')).status).toBe(404);
  });

  it('is revalidated with an ETag (304 when unchanged)', async () => {
    const first = await ctx.app.inject('/api/nilai?indikator=KIA_K1&periode=2026&wilayah=99.01');
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await ctx.app.inject({
      url: '/api/nilai?indikator=KIA_K1&periode=2026&wilayah=99.01',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
  });
});

describe('GET /api/meta latestMonth', () => {
  it('states the latest month with data: the fixture reports up to September 2026 (clock 15 November 2026)', async () => {
    expect((await get('/api/meta')).body.latestMonth).toBe('2026-09');
  });
});

describe('GET /api/wilayah/:kode/series', () => {
  it('gives monthly values, the cumulative line and the target line', async () => {
    const { status, body } = await get('/api/wilayah/99.01.01.2001/series?indikator=KIA_K1&tahun=2026');
    expect(status).toBe(200);
    expectSchema(SeriesResponseSchema, body);
    expect(body.months).toHaveLength(12);
    const sep = body.months[8];
    expect(sep).toMatchObject({ month: 9, numerator: 3, cumulativeNumerator: 30, cumulativeCoverage: 75 });
    expect(sep.expected).toBeCloseTo(71.25, 6);
    // Above the line but September (7.5 %) is below August (10 %) → PWS status kurang (§4.4).
    expect(sep.pwsStatus).toBe('kurang');
    expect(body.months[9]).toMatchObject({ month: 10, numerator: null, cumulativeCoverage: null });
  });

  it('answers 400 for a bad year or indicator', async () => {
    expect((await get('/api/wilayah/99.01/series?indikator=KIA_K1&tahun=20x6')).status).toBe(400);
    expect((await get('/api/wilayah/99.01/series?indikator=NOPE&tahun=2026')).status).toBe(400);
  });
});

describe('GET /api/wilayah/:kode/profil', () => {
  it('lists every indicator with data for the desa, weakest first, with trends, PWS status and open actions', async () => {
    const {
      rows: [m],
    } = await ctx.database.pool.query(`insert into meeting (jenis, tanggal, wilayah_kode, judul, periode, oleh)
      values ('lokmin_bulanan', '2026-09-05', '99.01.01', 'Lokmin uji profil', '2026-01..2026-08', 'uji') returning id`);
    await ctx.database.pool.query(
      `insert into meeting_action (meeting_id, desa_kode, indicator, apa, siapa, baseline, oleh)
      values ($1, '99.01.01.2002', 'KIA_K1', 'Kunjungan rumah', 'Bidan', '{}', 'uji')`,
      [m.id],
    );
    try {
      const { status, body } = await get('/api/wilayah/99.01.01.2002/profil?periode=2026-01..2026-08');
      expect(status).toBe(200);
      expectSchema(WilayahProfileSchema, body);
      expect(body).toMatchObject({
        kode: '99.01.01.2002',
        nama: 'Desa Dua',
        tingkat: 'desa',
        period: '2026-01..2026-08',
        periodLabel: 'Januari–Agustus 2026',
        simulated: true,
      });
      // K1: 8 of sasaran 20 = 40 %; no 2025 data; SPM03_BBL: no report here, so last.
      expect(body.indicators.map((i: { indicator: string }) => i.indicator)).toEqual(['KIA_K1', 'SPM03_BBL']);
      const k1 = body.indicators[0];
      expect(k1.row).toMatchObject({
        numerator: 8,
        denominator: 20,
        coverage: 40,
        class: 'kurang',
        notYetServed: 12,
        shortOfTarget: 5,
      });
      // "Dari bulan lalu" is August alone (1/20 = 5 %) against July alone (1/20 = 5 %): tetap — not Jan–Aug 40 % against
      // Jan–Jul 35 % ("naik 5 poin"), which always rises and contradicted the PWS status.
      expect(k1.trendMonth).toMatchObject({
        direction: 'tetap',
        month: '2026-08',
        previousMonth: '2026-07',
        coverage: 5,
        previousCoverage: 5,
      });
      expect(k1.trendYear).toMatchObject({ direction: 'tidak-ada-data', text: '–' });
      // Below the line (40 % < 63.33 %, class kurang) and the month unchanged → jelek; the chart says the same.
      expect(k1).toMatchObject({ pwsApplies: true, pwsStatus: 'jelek' });
      const series = (await get('/api/wilayah/99.01.01.2002/series?indikator=KIA_K1&tahun=2026')).body;
      expect(k1.pwsStatus).toBe(series.months[7].pwsStatus);
      // A month view: the month-on-month line, but no PWS status (the class judges the month alone there).
      const august = (await get('/api/wilayah/99.01.01.2002/profil?periode=2026-08')).body.indicators[0];
      expect(august).toMatchObject({
        pwsApplies: false,
        pwsStatus: null,
        trendMonth: { month: '2026-08', direction: 'tetap' },
      });
      expect(body.indicators[1].row.coverage).toBeNull();
      // (Other test files may have left open actions in the shared database: look at this meeting's.)
      const ours = (list: { meetingId: number }[]) => list.filter((a) => a.meetingId === m.id);
      expect(ours(body.openActions)).toEqual([
        expect.objectContaining({
          meetingJudul: 'Lokmin uji profil',
          desaKode: '99.01.01.2002',
          apa: 'Kunjungan rumah',
        }),
      ]);
      expect(body.openActions.every((a: { desaKode: string }) => a.desaKode === '99.01.01.2002')).toBe(true);
      // The kecamatan's profile gathers the actions of its desa.
      expect(ours((await get('/api/wilayah/99.01.01/profil?periode=2026-01..2026-08')).body.openActions)).toHaveLength(
        1,
      );
      expect((await get('/api/wilayah/99.01.01.2002/profil?periode=2026-13')).status).toBe(400);
      expect((await get('/api/wilayah/98.01/profil?periode=2026-08')).status).toBe(404);
    } finally {
      await ctx.database.pool.query(`delete from meeting_action where meeting_id = $1`, [m.id]);
      await ctx.database.pool.query(`delete from meeting where id = $1`, [m.id]);
    }
  });
});
