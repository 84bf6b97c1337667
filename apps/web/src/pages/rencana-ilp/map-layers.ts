// What the planner's map draws in each mode (pure; tested in map-layers.test.ts). "Desa": every desa coloured by the
// stage of its puskesmas. "Wilayah kerja": one polygon per puskesmas (its desa dissolved by the server) in the same
// colours, its name at its label point, plus the desa without a puskesmas, so the map has no holes and they can
// still be clicked and assigned. In both modes a proposal not yet confirmed is hatched (the map's `flag`).
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import {
  wilayahKerjaLabels,
  wilayahKerjaViewKode,
  type WilayahKerjaCollection,
} from '../../shared/wilayah-kerja/wilayah-kerja.ts';
import type { IlpStageCode } from '@peta/domain';
import type { DesaAssignment, PuskesmasList } from '@peta/domain/contract';
import type { FeatureStyle, MapLabel } from '../../map/index.ts';
import { FADED_COLOUR, NO_PUSKESMAS_COLOUR, STAGE_COLOURS } from './planner-model.ts';

export {
  shortName,
  type WilayahKerjaCollection,
  type WilayahKerjaProps,
} from '../../shared/wilayah-kerja/wilayah-kerja.ts';

export type MapMode = 'desa' | 'wilayah-kerja';
export const MAP_MODES: readonly MapMode[] = ['desa', 'wilayah-kerja'];
export const isMapMode = (v: unknown): v is MapMode => v === 'desa' || v === 'wilayah-kerja';

export type DesaCollection = FeatureCollection<Geometry, { kode: string; nama: string }>;

/** Geometry and names of a mode; they change with the data, not with the focus (markers are not rebuilt). */
export interface MapLayer {
  geometry: FeatureCollection;
  labels: MapLabel[];
}

/**
 * The view kode handed to the map for each mode (the map's test hooks report it): the desa of the kabupaten are
 * drawn as its children, the wilayah kerja as a view of their own.
 */
export const mapViewKode = (kab: string, mode: MapMode) => (mode === 'desa' ? kab : wilayahKerjaViewKode(kab));

/** Stage fill, or the faded colour when another puskesmas is focused; hatched while a proposal. */
function styleOf(
  stage: IlpStageCode | undefined,
  puskesmas: string | null,
  unconfirmed: boolean,
  focus: string | null,
): FeatureStyle {
  if (focus && puskesmas !== focus) return { fillColor: FADED_COLOUR, flag: false };
  return { fillColor: stage ? STAGE_COLOURS[stage] : NO_PUSKESMAS_COLOUR, flag: unconfirmed };
}

const stagesOf = (list: PuskesmasList) => new Map(list.puskesmas.map((p) => [p.kode, p.stage]));

export function desaLayer(geometry: DesaCollection, list: PuskesmasList): MapLayer {
  const labels = list.desa
    .filter((d) => d.label)
    .map((d) => ({ kode: d.kode, nama: d.nama, lngLat: d.label!, priority: 0 }));
  return { geometry, labels };
}

/** Desa mode: kode desa → its puskesmas' stage colour, hatched while its wilayah kerja row is unconfirmed. */
export function desaColours(list: PuskesmasList, focus: string | null): Record<string, FeatureStyle> {
  const stage = stagesOf(list);
  const colours: Record<string, FeatureStyle> = {};
  for (const d of list.desa) {
    colours[d.kode] = styleOf(
      d.puskesmas ? stage.get(d.puskesmas) : undefined,
      d.puskesmas,
      !!d.puskesmas && !d.confirmed,
      focus,
    );
  }
  return colours;
}

/**
 * Wilayah kerja mode: the puskesmas polygons (kode puskesmas), then the desa without a puskesmas (kode desa) taken
 * from the desa geometry. Larger wilayah kerja win when names collide.
 */
export function wilayahKerjaLayer(
  wilayahKerja: WilayahKerjaCollection,
  desa: DesaCollection,
  list: PuskesmasList,
): MapLayer {
  const unassigned = new Set(list.desa.filter((d) => !d.puskesmas).map((d) => d.kode));
  const loose: Feature[] = desa.features.filter((f) => unassigned.has(f.properties.kode));
  return {
    geometry: { type: 'FeatureCollection', features: [...wilayahKerja.features, ...loose] },
    labels: wilayahKerjaLabels(wilayahKerja),
  };
}

/**
 * Outline of each wilayah kerja: dark, because neighbours often share a stage colour and "belum" grey is close to
 * the map's background; white lines would lose both borders.
 */
export const WILAYAH_KERJA_OUTLINE = '#3b4a50';

/** Wilayah kerja mode: kode puskesmas → its stage colour, hatched while any of its desa is unconfirmed; desa without one apart. */
export function wilayahKerjaColours(
  wilayahKerja: WilayahKerjaCollection,
  list: PuskesmasList,
  focus: string | null,
): Record<string, FeatureStyle> {
  const stage = stagesOf(list);
  const colours: Record<string, FeatureStyle> = {};
  const outlined = (style: FeatureStyle) => ({ ...style, lineColor: WILAYAH_KERJA_OUTLINE });
  for (const { properties: p } of wilayahKerja.features)
    colours[p.kode] = outlined(styleOf(stage.get(p.kode), p.kode, p.unconfirmed > 0, focus));
  for (const d of list.desa) if (!d.puskesmas) colours[d.kode] = outlined(styleOf(undefined, null, false, focus));
  return colours;
}

/** What a hover or a click on the map points at in the current mode. */
export type MapTarget = { kind: 'desa'; desa: DesaAssignment } | { kind: 'puskesmas'; kode: string };

export function mapTarget(kode: string, mode: MapMode, list: PuskesmasList): MapTarget | null {
  if (mode === 'wilayah-kerja' && list.puskesmas.some((p) => p.kode === kode)) return { kind: 'puskesmas', kode };
  const desa = list.desa.find((d) => d.kode === kode);
  return desa ? { kind: 'desa', desa } : null;
}
