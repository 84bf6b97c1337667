// The over-100 % hatch as pixels: diagonal lines every 6 px on a transparent tile, so the class colour shows
// between them. Drawn in code, like the rest of the style: nothing is fetched.
const SIZE = 12;
const SPACING = 6;

export function hatchImage(hexColour: string, pixelRatio = 1): { width: number; height: number; data: Uint8Array } {
  const size = SIZE * pixelRatio;
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hexColour.slice(i, i + 2), 16)) as [number, number, number];
  const width = 1.6 * pixelRatio;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Distance to the nearest line x + y = k·spacing (lines run from bottom-left to top-right, and tile seamlessly).
      const along = (x + y + 0.5) % (SPACING * pixelRatio);
      const distance = Math.min(along, SPACING * pixelRatio - along) / Math.SQRT2;
      const alpha = Math.max(0, Math.min(1, width / 2 + 0.5 - distance));
      const i = (y * size + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = Math.round(alpha * 230);
    }
  }
  return { width: size, height: size, data };
}
