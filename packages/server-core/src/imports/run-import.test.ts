// Imports into a real PostgreSQL: one transaction per import, idempotent, history of every changed cell, undo that
// restores exactly, serialised concurrent imports. The tiny wilayah 99 (see test-database.ts); "today" 2026-11.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Database } from '@peta/db';
import { getIndicator, INDICATORS } from '@peta/domain';
import { HISTORY_CELLS_SQL } from './indicator-values-repository.ts';
import { runImport } from './run-import.ts';
import { buildTemplate, desaOf } from './template.ts';
import { UndoError, undoImport } from './undo-import.ts';
import {
  addSimulatedRow,
  longCsv,
  openTestDatabase,
  rollupMismatches,
  sasaranRows,
  TINY_DESA,
  valueRows,
} from '../testing/test-database.ts';

const today = { year: 2026, month: 11 };
let database: Database;
let close: () => Promise<void>;
const q = async (sql: string, params: unknown[] = []) => (await database.pool.query(sql, params)).rows;
/** Simulated sasaran (a demo load, id 900) for the tests of warnings against sasaran: [kode, group, value] for 2026. */
async function addSimulatedSasaran(rows: [kode: string, group: string, value: number][]) {
  await q(`insert into data_load (id, kind, description, simulated) values (900, 'demo', 'uji', true)`);
  await q(
    `insert into sasaran (kode, year, "group", value, kind, method, simulated, load_id)
    select k, 2026, g, v, 'register', 'uji', true, 900 from unnest($1::text[], $2::text[], $3::float8[]) as u(k, g, v)`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
  );
}

const importCsv = (rows: (string | number | null)[][], extra: { dryRun?: boolean; oleh?: string } = {}) =>
  runImport(database, {
    bytes: longCsv(rows),
    fileName: 'uji.csv',
    oleh: extra.oleh ?? 'tester',
    dryRun: extra.dryRun,
    today,
  });

beforeAll(async () => {
  ({ database, close } = await openTestDatabase());
}, 120_000);
afterAll(async () => {
  await close?.();
});
beforeEach(async () => {
  await q(
    'delete from indicator_value_history; delete from sasaran_change; delete from indicator_value; delete from sasaran; delete from import_preview; delete from data_load',
  );
});

describe('template round trip', () => {
  it('downloads the template for a kecamatan, filled in Excel, imports as real cells', async () => {
    const template = await buildTemplate(
      {
        wilayah: { kode: '99.01.01', nama: 'Kecamatan Satu' },
        period: { year: 2026, month: 10 },
        indicators: [getIndicator('KIA_K4')!, getIndicator('SPM11_TB')!],
        format: 'xlsx',
      },
      await desaOf(database, '99.01.01'),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.bytes as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(6).values).toEqual([
      undefined,
      'kode_wilayah',
      'nama_desa',
      'KIA_K4',
      'SPM11_TB',
      'SPM11_TB (penyebut)',
    ]);
    expect([ws.getCell('A7').value, ws.getCell('B7').value, ws.getCell('A8').value]).toEqual([
      '99.01.01.2001',
      "Desa Ma'u",
      '99.01.01.2002',
    ]);
    ws.getCell('C7').value = 9; // K4 for desa 2001
    ws.getCell('D8').value = 2; // TB examined, desa 2002
    ws.getCell('E8').value = 3; // TB presumptive
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());

    const outcome = await runImport(database, { bytes: filled, fileName: template.fileName, oleh: 'bidan', today });
    // Three filled cells are two desa × indicator × month cells (TB pembilang + penyebut are one).
    expect(outcome).toMatchObject({
      status: 'imported',
      format: 'template',
      target: 'nilai',
      counts: { added: 2, changed: 0, unchanged: 0 },
      errors: [],
      template: { wilayah: '99.01.01', period: '2026-10' },
    });
    const rows = await valueRows(database);
    const october = (r: { numerators: unknown[] }) => r.numerators[9];
    expect(
      rows.map((r) => [
        r.indicator,
        r.kode,
        october(r),
        r.denominators?.[9] ?? null,
        r.month_load_ids[9],
        r.month_simulated[9],
      ]),
    ).toEqual([
      ['KIA_K4', '99.01.01.2001', 9, null, outcome.loadId, false],
      ['SPM11_TB', '99.01.01.2002', 2, 3, outcome.loadId, false],
    ]);
    expect(rows[0]!.numerators.filter((n: number | null) => n !== null)).toHaveLength(1);
    expect(await q(`select kind, oleh, file_name, added, changed, unchanged, status from data_load`)).toEqual([
      {
        kind: 'import',
        oleh: 'bidan',
        file_name: template.fileName,
        added: 2,
        changed: 0,
        unchanged: 0,
        status: 'done',
      },
    ]);
  });

  it('the CSV template reads back the same way', async () => {
    const template = await buildTemplate(
      {
        wilayah: { kode: '99.01.02', nama: 'Kecamatan Dua' },
        period: { year: 2026, month: 9 },
        indicators: [getIndicator('KIA_K1')!],
        format: 'csv',
      },
      await desaOf(database, '99.01.02'),
    );
    const text = template.bytes.toString('utf8').replace('99.01.02.2001,Desa Tiga', '99.01.02.2001,Desa Tiga,4');
    const outcome = await runImport(database, {
      bytes: Buffer.from(text),
      fileName: template.fileName,
      oleh: 'x',
      today,
    });
    expect(outcome).toMatchObject({ status: 'imported', counts: { added: 1, changed: 0, unchanged: 0 } });
  });
});

describe('semantics', () => {
  it('samples the first 20 changed cells of the file, wherever in the file the changes lie', async () => {
    // 400 cells: 4 desa × 10 indicators × 10 months. The sample comes with the warnings' pass when the changed cells
    // are spread (every other one: 90 of them before its bound, place 180); when they all lie at the end (from place
    // 200), past that bound, from a pass of its own.
    const codes = INDICATORS.filter((d) => d.periodKind !== 'annual')
      .slice(0, 10)
      .map((d) => d.code);
    const cells = TINY_DESA.flatMap((kode) =>
      codes.flatMap((code) => Array.from({ length: 10 }, (_, i) => ({ kode, code, month: i + 1 }))),
    );
    const counted = (code: string) => getIndicator(code)!.denominator.kind === 'counted';
    const file = (value: (n: number) => number) =>
      cells.map((c, n) => [
        c.kode,
        `2026-${String(c.month).padStart(2, '0')}`,
        c.code,
        value(n),
        counted(c.code) ? value(n) + 5 : null,
      ]);
    expect(await importCsv(file(() => 1))).toMatchObject({
      errors: [],
      counts: { added: 400, changed: 0, unchanged: 0 },
    });
    for (const changed of [(n: number) => n % 2 === 1, (n: number) => n >= 200]) {
      const outcome = await importCsv(
        file((n) => (changed(n) ? 2 : 1)),
        { dryRun: true },
      );
      expect(outcome.counts).toEqual({ added: 0, changed: 200, unchanged: 200 });
      const first = cells.flatMap((c, n) => (changed(n) ? [{ c, n }] : [])).slice(0, 20);
      expect(outcome.sample).toEqual(
        first.map(({ c, n }) => ({
          row: n + 2,
          kode: c.kode,
          indicator: c.code,
          period: `2026-${String(c.month).padStart(2, '0')}`,
          change: 'changed',
          old: {
            numerator: 1,
            denominator: counted(c.code) ? 6 : null,
            simulated: false,
          },
          new: { numerator: 2, denominator: counted(c.code) ? 7 : null },
        })),
      );
    }
  });

  it('preview (dry run) writes nothing', async () => {
    const outcome = await importCsv([['99.01.01.2001', '2026-10', 'KIA_K4', 5]], { dryRun: true });
    expect(outcome).toMatchObject({ status: 'preview', counts: { added: 1, changed: 0, unchanged: 0 }, loadId: null });
    expect(outcome.sample).toEqual([
      {
        row: 2,
        kode: '99.01.01.2001',
        indicator: 'KIA_K4',
        period: '2026-10',
        change: 'added',
        old: null,
        new: { numerator: 5, denominator: null },
      },
    ]);
    expect(await valueRows(database)).toEqual([]);
    expect(await q('select * from data_load')).toEqual([]);
  });

  it('is idempotent: the same file again changes nothing and says so', async () => {
    const file = [
      ['99.01.01.2001', '2026-10', 'KIA_K4', 5],
      ['99.01.01.2002', '2026-10', 'KIA_K4', 6],
    ];
    expect((await importCsv(file)).status).toBe('imported');
    const before = await valueRows(database);
    const again = await importCsv(file);
    expect(again).toMatchObject({
      status: 'unchanged',
      counts: { added: 0, changed: 0, unchanged: 2 },
      loadId: null,
      message: 'Tidak ada perubahan: 2 sel sudah sama dengan data tersimpan.',
    });
    expect(await valueRows(database)).toEqual(before);
    expect(await q('select count(*)::int n from data_load')).toEqual([{ n: 1 }]);
  });

  it('replaces simulated cells, which become real, and keeps the old values in history', async () => {
    const demo = await addSimulatedRow(database, 'KIA_K4', '99.01.01.2001', 2026, 4);
    const first = await importCsv([
      ['99.01.01.2001', '2026-10', 'KIA_K4', 4],
      ['99.01.01.2001', '2026-09', 'KIA_K4', 7],
    ]);
    // The same number on a simulated cell is a change: it becomes real.
    expect(first.counts).toEqual({ added: 0, changed: 2, unchanged: 0 });
    const second = await importCsv([['99.01.01.2001', '2026-10', 'KIA_K4', 8]]);
    expect(second.counts).toEqual({ added: 0, changed: 1, unchanged: 0 });
    const [row] = await valueRows(database);
    expect(row.numerators).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 7, 8, 4, 4]);
    expect(row.month_load_ids).toEqual([
      demo,
      demo,
      demo,
      demo,
      demo,
      demo,
      demo,
      demo,
      first.loadId,
      second.loadId,
      demo,
      demo,
    ]);
    expect(row.month_simulated).toEqual([true, true, true, true, true, true, true, true, false, false, true, true]);
    expect(
      await q(
        `select load_id, month, old_numerator, old_load_id, old_simulated, new_numerator from ${HISTORY_CELLS_SQL} order by load_id, month`,
      ),
    ).toEqual([
      { load_id: first.loadId, month: 9, old_numerator: 4, old_load_id: demo, old_simulated: true, new_numerator: 7 },
      { load_id: first.loadId, month: 10, old_numerator: 4, old_load_id: demo, old_simulated: true, new_numerator: 4 },
      {
        load_id: second.loadId,
        month: 10,
        old_numerator: 4,
        old_load_id: first.loadId,
        old_simulated: false,
        new_numerator: 8,
      },
    ]);
  });

  it('warns about a jump above 3× last month and a cumulative numerator above its sasaran, and imports them', async () => {
    await addSimulatedSasaran([['99.01.01.2001', 'bumil', 30]]);
    const outcome = await importCsv([
      ['99.01.01.2001', '2026-01', 'KIA_K4', 4],
      ['99.01.01.2001', '2026-02', 'KIA_K4', 13],
      ['99.01.01.2001', '2026-03', 'KIA_K4', 20],
    ]);
    expect(outcome.status).toBe('imported');
    expect(outcome.warnings.map((w) => [w.row, w.column, w.code])).toEqual([
      [3, 'pembilang', 'JUMP'],
      [4, 'pembilang', 'ABOVE_SASARAN'],
    ]);
    expect(outcome.warnings[1]!.message).toBe(
      'KIA_K4 99.01.01.2001 2026-03: jumlah Januari s.d. bulan ini 37 melebihi sasaran bumil 30.',
    );
    expect((await q('select warnings from data_load where id = $1', [outcome.loadId]))[0].warnings).toHaveLength(2);
  });

  it('judges jumps and sasaran against the stored months too: December of the year before, a month not in the file, once per row', async () => {
    // Stored: 4 in every month of 2025 and 2026 (simulated); sasaran bumil 40 and balita 10 for 2026.
    await addSimulatedRow(database, 'KIA_K4', '99.01.01.2001', 2025, 4);
    await addSimulatedRow(database, 'KIA_K4', '99.01.01.2001', 2026, 4);
    await addSimulatedRow(database, 'GZ_DS', '99.01.01.2002', 2026, 4);
    await addSimulatedSasaran([
      ['99.01.01.2001', 'bumil', 40],
      ['99.01.01.2002', 'balita_0_59', 10],
    ]);
    const outcome = await importCsv([
      ['99.01.01.2001', '2026-01', 'KIA_K4', 13], // row 2: > 3 × December 2025 (stored 4): jump; Jan = 13 ≤ 40
      ['99.01.01.2001', '2026-05', 'KIA_K4', 12], // row 3: 12 = 3 × April (stored 4): no jump; 13 + 4×3 + 12 = 37
      ['99.01.01.2001', '2026-06', 'KIA_K4', 9], // row 4: January..June 46 > 40: above, once for the row
      ['99.01.01.2001', '2026-07', 'KIA_K4', 4], // row 5: still above (50), not warned again
      ['99.01.01.2002', '2026-03', 'GZ_DS', 11], // row 6: the month alone (monthly ratio) 11 > 10: above
      ['99.01.01.2002', '2026-04', 'GZ_DS', 40], // row 7: > 3 × March as imported (11): jump; above, row warned already
    ]);
    expect(outcome.status).toBe('imported');
    expect(outcome.warnings.map((w) => [w.row, w.code])).toEqual([
      [2, 'JUMP'],
      [4, 'ABOVE_SASARAN'],
      [6, 'ABOVE_SASARAN'],
      [7, 'JUMP'],
    ]);
    expect(outcome.warnings.map((w) => w.message)).toEqual([
      'KIA_K4 99.01.01.2001 2026-01: 13, lebih dari 3× bulan sebelumnya (4).',
      'KIA_K4 99.01.01.2001 2026-06: jumlah Januari s.d. bulan ini 46 melebihi sasaran bumil 40.',
      'GZ_DS 99.01.01.2002 2026-03: pembilang 11 melebihi sasaran balita_0_59 10.',
      'GZ_DS 99.01.01.2002 2026-04: 40, lebih dari 3× bulan sebelumnya (11).',
    ]);
    expect(outcome.counts).toEqual({ added: 0, changed: 6, unchanged: 0 });
  });

  it('says both warnings of a cell that jumps and is above its sasaran, for every such cell', async () => {
    // Every cell of the file is both: more warnings than warned cells (the list is sized for two per cell).
    for (const kode of ['99.01.01.2001', '99.01.01.2002']) await addSimulatedRow(database, 'GZ_DS', kode, 2026, 2);
    await addSimulatedSasaran([
      ['99.01.01.2001', 'balita_0_59', 10],
      ['99.01.01.2002', 'balita_0_59', 10],
    ]);
    const outcome = await importCsv([
      ['99.01.01.2002', '2026-04', 'GZ_DS', 40],
      ['99.01.01.2001', '2026-04', 'GZ_DS', 40],
    ]);
    expect(outcome.warnings.map((w) => [w.row, w.code])).toEqual([
      [2, 'JUMP'],
      [2, 'ABOVE_SASARAN'],
      [3, 'JUMP'],
      [3, 'ABOVE_SASARAN'],
    ]);
    expect((await q('select details from data_load where id = $1', [outcome.loadId]))[0].details.warningCount).toBe(4);
  });

  it("judges January against the file's December of the year before when the file holds it", async () => {
    await addSimulatedRow(database, 'KIA_K4', '99.01.01.2001', 2025, 1);
    const outcome = await importCsv([
      ['99.01.01.2001', '2026-01', 'KIA_K4', 13], // row 2: > 3 × December 2025 of the file (4), not the stored 1
      ['99.01.01.2001', '2025-12', 'KIA_K4', 4], // row 3: below the minimum of a jump (10)
      ['99.01.01.2002', '2026-01', 'KIA_K4', 40], // row 4: no December before, stored or in the file: no jump
    ]);
    expect(outcome.warnings.map((w) => [w.row, w.code, w.message])).toEqual([
      [2, 'JUMP', 'KIA_K4 99.01.01.2001 2026-01: 13, lebih dari 3× bulan sebelumnya (4).'],
    ]);
    expect(outcome.counts).toEqual({ added: 2, changed: 1, unchanged: 0 });
  });

  it('refuses a whole file with any error and writes nothing', async () => {
    const outcome = await importCsv([
      ['99.01.01.2001', '2026-10', 'KIA_K4', 5],
      ['99.01.01.2001', '2026-09', 'KIA_K4', 'x'],
    ]);
    expect(outcome.status).toBe('invalid');
    expect(outcome.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'pembilang', 'VALUE_NOT_NUMBER']]);
    expect(await valueRows(database)).toEqual([]);
  });

  it('imports sasaran, replacing a simulated one, with history', async () => {
    await q(`insert into data_load (id, kind, description, simulated) values (901, 'demo', 'uji', true)`);
    await q(
      `insert into sasaran (kode, year, "group", value, kind, method, simulated, load_id) values ('99.01.01.2001', 2026, 'bumil', 30.5, 'estimate', 'demo', true, 901)`,
    );
    const bytes = new TextEncoder().encode(
      'kode_wilayah,tahun,sasaran,jumlah,sumber\n99.01.01.2001,2026,bumil,42,register kohort\n99.01.01.2002,2026,bumil,18,register kohort\n',
    );
    const outcome = await runImport(database, { bytes, fileName: 'sasaran.csv', oleh: 'x', today });
    expect(outcome).toMatchObject({
      status: 'imported',
      target: 'sasaran',
      counts: { added: 1, changed: 1, unchanged: 0 },
    });
    expect(
      (await sasaranRows(database)).map((r) => [r.kode, r.value, r.kind, r.method, r.simulated, r.load_id]),
    ).toEqual([
      ['99.01.01.2001', 42, 'register', 'register kohort', false, outcome.loadId],
      ['99.01.01.2002', 18, 'register', 'register kohort', false, outcome.loadId],
    ]);
    expect(await q('select kode, old_value, old_load_id, new_value from sasaran_change order by kode')).toEqual([
      { kode: '99.01.01.2001', old_value: 30.5, old_load_id: 901, new_value: 42 },
      { kode: '99.01.01.2002', old_value: null, old_load_id: null, new_value: 18 },
    ]);
  });
});

/** A cell of an undo's history: from the undone load's real value back to the one before. */
const row = (
  kode: string,
  indicator: string,
  month: number,
  oldNumerator: number,
  oldLoadId: number,
  newNumerator: number | null,
  newDenominator: number | null,
) => ({
  kode,
  indicator,
  month,
  old_numerator: oldNumerator,
  old_load_id: oldLoadId,
  old_simulated: false,
  new_numerator: newNumerator,
  new_denominator: newDenominator,
});

describe('undo', () => {
  it('restores exactly the rows before the import (values and sasaran) and is recorded as a load', async () => {
    await addSimulatedRow(database, 'KIA_K4', '99.01.01.2001', 2026, 4);
    await q(`insert into data_load (id, kind, description, simulated) values (902, 'demo', 'uji', true)`);
    await q(
      `insert into sasaran (kode, year, "group", value, kind, method, simulated, load_id) values ('99.01.01.2001', 2026, 'bumil', 30.5, 'estimate', 'demo', true, 902)`,
    );
    const valuesBefore = await valueRows(database);
    const sasaranBefore = await sasaranRows(database);
    const values = await importCsv([
      ['99.01.01.2001', '2026-10', 'KIA_K4', 9],
      ['99.01.01.2002', '2026-10', 'KIA_K4', 3],
      ['99.01.01.2002', '2026-10', 'SPM11_TB', 1, 2],
    ]);
    const sasaran = await runImport(database, {
      bytes: new TextEncoder().encode(
        'kode_wilayah,tahun,sasaran,jumlah,sumber\n99.01.01.2001,2026,bumil,42,register\n99.01.01.2002,2026,bumil,18,register\n',
      ),
      fileName: 's.csv',
      oleh: 'x',
      today,
    });
    expect(await valueRows(database)).not.toEqual(valuesBefore);

    const undoSasaran = await undoImport(database, sasaran.loadId!, 'kepala');
    const undoValues = await undoImport(database, values.loadId!, 'kepala');
    expect(undoValues).toMatchObject({ undoneLoadId: values.loadId, restored: 3 });
    expect(await valueRows(database)).toEqual(valuesBefore);
    expect(await sasaranRows(database)).toEqual(sasaranBefore);
    expect(
      await q('select id, kind, status, undone_by, undoes, oleh from data_load where kind <> $1 order by id', ['demo']),
    ).toEqual([
      {
        id: values.loadId,
        kind: 'import',
        status: 'undone',
        undone_by: undoValues.undoLoadId,
        undoes: null,
        oleh: 'tester',
      },
      {
        id: sasaran.loadId,
        kind: 'import',
        status: 'undone',
        undone_by: undoSasaran.undoLoadId,
        undoes: null,
        oleh: 'x',
      },
      {
        id: undoSasaran.undoLoadId,
        kind: 'undo',
        status: 'done',
        undone_by: null,
        undoes: sasaran.loadId,
        oleh: 'kepala',
      },
      {
        id: undoValues.undoLoadId,
        kind: 'undo',
        status: 'done',
        undone_by: null,
        undoes: values.loadId,
        oleh: 'kepala',
      },
    ]);
    // The undo's own history: from the imported value back to the old one.
    expect(
      await q(
        `select kode, month, old_numerator, old_load_id, new_numerator from ${HISTORY_CELLS_SQL} where load_id = $1 order by kode, indicator`,
        [undoValues.undoLoadId],
      ),
    ).toEqual([
      { kode: '99.01.01.2001', month: 10, old_numerator: 9, old_load_id: values.loadId, new_numerator: 4 },
      { kode: '99.01.01.2002', month: 10, old_numerator: 3, old_load_id: values.loadId, new_numerator: null },
      { kode: '99.01.01.2002', month: 10, old_numerator: 1, old_load_id: values.loadId, new_numerator: null },
    ]);
  });

  it('restores cells that did not exist in a row that keeps other months, simulated cells, and the roll-ups', async () => {
    await q('delete from value_rollup');
    await addSimulatedRow(database, 'KIA_K4', '99.01.01.2001', 2026, 4);
    const first = await importCsv([
      ['99.01.01.2001', '2026-01', 'KIA_K4', 5],
      ['99.01.01.2001', '2026-01', 'SPM11_TB', 1, 2],
      ['99.01.01.2001', '2026-02', 'SPM11_TB', 2, 3],
    ]);
    const afterFirst = await valueRows(database);
    const second = await importCsv([
      ['99.01.01.2001', '2026-02', 'KIA_K4', 7],
      ['99.01.01.2001', '2026-02', 'SPM11_TB', 3, 3],
      ['99.01.01.2001', '2026-03', 'SPM11_TB', 1, 1],
      ['99.01.01.2002', '2026-04', 'SPM11_TB', 2, 2],
    ]);
    expect(await rollupMismatches(database, ['KIA_K4', 'SPM11_TB'])).toEqual([]);

    const undo = await undoImport(database, second.loadId!, 'x');
    expect(undo.restored).toBe(4);
    // February of KIA_K4 simulated again; March of SPM11_TB empty again in its row; the row of 2002 gone.
    expect(await valueRows(database)).toEqual(afterFirst);
    expect(await rollupMismatches(database, ['KIA_K4', 'SPM11_TB'])).toEqual([]);
    expect(
      await q(
        `select kode, indicator, month, old_numerator, old_load_id, old_simulated, new_numerator, new_denominator
        from ${HISTORY_CELLS_SQL} where load_id = $1 order by kode, indicator, month`,
        [undo.undoLoadId],
      ),
    ).toEqual([
      row('99.01.01.2001', 'KIA_K4', 2, 7, second.loadId!, 4, null),
      row('99.01.01.2001', 'SPM11_TB', 2, 3, second.loadId!, 2, 3),
      row('99.01.01.2001', 'SPM11_TB', 3, 1, second.loadId!, null, null),
      row('99.01.01.2002', 'SPM11_TB', 4, 2, second.loadId!, null, null),
    ]);

    await undoImport(database, first.loadId!, 'x');
    expect((await valueRows(database)).map((r) => [r.indicator, r.numerators, r.month_simulated])).toEqual([
      ['KIA_K4', Array(12).fill(4), Array(12).fill(true)],
    ]);
    expect(await rollupMismatches(database, ['KIA_K4', 'SPM11_TB'])).toEqual([]);
  });

  it('refuses while a later import changed the same cells, then works once that one is undone', async () => {
    const first = await importCsv([
      ['99.01.01.2001', '2026-10', 'KIA_K4', 5],
      ['99.01.01.2002', '2026-10', 'KIA_K4', 6],
    ]);
    const second = await importCsv([['99.01.01.2001', '2026-10', 'KIA_K4', 7]]);
    const refused = await undoImport(database, first.loadId!, 'x').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UndoError);
    expect(refused).toMatchObject({
      code: 'LATER_CHANGES',
      laterLoads: [second.loadId],
      message: `Impor #${first.loadId} tidak dapat dibatalkan: 1 selnya telah diubah sesudahnya oleh #${second.loadId} (misalnya 99.01.01.2001 KIA_K4 2026-10). Batalkan impor itu dahulu.`,
    });
    await undoImport(database, second.loadId!, 'x');
    await undoImport(database, first.loadId!, 'x');
    expect(await valueRows(database)).toEqual([]);
  });

  it('refuses unknown loads, an undo, a demo load and a second undo', async () => {
    const imported = await importCsv([['99.01.01.2001', '2026-10', 'KIA_K4', 5]]);
    const undo = await undoImport(database, imported.loadId!, 'x');
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: UndoError) => e.code,
      );
    expect(await code(undoImport(database, imported.loadId!, 'x'))).toBe('ALREADY_UNDONE');
    expect(await code(undoImport(database, undo.undoLoadId, 'x'))).toBe('NOT_AN_IMPORT');
    expect(await code(undoImport(database, 999_999, 'x'))).toBe('LOAD_NOT_FOUND');
    const demo = await addSimulatedRow(database, 'KIA_K1', '99.01.01.2001', 2026, 1);
    expect(await code(undoImport(database, demo, 'x'))).toBe('NOT_AN_IMPORT');
  });
});

describe('concurrency', () => {
  it("serialises two imports of the same cells: the second is diffed against the first one's result", async () => {
    const a = longCsv([
      ['99.01.01.2001', '2026-10', 'KIA_K4', 5],
      ['99.01.01.2002', '2026-10', 'KIA_K4', 6],
    ]);
    const b = longCsv([
      ['99.01.01.2001', '2026-10', 'KIA_K4', 7],
      ['99.01.01.2002', '2026-10', 'KIA_K4', 6],
    ]);
    const [ra, rb] = await Promise.all([
      runImport(database, { bytes: a, fileName: 'a.csv', oleh: 'a', today }),
      runImport(database, { bytes: b, fileName: 'b.csv', oleh: 'b', today }),
    ]);
    const [firstOutcome, secondOutcome] = ra.loadId! < rb.loadId! ? [ra, rb] : [rb, ra];
    expect(firstOutcome.counts).toEqual({ added: 2, changed: 0, unchanged: 0 });
    // Whichever came second saw the first one's cells: one changed (5 ↔ 7), one unchanged (6).
    expect(secondOutcome.counts).toEqual({ added: 0, changed: 1, unchanged: 1 });
    const [change] = await q(
      `select old_numerator, old_load_id, new_numerator from ${HISTORY_CELLS_SQL} where load_id = $1`,
      [secondOutcome.loadId],
    );
    expect(change.old_load_id).toBe(firstOutcome.loadId);
    expect([change.old_numerator, change.new_numerator].sort()).toEqual([5, 7]);
    const final = (await valueRows(database)).find((r) => r.kode === '99.01.01.2001')!;
    expect(final.numerators[9]).toBe(change.new_numerator);
  });
});
