// Where to keep the boundary vector tiles: MVT rows in the database (boundary_tile) or one PMTiles archive?
// Measured on a database that holds a finished boundary import (its tiles), e.g. after `DESA_PROVINSI=all pnpm start`:
//   DATA_DIR=.data pnpm --filter @peta/data exec tsx bench/vector-tiles.ts     (or DATABASE_URL=…)
// Both stores hold the same gzip-compressed tiles, so tile bytes are equal; what differs is the cost of writing
// them, the file or table size, the latency of one tile, and what a browser must fetch besides the tiles
// (PMTiles read by the browser needs its header and directories first). docs/decisions/vector-tiles.md.
import { mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PMTiles, zxyToTileId, type RangeResponse, type Source } from 'pmtiles';
import { openDatabase } from '@peta/db';
import { mercator } from '../importers/boundaries/tiles/tile-set.ts';

interface Tile {
  z: number;
  x: number;
  y: number;
  data: Buffer;
}

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: join(resolve(process.env.DATA_DIR ?? '.data'), 'pg'),
  reuseRunning: true,
});
const q = <T>(sql: string, params: unknown[] = []) => database.pool.query(sql, params).then((r) => r.rows as T[]);

const [imp] = await q<{ id: number; geometry_version: string }>(
  `SELECT id, geometry_version FROM boundary_import WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1`,
);
if (!imp) throw new Error('Belum ada impor batas wilayah.');
const tiles = await q<Tile>(`SELECT z, x, y, data FROM boundary_tile WHERE import_id = $1 ORDER BY z, x, y`, [imp.id]);
const totalBytes = tiles.reduce((n, t) => n + t.data.length, 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const pct = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(p * list.length))]!;
console.log(`${tiles.length} tiles, ${mb(totalBytes)} gzip (geometry version ${imp.geometry_version})`);

// The tiles a 1280×800 browser needs for the national view: zoom 3 over Indonesia (the map pane is ~860 px wide).
const [minX, maxY] = mercator(94.9, -11.1).map((v) => v * 8);
const [maxX, minY] = mercator(141.1, 6.1).map((v) => v * 8);
const firstView = tiles.filter(
  (t) =>
    t.z === 3 &&
    t.x >= Math.floor(minX!) &&
    t.x <= Math.floor(maxX!) &&
    t.y >= Math.floor(minY!) &&
    t.y <= Math.floor(maxY!),
);
const firstViewBytes = firstView.reduce((n, t) => n + t.data.length, 0);

// ---- A: rows in the database ---------------------------------------------------------------------------------
const random = (() => {
  let s = 42;
  return () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
})();
const sample = Array.from({ length: 2000 }, () => tiles[Math.floor(random() * tiles.length)]!);

let t = performance.now();
await q('CREATE TEMP TABLE bench_tile (z int, x int, y int, data bytea, PRIMARY KEY (z, x, y))');
for (let i = 0; i < tiles.length; i += 2000) {
  const batch = tiles.slice(i, i + 2000);
  await q(`INSERT INTO bench_tile SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::bytea[])`, [
    batch.map((b) => b.z),
    batch.map((b) => b.x),
    batch.map((b) => b.y),
    batch.map((b) => b.data),
  ]);
}
const dbWriteMs = performance.now() - t;
const size =
  (await q<{ size: string }>(`SELECT pg_total_relation_size('boundary_tile')::text AS size`))[0]?.size ?? '0';
const dbLatency: number[] = [];
for (const s of sample) {
  const started = performance.now();
  await q(
    `SELECT t.data FROM boundary_tile t JOIN boundary_import i ON i.id = t.import_id
    WHERE t.z = $1 AND t.x = $2 AND t.y = $3 AND i.geometry_version = $4 AND i.finished_at IS NOT NULL`,
    [s.z, s.x, s.y, imp.geometry_version],
  );
  dbLatency.push(performance.now() - started);
}

// ---- B: one PMTiles v3 archive (a minimal writer: clustered, one root directory or leaves) ----------------------
function varints(values: number[]): Buffer {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return Buffer.from(out);
}
interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}
function directory(entries: Entry[]): Buffer {
  const values: number[] = [entries.length];
  let last = 0;
  for (const e of entries) {
    values.push(e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) values.push(e.runLength);
  for (const e of entries) values.push(e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    values.push(prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return gzipSync(varints(values));
}
t = performance.now();
const byId = tiles.map((tile) => ({ tile, id: zxyToTileId(tile.z, tile.x, tile.y) })).sort((a, b) => a.id - b.id);
const entries: Entry[] = [];
let offset = 0;
for (const { tile, id } of byId) {
  entries.push({ tileId: id, offset, length: tile.data.length, runLength: 1 });
  offset += tile.data.length;
}
let root = directory(entries);
let leaves = Buffer.alloc(0);
for (let perLeaf = 4096; root.length > 16384 - 127; perLeaf = Math.max(256, perLeaf >> 1)) {
  const leafEntries: Entry[] = [];
  const parts: Buffer[] = [];
  let leafOffset = 0;
  for (let i = 0; i < entries.length; i += perLeaf) {
    const leaf = directory(entries.slice(i, i + perLeaf));
    leafEntries.push({ tileId: entries[i]!.tileId, offset: leafOffset, length: leaf.length, runLength: 0 });
    parts.push(leaf);
    leafOffset += leaf.length;
  }
  root = directory(leafEntries);
  leaves = Buffer.concat(parts);
}
const metadata = gzipSync(Buffer.from(JSON.stringify({ vector_layers: [{ id: 'desa' }, { id: 'batas' }] })));
const header = Buffer.alloc(127);
header.write('PMTiles', 0);
header.writeUInt8(3, 7);
const rootOffset = 127,
  metadataOffset = rootOffset + root.length,
  leavesOffset = metadataOffset + metadata.length,
  dataOffset = leavesOffset + leaves.length;
const u64 = (at: number, v: number) => header.writeBigUInt64LE(BigInt(v), at);
u64(8, rootOffset);
u64(16, root.length);
u64(24, metadataOffset);
u64(32, metadata.length);
u64(40, leavesOffset);
u64(48, leaves.length);
u64(56, dataOffset);
u64(64, offset);
u64(72, tiles.length);
u64(80, entries.length);
u64(88, tiles.length);
header.writeUInt8(1, 96);
header.writeUInt8(2, 97);
header.writeUInt8(2, 98);
header.writeUInt8(1, 99);
header.writeUInt8(Math.min(...tiles.map((x) => x.z)), 100);
header.writeUInt8(Math.max(...tiles.map((x) => x.z)), 101);
header.writeInt32LE(94.9e7, 102);
header.writeInt32LE(-11.1e7, 106);
header.writeInt32LE(141.1e7, 110);
header.writeInt32LE(6.1e7, 114);
header.writeUInt8(4, 118);
header.writeInt32LE(118e7, 119);
header.writeInt32LE(-2.5e7, 123);
const dir = mkdtempSync(join(tmpdir(), 'peta-pmtiles-'));
const file = join(dir, 'batas.pmtiles');
writeFileSync(file, Buffer.concat([header, root, metadata, leaves, ...byId.map((b) => b.tile.data)]));
const pmWriteMs = performance.now() - t;
const fileBytes = statSync(file).size;

class NodeFileSource implements Source {
  private readonly fd = openSync(file, 'r');
  getKey() {
    return file;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const buf = Buffer.alloc(length);
    readSync(this.fd, buf, 0, length, offset);
    return { data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + length) as ArrayBuffer };
  }
  close() {
    closeSync(this.fd);
  }
}
const source = new NodeFileSource();
const archive = new PMTiles(source);
await archive.getHeader();
const pmLatency: number[] = [];
for (const s of sample) {
  const started = performance.now();
  const got = await archive.getZxy(s.z, s.x, s.y);
  pmLatency.push(performance.now() - started);
  // The reader hands the tile out decompressed (the server would gzip it again or send the stored bytes).
  if (!got || got.data.byteLength !== gunzipSync(s.data).length)
    throw new Error(`PMTiles ${s.z}/${s.x}/${s.y}: tile differs`);
}
source.close();
rmSync(dir, { recursive: true, force: true });
await database.close();

const ms = (x: number) => `${x.toFixed(2)} ms`;
console.log(`\n| | database rows (boundary_tile) | PMTiles file |`);
console.log(`|---|---:|---:|`);
console.log(
  `| write all tiles | ${(dbWriteMs / 1000).toFixed(1)} s (unnest batches, inside the import transaction) | ${(pmWriteMs / 1000).toFixed(1)} s (sort by tile id, directories, one file) |`,
);
console.log(
  `| stored size | ${mb(Number(size))} (table + index + TOAST) | ${mb(fileBytes)} (directories ${kb(root.length + leaves.length)}) |`,
);
console.log(
  `| first view, Indonesia (${firstView.length} tiles at zoom 3) | ${kb(firstViewBytes)} | ${kb(firstViewBytes)} + ${kb(127 + root.length)} header and root directory${leaves.length ? ' + leaf directories' : ''} before the first tile when the browser reads the archive by range |`,
);
console.log(
  `| one tile, p50 / p95 (${sample.length} random, one at a time) | ${ms(pct(dbLatency, 0.5))} / ${ms(pct(dbLatency, 0.95))} | ${ms(pct(pmLatency, 0.5))} / ${ms(pct(pmLatency, 0.95))} (directory cached in memory) |`,
);
