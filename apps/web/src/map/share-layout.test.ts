import { describe, expect, it } from 'vitest';
import { layoutNames } from './share-layout.ts';

// A monospace stand-in for canvas measureText: every character is half the font size wide.
const measure = (text: string, size: number) => text.length * size * 0.5;
const box = { width: 400, height: 300 };
const options = { sizes: [20, 14], markerRadius: 10 };

describe('layoutNames', () => {
  it('writes a name centred on its label point when it is alone', () => {
    // "Sei Rakyat": 10 characters × 10 px + 6 = 106 px wide, 24 px high, at (200, 150).
    expect(layoutNames([{ label: [200, 150], nama: 'Sei Rakyat' }], [], measure, box, options)).toEqual([
      { nama: 'Sei Rakyat', x: 200, y: 150, size: 20, width: 106, height: 24 },
    ]);
  });

  it('places the larger wilayah first and moves the other one off it, never overlapping', () => {
    const placed = layoutNames(
      [
        { label: [200, 150], nama: 'Kecil', priority: 1 },
        { label: [205, 152], nama: 'Besar Sekali', priority: 9 },
      ],
      [],
      measure,
      box,
      options,
    );
    expect(placed[0]).toMatchObject({ nama: 'Besar Sekali', x: 205, y: 152 });
    const [a, b] = placed;
    expect(b!.nama).toBe('Kecil');
    const apartX = Math.abs(a!.x - b!.x) >= (a!.width + b!.width) / 2;
    const apartY = Math.abs(a!.y - b!.y) >= (a!.height + b!.height) / 2;
    expect(apartX || apartY).toBe(true);
  });

  it('keeps the name of a numbered desa below its marker', () => {
    const marker = { id: '1', x: 100, y: 100, anchor: [100, 100] as [number, number], moved: false };
    const [name] = layoutNames([{ label: [100, 100], nama: 'Ujung', number: 1 }], [marker], measure, box, options);
    // Just below the marker: 10 (radius) + 12 (half the name's 24 px) + 4 (gap) = 26 px lower.
    expect(name).toMatchObject({ x: 100, y: 126, size: 20 });
    expect(name!.y - name!.height / 2).toBeGreaterThanOrEqual(110);
  });

  it('follows a marker moved away from its desa, so that number and name stay together', () => {
    const moved = { id: '2', x: 160, y: 60, anchor: [100, 100] as [number, number], moved: true };
    const [name] = layoutNames([{ label: [100, 100], nama: 'Ujung', number: 2 }], [moved], measure, box, options);
    expect(name).toMatchObject({ x: 160, y: 86 });
  });

  it('leaves out a name that fits nowhere near its point rather than covering another', () => {
    const crowd = Array.from({ length: 12 }, (_, i) => ({
      label: [200, 150] as [number, number],
      nama: `Desa Nomor ${i}`,
      priority: 12 - i,
    }));
    const placed = layoutNames(crowd, [], measure, box, options);
    expect(placed.length).toBeGreaterThan(1);
    expect(placed.length).toBeLessThan(12);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i]!;
        const b = placed[j]!;
        const apart =
          Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
        expect(apart, `${a.nama} / ${b.nama}`).toBe(true);
      }
    }
  });
});
