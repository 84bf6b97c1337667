import { describe, expect, it } from 'vitest';
import { LAYOUT_QUERIES, layoutOf } from './layout.ts';

// What Chromium answers for each viewport: landscape = wider than tall and at most 500 px high; phone = below 800 px wide.
const screen = (width: number, height: number) => (query: string) =>
  query === LAYOUT_QUERIES.landscape ? width > height && height <= 500 : width < 800;

describe('layoutOf', () => {
  it('gives a phone held upright the bottom-sheet layout (360 × 740, 412 × 915)', () => {
    expect(layoutOf(screen(360, 740))).toBe('phone');
    expect(layoutOf(screen(412, 915))).toBe('phone');
  });

  it('gives a phone held sideways the two-column layout, whatever its width (740 × 360, 915 × 412)', () => {
    expect(layoutOf(screen(740, 360))).toBe('landscape');
    expect(layoutOf(screen(915, 412))).toBe('landscape');
  });

  it('gives laptops and tablets the desktop layout', () => {
    expect(layoutOf(screen(1280, 800))).toBe('desktop');
    expect(layoutOf(screen(1024, 768))).toBe('desktop');
  });
});
