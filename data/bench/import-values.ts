// Benchmark: validate and import 100,000 long-format rows (pnpm --filter @peta/data bench:import).
// A throwaway embedded database (or DATABASE_URL's server, in a new database) with 2,500 desa whose cells already
// hold simulated demo values, as on a real first import: every cell is "changed" and gets history.
// Prints: parse + validate, preview (dry run: diff inside the lock, rolled back), import, re-import (unchanged), undo.
import ExcelJS from 'exceljs';
import { openDatabase } from '@peta/db';
import { createTestDatabase } from '@peta/db/testing';
import { parseForImport, runImport, undoImport } from '@peta/server-core';

const DESA = 2_500;
const INDICATORS = ['KIA_K1', 'KIA_K4', 'SPM01_BUMIL', 'IMM_IDL'];
const MONTHS = 10;

const server = await createTestDatabase();
const database = await openDatabase({ databaseUrl: server.url });
const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await work();
  console.log(`${label.padEnd(44)} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return result;
};

try {
  const kodes = Array.from(
    { length: DESA },
    (_, i) => `98.${String(1 + Math.floor(i / 500)).padStart(2, '0')}.01.${2001 + (i % 500)}`,
  );
  await database.pool.query(
    `insert into wilayah (kode, nama, tingkat, parent_kode) values ('98', 'Bench', 'provinsi', null)`,
  );
  await database.pool.query(
    `insert into wilayah (kode, nama, tingkat, parent_kode)
    select distinct left(k, 5), 'Kab', 'kabupaten', '98' from unnest($1::text[]) k union all
    select distinct left(k, 8), 'Kec', 'kecamatan', left(k, 5) from unnest($1::text[]) k union all
    select k, 'Desa ' || k, 'desa', left(k, 8) from unnest($1::text[]) k`,
    [kodes],
  );
  const {
    rows: [demo],
  } = await database.pool.query<{ id: number }>(
    `insert into data_load (kind, description, simulated) values ('demo', 'bench', true) returning id`,
  );
  await database.pool.query(
    `insert into indicator_value (indicator, kode, year, numerators, month_load_ids, month_simulated)
    select i, k, 2026, array_fill(3, array[12]), array_fill($3::int, array[12]), array_fill(true, array[12])
    from unnest($1::text[]) k, unnest($2::text[]) i`,
    [kodes, INDICATORS, demo!.id],
  );

  const lines = ['kode_wilayah,periode,indikator,pembilang,penyebut'];
  for (const kode of kodes)
    for (const indicator of INDICATORS)
      for (let m = 1; m <= MONTHS; m++) {
        lines.push(`${kode},2026-${String(m).padStart(2, '0')},${indicator},${(m * 7 + kode.length) % 40},`);
      }
  const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
  const today = { year: 2026, month: 11 };
  console.log(
    `${lines.length - 1} rows, ${(bytes.length / 1e6).toFixed(1)} MB, ${DESA} desa × ${INDICATORS.length} indicators × ${MONTHS} months`,
  );

  const parsed = await time('parse + validate (no database writes)', () =>
    parseForImport(database, { bytes, fileName: 'bench.csv', today }),
  );
  if (parsed.errors.length) throw new Error(`unexpected errors: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const preview = await time('preview (validate + diff in the lock, rollback)', () =>
    runImport(database, { bytes, fileName: 'bench.csv', oleh: 'bench', dryRun: true, today }),
  );
  const imported = await time('import (validate + diff + write + history)', () =>
    runImport(database, { bytes, fileName: 'bench.csv', oleh: 'bench', today }),
  );
  const again = await time('same file again (unchanged)', () =>
    runImport(database, { bytes, fileName: 'bench.csv', oleh: 'bench', today }),
  );
  await time('undo', () => undoImport(database, imported.loadId!, 'bench'));
  // The same rows as .xlsx (exceljs reads the whole workbook into memory).
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('data');
  lines.forEach((line, r) => {
    sheet.addRow(line.split(',').map((v, i) => (r > 0 && i === 3 ? Number(v) : v || null)));
  });
  const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
  const parsedXlsx = await time(`parse + validate .xlsx (${(xlsx.length / 1e6).toFixed(1)} MB)`, () =>
    parseForImport(database, { bytes: xlsx, fileName: 'bench.xlsx', today }),
  );
  if (parsedXlsx.values.length !== lines.length - 1)
    throw new Error(`xlsx: ${parsedXlsx.values.length} rows, errors ${JSON.stringify(parsedXlsx.errors.slice(0, 3))}`);
  console.log(
    `counts: preview ${JSON.stringify(preview.counts)}, import ${JSON.stringify(imported.counts)} (${imported.warnings.length} warnings), again ${again.status}`,
  );
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  await database.close();
  await new Promise((ok) => setTimeout(ok, 100));
  await server.drop();
}
