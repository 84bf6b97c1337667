import { readdirSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { readUpstreamFile } from '../boundaries/parse-upstream-sql.ts';
import { cleanGeometry } from '../boundaries/build-geometry.ts';
const root = '/work/shared/data/wilayah_boundaries/db';
const layer = process.argv[2] ?? 'kel';
const out = createWriteStream(process.argv[3]!);
const files: string[] = [];
function walk(d: string) { for (const e of readdirSync(d, { withFileTypes: true })) { if (e.isDirectory()) walk(join(d, e.name)); else files.push(join(d, e.name)); } }
walk(join(root, layer));
for (const f of files.sort()) for await (const r of readUpstreamFile(f)) { const c = cleanGeometry(r.kode, 'desa', r.geometry); if (c.geometry) out.write(`${r.kode}\t${JSON.stringify(c.geometry)}\n`); }
out.end();
