// "PNG untuk WhatsApp" on the map page: the current view (children coloured as on the map, legend, title, period
// and — when the values are simulated — the "Data contoh (simulasi)" badge) as a phone-sized picture, drawn on a
// 2D canvas by src/map/share-png.ts (no WebGL readback). Shared where the device can, downloaded otherwise.
import { useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { mapShape, type ShapeGeometry } from '@peta/domain';
import { useT } from '../../i18n/i18n.tsx';
import { SHARE_MAP_BOX, shareOrDownload, sharePng } from '../../map/share-png.ts';
import type { ChoroplethModel } from './legend-model.ts';

export interface SharePngButtonProps {
  geometry: FeatureCollection | undefined;
  /** Label points of the children ([lng, lat]) and their priority (larger first), so names sit inside their polygons. */
  labels: ReadonlyMap<string, { lngLat: [number, number]; priority: number }>;
  model: ChoroplethModel;
  viewNama: string;
  periodText: string;
  simulated: boolean;
  /** e.g. "peta-12.10-KIA_K4-2026-01..2026-10.png" */
  fileName: string;
}

export function SharePngButton({
  geometry,
  labels,
  model,
  viewNama,
  periodText,
  simulated,
  fileName,
}: SharePngButtonProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const make = async () => {
    if (!geometry) return;
    setBusy(true);
    try {
      const shape = mapShape(
        geometry.features.map((f) => ({
          kode: String(f.properties?.kode ?? f.id),
          nama: String(f.properties?.nama ?? ''),
          geometry: f.geometry as ShapeGeometry,
          label: labels.get(String(f.properties?.kode ?? f.id))?.lngLat ?? null,
        })),
        SHARE_MAP_BOX.width,
        SHARE_MAP_BOX.height,
        10,
      );
      const blob = await sharePng({
        paths: shape.paths.map((p) => ({
          d: p.d,
          fill: model.colourOf(p.kode),
          label: p.label,
          nama: p.nama,
          flag: model.styles[p.kode]?.flag ?? false,
          priority: labels.get(p.kode)?.priority ?? 0,
        })),
        title: viewNama,
        subtitle: `${model.title} · ${periodText}`,
        legend: model.items.map((i) => ({
          color: i.color,
          label: i.label,
          pattern: i.pattern === 'hatch' ? ('hatch' as const) : undefined,
        })),
        badge: simulated ? t('simulated.badge') : null,
        footer: `${model.note} · ${t('app.title')}`,
      });
      await shareOrDownload(blob, fileName);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="share-png"
      onClick={make}
      disabled={!geometry || busy}
      aria-busy={busy}
      data-testid="share-png"
    >
      {t(busy ? 'share.png.making' : 'share.png')}
    </button>
  );
}
