import { describe, expect, it } from 'vitest';
import { dissolveWilayahKerja, withoutSlivers } from './wilayah-kerja-geometry.ts';

const square = (x: number) =>
  JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [x, 0],
        [x + 1, 0],
        [x + 1, 1],
        [x, 1],
        [x, 0],
      ],
    ],
  });
const area = (ring: number[][]) =>
  Math.abs(
    ring.reduce((s, p, i) => {
      const q = ring[(i + 1) % ring.length]!;
      return s + p[0]! * q[1]! - q[0]! * p[1]!;
    }, 0) / 2,
  );

describe('dissolveWilayahKerja', () => {
  // Three unit squares in a row: A B C. P1 holds A and B, P2 holds C, P3 a desa without geometry.
  const desa = [
    { kode: 'A', geojson: square(0) },
    { kode: 'B', geojson: square(1) },
    { kode: 'C', geojson: square(2) },
  ];
  const out = dissolveWilayahKerja(desa, [
    { kode: 'P1', nama: 'Satu', desa: ['A', 'B'], unconfirmed: 2 },
    { kode: 'P2', nama: 'Dua', desa: ['C'], unconfirmed: 0 },
    { kode: 'P3', nama: 'Tiga', desa: ['X'], unconfirmed: 0 },
  ]);

  it('merges the desa of a puskesmas into one polygon without the shared edge', () => {
    expect(out.features.map((f) => f.properties.kode)).toEqual(['P1', 'P2']);
    const p1 = out.features[0]!;
    expect(p1.geometry.type).toBe('Polygon');
    const ring = (p1.geometry.coordinates as number[][][])[0]!;
    expect(area(ring)).toBeCloseTo(2, 9);
    // The rectangle 0..2 × 0..1: no vertex strictly inside, the inner edge at x = 1 is gone.
    expect(ring.every(([x, y]) => x === 0 || x === 2 || y === 0 || y === 1)).toBe(true);
    expect(p1.properties).toMatchObject({ nama: 'Satu', desa: 2, unconfirmed: 2 });
  });

  it('drops the gaps and crumbs of borders simplified apart, keeps enclaves and islands', () => {
    const box = (x0: number, y0: number, size: number) => [
      [x0, y0],
      [x0 + size, y0],
      [x0 + size, y0 + size],
      [x0, y0 + size],
      [x0, y0],
    ];
    const cleaned = withoutSlivers([
      [box(0, 0, 10), box(1, 1, 0.5) /* 0.25 %: a gap */, box(5, 5, 2) /* 4 %: an enclave */],
      [box(20, 0, 0.5) /* 0.25 % of the largest: a crumb */],
      [box(30, 0, 2) /* 4 %: an island */],
    ]);
    expect(cleaned.map((p) => p.length)).toEqual([2, 1]);
    expect(cleaned[1]![0]![0]).toEqual([30, 0]);
  });

  it('puts the label inside the area', () => {
    const [x, y] = out.features[0]!.properties.label!;
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(2);
    expect(y).toBeCloseTo(0.5, 3);
    expect(out.features[1]!.properties.label![0]).toBeCloseTo(2.5, 3);
  });
});
