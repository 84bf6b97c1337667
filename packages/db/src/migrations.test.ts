// Migration 0003 on a database made before it: existing demo rows get per-cell provenance from their row's load.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from './client.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

describe('migration 0003_import_provenance', () => {
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

  it('fills month_load_ids and month_simulated from load_id and simulated of existing rows', async () => {
    // The migrations as they were before 0003.
    const before = mkdtempSync(join(tmpdir(), 'peta-migrations-'));
    cpSync(migrationsFolder, before, { recursive: true });
    const journal = JSON.parse(readFileSync(join(before, 'meta/_journal.json'), 'utf8'));
    journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0003');
    writeFileSync(join(before, 'meta/_journal.json'), JSON.stringify(journal));
    await migrate(drizzle(pool), { migrationsFolder: before });
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
});
