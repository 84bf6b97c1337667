import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { topology } from 'topojson-server';
import { merge } from 'topojson-client';
import { readUpstreamFile } from '../boundaries/parse-upstream-sql.ts';
const root = '/work/shared/data/wilayah_boundaries/db';
function ringArea(r: number[][]) { let a = 0; for (let i = 0, n = r.length - 1; i < n; i++) a += r[i]![0]! * r[i + 1]![1]! - r[i + 1]![0]! * r[i]![1]!; return a / 2; }
function perim(r: number[][]) { let p = 0; for (let i = 0; i < r.length - 1; i++) p += Math.hypot(r[i+1]![0]!-r[i]![0]!, r[i+1]![1]!-r[i]![1]!); return p; }
const hist: Record<string, number> = {};
let upHoles = 0; const upHist: Record<string, number> = {};
const bucket = (a: number, q: number) => `a<1e${Math.ceil(Math.log10(a))} q${q < 0.05 ? '<.05' : q < 0.2 ? '<.2' : '>=.2'}`;
for (const f of readdirSync(join(root, 'kec')).sort()) {
  const feats: any[] = [];
  for await (const r of readUpstreamFile(join(root, 'kec', f))) if (r.geometry) feats.push({ type: 'Feature', id: r.kode, properties: {}, geometry: r.geometry });
  const topo: any = topology({ k: { type: 'FeatureCollection', features: feats } } as any);
  const byKab = new Map<string, any[]>();
  for (const g of topo.objects.k.geometries) { const kab = g.id.slice(0, 5); if (!byKab.has(kab)) byKab.set(kab, []); byKab.get(kab)!.push(g); }
  for (const gs of byKab.values()) { const m: any = merge(topo, gs); for (const p of m.coordinates) for (const h of p.slice(1)) { const a = Math.abs(ringArea(h)); const q = 4 * Math.PI * a / perim(h) ** 2; const b = bucket(a, q); hist[b] = (hist[b] ?? 0) + 1; } }
  for await (const r of readUpstreamFile(join(root, 'kab', f.replace('kec', 'kab')))) { if (!r.geometry) continue; const ps = r.geometry.type === 'Polygon' ? [r.geometry.coordinates] : r.geometry.coordinates; for (const p of ps) for (const h of p.slice(1)) { upHoles++; const a = Math.abs(ringArea(h as any)); const q = 4 * Math.PI * a / perim(h as any) ** 2; const b = bucket(a, q); upHist[b] = (upHist[b] ?? 0) + 1; } }
}
console.log('dissolved kab holes', Object.entries(hist).sort());
console.log('upstream kab holes', upHoles, Object.entries(upHist).sort());
