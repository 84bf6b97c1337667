import { describe, expect, it } from 'vitest';
import type { DesaAssignment } from '@peta/domain/contract';
import {
  clickSelection,
  extendPath,
  insideLasso,
  isLasso,
  lassoSelection,
  moveOneByOne,
  movePlan,
  pathData,
  pointInPolygon,
  type Point,
} from './lasso-model.ts';

const square: Point[] = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
];
// A "U" open at the top: x 0..30, y 0..30, the notch x 10..20 from y 0 down to y 20.
const u: Point[] = [
  [0, 0],
  [10, 0],
  [10, 20],
  [20, 20],
  [20, 0],
  [30, 0],
  [30, 30],
  [0, 30],
];

describe('pointInPolygon', () => {
  it('finds points inside and outside a square', () => {
    expect(pointInPolygon([5, 5], square)).toBe(true);
    expect(pointInPolygon([0.1, 9.9], square)).toBe(true);
    expect(pointInPolygon([11, 5], square)).toBe(false);
    expect(pointInPolygon([5, -1], square)).toBe(false);
  });
  it('follows a concave ring: the notch of the U is outside, its arms and base inside', () => {
    expect(pointInPolygon([15, 10], u)).toBe(false);
    expect(pointInPolygon([5, 10], u)).toBe(true);
    expect(pointInPolygon([25, 10], u)).toBe(true);
    expect(pointInPolygon([15, 25], u)).toBe(true);
  });
  it('does not depend on the direction of drawing', () => {
    expect(pointInPolygon([5, 5], [...square].reverse())).toBe(true);
    expect(pointInPolygon([15, 10], [...u].reverse())).toBe(false);
  });
  it('a self-crossing lasso: the loops are inside, the pocket between crossing edges is not', () => {
    // Edges (0,0)-(10,10) and (10,0)-(0,10) cross at (5,5): left loop (0,0) (5,5) (0,10); the triangle below the
    // crossing, (0,0) (10,0) (5,5), is open at its base. The right loop mirrors the left one around (15,5).
    const eight: Point[] = [
      [0, 0],
      [10, 10],
      [20, 0],
      [20, 10],
      [10, 0],
      [0, 10],
    ];
    expect(pointInPolygon([1, 5], eight)).toBe(true);
    expect(pointInPolygon([19, 5], eight)).toBe(true);
    expect(pointInPolygon([5, 1], eight)).toBe(false);
  });
});

describe('insideLasso', () => {
  const items = [
    { kode: 'a', point: [5, 5] as Point },
    { kode: 'b', point: [15, 10] as Point },
    { kode: 'c', point: [25, 29] as Point },
    { kode: 'd', point: [40, 10] as Point },
  ];
  it('returns the kode whose point is inside, in the items order', () => {
    expect(insideLasso(items, u)).toEqual(['a', 'c']);
    expect(insideLasso(items, square)).toEqual(['a']);
  });
  it('selects nothing with fewer than three points', () => {
    expect(
      insideLasso(items, [
        [0, 0],
        [50, 50],
      ]),
    ).toEqual([]);
  });
});

describe('drawing', () => {
  it('skips points closer than the step to the last one', () => {
    let path: Point[] = [];
    for (const p of [
      [0, 0],
      [1, 1],
      [3, 0],
      [4, 0],
      [4, 5],
    ] as Point[])
      path = extendPath(path, p, 4);
    expect(path).toEqual([
      [0, 0],
      [4, 0],
      [4, 5],
    ]);
  });
  it('tells a lasso from a click or a line', () => {
    expect(
      isLasso([
        [0, 0],
        [1, 1],
      ]),
    ).toBe(false);
    expect(
      isLasso([
        [0, 0],
        [50, 0],
        [100, 2],
      ]),
    ).toBe(false);
    expect(
      isLasso([
        [0, 0],
        [50, 0],
        [50, 50],
      ]),
    ).toBe(true);
  });
  it('writes SVG path data, closed once released', () => {
    expect(
      pathData(
        [
          [0, 0],
          [10, 5.25],
        ],
        false,
      ),
    ).toBe('M0.0 0.0 L10.0 5.3');
    expect(
      pathData(
        [
          [0, 0],
          [10, 0],
          [10, 10],
        ],
        true,
      ),
    ).toBe('M0.0 0.0 L10.0 0.0 L10.0 10.0 Z');
    expect(pathData([], true)).toBe('');
  });
});

describe('selection', () => {
  it('a lasso replaces the selection, or adds to it with Shift/Ctrl (no duplicates)', () => {
    expect(lassoSelection(['x'], ['a', 'b'], false)).toEqual(['a', 'b']);
    expect(lassoSelection(['x', 'a'], ['a', 'b'], true)).toEqual(['x', 'a', 'b']);
  });
  it('a click selects one desa, or toggles it with Shift/Ctrl', () => {
    expect(clickSelection(['a', 'b'], 'c', false)).toEqual(['c']);
    expect(clickSelection(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(clickSelection(['a', 'b'], 'a', true)).toEqual(['b']);
  });
});

describe('moving the selection', () => {
  const desa = (kode: string, puskesmas: string | null): DesaAssignment => ({
    kode,
    nama: `Desa ${kode}`,
    puskesmas,
    validFrom: null,
    confirmed: false,
    label: null,
  });
  it('skips desa already in the chosen puskesmas', () => {
    const plan = movePlan([desa('1', 'P1'), desa('2', 'P2'), desa('3', null)], 'P2');
    expect(plan.move.map((d) => d.kode)).toEqual(['1', '3']);
    expect(plan.already.map((d) => d.kode)).toEqual(['2']);
  });
  it('sends one after the other, reporting progress', async () => {
    const sent: string[] = [];
    const progress: string[] = [];
    const outcome = await moveOneByOne(
      ['1', '2', '3'],
      async (k) => {
        sent.push(k);
      },
      (d, t) => progress.push(`${d}/${t}`),
    );
    expect(outcome).toEqual({ status: 'done', moved: ['1', '2', '3'] });
    expect(sent).toEqual(['1', '2', '3']);
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
  });
  it('stops at the first failure, naming the desa and the reason', async () => {
    const sent: string[] = [];
    const outcome = await moveOneByOne(
      ['1', '2', '3'],
      async (k) => {
        sent.push(k);
        if (k === '2') throw new Error('Tanggal sebelum wilayah kerja sekarang');
      },
      () => {},
    );
    expect(outcome).toEqual({
      status: 'failed',
      moved: ['1'],
      failed: '2',
      message: 'Tanggal sebelum wilayah kerja sekarang',
    });
    expect(sent).toEqual(['1', '2']);
  });
});
