import { openDatabase } from '@peta/db';
const db = await openDatabase({ dataDir: '/tmp/peta-data/pg' });
const { rows } = await db.pool.query(`SELECT w.kode, w.nama, g.geojson, w.bbox FROM wilayah w JOIN wilayah_geometry g USING (kode) WHERE w.parent_kode = $1 ORDER BY kode`, [process.argv[2]]);
const par = (await db.pool.query('SELECT bbox FROM wilayah WHERE kode=$1', [process.argv[2]])).rows[0].bbox;
const px = Math.max((par[2] - par[0]) / 1200, (par[3] - par[1]) / 800);
console.log('px', px);
for (const r of rows) {
  const g = JSON.parse(r.geojson);
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const desc = parts.map((p: any) => p.map((ring: any) => ring.length).join('/')).join(' ');
  // find near-coincident non-adjacent vertex pairs (crack sides)
  let cracks = 0;
  for (const p of parts) for (const ring of p) { for (let i = 0; i < ring.length - 1; i++) for (let j = i + 2; j < ring.length - 1; j++) { if (i === 0 && j === ring.length - 2) continue; const d = Math.hypot(ring[i][0] - ring[j][0], ring[i][1] - ring[j][1]); if (d < px * 0.5) cracks++; } }
  console.log(r.kode, r.nama, g.type, 'parts', parts.length, 'rings', desc.slice(0, 80), 'nearPairs', cracks);
}
await db.close();
