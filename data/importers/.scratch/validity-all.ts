import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readUpstreamFile } from '../boundaries/parse-upstream-sql.ts';
import { findCrossings } from '../boundaries/validity.ts';
const root = '/work/shared/data/wilayah_boundaries/db';
const layer = process.argv[2] ?? 'kel';
const files: string[] = [];
function walk(d: string) { for (const e of readdirSync(d, { withFileTypes: true })) { if (e.isDirectory()) walk(join(d, e.name)); else files.push(join(d, e.name)); } }
walk(join(root, layer));
let t = 0, bad: string[] = [];
for (const f of files.sort()) for await (const r of readUpstreamFile(f)) { if (!r.geometry) continue; const t0 = performance.now(); const c = findCrossings(r.geometry, 3); t += performance.now() - t0; if (c.length) bad.push(`${r.kode} ${r.nama} ${r.geometry.type} ${JSON.stringify(c[0])}`); }
console.log(layer, 'invalid', bad.length, 'check ms', Math.round(t)); console.log(bad.slice(0, 60).join('\n'));
