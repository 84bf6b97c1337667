// Entry in the browser through the API (issue 19 item 5), on the tiny wilayah's simulated KIA_K1 values
// (fixtures/tiny-values.ts: September 2026, desa 99.01.01.2001 3, desa 99.01.01.2002 2). Puskesmas PM1 holds the two
// desa of Kecamatan Satu, PM2 holds Desa Tiga (99.01.02.2001). The app's clock is 2026-11-15 (helper.ts).
// grid → save (one import) → the values change → history → conflict 409 → scope 403 → undo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { GridConflictErrorSchema, GridSchema, ImportOutcomeSchema, LoadListSchema } from '@peta/domain/contract';
import { seedPuskesmas } from '@peta/server-core/testing';
import { loadTinyValues } from './fixtures/tiny-values.ts';
import { MAU, DUA, TIGA } from './fixtures/tiny-wilayah.ts';
import { clearMeetingsAndRollout, dropPuskesmasUsers, expectSchema, signIn, useApp, type TestUser } from './helper.ts';

async function seed(database: Database) {
  await loadTinyValues(database);
  await clearMeetingsAndRollout(database);
  await seedPuskesmas(database, [
    { kode: 'PM1', nama: 'PUSKESMAS SATU', desa: [MAU, DUA] },
    { kode: 'PM2', nama: 'PUSKESMAS DUA', desa: [TIGA] },
  ]);
}

const ctx = useApp(seed, { readAs: 'admin' }); // exact counts: the staff's view (anonymous readers get the protected one)
const who = {} as { pkm: TestUser };
beforeAll(async () => {
  who.pkm = await signIn(ctx.app, ctx.database, 'puskesmas', { puskesmas: 'PM1' });
});
afterAll(() => dropPuskesmasUsers(ctx.database));

async function send(user: TestUser, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await ctx.app.inject({ method, url, payload, headers: user.headers });
  return { status: res.statusCode, body: res.json() };
}
const cell = (
  kode: string,
  indicator: string,
  numerator: string,
  base: number | null,
  denominator = '',
  baseDenominator: number | null = null,
) => ({ kode, indicator, numerator, denominator, base: { numerator: base, denominator: baseDenominator } });
const save = (user: TestUser, cells: object[], area = 'PM1') =>
  send(user, 'POST', '/api/impor/isian', { period: '2026-09', area, cells });
const k1 = async (kode: string) => {
  const res = await ctx.app.inject({ url: '/api/nilai?indikator=KIA_K1&periode=2026-09&wilayah=99.01.01' });
  return res.json().rows.find((r: { kode: string }) => r.kode === kode);
};

describe('entry grid through the API', () => {
  let pkmLoad = 0;
  let adminLoad = 0;

  it('reads the puskesmas desa × indicators with the stored values of the month', async () => {
    const { status, body } = await send(
      who.pkm,
      'GET',
      '/api/impor/isian?periode=2026-09&puskesmas=PM1&indikator=KIA_K1,SPM11_TB',
    );
    expect(status).toBe(200);
    expectSchema(GridSchema, body);
    expect(body).toEqual({
      area: { kind: 'puskesmas', kode: 'PM1', nama: 'PUSKESMAS SATU' },
      period: '2026-09',
      desa: [
        { kode: MAU, nama: "Desa Ma'u" },
        { kode: DUA, nama: 'Desa Dua' },
      ],
      indicators: ['KIA_K1', 'SPM11_TB'],
      cells: [
        { kode: MAU, indicator: 'KIA_K1', numerator: 3, denominator: null, simulated: true },
        { kode: DUA, indicator: 'KIA_K1', numerator: 2, denominator: null, simulated: true },
      ],
    });
    const kecamatan = await send(who.pkm, 'GET', '/api/impor/isian?periode=2026-09&wilayah=99.01.02&indikator=KIA_K1');
    expect(kecamatan.body.desa.map((d: { kode: string }) => d.kode)).toEqual([TIGA, '99.01.02.2002']);
    expect(
      (await send(who.pkm, 'GET', '/api/impor/isian?periode=2026-12&puskesmas=PM1&indikator=KIA_K1')).body.code,
    ).toBe('INVALID_PERIOD');
  });

  it('refuses cells the import rules refuse, naming the cell, and writes nothing (422)', async () => {
    const { status, body } = await save(who.pkm, [cell(MAU, 'KIA_K1', '1,5', 3), cell(DUA, 'SPM11_TB', '3', null)]);
    expect(status).toBe(422);
    expectSchema(ImportOutcomeSchema, body);
    expect(body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [1, `${MAU} KIA_K1 (pembilang)`, 'VALUE_NOT_WHOLE'],
      [2, `${DUA} SPM11_TB (penyebut)`, 'DENOMINATOR_REQUIRED'],
    ]);
    expect(await k1(MAU)).toMatchObject({ numerator: 3, simulated: true });
  });

  it('saves the grid as one import: Indonesian "12,0" reads 12, the values change and are no longer simulated', async () => {
    const { status, body } = await save(who.pkm, [
      cell(MAU, 'KIA_K1', '5', 3),
      cell(DUA, 'KIA_K1', '12,0', 2),
      cell(DUA, 'SPM11_TB', '3', null, '4'),
    ]);
    expect(status).toBe(200);
    expectSchema(ImportOutcomeSchema, body);
    expect(body).toMatchObject({
      status: 'imported',
      format: 'long',
      target: 'nilai',
      fileName: 'isian-PM1-2026-09.json',
      counts: { added: 1, changed: 2, unchanged: 0 },
    });
    // DUA from 1 in August to 12: more than 3× last month, the same warning as a file, told at the cell.
    expect(body.warnings.map((w: { row: number; column: string; code: string }) => [w.row, w.column, w.code])).toEqual([
      [2, `${DUA} KIA_K1 (pembilang)`, 'JUMP'],
    ]);
    pkmLoad = body.loadId;
    expect(await k1(MAU)).toMatchObject({ numerator: 5, simulated: false }); // what the map reads
    const grid = await send(who.pkm, 'GET', '/api/impor/isian?periode=2026-09&puskesmas=PM1&indikator=KIA_K1,SPM11_TB');
    expect(grid.body.cells).toEqual([
      { kode: MAU, indicator: 'KIA_K1', numerator: 5, denominator: null, simulated: false },
      { kode: DUA, indicator: 'KIA_K1', numerator: 12, denominator: null, simulated: false },
      { kode: DUA, indicator: 'SPM11_TB', numerator: 3, denominator: 4, simulated: false },
    ]);
    const history = await send(who.pkm, 'GET', '/api/impor?limit=5');
    expectSchema(LoadListSchema, history.body);
    expect(history.body[0]).toMatchObject({
      id: pkmLoad,
      kind: 'import',
      oleh: who.pkm.username,
      fileName: 'isian-PM1-2026-09.json',
    });
  });

  it('a cell someone else changed since its base is a 409 with both values; nothing is overwritten', async () => {
    const admin = await save(ctx.admin, [cell(MAU, 'KIA_K1', '7', 5)], '99.01.01');
    expect(admin.status).toBe(200);
    adminLoad = admin.body.loadId;
    // The puskesmas still shows 5 (its base) and types 9 for Ma'u, 13 for Dua (unchanged since its base, 12).
    const { status, body } = await save(who.pkm, [cell(MAU, 'KIA_K1', '9', 5), cell(DUA, 'KIA_K1', '13', 12)]);
    expect(status).toBe(409);
    expectSchema(GridConflictErrorSchema, body);
    expect(body).toMatchObject({ code: 'GRID_CONFLICT' });
    expect(body.conflicts).toEqual([
      {
        kode: MAU,
        indicator: 'KIA_K1',
        period: '2026-09',
        base: { numerator: 5, denominator: null },
        current: { numerator: 7, denominator: null, loadId: adminLoad, oleh: ctx.admin.username },
        mine: { numerator: 9, denominator: null },
      },
    ]);
    const grid = await send(who.pkm, 'GET', '/api/impor/isian?periode=2026-09&puskesmas=PM1&indikator=KIA_K1');
    expect(grid.body.cells.map((c: { numerator: number }) => c.numerator)).toEqual([7, 12]);
  });

  it('a save sent again after its answer was lost is no conflict: the cells already hold it', async () => {
    const { status, body } = await save(ctx.admin, [cell(MAU, 'KIA_K1', '7', 5)], '99.01.01');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'unchanged', loadId: null });
  });

  it('refuses a desa outside the puskesmas wilayah kerja (403), the whole save', async () => {
    const { status, body } = await save(who.pkm, [cell(DUA, 'KIA_K1', '4', 12), cell(TIGA, 'KIA_K1', '4', 1)]);
    expect(status).toBe(403);
    expect(body.code).toBe('OUT_OF_SCOPE');
    expect(body.message).toContain(TIGA);
    const grid = await send(who.pkm, 'GET', '/api/impor/isian?periode=2026-09&puskesmas=PM1&indikator=KIA_K1');
    expect(grid.body.cells.map((c: { numerator: number }) => c.numerator)).toEqual([7, 12]);
  });

  it('undo restores exactly the values before, simulated again', async () => {
    expect((await send(ctx.admin, 'POST', `/api/impor/${adminLoad}/batalkan`)).status).toBe(200);
    expect((await send(who.pkm, 'POST', `/api/impor/${pkmLoad}/batalkan`)).status).toBe(200);
    const grid = await send(who.pkm, 'GET', '/api/impor/isian?periode=2026-09&puskesmas=PM1&indikator=KIA_K1,SPM11_TB');
    expect(grid.body.cells).toEqual([
      { kode: MAU, indicator: 'KIA_K1', numerator: 3, denominator: null, simulated: true },
      { kode: DUA, indicator: 'KIA_K1', numerator: 2, denominator: null, simulated: true },
    ]);
  });
});
