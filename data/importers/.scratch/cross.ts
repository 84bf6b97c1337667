import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readUpstreamFile } from '../boundaries/parse-upstream-sql.ts';
import { readCodeList, crossCheck } from '../boundaries/code-list.ts';
const root = '/work/shared/data/wilayah_boundaries/db';
const cl = await readCodeList();
console.log(cl.counts);
for (const [layer, t] of [['prov','provinsi'],['kab','kabupaten'],['kec','kecamatan'],['kel','desa']] as const) {
  const files: string[] = [];
  const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { if (e.isDirectory()) walk(join(d, e.name)); else files.push(join(d, e.name)); } };
  walk(join(root, layer));
  const m = new Map<string, string>(); const names: string[] = [];
  for (const f of files) for await (const r of readUpstreamFile(f)) { if (m.has(r.kode)) console.log('dup', r.kode); m.set(r.kode, r.nama); const e = cl.entries.get(r.kode); if (e && e.nama.toLowerCase() !== r.nama.toLowerCase() && names.length < 5) names.push(`${r.kode}: ${e.nama} | ${r.nama}`); }
  const c = crossCheck(cl, t, m);
  console.log(t, c.inBoth, 'onlyB', c.onlyInBoundaries.length, JSON.stringify(c.onlyInBoundaries.slice(0, 20)), 'onlyCL', c.onlyInCodeList.length, JSON.stringify(c.onlyInCodeList.slice(0, 20)));
  console.log(names);
}
