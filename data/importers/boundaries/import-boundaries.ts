// The boundary importer: upstream SQL files → wilayah, wilayah_geometry and one boundary_import row,
// all in ONE transaction (a failed import leaves the previous one in place).
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, schema } from '@peta/db';
import { ancestorAt, type Tingkat } from '@peta/domain';
import {
  buildNational,
  buildProvince,
  DEFAULT_SIMPLIFY,
  INVALID_KINDS,
  type GeometryIssue,
  type ProvinceInput,
  type ProvinceShape,
  type SimplifyParams,
  type ViewKind,
  type ViewStat,
  type WilayahRow,
} from './build-geometry.ts';
import { crossCheck, readCodeList, type CodeList, type CrossCheck } from './code-list.ts';
import { readUpstreamFile, type UpstreamRecord } from './parse-upstream-sql.ts';
import { inlineTileBuilder, workerTileBuilder, type TileBuilder } from './tiles/tile-builder.ts';
import type { EncodedTile } from './tiles/tile-set.ts';
import {
  desaProvinsiIncludes,
  findDbDir,
  formatDesaProvinsi,
  listBoundaryFiles,
  resolveBoundarySource,
  type BoundarySource,
  type DesaProvinsi,
  type ResolveOptions,
} from './source.ts';

/** Bump when the produced rows change for the same input: ensureBoundaries then imports again. */
export const IMPORTER_VERSION = 2;
export const REPORT_FILE = 'laporan-batas-wilayah.txt';
/** pg_advisory_xact_lock key: one boundary import at a time per database. */
const LOCK_KEY = 0x70657461; // "peta"

export type BoundaryImportRow = typeof schema.boundaryImport.$inferSelect;

export interface ImportProgress {
  /** Bahasa Indonesia label of the current step. */
  phase: string;
  done: number;
  total: number;
  /** e.g. the province being processed. */
  detail?: string;
}

export interface ImportOptions {
  /** A resolved source, or a folder (repository root or its db/). */
  source: BoundarySource | string;
  /** Provinces whose desa layer is loaded; 'all' = every province. */
  desaProvinsi: DesaProvinsi;
  /** Folder for laporan-batas-wilayah.txt (created); no text file when absent. */
  reportDir?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Defaults to idn-area-data's CSV files. */
  codeList?: CodeList;
  simplify?: Partial<SimplifyParams>;
  /** Cut the vector tiles in a worker thread, beside the geometry (default); false: in this thread. */
  tilesInWorker?: boolean;
}

export interface ViewSummary {
  count: number;
  /** Largest view: parent kode and its size. */
  maxParent: string | null;
  maxGzipBytes: number;
  /** false: estimated from the raw size (far below the budget), not compressed. */
  maxGzipMeasured: boolean;
  maxBytes: number;
  maxVertices: number;
  budgetBytes: number | null;
  overBudget: string[];
}

export interface BoundaryReport {
  importerVersion: number;
  source: { label: string; origin: string; dbDir: string };
  desaProvinsi: string;
  codeList: { source: string; counts: Record<Tingkat, number> };
  counts: Record<
    Tingkat,
    {
      rows: number;
      withGeometry: number;
      notInCodeList: number;
      byOrigin: Record<string, number>;
      vertices: number;
      maxVertices: number;
    }
  >;
  codeCheck: Record<
    Tingkat,
    {
      scope: string;
      inBoth: number;
      onlyInBoundaries: number;
      onlyInCodeList: number;
      onlyInBoundariesSample: string[];
      onlyInCodeListSample: string[];
    }
  >;
  desaWithoutPolygon: { count: number; sample: string[] };
  kecamatanPartlyWithoutDesaPolygon: { count: number; sample: string[] };
  invalidPolygons: { count: number; repaired: number; byKind: Record<string, number>; items: GeometryIssue[] };
  otherRepairs: { count: number; byKind: Record<string, number> };
  fallbacks: { kode: string; tingkat: Tingkat }[];
  views: Record<ViewKind, ViewSummary>;
  /** The vector tiles of "Semua desa": how many, their size (gzip as served) per zoom, the largest. */
  tiles: TileSummary;
  files: { count: number; list: string[] };
  geometryVersion: string;
  timingsMs: Record<string, number>;
  peakRssMb: number;
}

export interface TileSummary {
  count: number;
  bytes: number;
  rawBytes: number;
  byZoom: Record<string, { count: number; bytes: number; maxBytes: number }>;
  max: { z: number; x: number; y: number; bytes: number } | null;
}

export interface BoundaryImportResult {
  import: BoundaryImportRow;
  report: BoundaryReport;
  /** Path of laporan-batas-wilayah.txt, or null without reportDir. */
  reportFile: string | null;
  /** false when ensureBoundaries found a matching finished import and did nothing. */
  imported: boolean;
}

const PHASE = {
  codes: 'Membaca daftar kode wilayah',
  prov: 'Membaca batas provinsi',
  kec: 'Membaca batas kecamatan dan menggabungkannya menjadi kabupaten',
  desaRead: 'Membaca batas desa',
  desaMerge: 'Menggabungkan desa menjadi kecamatan, kabupaten dan provinsi',
  national: 'Menyederhanakan peta nasional (provinsi)',
  tiles: 'Menyimpan petak peta vektor (semua desa)',
  write: 'Menyimpan ke basis data',
  done: 'Selesai',
} as const;

export async function importBoundaries(database: Database, options: ImportOptions): Promise<BoundaryImportResult> {
  return runImport(database, options, null);
}

export interface EnsureOptions extends Omit<ImportOptions, 'source'> {
  /** Used when an import is needed. */
  source?: BoundarySource | string;
  /** Called only when an import is needed (so a start with a filled database never resolves or downloads). */
  resolveSource?: () => Promise<BoundarySource | string>;
  /** Alternative to resolveSource: options for resolveBoundarySource (desaProvinsi is taken from here). */
  resolve?: Omit<ResolveOptions, 'desaProvinsi'>;
  /** Import even when a matching import exists. */
  force?: boolean;
}

/**
 * Import only when the latest finished import is not for the same desaProvinsi (or was made by another
 * importer version); returns the import row in force afterwards.
 */
export async function ensureBoundaries(database: Database, options: EnsureOptions): Promise<BoundaryImportRow> {
  const wanted = formatDesaProvinsi(options.desaProvinsi);
  if (!options.force) {
    const latest = await latestImport(database);
    if (latest && matches(latest, wanted)) return latest;
  }
  let source = options.source;
  if (!source && options.resolveSource) source = await options.resolveSource();
  if (!source && options.resolve) {
    source = await resolveBoundarySource({
      ...options.resolve,
      desaProvinsi: options.desaProvinsi,
      onProgress: options.resolve.onProgress ?? options.onProgress,
    });
  }
  if (!source)
    throw new Error('ensureBoundaries: berikan source, resolveSource atau resolve untuk mengimpor batas wilayah');
  const result = await runImport(database, { ...options, source }, options.force ? null : wanted);
  return result.import;
}

/** True when the database holds no boundary import at all (a first start: ensureBoundaries will import). */
export async function noBoundariesYet(database: Database): Promise<boolean> {
  return (await latestImport(database)) === null;
}

function matches(row: BoundaryImportRow, wanted: string): boolean {
  const report = row.report as Partial<BoundaryReport> | null;
  return row.finishedAt !== null && row.desaProvinsi === wanted && report?.importerVersion === IMPORTER_VERSION;
}

/** The latest finished import, or null. */
export async function latestImport(database: Database | PoolClient): Promise<BoundaryImportRow | null> {
  const runner = 'pool' in database ? database.pool : database;
  const { rows } = await runner.query(
    `SELECT id, started_at, finished_at, source, desa_provinsi, geometry_version, report
       FROM boundary_import WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1`,
  );
  return rows[0] ? toImportRow(rows[0]) : null;
}

function toImportRow(r: Record<string, unknown>): BoundaryImportRow {
  return {
    id: r.id as number,
    startedAt: r.started_at as Date,
    finishedAt: (r.finished_at as Date | null) ?? null,
    source: r.source as string,
    desaProvinsi: r.desa_provinsi as string,
    geometryVersion: r.geometry_version as string,
    report: r.report,
  };
}

// ---------------------------------------------------------------------------------------------------------

async function runImport(
  database: Database,
  options: ImportOptions,
  skipIfMatching: string | null,
): Promise<BoundaryImportResult> {
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => {
    timings[name] = Math.round((timings[name] ?? 0) + performance.now() - since);
  };
  const progress = (phase: string, done: number, total: number, detail?: string) =>
    options.onProgress?.({ phase, done, total, ...(detail ? { detail } : {}) });
  const desaProvinsi = options.desaProvinsi;
  const desaLabel = formatDesaProvinsi(desaProvinsi);
  const source: BoundarySource =
    typeof options.source === 'string'
      ? {
          dbDir: findDbDir(options.source) ?? options.source,
          origin: 'BOUNDARIES_DIR',
          label: options.source,
          files: listBoundaryFiles(findDbDir(options.source) ?? options.source),
          downloaded: [],
          missing: [],
        }
      : options.source;
  if (typeof options.source === 'string' && !source.files.kec.size) {
    throw new Error(`Folder batas wilayah ${options.source} tidak berisi db/kec/wilayah_boundaries_kec_*.sql[.gz]`);
  }
  const simplify = { ...DEFAULT_SIMPLIFY, ...options.simplify };

  let t = performance.now();
  progress(PHASE.codes, 0, 1);
  const codeList = options.codeList ?? (await readCodeList());
  progress(PHASE.codes, 1, 1);
  lap('daftarKode', t);

  const filesRead: string[] = [];
  const read = async (path: string, sink: (r: UpstreamRecord) => void) => {
    for await (const record of readUpstreamFile(path)) sink(record);
    filesRead.push(relative(source.dbDir, path) || path);
  };

  // Province layer: fallback shapes only (and codes for the cross-check).
  t = performance.now();
  const provRecords = new Map<string, UpstreamRecord>();
  for (const [i, path] of source.files.prov.entries()) {
    progress(PHASE.prov, i, source.files.prov.length);
    await read(path, (r) => provRecords.set(r.kode, r));
  }
  progress(PHASE.prov, source.files.prov.length, source.files.prov.length);
  lap('bacaProvinsi', t);

  const provinceCodes = [
    ...new Set([
      ...[...codeList.entries.values()].filter((e) => e.tingkat === 'provinsi').map((e) => e.kode),
      ...provRecords.keys(),
      ...source.files.kab.keys(),
      ...source.files.kec.keys(),
    ]),
  ].sort();
  const withDesa = (pp: string) => desaProvinsiIncludes(desaProvinsi, pp);
  // Kecamatan-layer provinces first (quick), then the desa provinces.
  const order = [...provinceCodes.filter((pp) => !withDesa(pp)), ...provinceCodes.filter(withDesa)];
  const kecProvinces = order.filter((pp) => !withDesa(pp));
  const desaProvinces = order.filter(withDesa);
  const kelTotal = desaProvinces.reduce((n, pp) => n + (source.files.kel.get(pp)?.length ?? 0), 0);
  let kelDone = 0;

  const client = await database.pool.connect();
  const collected = new Collector(codeList, desaProvinsi);
  const hash = createHash('sha256');
  const tiles: TileBuilder = options.tilesInWorker === false ? inlineTileBuilder() : workerTileBuilder();
  let importRow: BoundaryImportRow;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    if (skipIfMatching) {
      // Another process may have imported the same region while we waited for the lock.
      const latest = await latestImport(client);
      if (latest && matches(latest, skipIfMatching)) {
        await client.query('ROLLBACK');
        return { import: latest, report: latest.report as BoundaryReport, reportFile: null, imported: false };
      }
    }
    const inserted = await client.query(
      `INSERT INTO boundary_import (source, desa_provinsi, geometry_version, report) VALUES ($1, $2, 'sedang-diimpor', '{}'::jsonb) RETURNING id`,
      [source.label, desaLabel],
    );
    const importId = inserted.rows[0].id as number;
    await client.query('DELETE FROM wilayah_geometry');
    await client.query('DELETE FROM boundary_tile');

    const shapes: ProvinceShape[] = [];
    let kecDone = 0,
      desaMergeDone = 0;
    for (const pp of order) {
      const nama = codeList.entries.get(pp)?.nama ?? provRecords.get(pp)?.nama ?? pp;
      const input: ProvinceInput = {
        kode: pp,
        withDesa: withDesa(pp),
        prov: provRecords.get(pp),
        kab: [],
        kec: [],
        desa: [],
      };
      t = performance.now();
      if (!input.withDesa) progress(PHASE.kec, kecDone, kecProvinces.length, nama);
      const kabFile = source.files.kab.get(pp);
      const kecFile = source.files.kec.get(pp);
      if (kabFile) await read(kabFile, (r) => input.kab.push(r));
      if (kecFile) await read(kecFile, (r) => input.kec.push(r));
      if (input.withDesa) {
        for (const path of source.files.kel.get(pp) ?? []) {
          progress(PHASE.desaRead, kelDone, kelTotal, nama);
          await read(path, (r) => input.desa.push(r));
          kelDone++;
        }
        progress(PHASE.desaRead, kelDone, kelTotal, nama);
      }
      lap('baca', t);
      t = performance.now();
      if (input.withDesa) progress(PHASE.desaMerge, desaMergeDone, desaProvinces.length, nama);
      const result = buildProvince(input, { codes: codeList.entries, simplify });
      lap('bangunGeometri', t);
      if (input.withDesa) progress(PHASE.desaMerge, ++desaMergeDone, desaProvinces.length, nama);
      else progress(PHASE.kec, ++kecDone, kecProvinces.length, nama);
      collected.addProvince(input, result.rows, result.issues, result.views, result.fallbacks);
      shapes.push(result.shape);
      if (result.tileSource) {
        t = performance.now();
        tiles.add(result.tileSource);
        lap('petakVektor', t);
      }
      t = performance.now();
      await writeRows(client, importId, result.rows, hash);
      lap('tulis', t);
    }

    t = performance.now();
    progress(PHASE.national, 0, 1);
    const national = buildNational(shapes, { simplify });
    collected.addNational(national.rows, national.views, provRecords);
    progress(PHASE.national, 1, 1);
    lap('petaNasional', t);

    t = performance.now();
    const tileSummary = await writeTiles(client, importId, tiles, hash, (done, total) =>
      progress(PHASE.tiles, done, total),
    );
    collected.setTiles(tileSummary);
    lap('petakVektor', t);

    t = performance.now();
    progress(PHASE.write, 0, 1);
    await writeRows(client, importId, national.rows, hash);
    // Rows of an earlier import that this one does not have any more.
    await client.query('DELETE FROM wilayah WHERE import_id IS DISTINCT FROM $1', [importId]);
    lap('tulis', t);

    const geometryVersion = hash.digest('hex').slice(0, 12);
    timings.total = Math.round(performance.now() - t0);
    const report = collected.report({
      source,
      desaLabel,
      codeList,
      filesRead,
      geometryVersion,
      timings,
      simplify,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    });
    const finished = await client.query(
      `UPDATE boundary_import SET finished_at = now(), geometry_version = $2, report = $3::jsonb WHERE id = $1
       RETURNING id, started_at, finished_at, source, desa_provinsi, geometry_version, report`,
      [importId, geometryVersion, JSON.stringify(report)],
    );
    await client.query('COMMIT');
    progress(PHASE.write, 1, 1);
    importRow = toImportRow(finished.rows[0]);
    let reportFile: string | null = null;
    if (options.reportDir) {
      await mkdir(options.reportDir, { recursive: true });
      reportFile = join(options.reportDir, REPORT_FILE);
      await writeFile(reportFile, collected.text(report, importRow));
    }
    progress(PHASE.done, 1, 1);
    return { import: importRow, report, reportFile, imported: true };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
    await tiles.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Bulk writes: multi-row INSERT … SELECT FROM unnest(arrays), chunked by rows and bytes.

const CHUNK_ROWS = 5000;
const CHUNK_BYTES = 8 << 20;

async function writeRows(
  client: PoolClient,
  importId: number,
  rows: WilayahRow[],
  hash: ReturnType<typeof createHash>,
) {
  for (let start = 0; start < rows.length; ) {
    let end = start,
      bytes = 0;
    while (end < rows.length && end - start < CHUNK_ROWS && (bytes < CHUNK_BYTES || end === start)) {
      bytes += rows[end]!.geojson?.length ?? 0;
      end++;
    }
    const chunk = rows.slice(start, end);
    start = end;
    const col = <T>(f: (r: WilayahRow) => T) => chunk.map(f);
    await client.query(
      `INSERT INTO wilayah (kode, nama, tingkat, parent_kode, bbox, label_lng, label_lat, has_geometry, in_code_list, child_count, import_id)
       SELECT k, n, t, p, CASE WHEN x0 IS NULL THEN NULL ELSE ARRAY[x0, y0, x1, y1] END, lx, ly, g, c, cc, $14
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::float8[], $8::float8[],
                     $9::float8[], $10::float8[], $11::bool[], $12::bool[], $13::int[])
           AS u(k, n, t, p, x0, y0, x1, y1, lx, ly, g, c, cc)
       ON CONFLICT (kode) DO UPDATE SET nama = excluded.nama, tingkat = excluded.tingkat, parent_kode = excluded.parent_kode,
         bbox = excluded.bbox, label_lng = excluded.label_lng, label_lat = excluded.label_lat, has_geometry = excluded.has_geometry,
         in_code_list = excluded.in_code_list, child_count = excluded.child_count, import_id = excluded.import_id`,
      [
        col((r) => r.kode),
        col((r) => r.nama),
        col((r) => r.tingkat),
        col((r) => r.parentKode),
        col((r) => r.bbox?.[0] ?? null),
        col((r) => r.bbox?.[1] ?? null),
        col((r) => r.bbox?.[2] ?? null),
        col((r) => r.bbox?.[3] ?? null),
        col((r) => r.label?.[0] ?? null),
        col((r) => r.label?.[1] ?? null),
        col((r) => r.hasGeometry),
        col((r) => r.inCodeList),
        col((r) => r.childCount),
        importId,
      ],
    );
    const withGeometry = chunk.filter((r) => r.geojson !== null);
    if (!withGeometry.length) continue;
    for (const r of withGeometry) hash.update(`${r.kode}\t${r.geojson}\n`);
    // COPY, not a text[] parameter: pg would escape every '"' of the GeoJSON into an array literal and PostgreSQL parse
    // it back (national, ~233 MB of text: node 3.3 → 1.2 CPU-s, PostgreSQL 3.9 → 1.8 s beside migration 0015's
    // uncompressed storage; docs/measurements.md "Session 14: boundary import CPU").
    await pipeline(
      Readable.from(copyLines(withGeometry, importId)),
      client.query(copyFrom('COPY wilayah_geometry (kode, geojson, vertex_count, origin, import_id) FROM STDIN')),
    );
  }
}

/** The rows as COPY text lines, in batches of about 1 MB. */
function* copyLines(rows: WilayahRow[], importId: number): Generator<string> {
  let batch = '';
  for (const r of rows) {
    batch += `${copyText(r.kode)}\t${copyText(r.geojson!)}\t${r.vertexCount}\t${copyText(r.origin!)}\t${importId}\n`;
    if (batch.length >= 1 << 20) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

/** A value in COPY's text format: backslash, tab, newline and carriage return escaped (GeoJSON text has none). */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : value;
}

/** Encodes every tile and writes it (bulk unnest batches); the tile bytes are part of the geometry version. */
async function writeTiles(
  client: PoolClient,
  importId: number,
  tiles: TileBuilder,
  hash: ReturnType<typeof createHash>,
  onProgress: (done: number, total: number) => void,
): Promise<TileSummary> {
  const summary: TileSummary = { count: 0, bytes: 0, rawBytes: 0, byZoom: {}, max: null };
  let batch: EncodedTile[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    // Binary COPY: the tile bytes go as they are, not as hex in a bytea[] literal (~2× their size to build and parse).
    await pipeline(
      Readable.from([binaryTileRows(batch, importId)]),
      client.query(copyFrom('COPY boundary_tile (z, x, y, data, import_id) FROM STDIN (FORMAT binary)')),
    );
    batch = [];
    batchBytes = 0;
    onProgress(summary.count, summary.count + 1);
  };
  onProgress(0, 1);
  for await (const tile of tiles.encode()) {
    hash.update(`${tile.z}/${tile.x}/${tile.y}\t`).update(tile.data);
    const zoom = (summary.byZoom[tile.z] ??= { count: 0, bytes: 0, maxBytes: 0 });
    zoom.count++;
    zoom.bytes += tile.data.length;
    zoom.maxBytes = Math.max(zoom.maxBytes, tile.data.length);
    if (!summary.max || tile.data.length > summary.max.bytes)
      summary.max = { z: tile.z, x: tile.x, y: tile.y, bytes: tile.data.length };
    summary.count++;
    summary.bytes += tile.data.length;
    summary.rawBytes += tile.rawBytes;
    batch.push(tile);
    batchBytes += tile.data.length;
    if (batch.length >= 2000 || batchBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
  onProgress(summary.count, summary.count);
  return summary;
}

/** Tiles in PostgreSQL's binary COPY format: header, per row the field count and each field's length and bytes. */
function binaryTileRows(tiles: EncodedTile[], importId: number): Buffer {
  let size = 19 + 2;
  for (const t of tiles) size += 2 + 4 * 8 + 4 + t.data.length;
  const out = Buffer.allocUnsafe(size);
  let at = out.write('PGCOPY\n\xff\r\n\0', 'latin1');
  at = out.writeInt32BE(0, at); // flags
  at = out.writeInt32BE(0, at); // header extension length
  const int4 = (v: number) => {
    at = out.writeInt32BE(4, at);
    at = out.writeInt32BE(v, at);
  };
  for (const t of tiles) {
    at = out.writeInt16BE(5, at);
    int4(t.z);
    int4(t.x);
    int4(t.y);
    at = out.writeInt32BE(t.data.length, at);
    at += t.data.copy(out, at);
    int4(importId);
  }
  at = out.writeInt16BE(-1, at);
  if (at !== size) throw new Error(`binaryTileRows: ${at} of ${size} bytes written`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Report

const TINGKAT_LIST: Tingkat[] = ['provinsi', 'kabupaten', 'kecamatan', 'desa'];
const ISSUE_LABEL: Record<GeometryIssue['kind'], string> = {
  crossing: 'sisi berpotongan',
  'self-touch': 'cincin menyentuh dirinya sendiri',
  'hole-outside-shell': 'lubang di luar cincin luar',
  'nested-shells': 'bagian di dalam bagian lain',
  'unclosed-ring': 'cincin tidak tertutup',
  'degenerate-ring': 'cincin kurang dari 3 titik',
  'duplicate-points': 'titik ganda berurutan',
};
const SAMPLE = 50;

class Collector {
  private readonly boundaryCodes: Record<Tingkat, Map<string, string>> = {
    provinsi: new Map(),
    kabupaten: new Map(),
    kecamatan: new Map(),
    desa: new Map(),
  };
  private readonly counts = Object.fromEntries(
    TINGKAT_LIST.map((t) => [
      t,
      {
        rows: 0,
        withGeometry: 0,
        notInCodeList: 0,
        byOrigin: {} as Record<string, number>,
        vertices: 0,
        maxVertices: 0,
      },
    ]),
  ) as BoundaryReport['counts'];
  private readonly desaWithout: string[] = [];
  private readonly partlyWithout = new Set<string>();
  private readonly issues: GeometryIssue[] = [];
  private readonly fallbacks: BoundaryReport['fallbacks'] = [];
  private readonly views: ViewStat[] = [];
  private checks: Record<Tingkat, CrossCheck> | null = null;
  private tiles: TileSummary = { count: 0, bytes: 0, rawBytes: 0, byZoom: {}, max: null };

  setTiles(summary: TileSummary) {
    this.tiles = summary;
  }

  constructor(
    private readonly codeList: CodeList,
    private readonly desaProvinsi: DesaProvinsi,
  ) {}

  addProvince(
    input: ProvinceInput,
    rows: WilayahRow[],
    issues: GeometryIssue[],
    views: ViewStat[],
    fallbacks: BoundaryReport['fallbacks'],
  ) {
    for (const r of input.kab) this.boundaryCodes.kabupaten.set(r.kode, r.nama);
    for (const r of input.kec) this.boundaryCodes.kecamatan.set(r.kode, r.nama);
    for (const r of input.desa) this.boundaryCodes.desa.set(r.kode, r.nama);
    this.addRows(rows);
    for (const r of rows) {
      if (r.tingkat === 'desa' && !r.hasGeometry) {
        this.desaWithout.push(`${r.kode} ${r.nama}`);
        if (r.parentKode) this.partlyWithout.add(r.parentKode);
      }
    }
    for (const kec of rows) {
      // Kecamatan with some desa polygons: the dissolved shape has holes where the others are missing.
      if (kec.tingkat === 'kecamatan' && kec.origin !== 'dissolved') this.partlyWithout.delete(kec.kode);
    }
    this.issues.push(...issues);
    this.fallbacks.push(...fallbacks);
    this.views.push(...views);
  }

  addNational(rows: WilayahRow[], views: ViewStat[], provRecords: Map<string, UpstreamRecord>) {
    for (const r of provRecords.values()) this.boundaryCodes.provinsi.set(r.kode, r.nama);
    this.addRows(rows);
    this.views.push(...views);
  }

  private addRows(rows: WilayahRow[]) {
    for (const r of rows) {
      const c = this.counts[r.tingkat];
      c.rows++;
      if (r.hasGeometry) c.withGeometry++;
      if (!r.inCodeList) c.notInCodeList++;
      if (r.origin) c.byOrigin[r.origin] = (c.byOrigin[r.origin] ?? 0) + 1;
      c.vertices += r.vertexCount;
      c.maxVertices = Math.max(c.maxVertices, r.vertexCount);
    }
  }

  private crossChecks(): Record<Tingkat, CrossCheck> {
    if (this.checks) return this.checks;
    const desaScope = this.desaProvinsi === 'all' ? 'semua provinsi' : `provinsi ${this.desaProvinsi.join(', ')}`;
    this.checks = {
      provinsi: crossCheck(this.codeList, 'provinsi', this.boundaryCodes.provinsi),
      kabupaten: crossCheck(this.codeList, 'kabupaten', this.boundaryCodes.kabupaten),
      kecamatan: crossCheck(this.codeList, 'kecamatan', this.boundaryCodes.kecamatan),
      desa: crossCheck(
        this.codeList,
        'desa',
        this.boundaryCodes.desa,
        (kode) => desaProvinsiIncludes(this.desaProvinsi, ancestorAt(kode, 'provinsi') ?? ''),
        desaScope,
      ),
    };
    return this.checks;
  }

  report(x: {
    source: BoundarySource;
    desaLabel: string;
    codeList: CodeList;
    filesRead: string[];
    geometryVersion: string;
    timings: Record<string, number>;
    simplify: SimplifyParams;
    peakRssMb: number;
  }): BoundaryReport {
    const checks = this.crossChecks();
    const invalid = this.issues.filter((i) => INVALID_KINDS.includes(i.kind));
    const other = this.issues.filter((i) => !INVALID_KINDS.includes(i.kind));
    const byKind = (list: GeometryIssue[]) => {
      const counts: Record<string, number> = {};
      for (const i of list) counts[`${i.layer}:${i.kind}`] = (counts[`${i.layer}:${i.kind}`] ?? 0) + 1;
      return counts;
    };
    const budgets: Record<ViewKind, number | null> = {
      'provinsi-indonesia': x.simplify.budget.national,
      'kabupaten-provinsi': x.simplify.budget.kabupatenOfProvinsi,
      'kecamatan-kabupaten': x.simplify.budget.kecamatanOfKabupaten,
      'desa-kabupaten': x.simplify.budget.desaOfKabupaten,
      'desa-kecamatan': null,
    };
    const views = {} as Record<ViewKind, ViewSummary>;
    for (const kind of Object.keys(budgets) as ViewKind[]) {
      const list = this.views.filter((v) => v.view === kind);
      const max = list.reduce<ViewStat | null>((m, v) => (!m || v.bytes > m.bytes ? v : m), null);
      const budget = budgets[kind];
      views[kind] = {
        count: list.length,
        maxParent: max?.parentKode ?? null,
        maxGzipBytes: max?.gzipBytes ?? 0,
        maxGzipMeasured: max?.gzipMeasured ?? false,
        maxBytes: max?.bytes ?? 0,
        maxVertices: list.reduce((m, v) => Math.max(m, v.vertices), 0),
        budgetBytes: budget,
        overBudget: budget === null ? [] : list.filter((v) => v.gzipBytes > budget).map((v) => v.parentKode),
      };
    }
    const summary = (c: CrossCheck) => ({
      scope: c.scope,
      inBoth: c.inBoth,
      onlyInBoundaries: c.onlyInBoundaries.length,
      onlyInCodeList: c.onlyInCodeList.length,
      onlyInBoundariesSample: c.onlyInBoundaries.slice(0, SAMPLE).map((e) => `${e.kode} ${e.nama}`),
      onlyInCodeListSample: c.onlyInCodeList.slice(0, SAMPLE).map((e) => `${e.kode} ${e.nama}`),
    });
    const partly = [...this.partlyWithout].sort();
    return {
      importerVersion: IMPORTER_VERSION,
      source: { label: x.source.label, origin: x.source.origin, dbDir: x.source.dbDir },
      desaProvinsi: x.desaLabel,
      codeList: { source: 'idn-area-data@4.0.1', counts: x.codeList.counts },
      counts: this.counts,
      codeCheck: {
        provinsi: summary(checks.provinsi),
        kabupaten: summary(checks.kabupaten),
        kecamatan: summary(checks.kecamatan),
        desa: summary(checks.desa),
      },
      desaWithoutPolygon: { count: this.desaWithout.length, sample: this.desaWithout.slice(0, SAMPLE) },
      kecamatanPartlyWithoutDesaPolygon: { count: partly.length, sample: partly.slice(0, SAMPLE) },
      invalidPolygons: {
        count: invalid.length,
        repaired: invalid.filter((i) => i.repaired).length,
        byKind: byKind(invalid),
        items: invalid,
      },
      otherRepairs: { count: other.length, byKind: byKind(other) },
      fallbacks: this.fallbacks,
      views,
      tiles: this.tiles,
      files: { count: x.filesRead.length, list: x.filesRead },
      geometryVersion: x.geometryVersion,
      timingsMs: x.timings,
      peakRssMb: x.peakRssMb,
    };
  }

  text(report: BoundaryReport, row: BoundaryImportRow): string {
    const checks = this.crossChecks();
    const L: string[] = [];
    const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
    L.push('LAPORAN IMPOR BATAS WILAYAH', '='.repeat(60));
    L.push(`Impor #${row.id}, selesai ${row.finishedAt?.toISOString() ?? '-'}`);
    L.push(`Sumber: ${report.source.label}`, `Folder db/: ${report.source.dbDir}`);
    L.push(`Desa dimuat untuk provinsi: ${report.desaProvinsi}`);
    L.push(
      `Daftar kode resmi: ${report.codeList.source} (${TINGKAT_LIST.map((t) => `${report.codeList.counts[t]} ${t}`).join(', ')})`,
    );
    L.push(`Versi geometri: ${report.geometryVersion}`, '');
    L.push('JUMLAH BARIS PER TINGKAT');
    for (const t of TINGKAT_LIST) {
      const c = report.counts[t];
      L.push(
        `  ${t.padEnd(10)} ${String(c.rows).padStart(6)} baris, ${c.withGeometry} berpoligon, ${c.notInCodeList} di luar daftar kode; ` +
          `asal: ${
            Object.entries(c.byOrigin)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ') || '-'
          }; titik: ${c.vertices} (maks ${c.maxVertices})`,
      );
    }
    L.push('', 'UKURAN TAMPILAN (FeatureCollection anak dengan {kode, nama}, gzip)');
    for (const [kind, v] of Object.entries(report.views)) {
      if (!v.count) continue;
      L.push(
        `  ${kind.padEnd(20)} ${v.count} tampilan; terbesar ${v.maxParent}: ${v.maxGzipMeasured ? '' : '≈'}${kb(v.maxGzipBytes)} gzip (${kb(v.maxBytes)} mentah, ` +
          `${v.maxVertices} titik maks)${v.budgetBytes ? `; anggaran ${kb(v.budgetBytes)}` : ''}${v.overBudget.length ? `; MELEBIHI: ${v.overBudget.join(', ')}` : ''}`,
      );
    }
    const tl = report.tiles;
    L.push(
      '',
      `PETAK PETA VEKTOR (semua desa, MVT gzip): ${tl.count} petak, ${kb(tl.bytes)} (${kb(tl.rawBytes)} mentah)` +
        `${tl.max ? `; terbesar ${tl.max.z}/${tl.max.x}/${tl.max.y} ${kb(tl.max.bytes)}` : ''}`,
    );
    for (const [z, v] of Object.entries(tl.byZoom)) {
      L.push(
        `  zoom ${z.padStart(2)}: ${String(v.count).padStart(6)} petak, ${kb(v.bytes)}, terbesar ${kb(v.maxBytes)}`,
      );
    }
    L.push('', 'PEMERIKSAAN KODE (batas wilayah vs daftar kode resmi)');
    for (const t of TINGKAT_LIST) {
      const c = checks[t];
      L.push(
        `  ${t} (${c.scope}): ${c.inBoth} cocok, ${c.onlyInBoundaries.length} hanya di batas wilayah, ${c.onlyInCodeList.length} hanya di daftar kode`,
      );
    }
    for (const t of TINGKAT_LIST) {
      const c = checks[t];
      if (c.onlyInBoundaries.length) {
        L.push('', `${t.toUpperCase()} HANYA DI BATAS WILAYAH (${c.onlyInBoundaries.length})`);
        for (const e of c.onlyInBoundaries) L.push(`  ${e.kode}  ${e.nama}`);
      }
      if (c.onlyInCodeList.length) {
        L.push('', `${t.toUpperCase()} HANYA DI DAFTAR KODE, TANPA DATA BATAS (${c.onlyInCodeList.length})`);
        for (const e of c.onlyInCodeList) L.push(`  ${e.kode}  ${e.nama}`);
      }
    }
    L.push('', `DESA/KELURAHAN TANPA POLIGON ("tanpa batas peta"): ${this.desaWithout.length}`);
    for (const d of this.desaWithout) L.push(`  ${d}`);
    L.push(
      '',
      `KECAMATAN YANG SEBAGIAN DESANYA TANPA POLIGON (bentuk kecamatan = gabungan desa yang ada): ${report.kecamatanPartlyWithoutDesaPolygon.count}`,
    );
    for (const k of this.partlyWithout) L.push(`  ${k}`);
    L.push('', `CADANGAN: BENTUK DARI LAPISAN HULU KARENA TIDAK ADA POLIGON DESA/KECAMATAN: ${this.fallbacks.length}`);
    for (const f of this.fallbacks) L.push(`  ${f.kode} (${f.tingkat})`);
    L.push('', `POLIGON TIDAK SAH: ${report.invalidPolygons.count} (${report.invalidPolygons.repaired} diperbaiki)`);
    for (const i of report.invalidPolygons.items) {
      L.push(
        `  ${i.kode} [lapisan ${i.layer}] ${ISSUE_LABEL[i.kind]}` +
          `${i.at ? ` di ${i.at[1]}, ${i.at[0]} (lat, lng)` : ''}: ${i.repaired ? 'diperbaiki' : 'dibiarkan'}${i.detail ? ` — ${i.detail}` : ''}`,
      );
    }
    L.push('', `PERBAIKAN KECIL LAIN: ${report.otherRepairs.count}`);
    for (const i of this.issues.filter((i) => !INVALID_KINDS.includes(i.kind)))
      L.push(`  ${i.kode} [${i.layer}] ${i.kind}: ${i.detail ?? ''}`);
    L.push('', `BERKAS YANG DIBACA (${report.files.count})`);
    for (const f of report.files.list) L.push(`  ${f}`);
    L.push('', 'WAKTU (ms)');
    for (const [k, v] of Object.entries(report.timingsMs)) L.push(`  ${k.padEnd(16)} ${v}`);
    L.push(`Memori puncak (RSS): ${report.peakRssMb} MB`, '');
    return L.join('\n');
  }
}
