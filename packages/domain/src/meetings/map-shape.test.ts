import { describe, expect, it } from 'vitest';
import { mapShape } from './map-shape.ts';

const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
});

describe('mapShape', () => {
  it('fits two 1° squares at the equator into 200 × 100, north up', () => {
    const shape = mapShape(
      [
        { kode: 'a', nama: 'A', geometry: square(0, 0) },
        { kode: 'b', nama: 'B', geometry: square(1, 0) },
        { kode: 'c', nama: 'Tanpa peta', geometry: null },
      ],
      200,
      100,
      0,
    );
    expect(shape.paths.map((p) => p.kode)).toEqual(['a', 'b']);
    expect(shape.paths[0]!.d).toBe('M0 100L100 100L100 0L0 0L0 100Z');
    expect(shape.paths[1]!.d).toBe('M100 100L200 100L200 0L100 0L100 100Z');
    expect(shape.paths[0]!.label).toEqual([50, 50]);
  });

  it('uses a given label point', () => {
    const shape = mapShape([{ kode: 'a', nama: 'A', geometry: square(0, 0), label: [0.25, 0.75] }], 100, 100, 0);
    expect(shape.paths[0]!.label).toEqual([25, 25]);
  });
});
