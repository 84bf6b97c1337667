import { describe, expect, it } from 'vitest';
import { paddingOptions } from './insets.ts';

// The desktop map at 1280 × 800: 865 × 510 px from (0, 261).
const frame = { left: 0, top: 261, right: 865, bottom: 771 };
const base = 36;

describe('paddingOptions', () => {
  it('pads nothing beyond the base without panels', () => {
    expect(paddingOptions(frame, [], base)).toEqual([{ top: 36, right: 36, bottom: 36, left: 36 }]);
  });

  it('offers two ways around the legend in the bottom-left corner: past its right edge, or above its top', () => {
    // Legend 10–282 px across, 560–741 px down: 290 px from the left (< 45 % of 865), 219 px from the bottom (< 60 % of 510).
    const legend = { left: 10, top: 560, right: 282, bottom: 741 };
    expect(paddingOptions(frame, [{ side: 'corner', rect: legend }], base)).toEqual([
      { top: 36, right: 36, bottom: 36, left: 290 },
      { top: 36, right: 36, bottom: 219, left: 36 },
    ]);
    // A taller legend (442 px down: 337 px, more than 60 % of the height): only past its right edge.
    expect(paddingOptions(frame, [{ side: 'corner', rect: { ...legend, top: 442 } }], base)).toEqual([
      { top: 36, right: 36, bottom: 36, left: 290 },
    ]);
  });

  it('pads the bottom for the phone sheet, and leaves out a sheet that covers most of the map', () => {
    const phone = { left: 0, top: 200, right: 360, bottom: 700 };
    const half = { left: 0, top: 450, right: 360, bottom: 700 };
    expect(paddingOptions(phone, [{ side: 'bottom', rect: half }], 16)).toEqual([
      { top: 16, right: 16, bottom: 258, left: 16 },
    ]);
    const full = { left: 0, top: 200, right: 360, bottom: 700 };
    expect(paddingOptions(phone, [{ side: 'bottom', rect: full }], 16)).toEqual([
      { top: 16, right: 16, bottom: 16, left: 16 },
    ]);
  });
});
