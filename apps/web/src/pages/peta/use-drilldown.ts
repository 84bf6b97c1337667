// What the drill-down shows for the kode in the URL: the wilayah, the children drawn and listed (the "view"),
// the geometry around them, the bounds to fit. A leaf (desa, or a wilayah without loaded children) is shown
// among its siblings: the view is its parent and the leaf is selected.
import { useQueryClient } from '@tanstack/react-query';
import { ancestorsOf, childTingkat as childTingkatOf, parentOf, tingkatOf, type Tingkat } from '@peta/domain';
import type { Bbox, Wilayah, WilayahChild } from '@peta/domain/contract';
import { queryKeys, useChildren, useChildrenGeometry, useMeta, useWilayah } from '../../api/queries.ts';

/** A chosen desa is shown with its neighbours around it: its bbox grown by this share on each side. */
const LEAF_CONTEXT = 0.6;
const grow = ([w, s, e, n]: Bbox, by: number): Bbox => {
  const dx = (e - w) * by;
  const dy = (n - s) * by;
  return [w - dx, s - dy, e + dx, n + dy];
};

export interface Crumb {
  kode: string | null;
  nama: string | null;
}

export function useDrilldown(kode: string | null) {
  const meta = useMeta();
  const wilayah = useWilayah(kode);
  const current = wilayah.data?.kode === kode ? wilayah.data : undefined;

  const isLeaf = kode !== null && (tingkatOf(kode) === 'desa' || current?.childCount === 0);
  const viewKode = isLeaf ? parentOf(kode) : kode;
  const viewTingkat: Tingkat | null = viewKode ? tingkatOf(viewKode) : null;
  const childTingkat: Tingkat = childTingkatOf(viewTingkat) ?? 'desa';

  const version = meta.data?.geometryVersion;
  const children = useChildren(viewKode);
  const geometry = useChildrenGeometry(version, viewKode);
  // The siblings of the view (one level up), muted, with the view's own outline: already cached when drilling down.
  const contextKode = viewKode === null ? null : parentOf(viewKode);
  const context = useChildrenGeometry(version, contextKode, viewKode !== null);
  // And one more level up (the provinces around a provinsi's kabupaten…); undefined: none.
  const outerKode = viewKode === null || contextKode === null ? undefined : parentOf(contextKode);
  const outer = useChildrenGeometry(version, outerKode ?? null, outerKode !== undefined);
  const viewWilayah = useWilayah(isLeaf ? viewKode : null);

  const bounds: Bbox | null =
    kode === null
      ? (meta.data?.bbox ?? null)
      : isLeaf
        ? current?.bbox
          ? grow(current.bbox, LEAF_CONTEXT)
          : (viewWilayah.data?.bbox ?? null)
        : (current?.bbox ?? null);

  const names = useNames(current);
  const crumbs: Crumb[] = [
    { kode: null, nama: null },
    ...(kode ? [...ancestorsOf(kode), kode].map((k) => ({ kode: k, nama: names(k) })) : []),
  ];

  return {
    kode,
    meta,
    wilayah,
    current,
    isLeaf,
    viewKode,
    childTingkat,
    children,
    geometry,
    context,
    contextKode,
    outer,
    outerKode,
    bounds,
    crumbs,
    viewNama: viewKode === null ? null : names(viewKode),
  };
}

/**
 * Names of the kode and its ancestors without waiting for the request: from the wilayah itself, else from
 * cached answers (the list the user just clicked in). null while unknown.
 */
function useNames(current: Wilayah | undefined) {
  const client = useQueryClient();
  return (k: string): string | null => {
    if (current?.kode === k) return current.nama;
    const fromParents = current?.parents.find((p) => p.kode === k);
    if (fromParents) return fromParents.nama;
    const cached = client.getQueryData<Wilayah>(queryKeys.wilayah(k));
    if (cached) return cached.nama;
    const siblings = client.getQueryData<WilayahChild[]>(queryKeys.children(parentOf(k)));
    return siblings?.find((c) => c.kode === k)?.nama ?? null;
  };
}
