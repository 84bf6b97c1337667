import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { openDatabase } from '@peta/db';
const db = await openDatabase({ dataDir: '/tmp/peta-data/pg' });
const jobs = process.argv.slice(2); // e.g. indonesia 12 12.07 desa:12.07 12.07.01
for (const job of jobs) {
  let where: string, params: unknown[];
  if (job === 'indonesia') { where = 'w.parent_kode IS NULL'; params = []; }
  else if (job.startsWith('desa:')) { where = "w.tingkat = 'desa' AND w.kode LIKE $1"; params = [job.slice(5) + '.%']; }
  else { where = 'w.parent_kode = $1'; params = [job]; }
  const { rows } = await db.pool.query(`SELECT w.kode, w.label_lng, w.label_lat, g.geojson FROM wilayah w JOIN wilayah_geometry g USING (kode) WHERE ${where} ORDER BY kode`, params);
  const geoms = rows.map((r: any) => ({ kode: r.kode, g: JSON.parse(r.geojson), label: [r.label_lng, r.label_lat] }));
  const W = 1200, H = 800;
  const merc = (lng: number, lat: number) => [lng, -Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360)) * 180 / Math.PI];
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const { g } of geoms) for (const p of (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)) for (const pt of p[0]) { const [x, y] = merc(pt[0], pt[1]); x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  const s = Math.min(W / (x1 - x0), H / (y1 - y0));
  const proj = (pt: number[]) => { const [x, y] = merc(pt[0]!, pt[1]!); return `${((x - x0) * s).toFixed(1)},${((y - y0) * s).toFixed(1)}`; };
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" style="background:#fff">`;
  let i = 0;
  for (const { kode, g, label } of geoms) {
    const hue = (i++ * 137.5) % 360;
    let d = '';
    for (const p of (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)) for (const ring of p) d += 'M' + ring.map(proj).join('L') + 'Z';
    svg += `<path d="${d}" fill="hsl(${hue},55%,75%)" fill-rule="evenodd" stroke="#333" stroke-width="0.4"/>`;
    if (label[0] != null) { const [lx, ly] = proj(label).split(','); svg += `<circle cx="${lx}" cy="${ly}" r="1.5" fill="red"/>`; }
  }
  svg += `<text x="5" y="15" font-size="12">${job}: ${geoms.length} fitur</text></svg>`;
  const name = job.replace(/[:.]/g, '_');
  writeFileSync(`/tmp/render_${name}.svg`, svg);
  execFileSync('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--screenshot=/tmp/render_${name}.png`, `--window-size=${W},${H}`, `file:///tmp/render_${name}.svg`], { stdio: 'ignore' });
  console.log(job, geoms.length);
}
await db.close();
