// A wilayah's children drawn as SVG path strings fitted into a box, with no map library: the printed meeting pack
// (server-side HTML), the meeting mode's overview and the PNG for WhatsApp (canvas Path2D accepts the same strings)
// all use it. Equirectangular projection scaled by cos(latitude) at the centre — exact enough for one kecamatan.
type Position = readonly number[];
export interface ShapeGeometry {
  type: string;
  coordinates?: unknown;
}
export interface ShapeFeature {
  kode: string;
  nama: string;
  geometry: ShapeGeometry | null;
  /** Label point [lng, lat] (pole of inaccessibility, from the API); else the centre of the largest ring's box. */
  label?: readonly [number, number] | null;
}

export interface ShapePath {
  kode: string;
  nama: string;
  /** "M x y L … Z" per ring (evenodd fill keeps holes). */
  d: string;
  /** A point inside the largest ring's bounding box centre, for a label (x, y in the box). */
  label: [number, number];
}

export interface MapShape {
  width: number;
  height: number;
  paths: ShapePath[];
}

function ringsOf(g: ShapeGeometry | null): Position[][] {
  if (!g || !Array.isArray(g.coordinates)) return [];
  if (g.type === 'Polygon') return g.coordinates as Position[][];
  if (g.type === 'MultiPolygon') return (g.coordinates as Position[][][]).flat();
  return [];
}

/** Fits every feature into width × height minus padding, north up. */
export function mapShape(features: readonly ShapeFeature[], width: number, height: number, padding = 8): MapShape {
  const rings = features.map((f) => ringsOf(f.geometry));
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const list of rings)
    for (const ring of list)
      for (const p of ring) {
        minX = Math.min(minX, p[0]!);
        maxX = Math.max(maxX, p[0]!);
        minY = Math.min(minY, p[1]!);
        maxY = Math.max(maxY, p[1]!);
      }
  if (!Number.isFinite(minX)) return { width, height, paths: [] };
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * k, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  const px = (lng: number) => Math.round((offX + (lng - minX) * k * scale) * 10) / 10;
  const py = (lat: number) => Math.round((offY + (maxY - lat) * scale) * 10) / 10;
  const paths: ShapePath[] = [];
  features.forEach((f, i) => {
    const list = rings[i]!;
    if (!list.length) return;
    let d = '';
    let best = { area: -1, label: [0, 0] as [number, number] };
    for (const ring of list) {
      if (ring.length < 3) continue;
      d += `${ring.map((p, j) => `${j === 0 ? 'M' : 'L'}${px(p[0]!)} ${py(p[1]!)}`).join('')}Z`;
      let rx0 = Infinity,
        ry0 = Infinity,
        rx1 = -Infinity,
        ry1 = -Infinity;
      for (const p of ring) {
        rx0 = Math.min(rx0, p[0]!);
        rx1 = Math.max(rx1, p[0]!);
        ry0 = Math.min(ry0, p[1]!);
        ry1 = Math.max(ry1, p[1]!);
      }
      const area = (rx1 - rx0) * (ry1 - ry0);
      if (area > best.area) best = { area, label: [px((rx0 + rx1) / 2), py((ry0 + ry1) / 2)] };
    }
    const label: [number, number] = f.label ? [px(f.label[0]), py(f.label[1])] : best.label;
    paths.push({ kode: f.kode, nama: f.nama, d, label });
  });
  return { width, height, paths };
}
