// Test helpers: a throwaway database with the tiny wilayah 99 (2 kecamatan, 4 desa) and, optionally, many more desa.
import { openDatabase, schema, type Database } from '@peta/db';
import { createTestDatabase } from '@peta/db/testing';
import { emptyRollupSums, type RollupSums } from '@peta/domain';
import { rollupRepository } from '../values/rollup-repository.ts';
import { recomputeFromDesa, refreshRollups } from '../values/rollup-upkeep.ts';

export const TINY_DESA = ['99.01.01.2001', '99.01.01.2002', '99.01.02.2001', '99.01.02.2002'];

export async function openTestDatabase(): Promise<{ database: Database; url: string; close(): Promise<void> }> {
  const server = await createTestDatabase();
  const database = await openDatabase({ databaseUrl: server.url });
  await database.pool.query(`
    insert into wilayah (kode, nama, tingkat, parent_kode) values
      ('99', 'Provinsi Uji', 'provinsi', null), ('99.01', 'Kabupaten Uji', 'kabupaten', '99'),
      ('99.01.01', 'Kecamatan Satu', 'kecamatan', '99.01'), ('99.01.02', 'Kecamatan Dua', 'kecamatan', '99.01'),
      ('99.01.01.2001', 'Desa Ma''u', 'desa', '99.01.01'), ('99.01.01.2002', 'Desa Dua', 'desa', '99.01.01'),
      ('99.01.02.2001', 'Desa Tiga', 'desa', '99.01.02'), ('99.01.02.2002', 'Desa Tanpa Peta', 'desa', '99.01.02')`);
  return {
    database,
    url: server.url,
    async close() {
      await database.close();
      // pg's Pool.end() resolves before the sockets are closed; stopping the server at once makes them fail loudly.
      await new Promise((ok) => setTimeout(ok, 100));
      await server.drop();
    },
  };
}

/** `count` more desa under kecamatan 99.02.01 (for large files): 99.02.01.2001 … */
export async function addManyDesa(database: Database, count: number): Promise<string[]> {
  const kodes = Array.from({ length: count }, (_, i) => `99.02.01.${String(2001 + i).padStart(4, '0')}`);
  await database.pool.query(`insert into wilayah (kode, nama, tingkat, parent_kode) values ('99.02', 'Kab Besar', 'kabupaten', '99'),
    ('99.02.01', 'Kec Besar', 'kecamatan', '99.02') on conflict do nothing`);
  await database.pool.query(
    `insert into wilayah (kode, nama, tingkat, parent_kode)
    select k, 'Desa ' || k, 'desa', '99.02.01' from unnest($1::text[]) k on conflict do nothing`,
    [kodes],
  );
  return kodes;
}

/** A simulated demo row: 12 months of `value`, written by a demo load. */
export async function addSimulatedRow(
  database: Database,
  indicator: string,
  kode: string,
  year: number,
  value: number,
): Promise<number> {
  const {
    rows: [load],
  } = await database.pool.query<{ id: number }>(
    `insert into data_load (kind, description, simulated) values ('demo', 'uji', true) returning id`,
  );
  await database.pool.query(
    `insert into indicator_value (indicator, kode, year, numerators, denominators, month_load_ids, month_simulated)
    values ($1, $2, $3, array_fill($4::int, array[12]), null, array_fill($5::int, array[12]), array_fill(true, array[12]))`,
    [indicator, kode, year, value, load!.id],
  );
  await refreshRollups(database.db, { values: [{ indicator, kode, year }] }, load!.id);
  return load!.id;
}

export async function valueRows(database: Database) {
  return (
    await database.pool.query(`select indicator, kode, year, numerators, denominators, month_load_ids, month_simulated
    from indicator_value order by indicator, kode, year`)
  ).rows;
}

export async function sasaranRows(database: Database) {
  return (await database.pool.query(`select * from sasaran order by kode, year, "group"`)).rows;
}

/** A long-format CSV from rows [kode, periode, indikator, pembilang, penyebut?]. */
export function longCsv(rows: (string | number | null)[][]): Uint8Array {
  return new TextEncoder().encode(
    `kode_wilayah,periode,indikator,pembilang,penyebut\n${rows.map((r) => [...r, ...Array(5 - r.length).fill('')].map((v) => v ?? '').join(',')).join('\n')}\n`,
  );
}

/**
 * Stored roll-ups that differ from a recomputation straight from the desa rows (sums of sasaran to 1e-6), for the
 * indicators given (default: every indicator × year with value rows or roll-ups), and stored rows with no desa under them.
 */
export async function rollupMismatches(database: Database, indicators?: string[]): Promise<string[]> {
  const pairs = (
    await database.pool.query<{ indicator: string; year: number }>(
      'select distinct indicator, year from indicator_value union select distinct indicator, year from value_rollup',
    )
  ).rows.filter((p) => !indicators || indicators.includes(p.indicator));
  const expected = await recomputeFromDesa(database.db, pairs);
  const stored = new Map(
    (await rollupRepository(database.db).all())
      .filter((r) => !indicators || indicators.includes(r.indicator))
      .map((r) => [`${r.indicator}|${r.year}|${r.kode}`, r as RollupSums]),
  );
  const problems = [...stored.keys()].filter((key) => !expected.has(key)).map((key) => `${key}: stored, no desa`);
  const round = (xs: number[]) => xs.map((x) => Math.round(x * 1e6) / 1e6).join(',');
  for (const [key, sums] of expected) {
    const row = stored.get(key) ?? emptyRollupSums();
    for (const field of ['num', 'den', 'reports', 'reportsWithDen', 'simulated', 'lastNum', 'lastDen'] as const) {
      if (round(row[field]) !== round(sums[field]))
        problems.push(`${key} ${field}: stored ${round(row[field])}, desa ${round(sums[field])}`);
    }
  }
  return problems;
}

/** A puskesmas of a test and the desa it holds: a kode (held from 2025-01-01 on), or a kode held from..to. */
export interface TestPuskesmas {
  kode: string;
  nama: string;
  /** Default: the tiny kabupaten 99.01. */
  kabupaten?: string;
  desa?: (string | { kode: string; from?: string; to?: string })[];
}

/**
 * Writes puskesmas and their wilayah kerja as one 'seed' roll-out event, as the seed of a first start does;
 * `confirmed: false` makes the wilayah kerja the importer's unconfirmed proposals. Returns the event's id.
 */
export async function seedPuskesmas(
  { db }: Database,
  list: readonly TestPuskesmas[],
  { confirmed = true }: { confirmed?: boolean } = {},
): Promise<number> {
  const [event] = await db
    .insert(schema.rolloutEvent)
    .values({ oleh: 'uji', kind: 'seed', note: 'fixture' })
    .returning({ id: schema.rolloutEvent.id });
  const eventId = event!.id;
  await db
    .insert(schema.puskesmas)
    .values(list.map((p) => ({ kode: p.kode, nama: p.nama, kabupatenKode: p.kabupaten ?? '99.01', sumber: 'uji' })));
  const held = list.flatMap((p) =>
    (p.desa ?? []).map((d) => {
      const { kode, from = '2025-01-01', to = null } = typeof d === 'string' ? { kode: d } : d;
      return { puskesmasKode: p.kode, desaKode: kode, validFrom: from, validTo: to, confirmed, eventId };
    }),
  );
  if (held.length) await db.insert(schema.puskesmasWilayah).values(held);
  return eventId;
}
