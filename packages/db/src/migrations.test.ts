// Migrations that move data, each on a database made before it: 0003 gives existing demo rows per-cell provenance from
// their row's load; 0012 moves the per-cell value history into one row per load × desa × year, every cell kept;
// 0013 drops the roll-up triangles no period rule reads and writes the roll-ups back by year; 0015 changes only how new
// boundary texts are stored.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from './client.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

/** The migrations as they were before the one whose tag starts with `tag`, in a temporary folder. */
function migrationsBefore(tag: string): string {
  const before = mkdtempSync(join(tmpdir(), 'peta-migrations-'));
  cpSync(migrationsFolder, before, { recursive: true });
  const journal = JSON.parse(readFileSync(join(before, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < tag);
  writeFileSync(join(before, 'meta/_journal.json'), JSON.stringify(journal));
  return before;
}

describe('migrations that move data', () => {
  let server: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    server = await createTestDatabase();
    pool = new pg.Pool({ connectionString: server.url });
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await new Promise((ok) => setTimeout(ok, 100));
    await server?.drop();
  });

  it('0003 fills month_load_ids and month_simulated from load_id and simulated of existing rows', async () => {
    await pool.query('drop schema public cascade; drop schema if exists drizzle cascade; create schema public');
    await migrate(drizzle(pool), { migrationsFolder: migrationsBefore('0003') });
    await pool.query(`insert into data_load (id, kind, description, simulated) values (7, 'demo', 'lama', true)`);
    await pool.query(`insert into indicator_value (indicator, kode, year, numerators, simulated, load_id)
      values ('KIA_K4', '12.10.09.2001', 2026, '{1,2,NULL,4,5,6,7,8,9,10,NULL,NULL}', true, 7)`);

    await migrate(drizzle(pool), { migrationsFolder });
    const { rows } = await pool.query(`select numerators, month_load_ids, month_simulated from indicator_value`);
    expect(rows).toEqual([
      {
        numerators: [1, 2, null, 4, 5, 6, 7, 8, 9, 10, null, null],
        month_load_ids: Array(12).fill(7),
        month_simulated: Array(12).fill(true),
      },
    ]);
    const {
      rows: [load],
    } = await pool.query(`select kind, status, target, added from data_load where id = 7`);
    expect(load).toEqual({ kind: 'demo', status: 'done', target: 'nilai+sasaran', added: 0 });
  });

  it('0012 moves every cell of the per-cell value history into one row per load × desa × year', async () => {
    await pool.query('drop schema public cascade; drop schema if exists drizzle cascade; create schema public');
    await migrate(drizzle(pool), { migrationsFolder: migrationsBefore('0012') });
    await pool.query(`insert into data_load (id, kind, description, simulated)
      values (3, 'import', 'a', false), (4, 'import', 'b', false)`);
    // Load 3 added two cells of one desa-year and changed one of another year; load 4 changed a cell load 3 wrote
    // (with a counted denominator) and one of another desa.
    await pool.query(`insert into indicator_value_change (load_id, indicator, kode, year, month, old_numerator,
        old_denominator, old_load_id, old_simulated, new_numerator, new_denominator) values
      (3, 'KIA_K4', '12.10.09.2001', 2026, 2, null, null, null, null, 5, null),
      (3, 'IMUN_IDL', '12.10.09.2001', 2026, 1, null, null, null, null, 7, null),
      (3, 'KIA_K4', '12.10.09.2001', 2025, 12, 9, null, 1, true, 10, null),
      (4, 'GIZI_STUNTING', '12.10.09.2001', 2026, 3, 2, 40, 3, false, 3, 41),
      (4, 'KIA_K4', '12.10.09.2002', 2026, 3, 4, null, 1, true, 6, null)`);
    await pool.query(`insert into indicator_value_change (load_id, indicator, kode, year, month, new_numerator)
      values (4, 'KIA_K4', '12.10.09.2001', 2026, 2, 8)`);

    await migrate(drizzle(pool), { migrationsFolder });
    const { rows } = await pool.query(`select load_id, kode, year, indicators, months, old_numerators, old_denominators,
        old_load_ids, old_simulated_flags, new_numerators, new_denominators
      from indicator_value_history order by load_id, kode, year`);
    const row = (loadId: number, kode: string, year: number, cells: unknown[][]) => ({
      load_id: loadId,
      kode,
      year,
      indicators: cells.map((c) => c[0]),
      months: cells.map((c) => c[1]),
      old_numerators: cells.map((c) => c[2]),
      old_denominators: cells.map((c) => c[3]),
      old_load_ids: cells.map((c) => c[4]),
      old_simulated_flags: cells.map((c) => c[5]),
      new_numerators: cells.map((c) => c[6]),
      new_denominators: cells.map((c) => c[7]),
    });
    expect(rows).toEqual([
      row(3, '12.10.09.2001', 2025, [['KIA_K4', 12, 9, null, 1, true, 10, null]]),
      row(3, '12.10.09.2001', 2026, [
        ['IMUN_IDL', 1, null, null, null, null, 7, null],
        ['KIA_K4', 2, null, null, null, null, 5, null],
      ]),
      row(4, '12.10.09.2001', 2026, [
        ['GIZI_STUNTING', 3, 2, 40, 3, false, 3, 41],
        ['KIA_K4', 2, null, null, null, null, 8, null],
      ]),
      row(4, '12.10.09.2002', 2026, [['KIA_K4', 3, 4, null, 1, true, 6, null]]),
    ]);
    const { rows: tables } = await pool.query(`select to_regclass('indicator_value_change') as old`);
    expect(tables).toEqual([{ old: null }]);
    // The foreign key holds: history no load explains is refused.
    await expect(
      pool.query(`insert into indicator_value_history values (99, '12.10.09.2001', 2026, '{KIA_K4}', '{1}', '{NULL}',
        '{NULL}', '{NULL}', '{NULL}', '{1}', '{NULL}')`),
    ).rejects.toThrow(/foreign key/);
  });

  it('0013 keeps the triangles the period rule reads, sets the others to NULL and writes the rows by year', async () => {
    await pool.query('drop schema public cascade; drop schema if exists drizzle cascade; create schema public');
    await migrate(drizzle(pool), { migrationsFolder: migrationsBefore('0013') });
    const twelve = `'{${Array(12).fill(1).join(',')}}'`;
    const triangle = (x: number) => `'{${Array(78).fill(x).join(',')}}'`;
    // A 'point' indicator (both triangles read), an annual sasaran denominator (last_den only), a counted ytd_cum and a
    // monthly one (neither); then a row of another year, written last.
    const rows: [string, number, number][] = [
      ['GZ_STUNTING', 2026, 1],
      ['KIA_K4', 2026, 2],
      ['SPM11_TB', 2026, 3],
      ['GZ_DS', 2026, 4],
      ['KIA_K4', 2025, 5],
    ];
    for (const [indicator, year, n] of rows)
      await pool.query(`insert into value_rollup (indicator, year, kode, num, den, reports, reports_with_den, simulated,
        last_num, last_den, load_id) values ('${indicator}', ${year}, '12.10', ${twelve}, ${twelve}, ${twelve}, ${twelve},
        ${twelve}, ${triangle(n)}, ${triangle(n + 0.5)}, 7)`);

    await migrate(drizzle(pool), { migrationsFolder });
    const years = await pool.query('select year from value_rollup order by ctid');
    expect(years.rows.map((r) => r.year)).toEqual([2025, 2026, 2026, 2026, 2026]);
    const { rows: after } = await pool.query(
      `select indicator, num, last_num[1] as n, cardinality(last_num) as nn, last_den[78] as d, cardinality(last_den) as dn
       from value_rollup where year = 2026 order by indicator`,
    );
    const ones = Array(12).fill(1);
    expect(after).toEqual([
      { indicator: 'GZ_DS', num: ones, n: null, nn: null, d: null, dn: null },
      { indicator: 'GZ_STUNTING', num: ones, n: 1, nn: 78, d: 1.5, dn: 78 },
      { indicator: 'KIA_K4', num: ones, n: null, nn: null, d: 2.5, dn: 78 },
      { indicator: 'SPM11_TB', num: ones, n: null, nn: null, d: null, dn: null },
    ]);
  });

  it('0015 stores new boundary texts uncompressed and keeps the compressed ones of earlier imports readable', async () => {
    await pool.query('drop schema public cascade; drop schema if exists drizzle cascade; create schema public');
    await migrate(drizzle(pool), { migrationsFolder: migrationsBefore('0015') });
    const text = (n: number) =>
      `{"type":"Polygon","coordinates":[[${Array.from({ length: n }, (_, i) => `[${i},${i}]`)}]]}`;
    await pool.query(
      `insert into wilayah (kode, nama, tingkat) values ('11', 'Aceh', 'provinsi'), ('12', 'Sumatera Utara', 'provinsi')`,
    );
    await pool.query(
      `insert into boundary_import (source, desa_provinsi, geometry_version, report) values ('uji', '', 'v', '{}')`,
    );
    const insert = `insert into wilayah_geometry (kode, geojson, vertex_count, origin, import_id) values ($1, $2, 3000, 'upstream', 1)`;
    await pool.query(insert, ['11', text(3000)]);

    await migrate(drizzle(pool), { migrationsFolder });
    await pool.query(insert, ['12', text(3000)]);
    const { rows } = await pool.query(
      `select kode, pg_column_compression(geojson) compression, geojson = $1 same from wilayah_geometry order by kode`,
      [text(3000)],
    );
    expect(rows).toEqual([
      { kode: '11', compression: 'pglz', same: true },
      { kode: '12', compression: null, same: true },
    ]);
    const storage = await pool.query(
      `select attname, attstorage from pg_attribute
        where (attrelid, attname) in (('wilayah_geometry'::regclass, 'geojson'), ('boundary_tile'::regclass, 'data')) order by attname`,
    );
    expect(storage.rows).toEqual([
      { attname: 'data', attstorage: 'e' },
      { attname: 'geojson', attstorage: 'e' },
    ]);
  });
});
