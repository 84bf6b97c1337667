// Sizes of the map views as the API serves them (FeatureCollection of the children, properties {kode, nama}),
// measured on the imported database with gzip at zlib's default level:
//   pnpm --filter @peta/data exec tsx importers/measure-views.ts [kode …]
// DATABASE_URL or DATA_DIR (embedded database in DATA_DIR/pg, default .data/) as for the importer.
// Without arguments: every view of the four kinds, plus all desa of each kabupaten.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { openDatabase } from '@peta/db';
import { ancestorAt, tingkatOf } from '@peta/domain';
import { featureCollectionText } from './boundaries/build-geometry.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = resolve(process.env.DATA_DIR ?? join(repoRoot, '.data'));
const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: join(dataDir, 'pg'),
});

type Child = {
  kode: string;
  nama: string;
  geojson: string;
  parent_kode: string | null;
  tingkat: string;
  vertex_count: number;
};
const { rows } = await database.pool.query<Child>(
  `SELECT w.kode, w.nama, w.parent_kode, w.tingkat, g.geojson, g.vertex_count
     FROM wilayah w JOIN wilayah_geometry g USING (kode) ORDER BY w.kode`,
);
await database.close();

interface View {
  kind: string;
  parent: string;
  features: number;
  vertices: number;
  raw: number;
  gzip: number;
}
const measure = (kind: string, parent: string, children: Child[]): View => {
  const text = featureCollectionText(children);
  return {
    kind,
    parent,
    features: children.length,
    vertices: children.reduce((n, c) => n + c.vertex_count, 0),
    raw: Buffer.byteLength(text),
    gzip: gzipSync(text).length,
  };
};
const byParent = new Map<string, Child[]>();
for (const r of rows) {
  const key = r.parent_kode ?? 'indonesia';
  let list = byParent.get(key);
  if (!list) byParent.set(key, (list = []));
  list.push(r);
}
const views: View[] = [];
const KIND_UNDER = {
  provinsi: 'kabupaten-provinsi',
  kabupaten: 'kecamatan-kabupaten',
  kecamatan: 'desa-kecamatan',
} as const;
const kindOf = (parent: string) =>
  parent === 'indonesia' ? 'provinsi-indonesia' : KIND_UNDER[tingkatOf(parent) as keyof typeof KIND_UNDER];
const wanted = process.argv.slice(2);
for (const [parent, children] of byParent) {
  if (wanted.length && !wanted.includes(parent)) continue;
  views.push(measure(kindOf(parent), parent, children));
}
const desaByKab = new Map<string, Child[]>();
for (const r of rows) {
  if (r.tingkat !== 'desa') continue;
  const kab = ancestorAt(r.kode, 'kabupaten')!;
  let list = desaByKab.get(kab);
  if (!list) desaByKab.set(kab, (list = []));
  list.push(r);
}
for (const [kab, desa] of desaByKab) {
  if (wanted.length && !wanted.includes(kab)) continue;
  views.push(measure('desa-kabupaten', kab, desa));
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
console.log('| tampilan | jumlah | median gzip | p95 gzip | terbesar (gzip, mentah, titik) |');
console.log('|---|---:|---:|---:|---|');
for (const kind of [
  'provinsi-indonesia',
  'kabupaten-provinsi',
  'kecamatan-kabupaten',
  'desa-kecamatan',
  'desa-kabupaten',
]) {
  const list = views.filter((v) => v.kind === kind).sort((a, b) => a.gzip - b.gzip);
  if (!list.length) continue;
  const at = (q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))]!;
  const max = list[list.length - 1]!;
  console.log(
    `| ${kind} | ${list.length} | ${kb(at(0.5).gzip)} | ${kb(at(0.95).gzip)} | ${max.parent}: ${kb(max.gzip)}, ${kb(max.raw)}, ${max.vertices} titik, ${max.features} fitur |`,
  );
}
if (wanted.length) {
  for (const v of views)
    console.log(
      `${v.kind} ${v.parent}: ${v.features} fitur, ${v.vertices} titik, ${kb(v.raw)} mentah, ${kb(v.gzip)} gzip`,
    );
}
