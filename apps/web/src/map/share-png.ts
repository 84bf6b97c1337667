// "PNG untuk WhatsApp": a phone-sized picture (1080 × 1350, portrait) of a wilayah map with its title, period,
// legend and — when the values are simulated — the "Data contoh (simulasi)" badge, drawn on a 2D canvas from the
// same SVG path strings as the printed pack (mapShape in @peta/domain). No WebGL readback, so it works whether or
// not the MapLibre map is on screen. Import this file directly: src/map/index.ts would pull in maplibre-gl.
import { downloadBlob } from '../download.ts';

export const SHARE_SIZE = { width: 1080, height: 1350 } as const;
/** The map box inside the picture; mapShape(features, MAP_BOX.width, MAP_BOX.height) fits it. */
export const SHARE_MAP_BOX = { x: 40, y: 270, width: 1000, height: 780 } as const;

export interface SharePath { d: string; fill: string; label?: [number, number]; number?: number }

export interface SharePngInput {
  paths: SharePath[];
  title: string;
  subtitle: string;
  legend: { color: string; label: string }[];
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

/** Draws the picture on `canvas` (resized to SHARE_SIZE). */
export function drawSharePicture(canvas: HTMLCanvasElement, input: SharePngInput): void {
  canvas.width = SHARE_SIZE.width;
  canvas.height = SHARE_SIZE.height;
  const ctx = canvas.getContext('2d')!;
  const font = (px: number, weight = 400) => `${weight} ${px}px system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif`;
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
  for (const p of input.paths) {
    const path = new Path2D(p.d);
    ctx.fillStyle = p.fill;
    ctx.fill(path, 'evenodd');
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2.5;
    ctx.stroke(path);
  }
  for (const p of input.paths) {
    if (!p.label || p.number === undefined) continue;
    ctx.beginPath();
    ctx.arc(p.label[0], p.label[1], 19, 0, Math.PI * 2);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.strokeStyle = '#333';
    ctx.lineWidth = 2;
    ctx.stroke();
    ctx.fillStyle = '#111';
    ctx.font = font(22, 700);
    ctx.textAlign = 'center';
    ctx.fillText(String(p.number), p.label[0], p.label[1] + 8);
    ctx.textAlign = 'left';
  }
  ctx.restore();

  // Legend: two columns when the labels fit beside each other, else one per line (smaller type).
  ctx.font = font(30);
  const twoColumns = input.legend.every((item) => ctx.measureText(item.label).width <= 440);
  if (!twoColumns) ctx.font = font(input.legend.length > 4 ? 24 : 28);
  const columns = twoColumns ? 2 : 1;
  const lineHeight = twoColumns ? 50 : input.legend.length > 4 ? 38 : 44;
  input.legend.forEach((item, i) => {
    const x = 40 + (i % columns) * 520;
    const ly = SHARE_MAP_BOX.y + SHARE_MAP_BOX.height + 40 + Math.floor(i / columns) * lineHeight;
    ctx.fillStyle = item.color;
    ctx.fillRect(x, ly - 26, 44, 32);
    ctx.strokeStyle = '#888';
    ctx.lineWidth = 1.5;
    ctx.strokeRect(x, ly - 26, 44, 32);
    ctx.fillStyle = '#222';
    ctx.fillText(item.label, x + 60, ly);
  });
  ctx.font = font(24);
  ctx.fillStyle = '#555';
  const footerLines = wrap(ctx, input.footer, 1000);
  footerLines.forEach((line, i) => ctx.fillText(line, 40, SHARE_SIZE.height - 30 - (footerLines.length - 1 - i) * 30));
}

export function sharePng(input: SharePngInput): Promise<Blob> {
  const canvas = document.createElement('canvas');
  drawSharePicture(canvas, input);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG gagal dibuat'))), 'image/png'));
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
