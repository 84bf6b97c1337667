// Writes the demo data into the database in one transaction (COPY, so a province takes seconds).
// Runs on first start when the database has no demo load for the current desa set.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { drizzle } from 'drizzle-orm/node-postgres';
import { schema, type Database } from '@peta/db';
import {
  copyChunks,
  CopyTextWriter,
  IMPORT_LOCK_KEY,
  rebuildRollups,
  ROLLUP_COPY_COLUMNS,
  rollupAccumulator,
  writeRollupCopyLine,
} from '@peta/server-core';
import { ancestorAt } from '@peta/domain';
import { DEMO_INDICATORS, DEMO_LAST_MONTH, DEMO_SEED, DEMO_YEARS } from './assumptions.ts';
import { generateSasaran, generateValues, neededGroups, type ValueRow } from './generate.ts';
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
  beforeCommit?: (client: import('pg').PoolClient) => Promise<boolean>,
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
    const sasaranTarget = real ? 'demo_sasaran' : 'sasaran';
    const valueTable = real ? 'demo_value' : 'indicator_value';
    const freeze = real ? '' : ' with (freeze)';
    if (real) {
      // COPY into staging tables, then insert what does not collide with real data.
      await client.query('create temp table demo_sasaran (like sasaran) on commit drop');
      await client.query('create temp table demo_value (like indicator_value) on commit drop');
    }

    let sasaranRows = 0;
    // The sasaran COPYed are also kept by desa for the roll-ups below (one generator run instead of two).
    const sasaranKept = sasaranTable();
    const sasaranTail = Buffer.from(`\tt\t${loadId}\n`);
    await copy(
      client,
      `copy ${sasaranTarget} (kode, year, "group", value, kind, method, simulated, load_id) from stdin${freeze}`,
      copyChunks(generateSasaran(input, population), (r, w) => {
        sasaranRows++;
        sasaranKept.set(r.kode, r.year, r.group, r.value);
        w.ascii(r.kode).char(9).number(r.year).char(9).ascii(r.group).char(9).number(r.value);
        w.ascii('\testimate\t').text(r.method).bytes(sasaranTail);
      }),
    );
    if (real) await client.query('insert into sasaran select * from demo_sasaran on conflict do nothing');

    let valueRows = 0;
    let desaDone = 0;
    let lastKode = '';
    // Every row's month_load_ids and month_simulated are the same: their bytes once.
    const valueTail = Buffer.from(`\t{${Array(12).fill(loadId).join(',')}}\t{${Array(12).fill('t').join(',')}}\n`);
    const simulatedMonths = Array(12).fill(true);
    // One provinsi at a time: its value rows are COPYed and, as they stream past, added into the roll-ups of its
    // kecamatan, kabupaten and itself, which are COPYed after it (Indonesia's at the end). The roll-ups then cost no
    // read of the rows just written; with imported cells kept (real) they are rebuilt from the table instead.
    const rollups = real ? null : rollupAccumulator(loadId);
    const rollupStarted = Date.now();
    let rollupMs = 0;
    const onRow = (r: ValueRow) => {
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
          group ? sasaranKept.get(r.kode, r.year, group) : null,
        );
        rollupMs += performance.now() - t;
      }
    };
    for (const provinsiDesa of byProvinsi(desa)) {
      const part = { ...input, desaKodes: provinsiDesa };
      // A provinsi's rows of each year together (generated desa by desa, both years side by side): an import of one
      // year then changes the pages of that year only, not every page of the table (docs/measurements.md "Session 10").
      await copy(
        client,
        `copy ${valueTable} (indicator, kode, year, numerators, denominators, month_load_ids, month_simulated) from stdin${freeze}`,
        valueChunksByYear(generateValues(part, population), onRow, (r, w) => {
          w.ascii(r.indicator).char(9).ascii(r.kode).char(9).number(r.year).char(9).array(r.numerators).char(9);
          if (r.denominators) w.array(r.denominators);
          else w.ascii('\\N');
          w.bytes(valueTail);
        }),
      );
      if (rollups) {
        const t = Date.now();
        await copy(
          client,
          `copy value_rollup (${ROLLUP_COPY_COLUMNS}) from stdin${freeze}`,
          copyChunks(rollups.drainProvinsi(), writeRollupCopyLine),
        );
        rollupMs += Date.now() - t;
      }
    }
    if (real) await client.query('insert into indicator_value select * from demo_value on conflict do nothing');
    else {
      // Built by this backend alone: PostgreSQL's default of two parallel workers per index build only adds their
      // start and the merge of three sorted runs (measured on a national copy: 20.9 → 18.1 CPU-seconds for the three
      // builds), and on a first start the other core is busy with the boundary import anyway. A larger
      // maintenance_work_mem (1 GB, no spill to disk) was not cheaper (19.7 CPU-seconds). Only for this transaction.
      await client.query('set local max_parallel_maintenance_workers = 0');
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
        copyChunks(rollups.national(), writeRollupCopyLine),
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
    if (beforeCommit && !(await beforeCommit(client))) {
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
 * The sasaran COPYed, by desa, year and group, for the roll-ups (a desa's value rows ask for its sasaran of a year and
 * group): one small array per desa instead of a map keyed by strings; null where none was written.
 */
function sasaranTable() {
  const groups = new Map(neededGroups().map((g, i) => [g as string, i]));
  const years = new Map<number, number>(DEMO_YEARS.map((y, i) => [y, i]));
  const byDesa = new Map<string, Float64Array>();
  let lastKode = '';
  let last: Float64Array | undefined;
  const at = (year: number, group: string) => {
    const y = years.get(year);
    const g = groups.get(group);
    return y === undefined || g === undefined ? -1 : y * groups.size + g;
  };
  return {
    set(kode: string, year: number, group: string, value: number) {
      let values = byDesa.get(kode);
      if (!values) byDesa.set(kode, (values = new Float64Array(years.size * groups.size).fill(Number.NaN)));
      values[at(year, group)] = value;
    },
    get(kode: string, year: number, group: string): number | null {
      if (kode !== lastKode) [lastKode, last] = [kode, byDesa.get(kode)];
      const i = at(year, group);
      const value = last && i >= 0 ? last[i]! : Number.NaN;
      return Number.isNaN(value) ? null : value;
    },
  };
}

/**
 * The COPY bytes of a provinsi's value rows, the first year's streamed as they come and those of later years held
 * (outside the heap) until the rows end: one provinsi's, tens of MB at most. onRow sees every row in its order first
 * (the roll-ups add them as they pass).
 */
function valueChunksByYear(
  rows: Iterable<ValueRow>,
  onRow: (row: ValueRow) => void,
  write: (row: ValueRow, w: CopyTextWriter) => void,
): Readable {
  const CHUNK = 262_144;
  return Readable.from(
    (function* () {
      const w = new CopyTextWriter(CHUNK * 2);
      let first: number | undefined;
      const later = new Map<number, CopyTextWriter>();
      for (const row of rows) {
        onRow(row);
        first ??= row.year;
        if (row.year !== first) {
          let held = later.get(row.year);
          if (!held) later.set(row.year, (held = new CopyTextWriter(CHUNK * 8)));
          write(row, held);
          continue;
        }
        write(row, w);
        if (w.length > CHUNK) yield w.take();
      }
      if (w.length > 0) yield w.take();
      for (const year of [...later.keys()].sort((a, b) => a - b)) {
        const held = later.get(year)!.take();
        for (let at = 0; at < held.length; at += CHUNK) yield held.subarray(at, at + CHUNK);
      }
    })(),
  );
}

async function copy(client: import('pg').PoolClient, sql: string, source: Readable | Iterable<Buffer>) {
  await pipeline(source instanceof Readable ? source : Readable.from(source), client.query(copyFrom(sql)));
}
