import { openDatabase } from '@peta/db';
const db = await openDatabase({ dataDir: '/tmp/peta-data/pg' });
const { rows } = await db.pool.query(`SELECT w.kode, g.geojson FROM wilayah w JOIN wilayah_geometry g USING (kode) WHERE w.parent_kode = $1 ORDER BY kode`, [process.argv[2]]);
const par = (await db.pool.query('SELECT bbox FROM wilayah WHERE kode=$1', [process.argv[2]])).rows[0].bbox;
const px = Math.max((par[2] - par[0]) / 1200, (par[3] - par[1]) / 800);
for (const r of rows) {
  const g = JSON.parse(r.geojson);
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const p of parts) for (const [ri, ring] of p.entries()) {
    const n = ring.length - 1;
    for (let i = 0; i < n; i++) {
      const a = ring[(i - 1 + n) % n], b = ring[i], c = ring[(i + 1) % n];
      const ux = a[0] - b[0], uy = a[1] - b[1], vx = c[0] - b[0], vy = c[1] - b[1];
      const lu = Math.hypot(ux, uy), lv = Math.hypot(vx, vy);
      const cos = (ux * vx + uy * vy) / (lu * lv);
      if (cos > 0.95 && Math.min(lu, lv) > 5 * px) console.log(r.kode, 'ring', ri, 'i', i, 'of', n, 'len px', (lu / px).toFixed(1), (lv / px).toFixed(1), 'base px', (Math.hypot(a[0] - c[0], a[1] - c[1]) / px).toFixed(2), JSON.stringify([a, b, c]));
    }
  }
}
await db.close();
