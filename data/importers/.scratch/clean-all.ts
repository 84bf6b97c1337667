import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readUpstreamFile } from '../boundaries/parse-upstream-sql.ts';
import { cleanGeometry } from '../boundaries/build-geometry.ts';
const root = '/work/shared/data/wilayah_boundaries/db';
const layer = process.argv[2] ?? 'kel';
const files: string[] = [];
function walk(d: string) { for (const e of readdirSync(d, { withFileTypes: true })) { if (e.isDirectory()) walk(join(d, e.name)); else files.push(join(d, e.name)); } }
walk(join(root, layer));
const kinds: Record<string, number> = {}; const ex: string[] = [];
let t = 0;
for (const f of files.sort()) for await (const r of readUpstreamFile(f)) { const t0 = performance.now(); const c = cleanGeometry(r.kode, 'desa', r.geometry); t += performance.now() - t0; for (const i of c.issues) { const k = i.kind + (i.repaired ? '+' : '-'); kinds[k] = (kinds[k] ?? 0) + 1; if (i.kind === 'crossing' && ex.length < 30) ex.push(`${r.kode} ${i.detail} ${JSON.stringify(i.at)}`); } }
console.log(layer, kinds, 'ms', Math.round(t)); console.log(ex.join('\n'));
