import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readUpstreamFile, type UpstreamRecord } from '../boundaries/parse-upstream-sql.ts';
import { readCodeList } from '../boundaries/code-list.ts';
import { buildProvince, buildNational, type ProvinceInput } from '../boundaries/build-geometry.ts';
const root = '/work/shared/data/wilayah_boundaries/db';
const cl = await readCodeList();
async function all(f: string) { const out: UpstreamRecord[] = []; if (existsSync(f)) for await (const r of readUpstreamFile(f)) out.push(r); return out; }
const provs = (process.argv[2] ?? '12').split(',');
const desaSet = new Set((process.argv[3] ?? '12,21,92').split(','));
const provRecords = new Map<string, UpstreamRecord>();
for (const f of readdirSync(join(root, 'prov'))) for (const r of await all(join(root, 'prov', f))) provRecords.set(r.kode, r);
const shapes = [];
const t00 = performance.now();
for (const pk of provs) {
  const t0 = performance.now();
  const input: ProvinceInput = { kode: pk, withDesa: desaSet.has(pk), prov: provRecords.get(pk), kab: await all(join(root, 'kab', `wilayah_boundaries_kab_${pk}.sql.gz`)), kec: await all(join(root, 'kec', `wilayah_boundaries_kec_${pk}.sql.gz`)), desa: [] };
  if (input.withDesa) for (const f of readdirSync(join(root, 'kel', pk)).sort()) input.desa.push(...await all(join(root, 'kel', pk, f)));
  const t1 = performance.now();
  const r = buildProvince(input, { codes: cl.entries });
  const t2 = performance.now();
  shapes.push(r.shape);
  const byView: Record<string, { n: number; maxGz: number; maxKode: string; maxV: number; sumV: number }> = {};
  for (const v of r.views) { const b = byView[v.view] ??= { n: 0, maxGz: 0, maxKode: '', maxV: 0, sumV: 0 }; b.n++; b.sumV += v.vertices; if (v.gzipBytes > b.maxGz) { b.maxGz = v.gzipBytes; b.maxKode = v.parentKode + (v.gzipMeasured ? '' : '~'); b.maxV = v.vertices; } }
  console.log(pk, 'read', Math.round(t1 - t0), 'build', Math.round(t2 - t1), 'rows', r.rows.length, 'issues', r.issues.length, 'fallbacks', r.fallbacks.length, JSON.stringify(byView));
}
const t3 = performance.now();
const n = buildNational(shapes);
console.log('national', Math.round(performance.now() - t3), JSON.stringify(n.views), 'total', Math.round(performance.now() - t00), 'rss', Math.round(process.memoryUsage().rss / 1e6));
