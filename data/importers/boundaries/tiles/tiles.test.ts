import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { BATAS_MIN_ZOOM, TILE_LAYER } from '@peta/domain/contract';
import { buildProvince, type ProvinceInput } from '../build-geometry.ts';
import { readCodeList } from '../code-list.ts';
import { tinyCodeListDir, tinyUpstreamRepo } from '../fixtures/tiny-upstream.ts';
import { readUpstreamFile, type UpstreamRecord } from '../parse-upstream-sql.ts';
import { clipLine, clipRing } from './clip.ts';
import { addProvinceToTiles, kthLargestFinite } from './tile-features.ts';
import { mercator, TileSet, type EncodedTile } from './tile-set.ts';

const db = join(tinyUpstreamRepo(), 'db');
async function records(path: string) {
  const out: UpstreamRecord[] = [];
  for await (const r of readUpstreamFile(join(db, path))) out.push(r);
  return out;
}

interface Decoded {
  tile: EncodedTile;
  desa: { kode: string; rings: { x: number; y: number }[][] }[];
  batas: { tingkat: string; lines: { x: number; y: number }[][] }[];
  extent: number;
}

function decode(tile: EncodedTile): Decoded {
  const vt = new VectorTile(new PbfReader(gunzipSync(tile.data)));
  const layer = (name: string) => vt.layers[name];
  const desaLayer = layer(TILE_LAYER.desa);
  const batasLayer = layer(TILE_LAYER.batas);
  const desa = [];
  for (let i = 0; i < (desaLayer?.length ?? 0); i++) {
    const f = desaLayer!.feature(i);
    desa.push({ kode: String(f.properties.kode), rings: f.loadGeometry() });
  }
  const batas = [];
  for (let i = 0; i < (batasLayer?.length ?? 0); i++) {
    const f = batasLayer!.feature(i);
    batas.push({ tingkat: String(f.properties.tingkat), lines: f.loadGeometry() });
  }
  return { tile, desa, batas, extent: desaLayer?.extent ?? batasLayer!.extent };
}

/** Surveyor's formula in tile coordinates (y down): shells positive, as MVT 2.1 defines them. */
function signedArea(ring: { x: number; y: number }[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j]!.x * ring[i]!.y - ring[i]!.x * ring[j]!.y;
  return a / 2;
}

describe('clipRing and clipLine', () => {
  const square = { x0: 0, y0: 0, x1: 10, y1: 10 };

  it('keeps a ring inside the rectangle as it is and cuts one that crosses it', () => {
    expect(clipRing([2, 2, 8, 2, 8, 8, 2, 8], square)).toEqual([2, 2, 8, 2, 8, 8, 2, 8]);
    // A 20 × 4 strip across the right edge: what is left is the part 5..10 × 3..7.
    const cut = clipRing([5, 3, 25, 3, 25, 7, 5, 7], square);
    const xs = cut.filter((_, i) => i % 2 === 0);
    expect(Math.min(...xs)).toBe(5);
    expect(Math.max(...xs)).toBe(10);
    expect(clipRing([20, 20, 30, 20, 30, 30], square)).toEqual([]);
  });

  it('cuts a line into the runs inside the rectangle', () => {
    // In at x = 0, out at x = 10, in again going back: two runs.
    expect(clipLine([-5, 5, 15, 5, 15, 6, -5, 6], square)).toEqual([
      [0, 5, 10, 5],
      [10, 6, 0, 6],
    ]);
    expect(clipLine([20, 20, 30, 30], square)).toEqual([]);
  });
});

describe('vector tiles of the hand-made province', () => {
  let tiles: Decoded[];
  const atZoom = (z: number) => tiles.filter((t) => t.tile.z === z);

  beforeAll(async () => {
    const codes = await readCodeList(tinyCodeListDir());
    const prov = await records('prov/wilayah_boundaries_prov_1.sql');
    const input: ProvinceInput = {
      kode: '99',
      withDesa: true,
      prov: prov.find((r) => r.kode === '99'),
      kab: await records('kab/wilayah_boundaries_kab_99.sql'),
      kec: await records('kec/wilayah_boundaries_kec_99.sql'),
      desa: await records('kel/99/wilayah_boundaries_kel_99.01.sql'),
    };
    const result = buildProvince(input, { codes: codes.entries });
    const set = new TileSet({ minZoom: 2, maxZoom: 9 });
    addProvinceToTiles(set, result.tileSource!);
    tiles = [...set.encode()].map(decode);
  });

  it('puts every desa with a polygon (and the kecamatan without desa polygons) into the desa layer at every zoom', () => {
    for (let z = 2; z <= 9; z++) {
      const kodes = new Set(atZoom(z).flatMap((t) => t.desa.map((d) => d.kode)));
      // 99.01.02.2004 has an empty polygon upstream; 99.01.03 has no desa polygon, so its upstream shape stands in.
      expect([...kodes].sort(), `zoom ${z}`).toEqual([
        '99.01.01.2001',
        '99.01.01.2002',
        '99.01.02.2003',
        '99.01.02.2005',
        '99.01.03',
      ]);
    }
  });

  it('places the desa where Web Mercator puts them', () => {
    // Desa 99.01.01.2001 is the square 100..101 °E × 0..1 °N; at zoom 2 one tile holds it all.
    const [tile] = atZoom(2);
    expect(tile!.tile).toMatchObject({ z: 2, x: 3, y: 1 });
    const ring = tile!.desa.find((d) => d.kode === '99.01.01.2001')!.rings[0]!;
    const world = (lng: number, lat: number) =>
      mercator(lng, lat).map((v, i) => Math.round(v * 4 * 4096 - (i === 0 ? 3 : 1) * 4096));
    const corners = ring.map((p) => [p.x, p.y]);
    expect(corners).toContainEqual(world(100, 0));
    expect(corners).toContainEqual(world(101, 1));
  });

  it('orients shells as MVT 2.1 wants: positive area in tile coordinates', () => {
    for (const t of tiles)
      for (const d of t.desa) expect(signedArea(d.rings[0]!), `${d.kode} ${t.tile.z}`).toBeGreaterThan(0);
  });

  it('leaves no hole or sliver between neighbours: inside each tile the desa areas add up to the area they cover', () => {
    // The units are the unit squares (°) below; 101..102 °E × 1..2 °N has no unit.
    const squares = [
      [100, 0],
      [101, 0],
      [102, 0],
      [102, 1],
      [100, 1],
    ];
    let checked = 0;
    for (const t of atZoom(9)) {
      const e = t.extent;
      const s = 2 ** 9 * e;
      const covered = (lng: number, lat: number) => {
        const [x0, y1] = mercator(lng, lat),
          [x1, y0] = mercator(lng + 1, lat + 1);
        const w = Math.max(0, Math.min(x1 * s, (t.tile.x + 1) * e) - Math.max(x0 * s, t.tile.x * e));
        const h = Math.max(0, Math.min(y1 * s, (t.tile.y + 1) * e) - Math.max(y0 * s, t.tile.y * e));
        return w * h;
      };
      const expected = squares.reduce((a, [lng, lat]) => a + covered(lng!, lat!), 0);
      if (expected === 0) continue; // a tile that holds only the buffer around its neighbour's content
      const clip = { x0: 0, y0: 0, x1: e, y1: e };
      const sum = t.desa.reduce(
        (a, d) =>
          a +
          d.rings.reduce((b, r) => {
            const inside = clipRing(
              r.flatMap((p) => [p.x, p.y]),
              clip,
            );
            const pts = [];
            for (let i = 0; i < inside.length; i += 2) pts.push({ x: inside[i]!, y: inside[i + 1]! });
            return b + Math.abs(signedArea(pts));
          }, 0),
        0,
      );
      expect(sum / expected, `tile ${t.tile.z}/${t.tile.x}/${t.tile.y}`).toBeCloseTo(1, 3);
      checked++;
    }
    expect(checked).toBeGreaterThan(4);
  });

  it('draws kabupaten and kecamatan outlines from their zoom on, along the desa edges', () => {
    const tingkat = (z: number) => new Set(atZoom(z).flatMap((t) => t.batas.map((b) => b.tingkat)));
    expect(tingkat(BATAS_MIN_ZOOM.kabupaten - 1)).toEqual(new Set(['provinsi']));
    expect(tingkat(BATAS_MIN_ZOOM.kabupaten)).toEqual(new Set(['provinsi', 'kabupaten']));
    expect(tingkat(BATAS_MIN_ZOOM.kecamatan)).toEqual(new Set(['provinsi', 'kabupaten', 'kecamatan']));
    // One line feature per tingkat and tile (the outlines are its parts), never one per wilayah.
    for (const t of tiles) expect(t.batas.length).toBe(new Set(t.batas.map((b) => b.tingkat)).size);
    // Kecamatan Barat (desa 2001 and 2002: 100..102 °E × 0..1 °N) ends at its desa corner 102 °E, 1 °N.
    const z = BATAS_MIN_ZOOM.kecamatan;
    const [wx, wy] = mercator(102, 1).map((v) => v * 2 ** z);
    const tile = atZoom(z).find((t) => t.tile.x === Math.floor(wx!) && t.tile.y === Math.floor(wy!))!;
    const corner = {
      x: Math.round((wx! - tile.tile.x) * tile.extent),
      y: Math.round((wy! - tile.tile.y) * tile.extent),
    };
    const kecamatanPoints = tile.batas.filter((b) => b.tingkat === 'kecamatan').flatMap((b) => b.lines.flat());
    expect(kecamatanPoints).toContainEqual(expect.objectContaining(corner));
    const desaCorners = tile.desa.find((d) => d.kode === '99.01.01.2002')!.rings.flat();
    expect(desaCorners).toContainEqual(expect.objectContaining(corner));
  });

  it('keeps tiles small and stays inside the extent plus its buffer', () => {
    for (const t of tiles) {
      expect(t.tile.data.length).toBeLessThan(4096);
      for (const d of t.desa)
        for (const r of d.rings)
          for (const p of r) {
            expect(p.x).toBeGreaterThanOrEqual(-64);
            expect(p.x).toBeLessThanOrEqual(t.extent + 64);
          }
    }
  });
});

describe('kthLargestFinite', () => {
  const arcs = [
    { weight: Float64Array.from([Infinity, 3, 9, 1, Infinity]) },
    { weight: Float64Array.from([Infinity, 9, 5, Infinity]) },
  ];
  it('takes the k-th largest finite weight over the arcs of a ring, either direction, duplicates counted', () => {
    // finite weights 3, 9, 1, 9, 5 → descending 9, 9, 5, 3, 1
    expect(kthLargestFinite([0, ~1], arcs, 1)).toBe(9);
    expect(kthLargestFinite([0, ~1], arcs, 2)).toBe(9);
    expect(kthLargestFinite([0, ~1], arcs, 3)).toBe(5);
    expect(kthLargestFinite([0, ~1], arcs, 4)).toBe(3);
  });
  it('gives the smallest when there are fewer than k, Infinity when there is none', () => {
    expect(kthLargestFinite([1], arcs, 4)).toBe(5);
    expect(kthLargestFinite([0, 1], [{ weight: Float64Array.from([Infinity, Infinity]) }, arcs[1]!], 4)).toBe(5);
    expect(kthLargestFinite([0], [{ weight: Float64Array.from([Infinity, Infinity]) }], 4)).toBe(Infinity);
  });
});
