import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readUpstreamFile } from '../boundaries/parse-upstream-sql.ts';
const root = '/work/shared/data/wilayah_boundaries/db';
for (const layer of ['prov', 'kab', 'kec']) {
  let uniq = 0, shared = 0;
  const groupKey = (k: string) => layer === 'prov' ? 'all' : k.slice(0, 2);
  const maps = new Map<string, Map<string, Set<string>>>();
  for (const f of readdirSync(join(root, layer))) for await (const r of readUpstreamFile(join(root, layer, f))) {
    if (!r.geometry) continue;
    const g = groupKey(r.kode); let m = maps.get(g); if (!m) maps.set(g, m = new Map());
    const ps = r.geometry.type === 'Polygon' ? [r.geometry.coordinates] : r.geometry.coordinates;
    for (const p of ps) for (const ring of p) for (const pt of ring) { const k = pt[0] + ',' + pt[1]; let s = m.get(k); if (!s) m.set(k, s = new Set()); s.add(r.kode); }
  }
  for (const m of maps.values()) for (const s of m.values()) { uniq++; if (s.size > 1) shared++; }
  console.log(layer, 'unique vertices', uniq, 'shared by >=2', shared, (100 * shared / uniq).toFixed(1) + '%');
}
