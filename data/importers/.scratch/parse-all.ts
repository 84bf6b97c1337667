import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readUpstreamFile } from '../boundaries/parse-upstream-sql.ts';
const root = '/work/shared/data/wilayah_boundaries/db';
const layer = process.argv[2] ?? 'kec';
const files: string[] = [];
function walk(d: string) { for (const e of readdirSync(d, { withFileTypes: true })) { if (e.isDirectory()) walk(join(d, e.name)); else files.push(join(d, e.name)); } }
walk(join(root, layer));
const t0 = performance.now();
let n = 0, nulls = 0, verts = 0, poly = 0, multi = 0, rings=0, parts=0;
const filter = process.argv[3];
for (const f of files.sort()) {
  if (filter && !f.includes(filter)) continue;
  for await (const r of readUpstreamFile(f)) {
    n++;
    if (!r.geometry) { nulls++; continue; }
    const ps = r.geometry.type === 'Polygon' ? [r.geometry.coordinates] : r.geometry.coordinates;
    if (r.geometry.type === 'Polygon') poly++; else multi++;
    for (const p of ps) { parts++; for (const ring of p) { rings++; verts += ring.length; } }
  }
}
console.log({ layer, files: files.length, n, nulls, poly, multi, parts, rings, verts, ms: Math.round(performance.now() - t0), rssMB: Math.round(process.memoryUsage().rss / 1e6) });
