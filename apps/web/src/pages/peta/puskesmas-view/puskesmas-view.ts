// The main map's "Wilayah kerja puskesmas" view of a kabupaten/kota (pure; tested in puskesmas-view.test.ts): the
// table rows from the wilayah kerja polygons and the values per puskesmas, and the map colours without the row of
// the desa that have no puskesmas (kode '': listed in the table, never drawn).
import type { TFunction } from '../../../i18n/i18n.tsx';
import type { FeatureStyle } from '../../../map/index.ts';
import type { ListItem } from '../child-list/ChildList.tsx';
import type { WilayahKerjaCollection } from '../../../shared/wilayah-kerja/wilayah-kerja.ts';

/** Kode of the values row of the desa-months without a puskesmas. */
export const NO_PUSKESMAS = '';

export interface PuskesmasItem {
  kode: string;
  nama: string;
  /** Desa in the wilayah kerja today (for '' and puskesmas without a polygon: desa that reported in the period). */
  desa: number;
  /** Desa of it still an unconfirmed proposal. */
  unconfirmed: number;
  /** Drawn on the map. */
  hasGeometry: boolean;
}

interface RowLike {
  kode: string;
  nama: string;
  desaCount: number;
}

/**
 * One item per wilayah kerja polygon, then the values rows without one: a puskesmas without desa today, and last
 * the desa without a puskesmas (named `noPuskesmas`). Rows are not needed for the polygons (values may still load).
 */
export function puskesmasItems(
  wilayahKerja: WilayahKerjaCollection,
  rows: readonly RowLike[] | undefined,
  noPuskesmas: string,
): PuskesmasItem[] {
  const items: PuskesmasItem[] = wilayahKerja.features.map(({ properties: p }) => ({
    kode: p.kode,
    nama: p.nama,
    desa: p.desa,
    unconfirmed: p.unconfirmed,
    hasGeometry: true,
  }));
  const drawn = new Set(items.map((i) => i.kode));
  const extra = (rows ?? []).filter((r) => !drawn.has(r.kode));
  const loose = extra
    .filter((r) => r.kode !== NO_PUSKESMAS)
    .map((r) => ({ kode: r.kode, nama: r.nama, desa: r.desaCount, unconfirmed: 0, hasGeometry: false }));
  const none = extra
    .filter((r) => r.kode === NO_PUSKESMAS)
    .map((r) => ({ kode: r.kode, nama: noPuskesmas, desa: r.desaCount, unconfirmed: 0, hasGeometry: false }));
  return [...items, ...loose, ...none];
}

/** Puskesmas counted in the heading ("22 wilayah kerja puskesmas"): every item but the desa without one. */
export const puskesmasCount = (items: readonly PuskesmasItem[]) => items.filter((i) => i.kode !== NO_PUSKESMAS).length;

/** Any desa of a wilayah kerja still an unconfirmed proposal: the heading says the wilayah kerja are a proposal. */
export const hasUnconfirmed = (wilayahKerja: WilayahKerjaCollection) =>
  wilayahKerja.features.some((f) => f.properties.unconfirmed > 0);

/** The choropleth's styles for the map: the '' row has no polygon (and MapLibre refuses an empty feature id). */
export function mapStyles<S extends FeatureStyle>(styles: Record<string, S>): Record<string, S> {
  const { [NO_PUSKESMAS]: _none, ...drawn } = styles;
  return drawn;
}

/** The table's rows: a puskesmas is chosen, not drilled into (no link); the desa without a puskesmas are listed only. */
export function puskesmasListItems(items: readonly PuskesmasItem[], t: TFunction): ListItem[] {
  return items.map((i) => {
    if (i.kode === NO_PUSKESMAS)
      return { kode: i.kode, nama: i.nama, meta: t('list.noPuskesmasMeta', { n: i.desa }), href: null, inert: true };
    return {
      kode: i.kode,
      nama: i.nama,
      meta: t(i.hasGeometry ? 'list.puskesmasMeta' : 'list.puskesmasNoArea', { n: i.desa }),
      href: null,
    };
  });
}
