// Writes the demo data into the database in one transaction (COPY, so a province takes seconds).
// Runs on first start when the database has no demo load for the current desa set.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { drizzle } from 'drizzle-orm/node-postgres';
import { schema, type Database } from '@peta/db';
import {
  IMPORT_LOCK_KEY,
  rebuildRollups,
  ROLLUP_COPY_COLUMNS,
  rollupAccumulator,
  rollupCopyLine,
} from '@peta/server-core';
import { ancestorAt } from '@peta/domain';
import { DEMO_INDICATORS, DEMO_LAST_MONTH, DEMO_SEED } from './assumptions.ts';
import { generateSasaran, generateValues, type SasaranRow } from './generate.ts';
import { readKabupatenPopulation, spreadPopulation } from './population.ts';

export interface DemoProgress {
  phase: string;
  done: number;
  total: number;
}

export interface DemoResult {
  loadId: number;
  valueRows: number;
  sasaranRows: number;
  desa: number;
  ms: number;
  /** Of ms: rebuilding the roll-ups after the COPY. */
  rollupMs?: number;
  skipped: boolean;
  /** Generated beside the boundary import (first start): ms then overlaps the import. */
  besideBoundaries?: boolean;
}

/** Generates the demo once per desa set; a later start with the same desa reuses it. */
export async function ensureDemoData(
  database: Database,
  options: { seed?: string; onProgress?: (p: DemoProgress) => void } = {},
): Promise<DemoResult> {
  const seed = options.seed ?? DEMO_SEED;
  const { pool } = database;
  const desa = (
    await pool.query<{ kode: string }>(`select kode from wilayah where tingkat = 'desa' order by kode`)
  ).rows.map((r) => r.kode);
  const signature = demoSignature(seed, desa);
  const existing = await pool.query<{ id: number }>(
    `select id from data_load where kind = 'demo' and details->>'signature' = $1 order by id desc limit 1`,
    [signature],
  );
  if (existing.rows[0])
    return { loadId: existing.rows[0].id, valueRows: 0, sasaranRows: 0, desa: desa.length, ms: 0, skipped: true };
  return (await generateDemoData(database, desa, seed, options.onProgress))!;
}

/** The tables generateDemoData writes, and analyzes before it commits. */
export const DEMO_TABLES = ['indicator_value', 'sasaran', 'value_rollup', 'data_load'] as const;

/** The signature a demo load keeps in its details: a later start with the same seed and desa set reuses it. */
export function demoSignature(seed: string, desa: readonly string[]): string {
  return `${seed}|${desa.length}|${desa[0] ?? ''}|${desa[desa.length - 1] ?? ''}`;
}

/**
 * Generates the demo for the given desa (sorted by kode) in one transaction. With `beforeCommit`, the transaction
 * waits for it before committing and is rolled back when it answers false (then null is returned): the first start
 * generates the demo beside the boundary import for the desa it expects, and keeps it only when the import produced
 * exactly those desa (demo-beside-boundaries.ts).
 */
export async function generateDemoData(
  database: Pick<Database, 'pool'>,
  desa: string[],
  seed: string,
  onProgress?: (p: DemoProgress) => void,
  beforeCommit?: () => Promise<boolean>,
): Promise<DemoResult | null> {
  const signature = demoSignature(seed, desa);
  const started = Date.now();
  const population = spreadPopulation(desa, readKabupatenPopulation(), seed);
  const input = { desaKodes: desa, kabupatenPopulation: readKabupatenPopulation(), seed };
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    // The demo writes indicator_value like an import does, so it waits for the import lock as every writer of it must
    // (an import updates the rows it read by their place on disk: nothing else may move one meanwhile).
    await client.query('select pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
    // Imported (real) cells or sasaran anywhere? Usually not (a first start): then the simulated rows are replaced
    // whole — TRUNCATE, then COPY straight into the tables (FREEZE: no later hint-bit rewrite; with the embedded
    // database's wal_level=minimal the rows skip the WAL too). Otherwise through staging tables, below.
    const {
      rows: [check],
    } = await client.query<{ real: boolean }>(`select
      exists(select 1 from indicator_value where false = any(month_simulated))
      or exists(select 1 from sasaran where not simulated) as real`);
    const real = check?.real ?? false;
    if (real) await keepRealCells(client);
    else {
      await client.query('truncate indicator_value, sasaran, value_rollup');
      // Millions of rows: building the keys once after the COPY (one sort each) and checking the foreign key in one
      // join is far cheaper than keeping them row by row. The same names and definitions as the migrations.
      await client.query(`alter table indicator_value drop constraint indicator_value_indicator_kode_year_pk;
        alter table sasaran drop constraint sasaran_kode_year_group_pk, drop constraint sasaran_load_id_data_load_id_fk;
        drop index sasaran_group_year_kode_idx`);
    }
    const {
      rows: [load],
    } = await client.query<{ id: number }>(
      `insert into data_load (kind, description, simulated, details, target, oleh) values ('demo', $1, true, $2, 'nilai+sasaran', 'generator data contoh') returning id`,
      [
        `Data contoh (simulasi), seed ${seed}, s.d. ${DEMO_LAST_MONTH}`,
        JSON.stringify({
          signature,
          seed,
          desa: desa.length,
          indicators: Object.keys(DEMO_INDICATORS),
          lastMonth: DEMO_LAST_MONTH,
        }),
      ],
    );
    const loadId = load!.id;
    const sasaranTable = real ? 'demo_sasaran' : 'sasaran';
    const valueTable = real ? 'demo_value' : 'indicator_value';
    const freeze = real ? '' : ' with (freeze)';
    if (real) {
      // COPY into staging tables, then insert what does not collide with real data.
      await client.query('create temp table demo_sasaran (like sasaran) on commit drop');
      await client.query('create temp table demo_value (like indicator_value) on commit drop');
    }

    let sasaranRows = 0;
    await copy(
      client,
      `copy ${sasaranTable} (kode, year, "group", value, kind, method, simulated, load_id) from stdin${freeze}`,
      mapLines(generateSasaran(input, population), (r) => {
        sasaranRows++;
        return `${r.kode}\t${r.year}\t${r.group}\t${r.value}\testimate\t${escapeCopy(r.method)}\tt\t${loadId}\n`;
      }),
    );
    if (real) await client.query('insert into sasaran select * from demo_sasaran on conflict do nothing');

    let valueRows = 0;
    let desaDone = 0;
    let lastKode = '';
    const loadIds = pgArray(Array(12).fill(loadId));
    const allSimulated = `{${Array(12).fill('t').join(',')}}`;
    const simulatedMonths = Array(12).fill(true);
    // One provinsi at a time: its value rows are COPYed and, as they stream past, added into the roll-ups of its
    // kecamatan, kabupaten and itself, which are COPYed after it (Indonesia's at the end). The roll-ups then cost no
    // read of the rows just written; with imported cells kept (real) they are rebuilt from the table instead.
    const rollups = real ? null : rollupAccumulator(loadId);
    const rollupStarted = Date.now();
    let rollupMs = 0;
    for (const provinsiDesa of byProvinsi(desa)) {
      const part = { ...input, desaKodes: provinsiDesa };
      const sasaranOf = sasaranLookup(generateSasaran(part, population));
      // A provinsi's rows of each year together (generated desa by desa, both years side by side): an import of one
      // year then changes the pages of that year only, not every page of the table (docs/measurements.md "Session 10").
      await copy(
        client,
        `copy ${valueTable} (indicator, kode, year, numerators, denominators, month_load_ids, month_simulated) from stdin${freeze}`,
        mapLinesByYear(generateValues(part, population), (r) => {
          valueRows++;
          if (r.kode !== lastKode) {
            lastKode = r.kode;
            if (++desaDone % 200 === 0)
              onProgress?.({ phase: 'Membuat data contoh (simulasi)', done: desaDone, total: desa.length });
          }
          if (rollups) {
            const group = rollups.groupOf(r.indicator);
            const t = performance.now();
            rollups.add(
              r.indicator,
              r.kode,
              r.year,
              { numerators: r.numerators, denominators: r.denominators, monthSimulated: simulatedMonths },
              group ? sasaranOf(r.kode, r.year, group) : null,
            );
            rollupMs += performance.now() - t;
          }
          return `${r.indicator}\t${r.kode}\t${r.year}\t${pgArray(r.numerators)}\t${r.denominators ? pgArray(r.denominators) : '\\N'}\t${loadIds}\t${allSimulated}\n`;
        }),
      );
      if (rollups) {
        const t = Date.now();
        await copy(
          client,
          `copy value_rollup (${ROLLUP_COPY_COLUMNS}) from stdin${freeze}`,
          mapLines(rollups.drainProvinsi(), rollupCopyLine),
        );
        rollupMs += Date.now() - t;
      }
    }
    if (real) await client.query('insert into indicator_value select * from demo_value on conflict do nothing');
    else {
      await client.query(`alter table indicator_value add constraint indicator_value_indicator_kode_year_pk primary key (indicator, kode, year);
        alter table sasaran add constraint sasaran_kode_year_group_pk primary key (kode, year, "group");
        create index sasaran_group_year_kode_idx on sasaran using btree ("group", year, kode);
        alter table sasaran add constraint sasaran_load_id_data_load_id_fk foreign key (load_id) references data_load(id)`);
    }
    // The roll-ups above desa, in the same transaction (a view never sees one without the other).
    if (rollups) {
      const t = Date.now();
      await copy(
        client,
        `copy value_rollup (${ROLLUP_COPY_COLUMNS}) from stdin${freeze}`,
        mapLines(rollups.national(), rollupCopyLine),
      );
      rollupMs += Date.now() - t;
    } else {
      onProgress?.({ phase: 'Menjumlahkan per wilayah', done: 0, total: 1 });
      await rebuildRollups(drizzle(client, { schema }), loadId);
      rollupMs = Date.now() - rollupStarted;
    }
    await client.query(`update data_load set details = details || $2 where id = $1`, [
      loadId,
      JSON.stringify({ valueRows, sasaranRows, rollupMs }),
    ]);
    // Planner statistics of what was just written, in this transaction (ANALYZE counts the transaction's own rows;
    // the statistics commit with them). Beside the boundary import the demo is usually done long before it and waits
    // below, so these ~2 s of ANALYZE cost the first start nothing, where after the import they were part of its
    // serial tail; data/prepare.ts analyzes the other tables (DEMO_TABLES are fresh).
    await client.query(`analyze ${DEMO_TABLES.join(', ')}`);
    // The time to generate and write, not the wait for the boundary import beside which it may run.
    const ms = Date.now() - started;
    if (beforeCommit && !(await beforeCommit())) {
      await client.query('rollback');
      return null;
    }
    await client.query('commit');
    onProgress?.({ phase: 'Membuat data contoh (simulasi)', done: desa.length, total: desa.length });
    return { loadId, valueRows, sasaranRows, desa: desa.length, ms, rollupMs, skipped: false };
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Replace earlier simulated data (another region or seed) but never imported real values: a value row that holds a
 * real cell keeps only its real cells, and the demo does not write into it; a real sasaran stays.
 */
async function keepRealCells(client: import('pg').PoolClient) {
  await client.query('delete from indicator_value where not coalesce(false = any(month_simulated), false)');
  await client.query(`update indicator_value set
    numerators = array(select case when s then null else n end from unnest(numerators, month_simulated) with ordinality u(n, s, i) order by i),
    denominators = case when denominators is null then null else
      array(select case when s then null else d end from unnest(denominators, month_simulated) with ordinality u(d, s, i) order by i) end,
    month_load_ids = array(select case when s then null else l end from unnest(month_load_ids, month_simulated) with ordinality u(l, s, i) order by i),
    month_simulated = array(select case when s then null else s end from unnest(month_simulated) with ordinality u(s, i) order by i)
    where true = any(month_simulated)`);
  await client.query('delete from sasaran where simulated');
}

/** The desa (sorted by kode) grouped by provinsi, in order. */
function byProvinsi(desa: string[]): string[][] {
  const groups: string[][] = [];
  let current = '';
  for (const kode of desa) {
    const provinsi = ancestorAt(kode, 'provinsi')!;
    if (provinsi !== current) groups.push([]);
    current = provinsi;
    groups[groups.length - 1]!.push(kode);
  }
  return groups;
}

/**
 * The sasaran of the desa being generated, from a second run of the sasaran generator over the same desa in the same
 * order (it is deterministic, so these are exactly the rows COPYed into sasaran).
 */
function sasaranLookup(rows: Iterator<SasaranRow>): (kode: string, year: number, group: string) => number | null {
  let currentKode = '';
  let current = new Map<string, number>();
  let next = rows.next();
  return (kode, year, group) => {
    if (kode !== currentKode) {
      currentKode = kode;
      current = new Map();
      while (!next.done && next.value.kode !== kode) next = rows.next();
      while (!next.done && next.value.kode === kode) {
        current.set(`${next.value.year}|${next.value.group}`, next.value.value);
        next = rows.next();
      }
    }
    return current.get(`${year}|${group}`) ?? null;
  };
}

/** PostgreSQL array literal with NULL for months without a report. */
function pgArray(values: (number | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : v)).join(',')}}`;
}

function escapeCopy(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\t/g, ' ').replace(/\n/g, ' ');
}

/** Batches generated lines into ~256 KB chunks for the COPY stream. */
function mapLines<T>(rows: Iterable<T>, toLine: (row: T) => string): Readable {
  return Readable.from(
    (function* () {
      let chunk = '';
      for (const row of rows) {
        chunk += toLine(row);
        if (chunk.length > 262_144) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    })(),
  );
}

/**
 * mapLines, the lines of the first year streamed as they come and those of later years held until the rows end (one
 * provinsi's: tens of MB at most). toLine still sees the rows in their order (the roll-ups add them as they pass).
 */
function mapLinesByYear<T extends { year: number }>(rows: Iterable<T>, toLine: (row: T) => string): Readable {
  return Readable.from(
    (function* () {
      let chunk = '';
      let first: number | undefined;
      const later = new Map<number, string[]>();
      for (const row of rows) {
        const line = toLine(row);
        first ??= row.year;
        if (row.year !== first) {
          const held = later.get(row.year);
          if (held) held.push(line);
          else later.set(row.year, [line]);
          continue;
        }
        chunk += line;
        if (chunk.length > 262_144) {
          yield chunk;
          chunk = '';
        }
      }
      for (const year of [...later.keys()].sort((a, b) => a - b))
        for (const line of later.get(year)!) {
          chunk += line;
          if (chunk.length > 262_144) {
            yield chunk;
            chunk = '';
          }
        }
      if (chunk) yield chunk;
    })(),
  );
}

async function copy(client: import('pg').PoolClient, sql: string, source: Readable) {
  await pipeline(source, client.query(copyFrom(sql)));
}
