// Bytes on the wire for the views a user opens, against a running server:
//   BASE_URL=http://127.0.0.1:3000 BENCH_USER=pembaca BENCH_PASSWORD=… pnpm bench:payload
// Geometry is requested once per view (then cached by the browser); values are the only thing that travels
// again when the indicator or period changes. Sizes are gzip as sent by the server.
import { benchFetch } from './bench-session.ts';

async function size(path: string): Promise<{ gzip: number; raw: number; ms: number }> {
  const started = performance.now();
  const res = await benchFetch(path, { 'accept-encoding': 'gzip' });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  const raw = (await res.arrayBuffer()).byteLength; // fetch decodes gzip; content-length is not always set
  const ms = performance.now() - started;
  const { gzipSync } = await import('node:zlib');
  const again = await benchFetch(path);
  const gzip =
    res.headers.get('content-encoding') === 'gzip' ? gzipSync(Buffer.from(await again.arrayBuffer())).byteLength : raw;
  return { gzip, raw, ms };
}

const meta = (await (await benchFetch('/api/meta')).json()) as { geometryVersion: string };
const v = meta.geometryVersion;
const views: [string, string][] = [
  ['Indonesia: 38 provinsi (geometri)', `/api/geometry/${v}/indonesia/children.geojson`],
  ['Sumatera Utara: kabupaten/kota (geometri)', `/api/geometry/${v}/12/children.geojson`],
  ['Labuhanbatu: kecamatan (geometri)', `/api/geometry/${v}/12.10/children.geojson`],
  ['Bilah Hulu: desa (geometri)', `/api/geometry/${v}/12.10.09/children.geojson`],
  ['Deli Serdang: kecamatan (geometri)', `/api/geometry/${v}/12.07/children.geojson`],
  ['Nilai K4 kecamatan Labuhanbatu', '/api/nilai?indikator=KIA_K4&periode=2026-01..2026-10&wilayah=12.10'],
  ['Nilai K4 desa Bilah Hulu', '/api/nilai?indikator=KIA_K4&periode=2026-01..2026-10&wilayah=12.10.09'],
  ['Nilai K4 kabupaten Sumatera Utara', '/api/nilai?indikator=KIA_K4&periode=2026-01..2026-10&wilayah=12'],
  ['Nilai K4 provinsi (nasional)', '/api/nilai?indikator=KIA_K4&periode=2026-01..2026-10'],
  ['Daftar anak Labuhanbatu', '/api/wilayah/12.10/children'],
];
// What a new browser downloads (besides the JS bundle) to drill from Indonesia to the desa of one kecamatan
// of Labuhanbatu with an indicator shown: geometry, child lists and values of every level on the way.
const drill = [
  `/api/meta`,
  '/api/indikator',
  `/api/geometry/${v}/indonesia/children.geojson`,
  '/api/wilayah',
  '/api/nilai?indikator=KIA_K4&periode=2026-01..2026-10',
  `/api/geometry/${v}/12/children.geojson`,
  '/api/wilayah/12',
  '/api/wilayah/12/children',
  '/api/nilai?indikator=KIA_K4&periode=2026-01..2026-10&wilayah=12',
  `/api/geometry/${v}/12.10/children.geojson`,
  '/api/wilayah/12.10',
  '/api/wilayah/12.10/children',
  '/api/nilai?indikator=KIA_K4&periode=2026-01..2026-10&wilayah=12.10',
  `/api/geometry/${v}/12.10.09/children.geojson`,
  '/api/wilayah/12.10.09',
  '/api/wilayah/12.10.09/children',
  '/api/nilai?indikator=KIA_K4&periode=2026-01..2026-10&wilayah=12.10.09',
];

console.log('| view | gzip | raw | time (warm) |\n|---|---:|---:|---:|');
for (const [label, path] of views) {
  await size(path); // warm the server caches; the figure below is a repeat visit of a new browser
  const s = await size(path);
  console.log(
    `| ${label} | ${(s.gzip / 1024).toFixed(1)} KB | ${(s.raw / 1024).toFixed(1)} KB | ${s.ms.toFixed(0)} ms |`,
  );
}
let total = 0;
for (const path of drill) total += (await size(path)).gzip;
console.log(
  `\nDrill Indonesia → Sumatera Utara → Labuhanbatu → one kecamatan's desa, with K4 values, new browser: ` +
    `${(total / 1024).toFixed(1)} KB gzip in ${drill.length} requests (excluding the JS bundle).`,
);
