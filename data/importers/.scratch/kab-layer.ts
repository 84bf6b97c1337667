import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { topology } from 'topojson-server';
import { merge } from 'topojson-client';
import { readUpstreamFile } from '../boundaries/parse-upstream-sql.ts';
const root = '/work/shared/data/wilayah_boundaries/db';
function ringArea(r: number[][]) { let a = 0; for (let i = 0, n = r.length - 1; i < n; i++) a += r[i]![0]! * r[i + 1]![1]! - r[i + 1]![0]! * r[i]![1]!; return a / 2; }
function geomArea(g: any) { const ps = g.type === 'Polygon' ? [g.coordinates] : g.coordinates; let a = 0; for (const p of ps) { a += Math.abs(ringArea(p[0])); for (const h of p.slice(1)) a -= Math.abs(ringArea(h)); } return a; }
const ratios: number[] = []; let kabProvHoles = 0, kabShared = 0, kabV = 0;
for (const f of readdirSync(join(root, 'kab')).sort()) {
  const kab: any[] = []; const kec: any[] = [];
  for await (const r of readUpstreamFile(join(root, 'kab', f))) if (r.geometry) kab.push({ type: 'Feature', id: r.kode, properties: {}, geometry: r.geometry });
  for await (const r of readUpstreamFile(join(root, 'kec', f.replace('kab', 'kec')))) if (r.geometry) kec.push({ type: 'Feature', id: r.kode, properties: {}, geometry: r.geometry });
  const tk: any = topology({ k: { type: 'FeatureCollection', features: kab } } as any);
  const pm: any = merge(tk, tk.objects.k.geometries); for (const p of pm.coordinates) kabProvHoles += p.length - 1;
  const tc: any = topology({ k: { type: 'FeatureCollection', features: kec } } as any);
  for (const k of kab) { const gs = tc.objects.k.geometries.filter((g: any) => g.id.startsWith(k.id + '.')); if (!gs.length) continue; const m = merge(tc, gs); ratios.push(geomArea(m) / geomArea(k.geometry)); }
}
ratios.sort((a, b) => a - b);
const q = (x: number) => ratios[Math.floor(x * (ratios.length - 1))]!.toFixed(3);
console.log({ kabProvHoles, n: ratios.length, p05: q(0.05), p25: q(0.25), median: q(0.5), p75: q(0.75), p95: q(0.95) });
