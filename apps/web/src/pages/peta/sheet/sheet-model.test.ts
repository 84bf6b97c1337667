import { describe, expect, it } from 'vitest';
import { dragHeight, PEEK_PX, snapAfterDrag, snapForSelection, snapHeights, stepSnap, tapSnap } from './sheet-model.ts';

// The sheet's frame on a 360 × 740 phone: 500 px between the controls and the bottom of the screen.
const FRAME = 500;

describe('sheet snaps', () => {
  it('rests at a peek strip, half the frame, or the whole frame', () => {
    expect(snapHeights(FRAME)).toEqual({ peek: PEEK_PX, half: 250, full: 500 });
    // A frame lower than the strip: everything is the frame.
    expect(snapHeights(80)).toEqual({ peek: 80, half: 80, full: 80 });
  });

  it('steps up and down with keys or buttons, stopping at the ends', () => {
    expect(stepSnap('peek', 1)).toBe('half');
    expect(stepSnap('half', 1)).toBe('full');
    expect(stepSnap('full', 1)).toBe('full');
    expect(stepSnap('half', -1)).toBe('peek');
    expect(stepSnap('peek', -1)).toBe('peek');
  });

  it('a tap on the handle opens it further, and from full back to half', () => {
    expect(tapSnap('peek')).toBe('half');
    expect(tapSnap('half')).toBe('full');
    expect(tapSnap('full')).toBe('half');
  });

  it('a slow drag rests at the nearest snap', () => {
    // From half (250 px): up 150 px → 400 px, nearer full (500) than half → full.
    expect(snapAfterDrag('half', -150, 1000, FRAME)).toBe('full');
    // Up 100 px → 350 px: nearer half (250) than full (500).
    expect(snapAfterDrag('half', -100, 1000, FRAME)).toBe('half');
    // From full down 400 px → 100 px: peek (104).
    expect(snapAfterDrag('full', 400, 2000, FRAME)).toBe('peek');
  });

  it('a flick goes on in its direction to the next snap past where it was released', () => {
    // 60 px up in 80 ms (0.75 px/ms) from peek → half, although 164 px is nearer peek.
    expect(snapAfterDrag('peek', -60, 80, FRAME)).toBe('half');
    expect(snapAfterDrag('half', 60, 80, FRAME)).toBe('peek');
    // A fast pull from peek to near the top (released at 104 + 420 = 524 px, past half) → full, not just half.
    expect(snapAfterDrag('peek', -420, 100, FRAME)).toBe('full');
    // A fast push from full down past half (released at 200 px) → peek.
    expect(snapAfterDrag('full', 300, 100, FRAME)).toBe('peek');
    // A tiny fast jitter is not a flick.
    expect(snapAfterDrag('half', 5, 5, FRAME)).toBe('half');
  });

  it('follows the pointer while dragging, within peek and full', () => {
    expect(dragHeight('half', -30, FRAME)).toBe(280);
    expect(dragHeight('half', 400, FRAME)).toBe(PEEK_PX);
    expect(dragHeight('full', -50, FRAME)).toBe(500);
  });

  it('opens at least half way when a desa is chosen, so its profile shows', () => {
    expect(snapForSelection('peek')).toBe('half');
    expect(snapForSelection('half')).toBe('half');
    expect(snapForSelection('full')).toBe('full');
  });
});
