// The first start generates the demo in a worker beside the boundary import, for the desa it expects; the demo is kept
// only when the import produced exactly those desa, else rolled back and generated for the desa the database holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { openTestDatabase, rollupMismatches } from '@peta/server-core/testing';
import { startDemoBeside } from './demo-beside-boundaries.ts';
import { generateDemoData } from './load-demo.ts';

let database: Database;
let close: () => Promise<void>;
const q = async (sql: string, params: unknown[] = []) => (await database.pool.query(sql, params)).rows;
const DESA = ['12.10.09.2001', '12.10.09.2002'];

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

/** Every stored value row, in a fixed order, to compare two loads of the same desa and seed. */
const valueRows = () =>
  q(`select indicator, kode, year, numerators, denominators from indicator_value order by indicator, kode, year`);

describe('startDemoBeside', () => {
  it('keeps the demo made for the expected desa when the database holds exactly those', async () => {
    const beside = startDemoBeside(database, [...DESA].reverse(), { seed: 'beside-1' });
    const demo = await beside.finish();
    expect(demo.besideBoundaries).toBe(true);
    expect(demo.desa).toBe(2);
    expect((await q('select count(*)::int n from indicator_value'))[0].n).toBe(demo.valueRows);
    expect(await rollupMismatches(database)).toEqual([]);
    // The same rows as generating it after the import, in this thread.
    const inWorker = await valueRows();
    await generateDemoData(database, DESA, 'beside-1');
    expect(await valueRows()).toEqual(inWorker);
  });

  it('rolls the demo back when the import produced other desa, and makes it for the desa the database holds', async () => {
    const beside = startDemoBeside(database, [...DESA, '12.10.09.2003'], { seed: 'beside-2' });
    const demo = await beside.finish();
    expect(demo.besideBoundaries).toBeUndefined();
    expect(demo.desa).toBe(2);
    expect((await q(`select count(*)::int n from indicator_value where kode = '12.10.09.2003'`))[0].n).toBe(0);
    expect(
      await q(`select count(*)::int n from data_load where kind = 'demo' and details->>'seed' = 'beside-2'`),
    ).toEqual([{ n: 1 }]);
    expect(await rollupMismatches(database)).toEqual([]);
  });

  it('writes nothing when the boundary import failed', async () => {
    const before = await q(`select count(*)::int n from data_load`);
    const beside = startDemoBeside(database, DESA, { seed: 'beside-3' });
    await beside.abort();
    expect(await q(`select count(*)::int n from data_load`)).toEqual(before);
  });
});
