// Writes the hand-made fixture into a throwaway embedded PostgreSQL.
import { chmodSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@peta/db';
import { TILE_MAX_ZOOM, TILE_MIN_ZOOM } from '@peta/domain/contract';
import { readCodeList, type CodeList } from './code-list.ts';
import {
  ensureBoundaries,
  importBoundaries,
  latestImport,
  REPORT_FILE,
  type ImportProgress,
} from './import-boundaries.ts';
import { tinyCodeListDir, tinyUpstreamRepo } from './fixtures/tiny-upstream.ts';

const fixtureRepo = tinyUpstreamRepo();

describe('importBoundaries into PostgreSQL', () => {
  let database: Database;
  let codeList: CodeList;
  let tmp: string;
  const q = async (sql: string, params: unknown[] = []) => (await database.pool.query(sql, params)).rows;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'peta-import-'));
    chmodSync(tmp, 0o755); // the embedded server runs as user postgres
    database = await openDatabase({ dataDir: join(tmp, 'pg'), ephemeral: true });
    codeList = await readCodeList(tinyCodeListDir());
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  it('writes wilayah, geometry and a finished import with its report', async () => {
    const progress: ImportProgress[] = [];
    const result = await importBoundaries(database, {
      source: fixtureRepo,
      desaProvinsi: ['99'],
      reportDir: tmp,
      codeList,
      onProgress: (p) => progress.push(p),
    });
    expect(result.imported).toBe(true);
    expect(result.import.finishedAt).toBeInstanceOf(Date);
    expect(result.import.desaProvinsi).toBe('99');
    expect(result.import.geometryVersion).toMatch(/^[0-9a-f]{12}$/);

    const counts = await q(
      `SELECT tingkat, count(*)::int n, count(*) FILTER (WHERE has_geometry)::int g FROM wilayah GROUP BY tingkat ORDER BY tingkat`,
    );
    expect(counts).toEqual([
      { tingkat: 'desa', n: 6, g: 4 },
      { tingkat: 'kabupaten', n: 2, g: 2 },
      { tingkat: 'kecamatan', n: 4, g: 4 },
      { tingkat: 'provinsi', n: 2, g: 2 },
    ]);
    expect((await q('SELECT count(*)::int n FROM wilayah_geometry'))[0].n).toBe(12);

    const [kec] = await q(
      `SELECT w.*, g.origin, g.vertex_count, g.geojson FROM wilayah w JOIN wilayah_geometry g USING (kode) WHERE kode = '99.01.01'`,
    );
    expect(kec).toMatchObject({
      nama: 'Barat',
      tingkat: 'kecamatan',
      parent_kode: '99.01',
      bbox: [100, 0, 102, 1],
      has_geometry: true,
      in_code_list: true,
      child_count: 3,
      origin: 'dissolved',
      vertex_count: 7,
      import_id: result.import.id,
    });
    expect(kec.label_lng).toBeGreaterThan(100);
    expect(kec.label_lng).toBeLessThan(102);
    expect(JSON.parse(kec.geojson).type).toBe('Polygon');
    expect((await q(`SELECT in_code_list FROM wilayah WHERE kode = '99.01.02.2005'`))[0].in_code_list).toBe(false);
    expect(await q(`SELECT kode, bbox, label_lng FROM wilayah WHERE NOT has_geometry ORDER BY kode`)).toEqual([
      { kode: '99.01.01.2007', bbox: null, label_lng: null },
      { kode: '99.01.02.2004', bbox: null, label_lng: null },
    ]);
    expect((await q(`SELECT origin FROM wilayah_geometry WHERE kode = '99.01.03'`))[0].origin).toBe('upstream');

    const report = result.report;
    expect(report.counts.desa).toMatchObject({ rows: 6, withGeometry: 4, notInCodeList: 1 });
    expect(report.codeCheck.desa).toMatchObject({ inBoth: 4, onlyInBoundaries: 1, onlyInCodeList: 1 });
    expect(report.desaWithoutPolygon.count).toBe(2);
    expect(report.invalidPolygons.count).toBe(0);
    expect(report.files.list).toEqual([
      'prov/wilayah_boundaries_prov_1.sql',
      'kab/wilayah_boundaries_kab_98.sql',
      'kec/wilayah_boundaries_kec_98.sql',
      'kab/wilayah_boundaries_kab_99.sql',
      'kec/wilayah_boundaries_kec_99.sql',
      'kel/99/wilayah_boundaries_kel_99.01.sql',
    ]);
    expect((await latestImport(database))!.report).toEqual(JSON.parse(JSON.stringify(report)));
    // The vector tiles of the desa province, written with the import and counted in its report.
    const tiles = await q(
      `SELECT z, count(*)::int n, bool_and(import_id = $1) mine FROM boundary_tile GROUP BY z ORDER BY z`,
      [result.import.id],
    );
    expect(tiles.map((r) => r.z)).toEqual(
      Array.from({ length: TILE_MAX_ZOOM - TILE_MIN_ZOOM + 1 }, (_, i) => TILE_MIN_ZOOM + i),
    );
    expect(tiles.every((r) => r.mine)).toBe(true);
    expect(report.tiles.count).toBe(tiles.reduce((n, r) => n + r.n, 0));
    // Written by a binary COPY: every tile's bytes as encoded (gzip, as served), their total as the report counted them.
    const stored = await q(`SELECT data FROM boundary_tile ORDER BY z, x, y`);
    expect(stored.reduce((n, r) => n + (r.data as Buffer).length, 0)).toBe(report.tiles.bytes);
    for (const r of stored) expect(gunzipSync(r.data as Buffer).length).toBeGreaterThan(0);
    // Written by COPY in text format: the stored GeoJSON is the text the rows carried (each parses, counts its vertices).
    const geometries = await q(`SELECT geojson, vertex_count FROM wilayah_geometry`);
    expect(geometries.length).toBeGreaterThan(0);
    for (const g of geometries) {
      const parsed = JSON.parse(g.geojson as string) as { type: string; coordinates: unknown };
      const vertices = (JSON.stringify(parsed.coordinates).match(/\[-?[\d.]+,/g) ?? []).length;
      expect(vertices).toBe(g.vertex_count);
    }

    const text = readFileSync(join(tmp, REPORT_FILE), 'utf8');
    expect(result.reportFile).toBe(join(tmp, REPORT_FILE));
    expect(text).toContain('DESA/KELURAHAN TANPA POLIGON ("tanpa batas peta"): 2');
    expect(text).toContain('99.01.02.2005  Di Luar Daftar');
    expect(text).toContain('99.01.01.2007  Tanpa Batas');

    const phases = [...new Set(progress.map((p) => p.phase))];
    expect(phases).toEqual([
      'Membaca daftar kode wilayah',
      'Membaca batas provinsi',
      'Membaca batas kecamatan dan menggabungkannya menjadi kabupaten',
      'Membaca batas desa',
      'Menggabungkan desa menjadi kecamatan, kabupaten dan provinsi',
      'Menyederhanakan peta nasional (provinsi)',
      'Menyimpan petak peta vektor (semua desa)',
      'Menyimpan ke basis data',
      'Selesai',
    ]);
    expect(progress.at(-1)).toEqual({ phase: 'Selesai', done: 1, total: 1 });
  });

  it('replaces the previous rows when another region is imported', async () => {
    const result = await importBoundaries(database, { source: fixtureRepo, desaProvinsi: [], codeList });
    expect(result.reportFile).toBeNull();
    expect((await q(`SELECT count(*)::int n FROM wilayah WHERE tingkat = 'desa'`))[0].n).toBe(0);
    expect((await q(`SELECT count(*)::int n FROM wilayah`))[0].n).toBe(8);
    expect((await q(`SELECT DISTINCT import_id FROM wilayah`)).map((r) => r.import_id)).toEqual([result.import.id]);
    // Without desa, province 99 uses the upstream kecamatan and kabupaten layers.
    expect((await q(`SELECT origin FROM wilayah_geometry WHERE kode = '99.01.01'`))[0].origin).toBe('upstream');
    expect((await q(`SELECT child_count FROM wilayah WHERE kode = '99.01.01'`))[0].child_count).toBe(0);
    expect(result.import.geometryVersion).not.toBe(
      (await q(`SELECT geometry_version FROM boundary_import ORDER BY id LIMIT 1`))[0].geometry_version,
    );
  });

  it('ensureBoundaries reuses a finished import of the same region and imports another', async () => {
    const before = await latestImport(database);
    let resolved = 0;
    const same = await ensureBoundaries(database, {
      desaProvinsi: [],
      codeList,
      resolveSource: async () => {
        resolved++;
        return fixtureRepo;
      },
    });
    expect(same.id).toBe(before!.id);
    expect(resolved).toBe(0);

    const other = await ensureBoundaries(database, {
      desaProvinsi: ['99'],
      codeList,
      resolveSource: async () => {
        resolved++;
        return fixtureRepo;
      },
    });
    expect(resolved).toBe(1);
    expect(other.id).toBeGreaterThan(before!.id);
    expect(other.desaProvinsi).toBe('99');
    expect((await q(`SELECT count(*)::int n FROM wilayah WHERE tingkat = 'desa'`))[0].n).toBe(6);
  });

  it('leaves the previous import in place when an import fails', async () => {
    const before = await latestImport(database);
    const broken = join(tmp, 'rusak');
    cpSync(fixtureRepo, broken, { recursive: true });
    const kel = join(broken, 'db', 'kel', '99', 'wilayah_boundaries_kel_99.01.sql');
    writeFileSync(kel, readFileSync(kel, 'utf8').replace("'[[[0,101],[0,102]", "'[[[0,101],[0,xx]"));
    await expect(importBoundaries(database, { source: broken, desaProvinsi: ['99'], codeList })).rejects.toThrow(
      /wilayah_boundaries_kel_99\.01\.sql baris 5: path wilayah 99\.01\.01\.2002 tidak sah/,
    );
    expect((await latestImport(database))!.id).toBe(before!.id);
    expect((await q(`SELECT count(*)::int n FROM boundary_import WHERE finished_at IS NULL`))[0].n).toBe(0);
    expect((await q(`SELECT count(*)::int n FROM wilayah_geometry`))[0].n).toBe(12);
    expect(
      (await q(`SELECT count(*)::int n FROM boundary_tile WHERE import_id = $1`, [before!.id]))[0].n,
    ).toBeGreaterThan(0);
  });
});
