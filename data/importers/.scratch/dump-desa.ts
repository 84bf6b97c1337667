import { readdirSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { readUpstreamFile } from '../boundaries/parse-upstream-sql.ts';
const root = '/work/shared/data/wilayah_boundaries/db';
const layer = process.argv[2] ?? 'kel';
const out = createWriteStream(process.argv[3] ?? '/tmp/desa.tsv');
const files: string[] = [];
function walk(d: string) { for (const e of readdirSync(d, { withFileTypes: true })) { if (e.isDirectory()) walk(join(d, e.name)); else files.push(join(d, e.name)); } }
walk(join(root, layer));
let n = 0;
for (const f of files.sort()) for await (const r of readUpstreamFile(f)) { if (!r.geometry) continue; out.write(`${r.kode}\t${JSON.stringify(r.geometry)}\n`); n++; }
out.end(); console.log(n);
