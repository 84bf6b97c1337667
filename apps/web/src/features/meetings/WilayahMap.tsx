// The meeting's desa (a kecamatan's, or a puskesmas' wilayah kerja) as inline SVG (no map library: light, prints,
// works offline), coloured by the class of one indicator, numbered in the meeting's order; one desa may be highlighted.
import { useMemo } from 'react';
import { mapShape } from '@peta/domain';
import type { WilayahFeatureCollection } from '../../api/queries.ts';

export function useShape(geometry: WilayahFeatureCollection | undefined, width: number, height: number,
  labels?: ReadonlyMap<string, readonly [number, number] | null>) {
  return useMemo(() => (geometry ? mapShape(geometry.features.map((f) => ({
    kode: f.properties.kode, nama: f.properties.nama, geometry: f.geometry, label: labels?.get(f.properties.kode) ?? null,
  })), width, height, 8) : null), [geometry, width, height, labels]);
}

export function WilayahMap({ geometry, labels, fills, numbers, highlight, label, width = 800, height = 600, onPick }: {
  geometry: WilayahFeatureCollection | undefined;
  /** Label points [lng, lat] per kode (pole of inaccessibility, from /api/wilayah/{kode}/children). */
  labels?: ReadonlyMap<string, readonly [number, number] | null>;
  fills: Map<string, string>;
  numbers?: Map<string, number>;
  highlight?: string | null;
  label: string;
  width?: number;
  height?: number;
  onPick?: (kode: string) => void;
}) {
  const shape = useShape(geometry, width, height, labels);
  if (!shape) return <div className="rapat-map rapat-map--empty" style={{ aspectRatio: `${width} / ${height}` }} />;
  const hl = shape.paths.find((p) => p.kode === highlight);
  return (
    <svg className="rapat-map" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid="rapat-map">
      {shape.paths.map((p) => (
        <path key={p.kode} d={p.d} fill={fills.get(p.kode) ?? '#e5e5e5'} fillRule="evenodd" stroke="#fff" strokeWidth={1.5}
          onClick={onPick ? () => onPick(p.kode) : undefined} className={onPick ? 'rapat-map__pick' : undefined}>
          <title>{p.nama}</title>
        </path>
      ))}
      {hl && <path d={hl.d} fill="none" stroke="#111" strokeWidth={4} pointerEvents="none" />}
      {numbers && shape.paths.map((p) => {
        const n = numbers.get(p.kode);
        if (n === undefined) return null;
        const r = width > 400 ? 15 : 8;
        return (
          <g key={`n${p.kode}`} pointerEvents="none">
            <circle cx={p.label[0]} cy={p.label[1]} r={r} fill="#fff" stroke="#333" strokeWidth={1.5} />
            <text x={p.label[0]} y={p.label[1] + r * 0.4} textAnchor="middle" fontSize={r * 1.15} fontWeight={700}>{n}</text>
          </g>
        );
      })}
    </svg>
  );
}
