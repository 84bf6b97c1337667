import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { topology } from 'topojson-server';
import { mergeArcs, merge } from 'topojson-client';
import { readUpstreamFile } from '../boundaries/parse-upstream-sql.ts';
const root = '/work/shared/data/wilayah_boundaries/db';
function ringArea(r: number[][]) { let a = 0; for (let i = 0, n = r.length - 1; i < n; i++) a += r[i]![0]! * r[i + 1]![1]! - r[i + 1]![0]! * r[i]![1]!; return a / 2; }
const perProv: any[] = [];
let tot = { kab: 0, sliverHoles: 0, extraParts: 0, sharedV: 0, allV: 0 };
for (const f of readdirSync(join(root, 'kec')).sort()) {
  const pp = f.match(/kec_(\d\d)/)![1]!;
  const geoms: Record<string, any> = {};
  const vcount = new Map<string, Set<string>>();
  for await (const r of readUpstreamFile(join(root, 'kec', f))) {
    if (!r.geometry) continue;
    geoms[r.kode] = r.geometry;
    const polys = r.geometry.type === 'Polygon' ? [r.geometry.coordinates] : r.geometry.coordinates;
    for (const p of polys) for (const ring of p) for (const pt of ring) { const k = pt[0] + ',' + pt[1]; let s = vcount.get(k); if (!s) vcount.set(k, s = new Set()); s.add(r.kode); }
  }
  let shared = 0; for (const s of vcount.values()) if (s.size > 1) shared++;
  const topo: any = topology({ kec: { type: 'FeatureCollection', features: Object.entries(geoms).map(([k, g]) => ({ type: 'Feature', id: k, properties: {}, geometry: g })) } } as any);
  const byKab = new Map<string, any[]>();
  for (const g of topo.objects.kec.geometries) { const kab = g.id.slice(0, 5); if (!byKab.has(kab)) byKab.set(kab, []); byKab.get(kab)!.push(g); }
  let holes = 0, sliverArea = 0, parts = 0, kabs = 0;
  const provMerged: any = merge(topo, topo.objects.kec.geometries);
  for (const [kab, gs] of byKab) {
    kabs++;
    const m: any = merge(topo, gs);
    for (const p of m.coordinates) { parts++; for (const h of p.slice(1)) { holes++; sliverArea += Math.abs(ringArea(h)); } }
  }
  let provHoles = 0; for (const p of provMerged.coordinates) provHoles += p.length - 1;
  tot.kab += kabs; tot.sharedV += shared; tot.allV += vcount.size; tot.sliverHoles += holes;
  console.log(pp, 'kec', Object.keys(geoms).length, 'uniqueV', vcount.size, 'shared', (shared / vcount.size * 100).toFixed(1) + '%', 'kab', kabs, 'kabParts', parts, 'kabHoles', holes, 'holeArea', sliverArea.toExponential(2), 'provParts', provMerged.coordinates.length, 'provHoles', provHoles);
}
console.log(tot);
