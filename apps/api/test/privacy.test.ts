// Small counts stay private (issue 18), attacked through the API. Readers outside the area — an anonymous visitor
// under READ_ACCESS=public, a pembaca, the dinkes of another kabupaten — pull every read route for the tiny
// kabupaten 99.01 and try to recover each hidden count by subtraction: a parent total minus its shown children,
// one period minus another (month vs cumulative vs quarter), a puskesmas wilayah kerja total minus its shown desa.
// Every attempt must fail; the scoped users (camat, kepala desa, puskesmas) see the exact counts.
//
// Data (KIA_K1 2026, Jan–Sep, per month): Kecamatan Satu: desa A 99.01.01.2001 20, desa B 99.01.01.2002 1 (small);
// Kecamatan Dua: desa C 99.01.02.2001 15, desa D 99.01.02.2002 12. Puskesmas P1 holds A and B, P2 holds C and D,
// B moves to P2 from 1 July 2026 (the wilayah kerja roll-up then splits B's year between P1 and P2).
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { periodsOfYear, type Period } from '@peta/domain';
import {
  DesaValuesResponseSchema,
  SeriesResponseSchema,
  ValuesResponseSchema,
  desaKodesOf,
  type ValueRow,
} from '@peta/domain/contract';
import { seedPuskesmas } from '@peta/server-core/testing';
import { clearMeetingsAndRollout, dropPuskesmasUsers, expectSchema, signIn, useApp, type TestUser } from './helper.ts';
import { replaceValues } from './fixtures/tiny-values.ts';
import { loadTinyWilayah } from './fixtures/tiny-wilayah.ts';

const A = '99.01.01.2001',
  B = '99.01.01.2002',
  C = '99.01.02.2001',
  D = '99.01.02.2002';
const SATU = '99.01.01',
  DUA = '99.01.02',
  KAB = '99.01';
const MONTHLY: Record<string, number> = { [A]: 20, [B]: 1, [C]: 15, [D]: 12 };
const SASARAN: Record<string, number> = { [A]: 300, [B]: 20, [C]: 200, [D]: 150 };
const MEMBERS: Record<string, string[]> = { [SATU]: [A, B], [DUA]: [C, D] };
// SPM ODGJ over a REGISTER sasaran (people with a severe mental illness, counted by name): desa A sends no report in
// February, so the usual roll-up's kabupaten denominator drops from 22 to 17 — A's register (5) by subtraction.
const ODGJ_REGISTER: Record<string, number> = { [A]: 5, [B]: 3, [C]: 8, [D]: 6 };
// [D, T] per desa: one at a time, GZ_DS would hide A and B only (A's D is small), GZ_TD also C (T = 2) and its partner D.
const BALITA_D_T: Record<string, [number, number]> = { [A]: [6, 1], [B]: [30, 15], [C]: [25, 2], [D]: [40, 20] };
const ODGJ_MONTHS: Record<string, (number | null)[]> = {
  [A]: [1, null, 1],
  [B]: [1, 1, 0],
  [C]: [2, 1, 1],
  [D]: [0, 1, 1],
};
/** Desa of each puskesmas in month m. */
const holds = (p: string, m: number) => (p === 'P1' ? (m < 7 ? [A, B] : [A]) : m < 7 ? [C, D] : [C, D, B]);

async function seed(database: Database) {
  await loadTinyWilayah(database);
  await clearMeetingsAndRollout(database);
  await database.pool.query(`insert into wilayah (kode, nama, tingkat, parent_kode, has_geometry, child_count, import_id)
    values ('99.02', 'Kabupaten Lain', 'kabupaten', '99', false, 0, (select max(id) from boundary_import)) on conflict do nothing`);
  const desa = Object.keys(MONTHLY);
  // Balita ditimbang (D) in January: the numerator of GZ_DS and the denominator of GZ_TD (one count, two indicators).
  await replaceValues(
    database,
    'uji privasi',
    [
      ...desa.map((kode) => ({ indicator: 'KIA_K1', kode, numerators: Array(9).fill(MONTHLY[kode]) })),
      ...desa.map((kode) => ({ indicator: 'SPM10_ODGJ', kode, numerators: ODGJ_MONTHS[kode]! })),
      ...desa.map((kode) => ({ indicator: 'GZ_DS', kode, numerators: [BALITA_D_T[kode]![0]] })),
      ...desa.map((kode) => {
        const [d, t] = BALITA_D_T[kode]!;
        return { indicator: 'GZ_TD', kode, numerators: [t], denominators: [d] };
      }),
    ],
    [
      ...desa.map((kode) => ({ kode, group: 'bumil', value: SASARAN[kode]!, kind: 'estimate' as const })),
      ...desa.map((kode) => ({ kode, group: 'odgj_berat', value: ODGJ_REGISTER[kode]!, kind: 'register' as const })),
      ...desa.map((kode) => ({
        kode,
        group: 'balita_0_59',
        value: BALITA_D_T[kode]![0] * 2,
        kind: 'estimate' as const,
      })),
    ],
  );
  await seedPuskesmas(database, [
    { kode: 'P1', nama: 'Puskesmas Satu', desa: [A, { kode: B, to: '2026-07-01' }] },
    { kode: 'P2', nama: 'Puskesmas Dua', desa: [{ kode: B, from: '2026-07-01' }, C, D] },
  ]);
}

const ctx = useApp(seed, { readAccess: 'public' });
afterAll(() => dropPuskesmasUsers(ctx.database));
/** Every period the API accepts over the months with data (months, quarters, every range a..b) and the year. */
const PERIODS: Period[] = [...periodsOfYear(2026, 9), periodsOfYear(2026).find((p) => p.kind === 'year')!];
const monthsOf = (p: Period) => Array.from({ length: p.toMonth - p.fromMonth + 1 }, (_, i) => p.fromMonth + i);
/** The true numerator of an area in a period (months 10–12 have no report). */
const truth = (desa: string[], p: Period) =>
  desa.reduce((s, d) => s + MONTHLY[d]! * monthsOf(p).filter((m) => m <= 9).length, 0);
const truthPuskesmas = (pk: string, p: Period) =>
  monthsOf(p)
    .filter((m) => m <= 9)
    .reduce((s, m) => s + holds(pk, m).reduce((t, d) => t + MONTHLY[d]!, 0), 0);

type Seen = Map<string, Map<string, ValueRow>>; // period code → area id → row

async function read(headers: Record<string, string> | undefined, url: string) {
  const res = await ctx.app.inject({ method: 'GET', url, headers });
  expect(res.statusCode, url).toBe(200);
  return res.json();
}

/** Everything a reader sees of KIA_K1 2026 in kabupaten 99.01, per period: kabupaten, kecamatan, desa and puskesmas rows. */
async function pullAll(headers: Record<string, string> | undefined): Promise<Seen> {
  const seen: Seen = new Map();
  for (const p of PERIODS) {
    const rows = new Map<string, ValueRow>();
    const q = `indicator=KIA_K1&period=${p.code}`;
    for (const parent of ['99', KAB, SATU, DUA]) {
      const body = await read(headers, `/api/values?${q}&parent=${parent}`);
      expectSchema(ValuesResponseSchema, body);
      for (const r of body.rows as ValueRow[]) rows.set(r.kode, r);
    }
    for (const r of (await read(headers, `/api/values/puskesmas?${q}&kabupaten=${KAB}`)).rows as ValueRow[])
      rows.set(`pkm:${r.kode}`, r);
    seen.set(p.code, rows);
  }
  return seen;
}

const hiddenRow = (r: ValueRow | undefined) => r !== undefined && r.numerator === null && r.protection != null;

/** Every way to recover a hidden count by subtraction from what is shown; returns the recoveries that worked. */
function attack(seen: Seen): string[] {
  const found: string[] = [];
  const shownN = (p: Period, id: string) => {
    const r = seen.get(p.code)!.get(id);
    return r && !hiddenRow(r) ? r.numerator : undefined;
  };
  for (const p of PERIODS) {
    const rows = seen.get(p.code)!;
    // 1. A shown parent total minus its shown children: the hidden child, when it is the only one.
    const families: [string, string[], (p: Period) => number][] = [
      [KAB, [SATU, DUA], (q) => truth([A, B, C, D], q)],
      [SATU, MEMBERS[SATU]!, (q) => truth(MEMBERS[SATU]!, q)],
      [DUA, MEMBERS[DUA]!, (q) => truth(MEMBERS[DUA]!, q)],
    ];
    for (const [parent, children] of families) {
      const total = shownN(p, parent);
      if (total === undefined || total === null) continue;
      const hidden = children.filter((c) => hiddenRow(rows.get(c)));
      if (hidden.length !== 1) continue;
      const recovered = total - children.filter((c) => c !== hidden[0]).reduce((s, c) => s + (shownN(p, c) ?? 0), 0);
      const real = hidden[0]!.split('.').length === 4 ? truth([hidden[0]!], p) : truth(MEMBERS[hidden[0]!]!, p);
      if (recovered === real) found.push(`${hidden[0]} ${p.code} = ${parent} − siblings`);
    }
    // 2. A puskesmas wilayah kerja total minus its shown desa (periods where its desa do not change).
    for (const pk of ['P1', 'P2']) {
      const total = shownN(p, `pkm:${pk}`);
      const members = holds(pk, p.fromMonth);
      if (total === undefined || total === null || monthsOf(p).some((m) => holds(pk, m).join() !== members.join()))
        continue;
      const hidden = members.filter((d) => hiddenRow(rows.get(d)));
      if (
        hidden.length === 1 &&
        total - members.filter((d) => d !== hidden[0]).reduce((s, d) => s + (shownN(p, d) ?? 0), 0) === truth(hidden, p)
      ) {
        found.push(`${hidden[0]} ${p.code} = ${pk} − its other desa`);
      }
    }
  }
  // 3. Other periods: a hidden month from two shown ranges (1..m minus 1..m−1), or from a shown quarter minus its other months.
  for (const id of [A, B, C, D, SATU, DUA, 'pkm:P1', 'pkm:P2']) {
    const byCode = (code: string) => PERIODS.find((x) => x.code === code)!;
    for (let m = 1; m <= 9; m++) {
      const month = PERIODS.find((x) => x.kind === 'month' && x.fromMonth === m)!;
      if (!hiddenRow(seen.get(month.code)!.get(id))) continue;
      const upTo = (k: number) => (k === 0 ? 0 : shownN(byCode(`2026-01..2026-${String(k).padStart(2, '0')}`), id));
      const a = upTo(m),
        b = upTo(m - 1);
      if (a != null && b != null) found.push(`${id} month ${m} = Jan..${m} − Jan..${m - 1}`);
      const q = PERIODS.find((x) => x.kind === 'quarter' && x.fromMonth <= m && m <= x.toMonth)!;
      const others = monthsOf(q)
        .filter((k) => k !== m)
        .map((k) => shownN(PERIODS.find((x) => x.kind === 'month' && x.fromMonth === k)!, id));
      if (shownN(q, id) != null && others.every((o) => o != null))
        found.push(`${id} month ${m} = ${q.code} − other months`);
    }
  }
  return found;
}

describe('small counts for readers outside the area (issue 18)', () => {
  const readers: { name: string; headers: () => Promise<Record<string, string> | undefined> }[] = [
    { name: 'anonymous (READ_ACCESS=public)', headers: async () => undefined },
    { name: 'pembaca', headers: async () => (await signIn(ctx.app, ctx.database, 'viewer')).headers },
    {
      name: 'dinkes of another kabupaten',
      headers: async () => (await signIn(ctx.app, ctx.database, 'dinkes_kabupaten', { kode: '99.02' })).headers,
    },
  ];

  for (const reader of readers) {
    it(`${reader.name}: every hidden count resists subtraction from parents, siblings, other periods and the puskesmas roll-up`, async () => {
      const headers = await reader.headers();
      const seen = await pullAll(headers);
      // Not vacuous: desa B (1 a month) is hidden in every period, with a band for single months and no number anywhere.
      for (const p of PERIODS) {
        const b = seen.get(p.code)!.get(B)!;
        expect(hiddenRow(b), `${B} ${p.code}`).toBe(true);
        expect(b).toMatchObject({
          numerator: null,
          notYetServed: null,
          shortOfTarget: null,
          attainment: null,
          class: 'disembunyikan',
          over100: false,
        });
        expect(b.protection!.text).toMatch(/^disembunyikan: jumlah kecil/);
        if (p.kind === 'month') expect(b.protection!.bands?.numerator).toBe('below');
      }
      // The kabupaten is always shown, exactly.
      expect(seen.get('2026')!.get(KAB)!.numerator).toBe(truth([A, B, C, D], PERIODS.at(-1)!));
      // Secondary suppression happened: more than B alone is hidden.
      const hiddenAreas = new Set(
        [...seen.values()].flatMap((rows) => [...rows].filter(([, r]) => hiddenRow(r)).map(([id]) => id)),
      );
      expect(hiddenAreas.size).toBeGreaterThan(1);
      // Whole-year rule: an area hidden in one period is hidden in every period it has a report in.
      for (const id of hiddenAreas)
        for (const p of PERIODS) expect(hiddenRow(seen.get(p.code)!.get(id)), `${id} ${p.code}`).toBe(true);
      expect(attack(seen)).toEqual([]);
      // Shown rows are exact (the protected view hides; it never changes a number).
      for (const p of PERIODS) {
        const rows = seen.get(p.code)!;
        const families: [string, string[]][] = [
          [A, [A]],
          [C, [C]],
          [D, [D]],
          [SATU, MEMBERS[SATU]!],
          [DUA, MEMBERS[DUA]!],
        ];
        for (const [id, desa] of families) {
          const r = rows.get(id)!;
          if (!hiddenRow(r)) expect(r.numerator, `${id} ${p.code}`).toBe(truth([...desa], p));
        }
        for (const pk of ['P1', 'P2']) {
          const r = rows.get(`pkm:${pk}`)!;
          if (!hiddenRow(r)) expect(r.numerator).toBe(truthPuskesmas(pk, p));
        }
      }

      // The other read routes say the same: the "Semua desa" columns, the series, the profile.
      const desaMap = await read(headers, `/api/values/desa?indicator=KIA_K1&period=2026-01..2026-09&parent=${KAB}`);
      expectSchema(DesaValuesResponseSchema, desaMap);
      const kodes = desaKodesOf(desaMap);
      kodes.forEach((k, i) => {
        expect(desaMap.kelas[i] === 'h', k).toBe(hiddenAreas.has(k));
      });
      expect(desaMap.coverage[kodes.indexOf(B)]).toBeNull();
      for (const kode of [A, B, C, D, SATU, DUA]) {
        const series = await read(headers, `/api/wilayah/${kode}/series?indicator=KIA_K1&year=2026`);
        expectSchema(SeriesResponseSchema, series);
        for (const m of series.months.slice(0, 9)) {
          if (hiddenAreas.has(kode)) {
            expect(m, `${kode} month ${m.month}`).toMatchObject({
              numerator: null,
              cumulativeNumerator: null,
              pwsStatus: null,
            });
            expect(m.protection?.suppressed).toBeDefined();
          } else {
            expect(m.numerator).toBe(MEMBERS[kode] ? truth(MEMBERS[kode]!, PERIODS[0]!) : MONTHLY[kode]);
          }
        }
      }
      const profile = await read(headers, `/api/wilayah/${B}/profil?period=2026-01..2026-09`);
      const k1 = profile.indicators.find((i: { indicator: string }) => i.indicator === 'KIA_K1');
      expect(k1.row).toMatchObject({ numerator: null, class: 'disembunyikan' });
      expect(k1.pwsStatus).toBeNull();
      for (const pk of ['P1', 'P2']) {
        const pp = await read(headers, `/api/puskesmas/${pk}/profil?period=2026-01..2026-09`);
        const row = pp.indicators.find((i: { indicator: string }) => i.indicator === 'KIA_K1').row;
        expect(hiddenRow(row)).toBe(hiddenAreas.has(`pkm:${pk}`));
      }
    });
  }

  it('the meeting agenda and pack of Kecamatan Satu: exact for its participants, protected for a pembaca', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/meetings',
      headers: ctx.admin.headers,
      payload: { jenis: 'lokmin_bulanan', tanggal: '2026-10-05', wilayah: SATU, periode: '2026-01..2026-09' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const camat = await signIn(ctx.app, ctx.database, 'camat', { kode: SATU });
    const pembaca = await signIn(ctx.app, ctx.database, 'viewer');
    const agendaValueOf = (detail: {
      agenda: { desa: { kode: string; values: { indicator: string; numerator: number | null }[] }[] };
    }) => detail.agenda.desa.find((d) => d.kode === B)!.values.find((v) => v.indicator === 'KIA_K1')!;
    expect(agendaValueOf(await read(camat.headers, `/api/meetings/${id}`)).numerator).toBe(9);
    const masked = await read(pembaca.headers, `/api/meetings/${id}`);
    expect(agendaValueOf(masked)).toMatchObject({ numerator: null, class: 'disembunyikan' });
    expect(JSON.stringify(masked.agenda.behind)).not.toContain(B);
    const pack = await ctx.app.inject({
      method: 'GET',
      url: `/api/meetings/${id}/pack.html`,
      headers: pembaca.headers,
    });
    expect(pack.statusCode).toBe(200);
    expect(pack.body).toContain('disembunyikan: jumlah kecil');
    expect(pack.body).toContain('url(#disembunyikan)');
    const exactPack = await ctx.app.inject({
      method: 'GET',
      url: `/api/meetings/${id}/pack.html`,
      headers: camat.headers,
    });
    expect(exactPack.body).not.toContain('disembunyikan: jumlah kecil');

    // A meeting of one month: the pembaca's pack shows desa B's KIA_K1 as a band, never its count (1 of a sasaran of 20),
    // which the camat's pack shows. The PDF is this HTML printed (pack-service pdf → html with the same view).
    const monthly = await ctx.app.inject({
      method: 'POST',
      url: '/api/meetings',
      headers: ctx.admin.headers,
      payload: { jenis: 'lokmin_bulanan', tanggal: '2026-10-06', wilayah: SATU, periode: '2026-09' },
    });
    expect(monthly.statusCode).toBe(201);
    const packOf = async (headers: Record<string, string>) =>
      (await ctx.app.inject({ method: 'GET', url: `/api/rapat/${monthly.json().id}/paket.html`, headers })).body;
    const [mine, theirs] = [await packOf(pembaca.headers), await packOf(camat.headers)];
    expect(theirs).toContain('>1/20<');
    expect(mine).not.toContain('>1/20<');
    expect(mine).toContain('disembunyikan: jumlah kecil · &lt; 10');
  });

  it('the next-wave proposal ranks on the need a pembaca may see: a hidden puskesmas count is in no part, total, score or reason', async () => {
    const q = `kabupaten=${KAB}&indicators=KIA_K1&period=2026-01..2026-09`;
    const pembaca = await signIn(ctx.app, ctx.database, 'viewer');
    type Part = { indicator: string; notYetServed: number | null };
    type Row = {
      kode: string;
      need: Part[];
      needKnown: boolean;
      needTotal: number;
      needScore: number | null;
      score: number | null;
      reason: string;
    };
    const needOf = (rows: { kode: string; need: Part[] }[], kode: string) =>
      rows.find((r) => r.kode === kode)!.need.find((n) => n.indicator === 'KIA_K1')!.notYetServed;
    const exact = (await read(ctx.admin.headers, `/api/rencana-ilp/usulan?${q}`)).rows as Row[];
    const list = (await read(pembaca.headers, `/api/puskesmas?${q}`)).puskesmas as { kode: string; need: Part[] }[];
    const mine = (await read(pembaca.headers, `/api/rencana-ilp/usulan?${q}`)).rows as Row[];
    expect(mine.map((r) => r.kode).sort()).toEqual(['P1', 'P2']);
    // Not vacuous: a puskesmas whose need the admin sees is hidden from the pembaca in the planner list.
    const hidden = ['P1', 'P2'].filter((k) => needOf(list, k) === null);
    expect(hidden.length).toBeGreaterThan(0);
    for (const kode of hidden) {
      const count = needOf(exact, kode)!;
      expect(count).toBeGreaterThan(0);
      const row = mine.find((r) => r.kode === kode)!;
      // The same view as the planner list, and nothing made of the hidden count.
      expect(needOf(mine, kode)).toBeNull();
      expect(row).toMatchObject({ needKnown: false, needTotal: 0, needScore: null, score: null });
      expect(row.reason).not.toContain(String(count));
    }
    // Shown needs are exact, and every total, score and rank is made of shown needs only.
    for (const row of mine) {
      const shown = row.need.reduce((n, p) => n + (p.notYetServed ?? 0), 0);
      expect(row.needTotal, row.kode).toBe(shown);
      if (!hidden.includes(row.kode)) expect(needOf(mine, row.kode)).toBe(needOf(exact, row.kode));
    }
    const maxShown = Math.max(0, ...mine.filter((r) => r.needKnown).map((r) => r.needTotal));
    for (const row of mine.filter((r) => r.needKnown))
      expect(row.needScore).toBeCloseTo(maxShown > 0 ? row.needTotal / maxShown : 0, 9);
    // The dinkes of the kabupaten gets the admin's proposal.
    const dinkes = await signIn(ctx.app, ctx.database, 'dinkes_kabupaten', { kode: KAB });
    expect((await read(dinkes.headers, `/api/rencana-ilp/usulan?${q}`)).rows).toEqual(exact);
  });

  it('the exports for other systems (exact desa counts, no protected view) are refused to readers outside the area', async () => {
    const paths = [
      '/api/exchange/dhis2.json',
      '/api/exchange/dhis2.csv',
      '/api/exchange/adx',
      '/api/exchange/fhir/MeasureReport',
    ].map((p) => `${p}?wilayah=${KAB}&periode=2026-01..2026-09&indikator=KIA_K1`);
    const outside = [
      undefined,
      (await signIn(ctx.app, ctx.database, 'viewer')).headers,
      (await signIn(ctx.app, ctx.database, 'dinkes_kabupaten', { kode: '99.02' })).headers,
      (await signIn(ctx.app, ctx.database, 'camat', { kode: SATU })).headers,
    ]; // a camat sees one kecamatan, not the kabupaten
    for (const headers of outside) {
      for (const url of paths) {
        const res = await ctx.app.inject({ method: 'GET', url, headers });
        expect(res.statusCode, url).toBe(403);
        expect(res.json().message).toMatch(/jumlah per desa apa adanya/);
      }
    }
    const dinkes = await signIn(ctx.app, ctx.database, 'dinkes_kabupaten', { kode: KAB });
    for (const url of paths)
      expect((await ctx.app.inject({ method: 'GET', url, headers: dinkes.headers })).statusCode, url).toBe(200);
    // The catalogue of Measures carries no counts: open to every reader.
    expect((await ctx.app.inject({ method: 'GET', url: '/api/exchange/fhir/Measure' })).statusCode).toBe(200);
  });

  it('a register sasaran (SPM ODGJ) cannot be read off the totals: outside readers get every total over all its desa', async () => {
    const q = (p: string) => `indicator=SPM10_ODGJ&period=${p}`;
    const kabupatenRow = async (headers: Record<string, string> | undefined, p: string) =>
      ((await read(headers, `/api/values?${q(p)}&parent=99`)).rows as ValueRow[]).find((r) => r.kode === KAB)!;
    // The leak, as the kabupaten's own staff see it (exact counts): January − February = A's register.
    const dinkes = await signIn(ctx.app, ctx.database, 'dinkes_kabupaten', { kode: KAB });
    const [jan, feb] = [await kabupatenRow(dinkes.headers, '2026-01'), await kabupatenRow(dinkes.headers, '2026-02')];
    expect(jan.denominator! - feb.denominator!).toBe(ODGJ_REGISTER[A]);
    // Readers outside: the same 22 (the whole register) in every month, quarter and range; numerators unchanged.
    const all = Object.values(ODGJ_REGISTER).reduce((s, v) => s + v, 0);
    for (const reader of readers) {
      const headers = await reader.headers();
      for (const p of ['2026-01', '2026-02', '2026-03', '2026-Q1', '2026-01..2026-02']) {
        const row = await kabupatenRow(headers, p);
        expect(row.denominator, `${reader.name} ${p}`).toBe(all);
        expect(row.coverage, `${reader.name} ${p}`).toBeCloseTo((row.numerator! * 100) / all, 6);
      }
      const series = await read(headers, `/api/wilayah/${KAB}/series?indicator=SPM10_ODGJ&year=2026`);
      for (const m of series.months.slice(0, 3)) {
        expect(m.denominator, `${reader.name} series ${m.month}`).toBe(all);
        expect(m.cumulativeDenominator, `${reader.name} series ${m.month}`).toBe(all);
      }
      // Kecamatan and wilayah kerja rows: hidden (small), or over all their desa — never a reporting-only sum.
      for (const p of ['2026-01', '2026-02']) {
        for (const r of (await read(headers, `/api/values?${q(p)}&parent=${KAB}`)).rows as ValueRow[]) {
          if (hiddenRow(r)) continue;
          const register = MEMBERS[r.kode]!.reduce((s, d) => s + ODGJ_REGISTER[d]!, 0);
          expect(r.denominator, `${reader.name} ${r.kode} ${p}`).toBe(register);
        }
        for (const r of (await read(headers, `/api/values/puskesmas?${q(p)}&kabupaten=${KAB}`)).rows as ValueRow[]) {
          if (hiddenRow(r)) continue;
          const register = holds(r.kode, Number(p.slice(5))).reduce((s, d) => s + ODGJ_REGISTER[d]!, 0);
          expect(r.denominator, `${reader.name} ${r.kode} ${p}`).toBe(register);
        }
      }
    }
  });

  it('indicators that share a count (GZ_DS numerator = GZ_TD denominator) hide the same desa for readers outside', async () => {
    for (const reader of readers) {
      const headers = await reader.headers();
      const hiddenOf = async (indicator: string) => {
        const out: string[] = [];
        for (const parent of [SATU, DUA])
          for (const r of (await read(headers, `/api/values?indicator=${indicator}&period=2026-01&parent=${parent}`))
            .rows as ValueRow[])
            if (hiddenRow(r)) out.push(r.kode);
        return out.sort();
      };
      const [ds, td] = [await hiddenOf('GZ_DS'), await hiddenOf('GZ_TD')];
      expect(td, reader.name).toEqual([A, B, C, D]);
      expect(ds, `${reader.name}: one pattern for the family`).toEqual(td);
    }
  });

  it('scoped users see the exact counts of their area: camat, kepala desa, puskesmas, dinkes of the kabupaten', async () => {
    const users: [string, TestUser][] = [
      ['camat', await signIn(ctx.app, ctx.database, 'camat', { kode: SATU })],
      ['kepala desa', await signIn(ctx.app, ctx.database, 'kepala_desa', { kode: B })],
      ['puskesmas', await signIn(ctx.app, ctx.database, 'puskesmas', { puskesmas: 'P2' })],
      ['dinkes', await signIn(ctx.app, ctx.database, 'dinkes_kabupaten', { kode: KAB })],
    ];
    for (const [name, user] of users) {
      const rows = (await read(user.headers, `/api/values?indicator=KIA_K1&period=2026-09&parent=${SATU}`))
        .rows as ValueRow[];
      expect(
        rows.find((r) => r.kode === B),
        name,
      ).toMatchObject({ numerator: 1, protection: null });
      const series = await read(user.headers, `/api/wilayah/${B}/series?indicator=KIA_K1&year=2026`);
      expect(series.months[8].cumulativeNumerator, name).toBe(9);
    }
    // The camat's exact view of its own kecamatan does not open Kecamatan Dua's desa.
    const camatDua = (await read(users[0]![1].headers, `/api/values?indicator=KIA_K1&period=2026-09&parent=${DUA}`))
      .rows as ValueRow[];
    const anonymousDua = (await read(undefined, `/api/values?indicator=KIA_K1&period=2026-09&parent=${DUA}`))
      .rows as ValueRow[];
    for (const r of anonymousDua)
      if (hiddenRow(r)) expect(hiddenRow(camatDua.find((x) => x.kode === r.kode))).toBe(true);
  });
});
