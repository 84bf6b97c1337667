import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelBox } from './label-collision.ts';

const box = (id: string, x: number, y: number, priority = 1, extra: Partial<LabelBox> = {}): LabelBox => ({
  id,
  x,
  y,
  width: 40,
  height: 10,
  priority,
  ...extra,
});
const viewport = { width: 200, height: 100 };

describe('placeLabels', () => {
  it('shows labels that do not overlap', () => {
    expect(placeLabels([box('a', 30, 20), box('b', 120, 20)], viewport)).toEqual(new Set(['a', 'b']));
  });

  it('hides the lower-priority label of an overlapping pair', () => {
    expect(placeLabels([box('small', 50, 50, 1), box('big', 60, 52, 9)], viewport)).toEqual(new Set(['big']));
  });

  it('keeps a gap between labels that only touch', () => {
    // a spans x 10..50, b spans 52..92: 2 px apart, closer than the default 3 px gap.
    expect(placeLabels([box('a', 30, 50, 2), box('b', 72, 50, 1)], viewport)).toEqual(new Set(['a']));
    expect(placeLabels([box('a', 30, 50, 2), box('b', 72, 50, 1)], viewport, 0)).toEqual(new Set(['a', 'b']));
  });

  it('hides labels that do not fit inside the viewport', () => {
    expect(placeLabels([box('edge', 10, 50), box('out', 300, 50)], viewport)).toEqual(new Set());
  });

  it('always places a forced label, and it pushes others out', () => {
    const shown = placeLabels([box('big', 60, 50, 9), box('hovered', 65, 50, 1, { force: true })], viewport);
    expect(shown).toEqual(new Set(['hovered']));
  });

  it('returns nothing for no labels', () => {
    expect(placeLabels([], viewport).size).toBe(0);
  });
});
