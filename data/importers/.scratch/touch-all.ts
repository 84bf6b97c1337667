import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readUpstreamFile } from '../boundaries/parse-upstream-sql.ts';
const root = '/work/shared/data/wilayah_boundaries/db';
const files: string[] = [];
function walk(d: string) { for (const e of readdirSync(d, { withFileTypes: true })) { if (e.isDirectory()) walk(join(d, e.name)); else files.push(join(d, e.name)); } }
walk(join(root, 'kel'));
let rep = 0, unclosed = 0, short = 0, dupConsec = 0; const ex: string[] = [];
for (const f of files.sort()) for await (const r of readUpstreamFile(f)) {
  if (!r.geometry) continue;
  const ps = r.geometry.type === 'Polygon' ? [r.geometry.coordinates] : r.geometry.coordinates;
  let flagged = false;
  for (const p of ps) for (const ring of p) {
    const a = ring[0]!, b = ring[ring.length - 1]!;
    if (a[0] !== b[0] || a[1] !== b[1]) { unclosed++; if (ex.length < 40) ex.push('unclosed ' + r.kode); }
    if (ring.length < 4) { short++; if (ex.length < 40) ex.push('short ' + r.kode + ' ' + ring.length); }
    const seen = new Set<string>();
    for (let i = 0; i < ring.length - 1; i++) { const k = ring[i]![0] + ',' + ring[i]![1]; if (i > 0 && ring[i-1]![0] === ring[i]![0] && ring[i-1]![1] === ring[i]![1]) dupConsec++; else if (seen.has(k) && !flagged) { rep++; flagged = true; if (ex.length < 40) ex.push('repeat ' + r.kode + ' ' + r.nama + ' ' + k); } seen.add(k); }
  }
}
console.log({ rep, unclosed, short, dupConsec }); console.log(ex.join('\n'));
