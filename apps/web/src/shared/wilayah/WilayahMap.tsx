// A small map of desa (a meeting's kecamatan or puskesmas wilayah kerja; the Profil page's wilayah) as inline SVG (no
// map library: light, prints, works offline), coloured by the class of one indicator, numbered in the meeting's order
// when given numbers; one desa may be highlighted.
import { useMemo } from 'react';
import { mapShape, placeMarkers, type MapShape } from '@peta/domain';
import type { WilayahFeatureCollection } from '../../api/queries.ts';
import './wilayah-map.css';

export function useShape(
  geometry: WilayahFeatureCollection | undefined,
  width: number,
  height: number,
  labels?: ReadonlyMap<string, readonly [number, number] | null>,
) {
  return useMemo(
    () =>
      geometry
        ? mapShape(
            geometry.features.map((f) => ({
              kode: f.properties.kode,
              nama: f.properties.nama,
              geometry: f.geometry,
              label: labels?.get(f.properties.kode) ?? null,
            })),
            width,
            height,
            8,
          )
        : null,
    [geometry, width, height, labels],
  );
}

export function WilayahMap({
  geometry,
  labels,
  fills,
  numbers,
  highlight,
  label,
  width = 800,
  height = 600,
  onPick,
}: {
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
        // biome-ignore lint/a11y/noStaticElementInteractions: a click on the map is a shortcut; the same desa are picked from the list beside it.
        <path
          key={p.kode}
          d={p.d}
          fill={fills.get(p.kode) ?? '#e5e5e5'}
          fillRule="evenodd"
          stroke="#fff"
          strokeWidth={1.5}
          onClick={onPick ? () => onPick(p.kode) : undefined}
          className={onPick ? 'rapat-map__pick' : undefined}
        >
          <title>{p.nama}</title>
        </path>
      ))}
      {/* The highlighted desa: an outline (light halo, dark line) over its own colour, never a fill. */}
      {hl && (
        <path
          d={hl.d}
          fill="none"
          stroke="#fff"
          strokeWidth={8}
          strokeLinejoin="round"
          pointerEvents="none"
          data-testid="rapat-map-highlight-halo"
        />
      )}
      {hl && (
        <path
          d={hl.d}
          fill="none"
          stroke="#0d1b21"
          strokeWidth={3.5}
          strokeLinejoin="round"
          pointerEvents="none"
          data-testid="rapat-map-highlight"
        />
      )}
      {numbers && <Markers shape={shape} numbers={numbers} radius={width > 400 ? 15 : 8} />}
    </svg>
  );
}

/** The meeting's numbers at their desa; neighbours' markers moved apart with a leader line, never covering each other. */
function Markers({ shape, numbers, radius }: { shape: MapShape; numbers: Map<string, number>; radius: number }) {
  const placed = useMemo(
    () =>
      placeMarkers(
        shape.paths.flatMap((p) => {
          const n = numbers.get(p.kode);
          return n === undefined ? [] : [{ id: String(n), x: p.label[0], y: p.label[1] }];
        }),
        radius,
        shape,
      ),
    [shape, numbers, radius],
  );
  return (
    <g pointerEvents="none" data-testid="rapat-map-markers">
      {placed.map((m) => (
        <g key={m.id} data-testid="rapat-map-marker" data-moved={m.moved}>
          {m.moved && <line x1={m.anchor[0]} y1={m.anchor[1]} x2={m.x} y2={m.y} stroke="#333" strokeWidth={1.5} />}
          {m.moved && <circle cx={m.anchor[0]} cy={m.anchor[1]} r={2.5} fill="#333" />}
          <circle cx={m.x} cy={m.y} r={radius} fill="#fff" stroke="#333" strokeWidth={1.5} />
          <text x={m.x} y={m.y + radius * 0.4} textAnchor="middle" fontSize={radius * 1.15} fontWeight={700}>
            {m.id}
          </text>
        </g>
      ))}
    </g>
  );
}
