import { join } from 'node:path';
import type { Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bboxOf,
  buildBoundaries,
  cleanGeometry,
  despike,
  featureCollectionText,
  type AreaGeometry,
  type BuildResult,
  type ProvinceInput,
  type WilayahRow,
} from './build-geometry.ts';
import { readCodeList, type CodeList } from './code-list.ts';
import { readUpstreamFile, type UpstreamRecord } from './parse-upstream-sql.ts';
import { pointInRing, polygonProblems, ringArea2, sortIndicesByKey } from './validity.ts';
import { tinyCodeListDir, tinyUpstreamRepo } from './fixtures/tiny-upstream.ts';

const db = join(tinyUpstreamRepo(), 'db');

async function records(path: string) {
  const out: UpstreamRecord[] = [];
  for await (const r of readUpstreamFile(join(db, path))) out.push(r);
  return out;
}

/** Area in square degrees: shells minus holes. */
function area(g: AreaGeometry | null): number {
  if (!g) return 0;
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let a = 0;
  for (const [shell, ...holes] of parts) {
    a += Math.abs(ringArea2(shell!)) / 2;
    for (const h of holes) a -= Math.abs(ringArea2(h)) / 2;
  }
  return a;
}

/** A closed ring rotated to start at its smallest [lng, lat] (the start of a dissolved ring is arbitrary). */
function fromSmallest(ring: Position[]): Position[] {
  const open = ring.slice(0, -1);
  let at = 0;
  open.forEach((p, i) => {
    const q = open[at]!;
    if (p[0]! < q[0]! || (p[0] === q[0] && p[1]! < q[1]!)) at = i;
  });
  const rotated = [...open.slice(at), ...open.slice(0, at)];
  return [...rotated, rotated[0]!];
}

function inside(row: WilayahRow): boolean {
  const g = row.geometry!;
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return parts.some(
    (p) =>
      pointInRing(row.label![0], row.label![1], p[0]!) &&
      !p.slice(1).some((h) => pointInRing(row.label![0], row.label![1], h)),
  );
}

describe('buildBoundaries on the hand-made fixture', () => {
  let codes: CodeList;
  let result: BuildResult;
  const row = (kode: string) => result.rows.find((r) => r.kode === kode)!;

  beforeAll(async () => {
    codes = await readCodeList(tinyCodeListDir());
    const prov = await records('prov/wilayah_boundaries_prov_1.sql');
    const inputs: ProvinceInput[] = [
      {
        kode: '98',
        withDesa: false,
        prov: prov.find((r) => r.kode === '98'),
        kab: await records('kab/wilayah_boundaries_kab_98.sql'),
        kec: await records('kec/wilayah_boundaries_kec_98.sql'),
        desa: [],
      },
      {
        kode: '99',
        withDesa: true,
        prov: prov.find((r) => r.kode === '99'),
        kab: await records('kab/wilayah_boundaries_kab_99.sql'),
        kec: await records('kec/wilayah_boundaries_kec_99.sql'),
        desa: await records('kel/99/wilayah_boundaries_kel_99.01.sql'),
      },
    ];
    result = buildBoundaries(inputs, { codes: codes.entries });
  });

  it('has one row per wilayah of the code list and the boundaries', () => {
    expect(result.rows.map((r) => r.kode)).toEqual([
      '98',
      '98.01',
      '98.01.01',
      '99',
      '99.01',
      '99.01.01',
      '99.01.01.2001',
      '99.01.01.2002',
      '99.01.01.2007',
      '99.01.02',
      '99.01.02.2003',
      '99.01.02.2004',
      '99.01.02.2005',
      '99.01.03',
    ]);
    expect(row('99.01').childCount).toBe(3);
    expect(row('99.01.01').childCount).toBe(3);
    expect(row('99.01.03').childCount).toBe(0);
    expect(row('99').parentKode).toBeNull();
    expect(row('99.01.02.2003').parentKode).toBe('99.01.02');
  });

  it('dissolves desa into a kecamatan whose bbox and area are those of the union of its desa', () => {
    const kec = row('99.01.01'); // D1 ∪ D2 = [100,102] × [0,1]
    expect(kec.origin).toBe('dissolved');
    expect(kec.bbox).toEqual([100, 0, 102, 1]);
    expect(area(kec.geometry)).toBeCloseTo(2, 9);
    expect(kec.geometry!.type).toBe('Polygon'); // one shell: the shared edge at lng 101 is gone
    expect(fromSmallest((kec.geometry!.coordinates as Position[][])[0]!)).toEqual([
      [100, 0],
      [101, 0],
      [102, 0],
      [102, 1],
      [101, 1],
      [100, 1],
      [100, 0],
    ]);
    expect(kec.vertexCount).toBe(7);
    const timur = row('99.01.02'); // D3 ∪ D5 = [102,103] × [0,2]
    expect(timur.bbox).toEqual([102, 0, 103, 2]);
    expect(area(timur.geometry)).toBeCloseTo(2, 9);
  });

  it('falls back to the upstream kecamatan shape when a kecamatan has no desa polygon', () => {
    const utara = row('99.01.03');
    expect(utara.origin).toBe('upstream');
    expect(utara.bbox).toEqual([100, 1, 101, 2]);
    expect(result.fallbacks).toEqual([{ kode: '99.01.03', tingkat: 'kecamatan' }]);
    // The kabupaten and the provinsi are the union of all five squares.
    for (const kode of ['99.01', '99']) {
      expect(row(kode).origin).toBe('dissolved');
      expect(row(kode).bbox).toEqual([100, 0, 103, 2]);
      expect(area(row(kode).geometry)).toBeCloseTo(5, 9);
    }
  });

  it('keeps a desa without polygon as a row without geometry', () => {
    for (const kode of ['99.01.02.2004', '99.01.01.2007']) {
      expect(row(kode)).toMatchObject({
        hasGeometry: false,
        geometry: null,
        geojson: null,
        bbox: null,
        label: null,
        vertexCount: 0,
        origin: null,
      });
    }
    expect(row('99.01.01.2007').inCodeList).toBe(true);
    expect(row('99.01.02.2005')).toMatchObject({ inCodeList: false, hasGeometry: true, nama: 'Di Luar Daftar' });
  });

  it('takes names from the code list, else from the boundary file', () => {
    expect(row('99.01.02.2003').nama).toBe('Lubuk "Pakam" I,II');
    expect(row('99.01.01.2002').nama).toBe("Sei Jum'at");
    expect(row('98.01').nama).toBe('Kota Uji');
  });

  it('puts every label inside its polygon', () => {
    for (const r of result.rows.filter((r) => r.geometry)) {
      expect(inside(r), r.kode).toBe(true);
    }
    expect(row('99.01.01.2001').label).toEqual([100.5, 0.5]);
  });

  it('writes GeoJSON with counter-clockwise shells, 5-decimal coordinates and a vertex count', () => {
    const d1 = row('99.01.01.2001');
    expect(d1.origin).toBe('desa');
    expect(d1.geometry!.type).toBe('Polygon');
    expect(fromSmallest((d1.geometry!.coordinates as Position[][])[0]!)).toEqual([
      [100, 0],
      [101, 0],
      [101, 1],
      [100, 1],
      [100, 0],
    ]);
    expect(d1.geojson).toBe(JSON.stringify(d1.geometry));
    expect(d1.vertexCount).toBe(5);
    for (const r of result.rows.filter((r) => r.geometry)) {
      const parts = r.geometry!.type === 'Polygon' ? [r.geometry!.coordinates] : r.geometry!.coordinates;
      for (const p of parts) expect(ringArea2(p[0]!)).toBeGreaterThan(0);
    }
  });

  it('uses the upstream layers as they are in a province without desa layer', () => {
    expect(row('98.01.01')).toMatchObject({ origin: 'upstream', bbox: [110, 0, 111, 1], childCount: 0 });
    expect(row('98.01')).toMatchObject({ origin: 'upstream', childCount: 1 });
    expect(row('98')).toMatchObject({ origin: 'upstream', childCount: 1, bbox: [110, 0, 111, 1] });
  });

  it('measures each view and stays within the budgets', () => {
    const kinds = new Set(result.views.map((v) => v.view));
    expect([...kinds].sort()).toEqual([
      'desa-kabupaten',
      'desa-kecamatan',
      'kabupaten-provinsi',
      'kecamatan-kabupaten',
      'provinsi-indonesia',
    ]);
    const national = result.views.find((v) => v.view === 'provinsi-indonesia')!;
    expect(national.features).toBe(2);
    expect(national.bytes).toBeLessThan(1000);
    expect(result.bbox).toEqual([100, 0, 111, 2]);
  });

  it('serialises a view as the FeatureCollection the API serves', () => {
    const text = featureCollectionText([
      { kode: '99.01', nama: 'A "B"', geojson: '{"type":"Polygon","coordinates":[]}' },
      { kode: 'x', nama: 'y', geojson: null },
    ]);
    expect(JSON.parse(text)).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: '99.01',
          properties: { kode: '99.01', nama: 'A "B"' },
          geometry: { type: 'Polygon', coordinates: [] },
        },
      ],
    });
  });
});

describe('cleanGeometry and validity', () => {
  it('detects a bow-tie crossing and leaves it', () => {
    const bowtie: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 2],
          [2, 0],
          [0, 2],
          [0, 0],
        ],
      ],
    };
    const { geometry, issues } = cleanGeometry('x', 'desa', bowtie);
    expect(issues).toEqual([expect.objectContaining({ kind: 'crossing', repaired: false, at: [1, 1] })]);
    expect(geometry).toEqual(bowtie);
  });

  it('splits a figure-eight (ring touching itself) into two polygons', () => {
    // Two unit squares meeting at (1,1), drawn as one ring.
    const eight: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [2, 1],
          [2, 2],
          [1, 2],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    const { geometry, issues } = cleanGeometry('x', 'desa', eight);
    expect(issues).toEqual([expect.objectContaining({ kind: 'self-touch', repaired: true, at: [1, 1] })]);
    expect(geometry!.type).toBe('MultiPolygon');
    expect(area(geometry)).toBeCloseTo(2, 12);
    expect(geometry!.coordinates).toHaveLength(2);
  });

  it('turns an inverted loop (self-touching ring around a hole) into a shell with a hole', () => {
    // Square 0..4 whose ring dives in at (2,0) to go around the hole 1..3 × 1..3.
    const ring: Position[] = [
      [0, 0],
      [2, 0],
      [1, 1],
      [1, 3],
      [3, 3],
      [3, 1],
      [2, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    const { geometry, issues } = cleanGeometry('x', 'desa', { type: 'Polygon', coordinates: [ring] });
    expect(issues.map((i) => i.kind)).toEqual(['self-touch']);
    expect(geometry!.type).toBe('Polygon');
    expect(geometry!.coordinates).toHaveLength(2);
    expect(area(geometry)).toBeCloseTo(16 - 4 - 1, 12); // the hole is the quadrilateral (2,0),(1,1)…(3,1)
    expect(polygonProblems(geometry!.coordinates as Position[][]).touches).toHaveLength(0);
  });

  it('orders the sweep as the stable comparator sort did, ties in index order', () => {
    // Keys with many ties (coordinates shared by neighbouring segments), -0 beside 0, sizes around the runs of 16.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const n of [0, 1, 2, 15, 16, 17, 31, 33, 100, 257, 1000, 5003]) {
      const key = new Float64Array(n);
      for (let i = 0; i < n; i++) key[i] = random() < 0.1 ? -0 : Math.round(random() * n * 0.3) / 7 - 3;
      const expected = new Int32Array(n);
      for (let i = 0; i < n; i++) expected[i] = (i * 7919) % n; // not the identity: ties keep this order
      const order = expected.slice();
      expected.sort((i, j) => key[i]! - key[j]!);
      sortIndicesByKey(order, key);
      expect([...order]).toEqual([...expected]);
    }
  });

  it('closes open rings, drops duplicate points and degenerate rings', () => {
    const messy: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
        [
          [
            [5, 5],
            [6, 6],
            [5, 5],
          ],
        ],
      ],
    };
    const { geometry, issues } = cleanGeometry('x', 'kec', messy);
    expect(geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    });
    expect(issues.map((i) => i.kind).sort()).toEqual(['degenerate-ring', 'duplicate-points', 'unclosed-ring']);
    expect(bboxOf(geometry)).toEqual([0, 0, 1, 1]);
  });
});

describe('despike', () => {
  it('zips a hair-line crack and leaves real corners alone', () => {
    // Square 0..10 with a crack from (5,0) up to (5,6), 0.01 wide.
    const ring: Position[] = [
      [0, 0],
      [4.995, 0],
      [4.995, 3],
      [4.995, 6],
      [5.005, 6],
      [5.005, 3],
      [5.005, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const out = despike(ring, 0.05);
    expect(out).toEqual([
      [0, 0],
      [4.995, 0],
      [5.005, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ]);
    const square: Position[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    expect(despike(square, 0.05)).toEqual(square);
  });

  it('removes a dangling line that goes out and back', () => {
    const ring: Position[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [5, 10],
      [5, 15],
      [5, 12],
      [0, 10],
      [0, 0],
    ];
    // (5,10) → (5,15) → (5,12): back along the same line.
    expect(despike(ring, 0.1)).toEqual([
      [0, 0],
      [10, 0],
      [10, 10],
      [5, 10],
      [5, 12],
      [0, 10],
      [0, 0],
    ]);
  });
});
