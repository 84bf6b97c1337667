// The ILP roll-out planner against the real test database: seed, values per puskesmas wilayah, moving a desa,
// the next-wave proposal, progress. Hand-computed on the tiny wilayah (fixtures/tiny-wilayah.ts) and the K1 values
// of fixtures/tiny-values.ts: desa 99.01.01.2001 Jan–Sep 4,3,3,4,3,3,3,4,3 of sasaran 40; 99.01.01.2002 1×8 then 2
// of 20; 99.01.02.2001 1,0,1,0,1,0,1,0,1 of 5; 99.01.02.2002 no report (sasaran 10).
import { describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
// The puskesmas seed is first-start work (data/prepare.ts); the test runs it as a start would.
import { ensureRolloutSeed } from '../../../data/puskesmas/seed-rollout.ts';
import {
  MoveDesaResponseSchema,
  ProgressResponseSchema,
  ProposalResponseSchema,
  PuskesmasDetailSchema,
  PuskesmasListSchema,
  PuskesmasValuesResponseSchema,
  WaveSchema,
} from '@peta/domain/contract';
import { seedPuskesmas } from '@peta/server-core/testing';
import { clearMeetingsAndRollout, expectSchema, useApp } from './helper.ts';
import { loadTinyValues } from './fixtures/tiny-values.ts';

const seedTimes: number[] = [];
let secondSeed: Awaited<ReturnType<typeof ensureRolloutSeed>>;

async function seed(database: Database) {
  await loadTinyValues(database);
  await clearMeetingsAndRollout(database);
  const { pool } = database;
  // Deli Serdang as a kabupaten without desa: the demo roll-out is seeded for it from the Komdat puskesmas.
  await pool.query(`insert into wilayah (kode, nama, tingkat, parent_kode, has_geometry, child_count, import_id)
    select k, n, t, p, false, 0, (select max(id) from boundary_import) from (values ('12', 'Sumatera Utara', 'provinsi', null),
      ('12.07', 'Kabupaten Deli Serdang', 'kabupaten', '12')) v(k, n, t, p) on conflict do nothing`);
  const first = await ensureRolloutSeed(database);
  seedTimes.push(first.ms);
  secondSeed = await ensureRolloutSeed(database);
  // The tiny kabupaten 99.01: P1 holds Kecamatan Satu, P2 Kecamatan Dua; P3 is already ILP, P4 has no desa.
  const eventId = await seedPuskesmas(
    database,
    [
      { kode: 'P1', nama: 'Puskesmas Satu', desa: ['99.01.01.2001', '99.01.01.2002'] },
      { kode: 'P2', nama: 'Puskesmas Dua', desa: ['99.01.02.2001', '99.01.02.2002'] },
      { kode: 'P3', nama: 'Puskesmas Tiga' },
      { kode: 'P4', nama: 'Puskesmas Empat' },
    ],
    { confirmed: false },
  );
  await pool.query(
    `insert into readiness_answer (puskesmas_kode, item, value, event_id) values
    ('P1', 'tim_klaster', true, $1), ('P1', 'orientasi_staf', true, $1), ('P1', 'alur_layanan', false, $1),
    ('P2', 'tim_klaster', true, $1), ('P2', 'orientasi_staf', true, $1), ('P2', 'alur_layanan', true, $1),
    ('P2', 'pencatatan_digital', true, $1), ('P2', 'pws_lokmin', true, $1)`,
    [eventId],
  );
  await pool.query(
    `insert into ilp_stage (puskesmas_kode, stage, date, event_id) values ('P3', 'implementasi', '2026-03-01', $1), ('P1', 'persiapan', '2026-02-01', $1)`,
    [eventId],
  );
}

const ctx = useApp(seed, { readAs: 'admin' });
const get = async (url: string) => {
  const res = await ctx.app.inject(url);
  return { status: res.statusCode, body: res.json() };
};
const send = async (method: 'POST' | 'PUT', url: string, payload: unknown) => {
  const res = await ctx.app.inject({ method, url, payload: payload as object, headers: ctx.admin.headers });
  return { status: res.statusCode, body: res.json() };
};
type Row = { kode: string; numerator: number | null; denominator: number | null };
const values = async (period: string) => {
  const { status, body } = await get(`/api/nilai/puskesmas?indikator=KIA_K1&periode=${period}&kabupaten=99.01`);
  expect(status).toBe(200);
  expectSchema(PuskesmasValuesResponseSchema, body);
  return Object.fromEntries((body.rows as Row[]).map((r) => [r.kode, r]));
};

describe('seed on first start', () => {
  it('loads the Komdat puskesmas and the simulated demo roll-out once, in seconds', async () => {
    const {
      rows: [n],
    } = await ctx.database.pool.query(`select count(*)::int as n from puskesmas where sumber = 'komdat-2022'`);
    expect(n.n).toBeGreaterThan(10_000);
    expect(seedTimes[0]).toBeLessThan(30_000);
    // Idempotent: the second start writes nothing.
    expect(secondSeed).toMatchObject({ puskesmas: 0, wilayahKerjaKabupaten: 0, demoKabupaten: [] });
    const { rows: events } = await ctx.database.pool.query(
      `select kind, simulated, kabupaten_kode from rollout_event where kind = 'seed' and oleh <> 'uji'`,
    );
    expect(events.some((e) => e.kabupaten_kode === '12.07' && e.simulated)).toBe(true);
    const {
      rows: [sim],
    } =
      await ctx.database.pool.query(`select bool_and(simulated) as all_sim, bool_and(evidence like '%simulasi%') as evidence
      from ilp_stage s join puskesmas p on p.kode = s.puskesmas_kode where p.kabupaten_kode = '12.07'`);
    expect(sim).toEqual({ all_sim: true, evidence: true });
  });
});

describe('progress per kabupaten and year', () => {
  it('Deli Serdang 2025: 17 puskesmas at stage ≥ 5 against the target 14', async () => {
    const { status, body } = await get('/api/rencana-ilp/progres?kabupaten=12.07');
    expect(status).toBe(200);
    expectSchema(ProgressResponseSchema, body);
    const y2025 = body.years.find((y: { year: number }) => y.year === 2025);
    expect(y2025).toMatchObject({ count: 17, target: 14, text: '17 dari target 14 — 121%' });
    expect(body.simulated).toBe(true);
    expect(
      body.timeline.some(
        (s: { nama: string; stage: string }) => /pantai labu/i.test(s.nama) && s.stage === 'implementasi',
      ),
    ).toBe(true);
  });

  it('answers 400 for a kode that is not a kabupaten and 404 for an unknown one, in Bahasa Indonesia', async () => {
    expect((await get('/api/rencana-ilp/progres?kabupaten=12')).body).toMatchObject({
      statusCode: 400,
      code: 'INVALID_KABUPATEN',
    });
    expect((await get('/api/rencana-ilp/progres?kabupaten=12.99')).body.message).toBe(
      'Kabupaten/kota dengan kode 12.99 tidak ditemukan.',
    );
  });
});

describe('puskesmas list and detail', () => {
  it('lists stage, wave, readiness, wilayah size and the unconfirmed proposal', async () => {
    const { status, body } = await get('/api/puskesmas?kabupaten=99.01&indikator=KIA_K1&periode=2026-01..2026-09');
    expect(status).toBe(200);
    expectSchema(PuskesmasListSchema, body);
    const p1 = body.puskesmas.find((p: { kode: string }) => p.kode === 'P1');
    expect(p1).toMatchObject({
      stage: 'persiapan',
      stageLevel: 1,
      desaCount: 2,
      unconfirmedDesa: 2,
      readinessDone: 2,
      readinessTotal: 9,
    });
    // Belum terlayani tahun ini: sasaran 60 − 40 served = 20 (not the 17 to the annual 95 % target of the old `gap`).
    expect(p1.need).toEqual([{ indicator: 'KIA_K1', notYetServed: 20, text: 'ibu hamil belum K1' }]);
    expect(body.desa).toHaveLength(4);
    const detail = await get('/api/puskesmas/P3');
    expectSchema(PuskesmasDetailSchema, detail.body);
    expect(detail.body.stages.map((s: { stage: string }) => s.stage)).toEqual(['implementasi']);
    expect((await get('/api/puskesmas/NOPE')).status).toBe(404);
  });
});

describe('next-wave proposal', () => {
  it('ranks by need and readiness as hand-computed, and explains each rank', async () => {
    // Need = belum terlayani tahun ini (K1 Jan–Sep): P1 60 − 40 = 20; P2 5 − 5 = 0 (the desa without report adds
    // nothing); P4 has no desa: need unknown — no score, ranked last, "belum ada desa", never "no need".
    // P3 is at implementasi: not a candidate. Readiness: P1 2/9, P2 5/9, P4 0/9.
    // Equal weights: P1 0.5·20/20 + 0.5·2/9 = 0.6111; P2 0 + 0.5·5/9 = 0.2778; P4 none.
    const { status, body } = await get(
      '/api/rencana-ilp/usulan?kabupaten=99.01&indikator=KIA_K1&periode=2026-01..2026-09',
    );
    expect(status).toBe(200);
    expectSchema(ProposalResponseSchema, body);
    expect(body.rows.map((r: { kode: string }) => r.kode)).toEqual(['P1', 'P2', 'P4']);
    expect(body.rows[0].score).toBeCloseTo(0.611111, 5);
    expect(body.rows[1].score).toBeCloseTo(0.277778, 5);
    expect(body.rows[0].reason).toBe('butuh: 20 ibu hamil belum K1; siap: 2/9 ceklis');
    expect(body.rows[1].reason).toBe('butuh: semua sasaran terlayani pada indikator terpilih; siap: 5/9 ceklis');
    expect(body.rows[2]).toMatchObject({
      kode: 'P4',
      needKnown: false,
      needScore: null,
      score: null,
      reason: 'butuh: tidak diketahui — belum ada desa di wilayah kerja; siap: 0/9 ceklis',
    });
    expect(body.method).toMatch(/^Skor = 0,5 × kebutuhan ÷ kebutuhan terbesar \+ 0,5 × ceklis/);
    expect(body.confirmed).toBe(false);
    // Weighting readiness more (need 0.2): P2 0.8·5/9 = 0.444 overtakes P1 0.2 + 0.8·2/9 = 0.378.
    const readyFirst = (
      await get('/api/rencana-ilp/usulan?kabupaten=99.01&indikator=KIA_K1&periode=2026-01..2026-09&bobot=0.2')
    ).body;
    expect(readyFirst.rows.map((r: { kode: string }) => r.kode)).toEqual(['P2', 'P1', 'P4']);
    expect(readyFirst.method).toMatch(/^Skor = 0,2 × kebutuhan ÷ kebutuhan terbesar \+ 0,8 × ceklis/);
    // Need is counted in persons not yet served: a lower-is-better indicator cannot be a need.
    const stunting = await get('/api/rencana-ilp/usulan?kabupaten=99.01&indikator=GZ_STUNTING');
    expect(stunting.status).toBe(400);
    expect(stunting.body.message).toMatch(
      /GZ_STUNTING .*tidak menghitung orang yang belum terlayani \(makin rendah makin baik\)/,
    );
  });

  it('saves the chosen candidates as a wave with their rank and reason (an event)', async () => {
    const { status, body } = await send('POST', '/api/gelombang', {
      kabupaten: '99.01',
      nama: 'Gelombang 2027',
      year: 2027,
      target: 2,
      members: [
        { kode: 'P1', rank: 1, reason: 'butuh: 17 ibu hamil belum K1; siap: 2/9 ceklis' },
        { kode: 'P2', rank: 2 },
      ],
    });
    expect(status).toBe(201);
    expectSchema(WaveSchema, body);
    expect(body).toMatchObject({ nama: 'Gelombang 2027', target: 2, basis: 'pengguna', simulated: false });
    expect(body.members.map((m: { kode: string; rank: number }) => [m.kode, m.rank])).toEqual([
      ['P1', 1],
      ['P2', 2],
    ]);
    const { rows } = await ctx.database.pool.query(`select oleh, after from rollout_event where kind = 'gelombang'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].oleh).toBe(ctx.admin.username);
    expect(
      (
        await send('POST', '/api/gelombang', {
          kabupaten: '99.01',
          nama: 'X',
          tahun: 2027,
          target: 1,
          members: [{ kode: 'P1' }, { kode: 'P1' }],
        })
      ).body.code,
    ).toBe('DUPLICATE_MEMBER');
  });

  it("edits a wave: before and after in one shape (dates and note too); a simulated wave becomes the user's; dates in order", async () => {
    const {
      rows: [wave],
    } = await ctx.database.pool.query(`select id from ilp_wave where nama = 'Gelombang 2027'`);
    await ctx.database.pool.query(`update ilp_wave set simulated = true, basis = 'simulasi' where id = $1`, [wave.id]);
    const body = {
      kabupaten: '99.01',
      nama: 'Gelombang 2027',
      year: 2027,
      target: 2,
      plannedStart: '2027-02-01',
      plannedEnd: '2027-06-30',
      note: 'Setelah orientasi',
      members: [
        { kode: 'P1', rank: 1, reason: 'butuh: 17 ibu hamil belum K1; siap: 2/9 ceklis' },
        { kode: 'P2', rank: 2 },
      ],
    };
    const edited = await send('PUT', `/api/gelombang/${wave.id}`, body);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      plannedStart: '2027-02-01',
      plannedEnd: '2027-06-30',
      simulated: false,
      basis: 'pengguna',
    });
    const {
      rows: [ev],
    } = await ctx.database.pool.query(
      `select before, after from rollout_event where kind = 'gelombang' order by id desc limit 1`,
    );
    expect(ev.before).toEqual({
      nama: 'Gelombang 2027',
      year: 2027,
      target: 2,
      plannedStart: null,
      plannedEnd: null,
      note: '',
      simulated: true,
      members: [
        { kode: 'P1', rank: 1, reason: 'butuh: 17 ibu hamil belum K1; siap: 2/9 ceklis' },
        { kode: 'P2', rank: 2, reason: null },
      ],
    });
    expect(ev.after).toEqual({
      nama: 'Gelombang 2027',
      year: 2027,
      target: 2,
      plannedStart: '2027-02-01',
      plannedEnd: '2027-06-30',
      note: 'Setelah orientasi',
      simulated: false,
      members: [
        { kode: 'P1', rank: 1, reason: 'butuh: 17 ibu hamil belum K1; siap: 2/9 ceklis' },
        { kode: 'P2', rank: 2, reason: null },
      ],
    });
    const backwards = await send('PUT', `/api/gelombang/${wave.id}`, { ...body, plannedEnd: '2027-01-01' });
    expect(backwards.body).toMatchObject({
      statusCode: 400,
      code: 'INVALID_DATES',
      message: 'Rencana selesai (2027-01-01) sebelum rencana mulai (2027-02-01).',
    });
  });
});

describe('values per puskesmas wilayah kerja', () => {
  it('equals the sum of its desa (and the kecamatan it covers)', async () => {
    const byP = await values('2026-01..2026-09');
    expect(byP.P1).toMatchObject({ numerator: 40, denominator: 60, desaCount: 2 });
    expect(byP.P2).toMatchObject({ numerator: 5, denominator: 5 });
    const kec = (await get('/api/nilai?indikator=KIA_K1&periode=2026-01..2026-09&wilayah=99.01')).body.rows as Row[];
    expect(kec.find((r) => r.kode === '99.01.01')).toMatchObject({ numerator: 40, denominator: 60 });
  });

  it('moves a desa from a date: its numbers move from that date on and not before; one event with before/after', async () => {
    const beforeMove = await values('2026-01..2026-06');
    const moved = await send('POST', '/api/wilayah-kerja/pindah', {
      desa: '99.01.01.2002',
      puskesmas: 'P2',
      mulai: '2026-07-01',
    });
    expect(moved.status).toBe(200);
    expectSchema(MoveDesaResponseSchema, moved.body);
    expect(moved.body.before).toMatchObject({ puskesmas: 'P1', validFrom: '2025-01-01', confirmed: false });
    expect(moved.body.after).toEqual({ puskesmas: 'P2', validFrom: '2026-07-01', validTo: null, confirmed: true });

    // January–June: unchanged (desa 2002 still counted for P1: 20 + 6 = 26 of 60).
    const afterMoveH1 = await values('2026-01..2026-06');
    expect(afterMoveH1.P1).toMatchObject({ numerator: 26, denominator: 60 });
    expect(afterMoveH1).toEqual(beforeMove);
    // July–September: desa 2002 (1+1+2 = 4 of 20) now counts for P2: 2 + 4 = 6 of 5 + 20; P1 keeps 2001: 10 of 40.
    const q3 = await values('2026-Q3');
    expect(q3.P1).toMatchObject({ numerator: 10, denominator: 40 });
    expect(q3.P2).toMatchObject({ numerator: 6, denominator: 25 });
    // January–September: desa 2002's sasaran is shared by months held (6/9 and 3/9 of 20); totals unchanged.
    const ytd = await values('2026-01..2026-09');
    expect(ytd.P1!.numerator).toBe(36);
    expect(ytd.P1!.denominator).toBeCloseTo(53.33, 2);
    expect(ytd.P2!.numerator).toBe(9);
    expect(ytd.P2!.denominator).toBeCloseTo(11.67, 2);

    const { pool } = ctx.database;
    const { rows: history } =
      await pool.query(`select puskesmas_kode as p, to_char(valid_from, 'YYYY-MM-DD') as f, to_char(valid_to, 'YYYY-MM-DD') as t, confirmed
      from puskesmas_wilayah where desa_kode = '99.01.01.2002' order by valid_from`);
    expect(history).toEqual([
      { p: 'P1', f: '2025-01-01', t: '2026-07-01', confirmed: false },
      { p: 'P2', f: '2026-07-01', t: null, confirmed: true },
    ]);
    // Never in two puskesmas on any day: no two rows of one desa overlap.
    const {
      rows: [overlap],
    } = await pool.query(`select count(*)::int as n from puskesmas_wilayah a join puskesmas_wilayah b
      on a.desa_kode = b.desa_kode and a.id < b.id
      and daterange(a.valid_from, a.valid_to) && daterange(b.valid_from, b.valid_to)`);
    expect(overlap.n).toBe(0);
    const { rows: events } = await pool.query(
      `select oleh, puskesmas_kode, before, after from rollout_event where kind = 'wilayah_kerja'`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      oleh: ctx.admin.username,
      puskesmas_kode: 'P2',
      before: { puskesmas: 'P1', desa: '99.01.01.2002' },
      after: { puskesmas: 'P2', validFrom: '2026-07-01' },
    });
    // The database itself refuses a second open row for a desa.
    await expect(
      pool.query(
        `insert into puskesmas_wilayah (puskesmas_kode, desa_kode, valid_from, event_id) values ('P1', '99.01.01.2002', '2026-08-01', (select max(id) from rollout_event))`,
      ),
    ).rejects.toThrow(/unique/);
  });

  it('refuses a move that would rewrite history, to the same puskesmas, or across kabupaten', async () => {
    const earlier = await send('POST', '/api/wilayah-kerja/pindah', {
      desa: '99.01.01.2002',
      puskesmas: 'P1',
      mulai: '2026-05-01',
    });
    expect(earlier.status).toBe(409);
    expect(earlier.body.code).toBe('DATE_BEFORE_CURRENT');
    expect(
      (await send('POST', '/api/wilayah-kerja/pindah', { desa: '99.01.01.2002', puskesmas: 'P2', mulai: '2026-09-01' }))
        .body.code,
    ).toBe('SAME_PUSKESMAS');
    const bad = await send('POST', '/api/wilayah-kerja/pindah', {
      desa: '99.01.01.2001',
      puskesmas: 'P1',
      mulai: '2026-02-30',
    });
    expect(bad.status).toBe(400);
    const {
      rows: [komdat],
    } = await ctx.database.pool.query(`select kode from puskesmas where kabupaten_kode = '12.07' limit 1`);
    expect(
      (
        await send('POST', '/api/wilayah-kerja/pindah', {
          desa: '99.01.01.2001',
          puskesmas: komdat.kode,
          mulai: '2026-09-01',
        })
      ).body.code,
    ).toBe('OTHER_KABUPATEN');
  });

  it('records a stage change and readiness answers as events', async () => {
    const stage = await send('POST', '/api/puskesmas/P1/tahap', {
      stage: 'lokus_ditetapkan',
      date: '2026-10-01',
      skNumber: '440/123/2026',
    });
    expect(stage.status).toBe(201);
    const ready = await send('PUT', '/api/puskesmas/P1/kesiapan', { answers: { alur_layanan: true } });
    expect(ready.status).toBe(200);
    expect((await send('PUT', '/api/puskesmas/P1/kesiapan', { answers: { pustu_nakes: true } })).body.code).toBe(
      'DERIVED_ITEM',
    );
    const detail = (await get('/api/puskesmas/P1')).body;
    expect(detail.puskesmas).toMatchObject({ stage: 'lokus_ditetapkan', readinessDone: 3 });
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['kesiapan', 'tahap']);
    expect(detail.events[0]).toMatchObject({
      oleh: ctx.admin.username,
      before: { alur_layanan: false },
      after: { alur_layanan: true },
    });
  });

  it('keeps the Pustu and Posyandu of a desa: unknown until entered, replaced as a whole with before/after, counted in readiness', async () => {
    const TIGA = '99.01.02.2001';
    expect((await get(`/api/desa/${TIGA}/fasilitas`)).body).toEqual({
      desa: TIGA,
      pustu: [],
      posyandu: [],
      simulated: false,
      known: false,
      lastChange: null,
    });
    const readinessBefore = (await get('/api/puskesmas/P2')).body.puskesmas.readinessDone;
    const first = {
      pustu: [{ nama: 'Pustu Tiga', perawat: 1, bidan: 1 }],
      posyandu: [{ nama: 'Melati', lokasi: 'Dusun II', sk: false, kader: 5, kaderTersertifikasi: 1 }],
    };
    const saved = await send('PUT', `/api/desa/${TIGA}/fasilitas`, first);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      ...first,
      known: true,
      simulated: false,
      lastChange: { oleh: ctx.admin.username },
    });
    // Every Pustu of P2 now has a nurse and a midwife: one more readiness item done.
    expect((await get('/api/puskesmas/P2')).body.puskesmas.readinessDone).toBe(readinessBefore + 1);

    const second = { pustu: [], posyandu: [{ ...first.posyandu[0]!, sk: true }] };
    expect((await send('PUT', `/api/desa/${TIGA}/fasilitas`, second)).body).toMatchObject({
      pustu: [],
      posyandu: second.posyandu,
    });
    const {
      rows: [ev],
    } = await ctx.database.pool.query(
      `select puskesmas_kode, before, after from rollout_event where kind = 'fasilitas' order by id desc limit 1`,
    );
    expect(ev).toEqual({
      puskesmas_kode: 'P2',
      before: {
        desa: TIGA,
        pustu: [{ ...first.pustu[0], simulated: false }],
        posyandu: [{ ...first.posyandu[0], simulated: false }],
      },
      after: { desa: TIGA, ...second },
    });

    const tooMany = await send('PUT', `/api/desa/${TIGA}/fasilitas`, {
      pustu: [],
      posyandu: [{ ...first.posyandu[0]!, kaderTersertifikasi: 9 }],
    });
    expect(tooMany.body).toMatchObject({
      statusCode: 400,
      code: 'INVALID_KADER',
      message: 'Kader tersertifikasi (9) lebih banyak dari jumlah kader (5) di Posyandu Melati.',
    });
    expect((await send('PUT', '/api/desa/99.01.02/fasilitas', second)).body.code).toBe('INVALID_KODE');
  });
});

describe('wilayah kerja polygons', () => {
  it('dissolves the desa of each puskesmas, revalidates by ETag and changes with a move', async () => {
    const url = '/api/rencana-ilp/wilayah-kerja.geojson?kabupaten=99.01';
    const first = await ctx.app.inject(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    const { rows } =
      await ctx.database.pool.query(`select puskesmas_kode as kode, count(*)::int as n from puskesmas_wilayah
      where valid_to is null and desa_kode like '99.01.%' group by 1 order by 1`);
    const features = first.json().features as {
      properties: { kode: string; desa: number; label: number[] | null };
      geometry: { type: string };
    }[];
    expect(features.map((f) => [f.properties.kode, f.properties.desa]).sort()).toEqual(rows.map((r) => [r.kode, r.n]));
    expect(features.every((f) => ['Polygon', 'MultiPolygon'].includes(f.geometry.type) && f.properties.label)).toBe(
      true,
    );
    const etag = String(first.headers.etag);
    expect((await ctx.app.inject({ url, headers: { 'if-none-match': etag } })).statusCode).toBe(304);

    const holder = rows[0]!.kode === 'P1' ? 'P2' : 'P1';
    const {
      rows: [desa],
    } = await ctx.database.pool.query(
      `select desa_kode from puskesmas_wilayah where valid_to is null and puskesmas_kode <> $1
      and desa_kode like '99.01.%' order by desa_kode limit 1`,
      [holder],
    );
    expect(
      (
        await send('POST', '/api/wilayah-kerja/pindah', {
          desa: desa.desa_kode,
          puskesmas: holder,
          mulai: '2026-11-01',
        })
      ).status,
    ).toBe(200);
    const after = await ctx.app.inject({ url, headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });
});

describe('GET /api/puskesmas/:kode/profil', () => {
  it('gives the wilayah kerja every indicator with data, its row equal to the values per puskesmas', async () => {
    const period = '2026-01..2026-09';
    const { status, body } = await get(`/api/puskesmas/P1/profil?periode=${period}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ kode: 'P1', nama: 'Puskesmas Satu', tingkat: 'puskesmas', period, openActions: [] });
    const k1 = body.indicators.find((i: { indicator: string }) => i.indicator === 'KIA_K1');
    const perPuskesmas = (
      await get(`/api/nilai/puskesmas?indikator=KIA_K1&periode=${period}&kabupaten=99.01`)
    ).body.rows.find((r: { kode: string }) => r.kode === 'P1');
    const { desaCount: _, ...row } = perPuskesmas;
    expect(k1.row).toEqual(row);
    // The PWS status of a wilayah kerja comes from its own rows (the month rows summed per puskesmas as well): below the
    // line (the class) and September no higher than August (the month-on-month line) → jelek, the three lines agree.
    expect(k1.row.class).not.toBe('baik');
    expect(k1.trendMonth).toMatchObject({ month: '2026-09', previousMonth: '2026-08' });
    expect(['tetap', 'turun']).toContain(k1.trendMonth.direction);
    expect(k1).toMatchObject({ pwsApplies: true, pwsStatus: 'jelek' });
    expect(k1.trendYear.text).toBe('–');
    expect((await get(`/api/puskesmas/TIDAK-ADA/profil?periode=${period}`)).status).toBe(404);
  });
});

describe('seed on a restart', () => {
  it('proposes a kabupaten whose puskesmas place no desa once, not again at every start', async () => {
    const { pool } = ctx.database;
    // Deli Serdang gets one desa whose names match none of its Komdat puskesmas: the proposal places no desa.
    await pool.query(`insert into wilayah (kode, nama, tingkat, parent_kode, has_geometry, child_count, import_id)
      select k, n, t, p, false, 0, (select max(id) from boundary_import) from (values
        ('12.07.99', 'Kecamatan Uji Tanpa Nama', 'kecamatan', '12.07'),
        ('12.07.99.2001', 'Desa Uji Tanpa Nama', 'desa', '12.07.99')) v(k, n, t, p)`);
    const proposals = async () =>
      (
        await pool.query(
          `select after from rollout_event where kind = 'seed' and kabupaten_kode = '12.07' and note like 'Usulan wilayah kerja%'`,
        )
      ).rows;
    try {
      const first = await ensureRolloutSeed(ctx.database);
      expect(first).toMatchObject({ wilayahKerjaKabupaten: 1, wilayahKerjaDesa: 0 });
      expect(await proposals()).toEqual([{ after: expect.objectContaining({ desa: 0, desaWithoutPuskesmas: 1 }) }]);
      const again = await ensureRolloutSeed(ctx.database);
      expect(again).toMatchObject({ puskesmas: 0, wilayahKerjaKabupaten: 0, wilayahKerjaDesa: 0, demoKabupaten: [] });
      expect(await proposals()).toHaveLength(1);
    } finally {
      await pool.query(
        `delete from rollout_event where kind = 'seed' and kabupaten_kode = '12.07' and note like 'Usulan%'`,
      );
      await pool.query(`delete from wilayah where kode in ('12.07.99.2001', '12.07.99')`);
    }
  });
});

describe('seed into an empty wilayah kerja table (a first start)', () => {
  it('writes the proposals in bulk and keeps the foreign keys of puskesmas_wilayah', async () => {
    const { pool } = ctx.database;
    const {
      rows: [saved],
    } = await pool.query(`select coalesce(json_agg(w), '[]') as rows from puskesmas_wilayah w`);
    const {
      rows: [before],
    } = await pool.query(`select max(id) as id from rollout_event`);
    await pool.query('delete from puskesmas_wilayah');
    // The tiny kabupaten 99.01 is proposed again (none of its desa is in a wilayah kerja now), and Deli Serdang gets a kecamatan and a desa named after its Puskesmas Sibolangit: the proposal places that desa.
    await pool.query(`insert into wilayah (kode, nama, tingkat, parent_kode, has_geometry, child_count, import_id)
      select k, n, t, p, false, 0, (select max(id) from boundary_import) from (values
        ('12.07.98', 'Sibolangit', 'kecamatan', '12.07'),
        ('12.07.98.2001', 'Sibolangit', 'desa', '12.07.98')) v(k, n, t, p)`);
    try {
      const seeded = await ensureRolloutSeed(ctx.database);
      expect(seeded).toMatchObject({ wilayahKerjaKabupaten: 2 });
      const { rows } = await pool.query(`select w.desa_kode, p.nama, e.kabupaten_kode, e.note
        from puskesmas_wilayah w join puskesmas p on p.kode = w.puskesmas_kode join rollout_event e on e.id = w.event_id
        order by w.id`);
      expect(rows).toHaveLength(seeded.wilayahKerjaDesa);
      // Each desa points at its own kabupaten's proposal.
      expect(rows.every((r) => r.kabupaten_kode === r.desa_kode.slice(0, 5) && r.note.startsWith('Usulan'))).toBe(true);
      expect(rows.filter((r) => r.kabupaten_kode === '12.07')).toEqual([
        {
          desa_kode: '12.07.98.2001',
          nama: 'Puskesmas Sibolangit',
          kabupaten_kode: '12.07',
          note: 'Usulan wilayah kerja dari nama puskesmas (belum dikonfirmasi)',
        },
      ]);
      // Dropped for the insert and added again: the same two constraints, checking as before.
      const { rows: keys } = await pool.query<{ conname: string }>(
        `select conname from pg_constraint where conrelid = 'puskesmas_wilayah'::regclass and contype = 'f' order by 1`,
      );
      expect(keys.map((k) => k.conname)).toEqual([
        'puskesmas_wilayah_event_id_rollout_event_id_fk',
        'puskesmas_wilayah_puskesmas_kode_puskesmas_kode_fk',
      ]);
      await expect(
        pool.query(`insert into puskesmas_wilayah (puskesmas_kode, desa_kode, valid_from, valid_to, event_id)
          values ('TIDAK-ADA', '12.07.98.2001', '2024-01-01', '2024-12-31', (select min(id) from rollout_event))`),
      ).rejects.toMatchObject({ code: '23503' });
    } finally {
      await pool.query('delete from puskesmas_wilayah');
      await pool.query(
        `insert into puskesmas_wilayah select * from json_populate_recordset(null::puskesmas_wilayah, $1)`,
        [JSON.stringify(saved.rows)],
      );
      await pool.query(`delete from rollout_event where id > $1`, [before.id]);
      await pool.query(`delete from wilayah where kode in ('12.07.98.2001', '12.07.98')`);
    }
  });
});
