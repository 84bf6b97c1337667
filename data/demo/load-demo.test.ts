// The demo loader writes per-cell provenance (every month: its load, simulated), and a regenerated demo (another
// seed or region) never touches imported real cells.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { openTestDatabase, longCsv, rollupMismatches } from '@peta/server-core/testing';
import { runImport } from '@peta/server-core';
import { ensureDemoData } from './load-demo.ts';

let database: Database;
let close: () => Promise<void>;
const q = async (sql: string, params: unknown[] = []) => (await database.pool.query(sql, params)).rows;

beforeAll(async () => {
  ({ database, close } = await openTestDatabase());
  await q(`delete from wilayah`);
  await q(`insert into wilayah (kode, nama, tingkat, parent_kode) values ('12', 'Sumatera Utara', 'provinsi', null),
    ('12.10', 'Labuhanbatu', 'kabupaten', '12'), ('12.10.09', 'Bilah Hulu', 'kecamatan', '12.10'),
    ('12.10.09.2001', 'Desa A', 'desa', '12.10.09'), ('12.10.09.2002', 'Desa B', 'desa', '12.10.09')`);
}, 120_000);
afterAll(async () => {
  await close?.();
});

describe('ensureDemoData', () => {
  it('marks every month of every demo row with its load and as simulated', async () => {
    const demo = await ensureDemoData(database);
    expect(demo.skipped).toBe(false);
    expect(
      await q(
        `select count(*)::int n from indicator_value
      where month_load_ids <> array_fill($1::int, array[12]) or month_simulated <> array_fill(true, array[12])`,
        [demo.loadId],
      ),
    ).toEqual([{ n: 0 }]);
    expect((await q('select count(*)::int n from indicator_value'))[0].n).toBe(demo.valueRows);
    // The roll-ups added up while the rows streamed into the COPY equal those recomputed from the stored desa rows.
    expect((await q('select count(*)::int n from value_rollup'))[0].n).toBeGreaterThan(0);
    expect(await rollupMismatches(database)).toEqual([]);
  });

  it('keeps imported cells and sasaran when the demo is generated again with another seed', async () => {
    const imported = await runImport(database, {
      bytes: longCsv([['12.10.09.2001', '2026-10', 'KIA_K4', 77]]),
      fileName: 'nyata.csv',
      oleh: 'x',
      today: { year: 2026, month: 11 },
    });
    expect(imported.status).toBe('imported');
    await runImport(database, {
      bytes: new TextEncoder().encode(
        'kode_wilayah,tahun,sasaran,jumlah,sumber\n12.10.09.2001,2026,bumil,44,register\n',
      ),
      fileName: 's.csv',
      oleh: 'x',
      today: { year: 2026, month: 11 },
    });
    const again = await ensureDemoData(database, { seed: 'seed-lain' });
    expect(again.skipped).toBe(false);
    const [row] = await q(
      `select numerators, month_load_ids, month_simulated from indicator_value where indicator = 'KIA_K4' and kode = '12.10.09.2001' and year = 2026`,
    );
    // Only the real cell is left in that row: no simulated number is mixed into a desa × indicator × year with real data.
    expect(row.numerators).toEqual([null, null, null, null, null, null, null, null, null, 77, null, null]);
    expect(row.month_load_ids[9]).toBe(imported.loadId);
    expect(row.month_simulated.filter((s: boolean | null) => s !== null)).toEqual([false]);
    expect(
      await q(
        `select value, simulated from sasaran where kode = '12.10.09.2001' and year = 2026 and "group" = 'bumil'`,
      ),
    ).toEqual([{ value: 44, simulated: false }]);
    // Rebuilt from the table when real cells were kept.
    expect(await rollupMismatches(database)).toEqual([]);
    // The other desa got the new seed's simulated rows.
    expect(
      (
        await q(`select count(*)::int n from indicator_value where kode = '12.10.09.2002' and month_load_ids[1] = $1`, [
          again.loadId,
        ])
      )[0].n,
    ).toBeGreaterThan(0);
  });
});
