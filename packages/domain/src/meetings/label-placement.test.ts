import { describe, expect, it } from 'vitest';
import { placeMarkers, placeNearAnchors } from './label-placement.ts';

const box = { width: 200, height: 100 };

describe('placeNearAnchors', () => {
  it('keeps a label on its anchor when nothing is in the way', () => {
    expect(placeNearAnchors([{ id: 'a', x: 50, y: 50, width: 20, height: 10 }], { ...box, maxDistance: 30 })).toEqual([
      { id: 'a', x: 50, y: 50, anchor: [50, 50], moved: false },
    ]);
  });

  it('moves the second of two overlapping labels to the nearest free place, straight up first', () => {
    // Both 20 × 10 at (50, 50), gap 2: the first keeps its place, its box with the gap spanning y 44–56. With a step
    // of 5 px, rings 1 and 2 (5 and 10 px away) still overlap it (10 px up spans y 34–46); ring 3 starts straight up
    // at (50, 35), spanning y 29–41: free.
    const [a, b] = placeNearAnchors(
      [
        { id: 'a', x: 50, y: 50, width: 20, height: 10 },
        { id: 'b', x: 50, y: 50, width: 20, height: 10 },
      ],
      { ...box, maxDistance: 30, step: 5, gap: 2 },
    );
    expect(a).toMatchObject({ x: 50, y: 50, moved: false });
    expect(b).toMatchObject({ id: 'b', x: 50, y: 35, anchor: [50, 50], moved: true });
  });

  it('stays inside the picture: a label at the top edge is pushed down, not up', () => {
    const [label] = placeNearAnchors([{ id: 'a', x: 100, y: 2, width: 20, height: 10 }], {
      ...box,
      maxDistance: 10,
      step: 5,
    });
    expect(label!.y - 5).toBeGreaterThanOrEqual(0);
    expect(label!.moved).toBe(true);
  });

  it('leaves out a label that finds no room within maxDistance', () => {
    const placed = placeNearAnchors(
      [
        { id: 'a', x: 50, y: 50, width: 20, height: 10 },
        { id: 'b', x: 50, y: 50, width: 20, height: 10 },
      ],
      { ...box, maxDistance: 4, step: 2 },
    );
    expect(placed[1]).toBeNull();
  });

  it('does not cover obstacles', () => {
    const [label] = placeNearAnchors([{ id: 'a', x: 50, y: 50, width: 10, height: 10 }], {
      ...box,
      maxDistance: 40,
      step: 10,
      gap: 0,
      obstacles: [{ x: 50, y: 50, width: 10, height: 10 }],
    });
    // Ring 1 straight up: (50, 40), its box 35–45 touches 45–55 without overlapping.
    expect(label).toMatchObject({ x: 50, y: 40, moved: true });
  });
});

describe('placeMarkers', () => {
  it('places every marker without two of them overlapping, first ones first', () => {
    // Five desa whose label points are 6 px apart, markers of radius 9: at their points they would pile up.
    const points = [0, 1, 2, 3, 4].map((i) => ({ id: String(i + 1), x: 100 + i * 6, y: 50 }));
    const placed = placeMarkers(points, 9, box);
    expect(placed[0]).toMatchObject({ id: '1', x: 100, y: 50, moved: false });
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i]!;
        const b = placed[j]!;
        const apart = Math.abs(a.x - b.x) >= 18 || Math.abs(a.y - b.y) >= 18;
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
      }
    }
    expect(placed.slice(1).every((p) => p.moved)).toBe(true);
    expect(placed.map((p) => p.anchor[0])).toEqual([100, 106, 112, 118, 124]);
  });

  it('leaves markers that do not touch where they are', () => {
    const placed = placeMarkers(
      [
        { id: '1', x: 20, y: 20 },
        { id: '2', x: 80, y: 60 },
      ],
      9,
      box,
    );
    expect(placed.map((p) => [p.x, p.y, p.moved])).toEqual([
      [20, 20, false],
      [80, 60, false],
    ]);
  });
});
