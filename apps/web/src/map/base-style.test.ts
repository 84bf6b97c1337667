import { describe, expect, it } from 'vitest';
import { PALETTE } from '@peta/domain';
import { baseStyle, COLOURS, LAYER } from './base-style.ts';

const layers = baseStyle().layers;
const index = (id: string) => layers.findIndex((l) => l.id === id);

describe('the selected wilayah on the map', () => {
  it('is never filled: no fill layer looks at the selection', () => {
    const fills = layers.filter((l) => l.type === 'fill');
    expect(fills.length).toBeGreaterThan(0);
    for (const layer of fills)
      expect(JSON.stringify((layer as { paint?: unknown }).paint ?? {}), layer.id).not.toContain('selected');
  });

  it('is outlined by a dark line on a light halo, drawn above every other layer of the children', () => {
    const halo = layers[index(LAYER.selectedHalo)] as { type: string; paint: Record<string, unknown> };
    const line = layers[index(LAYER.selectedLine)] as { type: string; paint: Record<string, unknown> };
    expect(halo.type).toBe('line');
    expect(line.type).toBe('line');
    expect(halo.paint['line-color']).toBe('#ffffff');
    expect(line.paint['line-color']).toBe(COLOURS.selectedLine);
    expect(JSON.stringify(line.paint['line-width'])).toContain('selected');
    expect(index(LAYER.selectedHalo)).toBeLessThan(index(LAYER.selectedLine));
    for (const id of [
      LAYER.childrenFill,
      LAYER.childrenFlag,
      LAYER.childrenHover,
      LAYER.childrenLine,
      LAYER.childrenHoverLine,
      LAYER.currentOutline,
    ]) {
      expect(index(id), id).toBeLessThan(index(LAYER.selectedHalo));
    }
  });

  it('uses no legend colour (classes, quantiles, no data, the hatch lines)', () => {
    const lower = (colours: readonly string[]) => colours.map((c) => c.toLowerCase());
    // Solid fills: a class, a quantile or "no data" is told by its colour alone.
    const { disembunyikan: _hiddenGround, ...classes } = PALETTE.attainment;
    const solid = lower([...Object.values(classes), ...Object.values(PALETTE.quantile).flat(), PALETTE.noData]);
    expect(solid).not.toContain(COLOURS.selectedLine.toLowerCase());
    expect(solid).not.toContain(COLOURS.selectedHalo.toLowerCase());
    // Hidden counts (issue 18) are told by their hatch lines, not by their white ground (which the halo shares):
    // the dark selection line is neither hatch colour.
    expect(lower([PALETTE.hidden, PALETTE.flag])).not.toContain(COLOURS.selectedLine.toLowerCase());
  });
});
