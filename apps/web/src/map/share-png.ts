// "PNG untuk WhatsApp": a phone-sized picture (1080 × 1350, portrait) of a wilayah map with its title, period,
// legend and — when the values are simulated — the "Data contoh (simulasi)" badge, drawn on a 2D canvas from the
// same SVG path strings as the printed pack (mapShape in @peta/domain). No WebGL readback, so it works whether or
// not the MapLibre map is on screen. Import this file directly: src/map/index.ts would pull in maplibre-gl.
import { placeMarkers, type PlacedLabel } from '@peta/domain';
import { layoutNames } from './share-layout.ts';
import { downloadBlob } from '../download.ts';

export const SHARE_SIZE = { width: 1080, height: 1350 } as const;
/** The map box inside the picture; mapShape(features, MAP_BOX.width, MAP_BOX.height) fits it. */
export const SHARE_MAP_BOX = { x: 40, y: 270, width: 1000, height: 780 } as const;

export interface SharePath {
  d: string;
  fill: string;
  /** Label point inside the polygon (x, y in the map box). */
  label?: [number, number];
  /** The desa's name, written at its label point where it fits, so recipients can tell the polygons apart. */
  nama?: string;
  /** The meeting's number of the desa (a round marker). */
  number?: number;
  /** Hatched over the fill (coverage above 100 %, as on the map). */
  flag?: boolean;
  /** Names of higher priority (larger wilayah) are placed first. */
  priority?: number;
}

export interface ShareLegendItem {
  color: string;
  label: string;
  pattern?: 'hatch';
}

export interface SharePngInput {
  paths: SharePath[];
  title: string;
  subtitle: string;
  legend: ShareLegendItem[];
  /** "Data contoh (simulasi)" or null for real data. */
  badge: string | null;
  footer: string;
}

function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > maxWidth && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const MARKER_RADIUS = 19;
/** Name sizes tried in turn (px); a name that fits at none of them near its point is left out rather than covering another. */
const NAME_SIZES = [24, 20, 17];
type Font = (px: number, weight?: number) => string;

/** Diagonal dark lines on a transparent tile: drawn over a fill, its colour still shows between them. */
function hatchPattern(ctx: CanvasRenderingContext2D): CanvasPattern | null {
  const tile = document.createElement('canvas');
  tile.width = 12;
  tile.height = 12;
  const t = tile.getContext('2d');
  if (!t) return null;
  t.strokeStyle = '#252525';
  t.lineWidth = 2;
  t.lineCap = 'square';
  // Three strokes so the lines continue across tile edges (a seamless 45° hatch).
  for (const offset of [-12, 0, 12]) {
    t.beginPath();
    t.moveTo(offset, 12);
    t.lineTo(offset + 12, 0);
    t.stroke();
  }
  return ctx.createPattern(tile, 'repeat');
}

function drawMarker(ctx: CanvasRenderingContext2D, m: PlacedLabel, font: Font) {
  if (m.moved) {
    ctx.strokeStyle = '#333';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(m.anchor[0], m.anchor[1]);
    ctx.lineTo(m.x, m.y);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(m.anchor[0], m.anchor[1], 4, 0, Math.PI * 2);
    ctx.fillStyle = '#333';
    ctx.fill();
  }
  ctx.beginPath();
  ctx.arc(m.x, m.y, MARKER_RADIUS, 0, Math.PI * 2);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = '#333';
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.fillStyle = '#111';
  ctx.font = font(22, 700);
  ctx.textAlign = 'center';
  ctx.fillText(m.id, m.x, m.y + 8);
  ctx.textAlign = 'left';
}

/** Names placed by layoutNames, drawn with a white halo so they read on any class colour. */
function drawNames(
  ctx: CanvasRenderingContext2D,
  paths: readonly SharePath[],
  markers: readonly PlacedLabel[],
  font: Font,
) {
  const measure = (text: string, size: number) => {
    ctx.font = font(size, 700);
    return ctx.measureText(text).width;
  };
  const placed = layoutNames(paths, markers, measure, SHARE_MAP_BOX, {
    sizes: NAME_SIZES,
    markerRadius: MARKER_RADIUS,
  });
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const n of placed) {
    ctx.font = font(n.size, 700);
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.92)';
    ctx.lineWidth = 5;
    ctx.strokeText(n.nama, n.x, n.y);
    ctx.fillStyle = '#10243e';
    ctx.fillText(n.nama, n.x, n.y);
  }
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
}

/** Draws the picture on `canvas` (resized to SHARE_SIZE). */
export function drawSharePicture(canvas: HTMLCanvasElement, input: SharePngInput): void {
  canvas.width = SHARE_SIZE.width;
  canvas.height = SHARE_SIZE.height;
  const ctx = canvas.getContext('2d')!;
  const font: Font = (px: number, weight = 400) =>
    `${weight} ${px}px system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif`;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, SHARE_SIZE.width, SHARE_SIZE.height);

  // Title block: title (up to two lines), subtitle, then the simulasi badge on its own line.
  ctx.fillStyle = '#10243e';
  ctx.fillRect(0, 0, SHARE_SIZE.width, 12);
  let y = 84;
  ctx.fillStyle = '#111';
  ctx.font = font(54, 700);
  for (const line of wrap(ctx, input.title, 1000).slice(0, 2)) {
    ctx.fillText(line, 40, y);
    y += 62;
  }
  ctx.font = font(36);
  ctx.fillStyle = '#333';
  ctx.fillText(input.subtitle, 40, y);
  if (input.badge) {
    ctx.font = font(30, 700);
    const text = `⚠ ${input.badge}`;
    const w = ctx.measureText(text).width + 40;
    ctx.fillStyle = '#fff3cd';
    ctx.strokeStyle = '#e0b000';
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.roundRect(40, y + 24, w, 54, 10);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = '#6b4e00';
    ctx.fillText(text, 60, y + 62);
  }

  // Map
  ctx.save();
  ctx.translate(SHARE_MAP_BOX.x, SHARE_MAP_BOX.y);
  ctx.lineJoin = 'round';
  const hatch = hatchPattern(ctx);
  for (const p of input.paths) {
    const path = new Path2D(p.d);
    ctx.fillStyle = p.fill;
    ctx.fill(path, 'evenodd');
    if (p.flag && hatch) {
      ctx.fillStyle = hatch;
      ctx.fill(path, 'evenodd');
    }
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2.5;
    ctx.stroke(path);
  }
  const markers = placeMarkers(
    input.paths.flatMap((p) =>
      p.label && p.number !== undefined ? [{ id: String(p.number), x: p.label[0], y: p.label[1] }] : [],
    ),
    MARKER_RADIUS,
    SHARE_MAP_BOX,
  );
  drawNames(ctx, input.paths, markers, font);
  for (const m of markers) drawMarker(ctx, m, font);
  ctx.restore();

  // The footer first: the legend must end above it (six items — with the hatched "disembunyikan" of a protected view —
  // ran into it).
  ctx.font = font(24);
  const footerLines = wrap(ctx, input.footer, 1000);
  const footerTop = SHARE_SIZE.height - 30 - (footerLines.length - 1) * 30 - 24;

  // Legend: two columns when the labels fit beside each other, else one per line (smaller type).
  ctx.font = font(30);
  const twoColumns = input.legend.every((item) => ctx.measureText(item.label).width <= 440);
  if (!twoColumns) ctx.font = font(input.legend.length > 4 ? 24 : 28);
  const columns = twoColumns ? 2 : 1;
  const legendTop = SHARE_MAP_BOX.y + SHARE_MAP_BOX.height + 40;
  const rows = Math.ceil(input.legend.length / columns);
  const fits = rows > 1 ? Math.floor((footerTop - 12 - legendTop) / (rows - 1)) : Number.POSITIVE_INFINITY;
  const lineHeight = Math.min(twoColumns ? 50 : input.legend.length > 4 ? 38 : 44, fits);
  input.legend.forEach((item, i) => {
    const x = 40 + (i % columns) * 520;
    const ly = legendTop + Math.floor(i / columns) * lineHeight;
    // The hatch item is lines on white, as on the map (its colour is the line colour, not a fill).
    ctx.fillStyle = item.pattern === 'hatch' ? '#ffffff' : item.color;
    ctx.fillRect(x, ly - 26, 44, 32);
    if (item.pattern === 'hatch' && hatch) {
      ctx.fillStyle = hatch;
      ctx.fillRect(x, ly - 26, 44, 32);
    }
    ctx.strokeStyle = '#888';
    ctx.lineWidth = 1.5;
    ctx.strokeRect(x, ly - 26, 44, 32);
    ctx.fillStyle = '#222';
    ctx.fillText(item.label, x + 60, ly);
  });
  ctx.font = font(24);
  ctx.fillStyle = '#555';
  footerLines.forEach((line, i) => {
    ctx.fillText(line, 40, SHARE_SIZE.height - 30 - (footerLines.length - 1 - i) * 30);
  });
}

export function sharePng(input: SharePngInput): Promise<Blob> {
  const canvas = document.createElement('canvas');
  drawSharePicture(canvas, input);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG gagal dibuat'))), 'image/png'),
  );
}

/** Shares the file where the device can (WhatsApp on a phone), else downloads it. */
export async function shareOrDownload(blob: Blob, fileName: string): Promise<'shared' | 'downloaded'> {
  const file = new File([blob], fileName, { type: 'image/png' });
  const nav = navigator as Navigator & { canShare?: (data: ShareData) => boolean };
  if (nav.canShare?.({ files: [file] }) && window.matchMedia?.('(pointer: coarse)').matches) {
    try {
      await nav.share({ files: [file], title: fileName });
      return 'shared';
    } catch {
      // cancelled: fall through to the download
    }
  }
  downloadBlob(blob, fileName);
  return 'downloaded';
}
