// Query keys and hooks for TanStack Query. Components call these hooks, never fetch().
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection, Geometry } from 'geojson';
import {
  childrenGeometryPath,
  type DesaValuesResponse,
  type IndicatorDto,
  type Meta,
  type PuskesmasValuesResponse,
  type SeriesResponse,
  type ValuesResponse,
  type Wilayah,
  type WilayahChild,
} from '@peta/domain/contract';
import { tryParsePeriod, type YearMonth } from '@peta/domain';
import { getJson } from './client.ts';

export interface WilayahFeatureProperties {
  kode: string;
  nama: string;
}
export type WilayahFeatureCollection = FeatureCollection<Geometry, WilayahFeatureProperties>;

const ROOT = 'indonesia';

export const queryKeys = {
  meta: ['meta'] as const,
  wilayah: (kode: string) => ['wilayah', kode] as const,
  /** kode null: the provinces. */
  children: (kode: string | null) => ['wilayah', kode ?? ROOT, 'children'] as const,
  geometry: (version: string, kode: string | null) => ['geometry', version, kode ?? ROOT] as const,
  indicators: ['indicators'] as const,
  values: (indicator: string, period: string, parent: string | null) =>
    ['values', indicator, period, parent ?? ROOT] as const,
  /** Every desa under parent at once ("Semua desa"). */
  desaValues: (indicator: string, period: string, parent: string | null) =>
    ['values-desa', indicator, period, parent ?? ROOT] as const,
  /** Per wilayah kerja puskesmas of a kabupaten/kota. */
  puskesmasValues: (indicator: string, period: string, kabupaten: string) =>
    ['values-puskesmas', indicator, period, kabupaten] as const,
  series: (kode: string, indicator: string, year: number) => ['series', kode, indicator, year] as const,
  /** A desa, kecamatan or puskesmas profile (pages/profil builds the rest of the key). */
  profil: ['profil'] as const,
  /** The planner's answers (need per puskesmas, proposals) read values too (pages/rencana-ilp builds the rest). */
  rencana: ['rencana'] as const,
};

/** The query-key prefixes whose answers an import or an undo changes: every answer computed from values. */
export const DATA_QUERY_PREFIXES = [
  queryKeys.values('', '', null)[0],
  queryKeys.desaValues('', '', null)[0],
  queryKeys.puskesmasValues('', '', '')[0],
  queryKeys.series('', '', 0)[0],
  queryKeys.profil[0],
  queryKeys.rencana[0],
  queryKeys.meta[0],
  queryKeys.indicators[0],
] as const;

export const fetchers = {
  meta: (signal?: AbortSignal) => getJson<Meta>('/api/meta', signal),
  wilayah: (kode: string, signal?: AbortSignal) => getJson<Wilayah>(`/api/wilayah/${encodeURIComponent(kode)}`, signal),
  children: (kode: string | null, signal?: AbortSignal) =>
    getJson<WilayahChild[]>(kode ? `/api/wilayah/${encodeURIComponent(kode)}/children` : '/api/wilayah', signal),
  geometry: (version: string, kode: string | null, signal?: AbortSignal) =>
    getJson<WilayahFeatureCollection>(childrenGeometryPath(version, kode), signal),
  indicators: (signal?: AbortSignal) => getJson<IndicatorDto[]>('/api/indikator', signal),
  values: (indicator: string, period: string, parent: string | null, signal?: AbortSignal) => {
    const query = new URLSearchParams({ indikator: indicator, periode: period });
    if (parent) query.set('wilayah', parent);
    return getJson<ValuesResponse>(`/api/nilai?${query.toString()}`, signal);
  },
  desaValues: (indicator: string, period: string, parent: string | null, signal?: AbortSignal) => {
    const query = new URLSearchParams({ indikator: indicator, periode: period });
    if (parent) query.set('wilayah', parent);
    return getJson<DesaValuesResponse>(`/api/nilai/desa?${query.toString()}`, signal);
  },
  puskesmasValues: (indicator: string, period: string, kabupaten: string, signal?: AbortSignal) =>
    getJson<PuskesmasValuesResponse>(
      `/api/nilai/puskesmas?${new URLSearchParams({ indikator: indicator, periode: period, kabupaten }).toString()}`,
      signal,
    ),
  series: (kode: string, indicator: string, year: number, signal?: AbortSignal) =>
    getJson<SeriesResponse>(
      `/api/wilayah/${encodeURIComponent(kode)}/series?indikator=${encodeURIComponent(indicator)}&tahun=${year}`,
      signal,
    ),
};

export function useMeta() {
  return useQuery({ queryKey: queryKeys.meta, queryFn: ({ signal }) => fetchers.meta(signal), staleTime: 5 * 60_000 });
}

export function useWilayah(kode: string | null) {
  return useQuery({
    queryKey: queryKeys.wilayah(kode ?? ''),
    queryFn: ({ signal }) => fetchers.wilayah(kode!, signal),
    enabled: kode !== null,
    staleTime: 5 * 60_000,
  });
}

export function useChildren(kode: string | null, enabled = true) {
  return useQuery({
    queryKey: queryKeys.children(kode),
    queryFn: ({ signal }) => fetchers.children(kode, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/**
 * Geometry of the children of `kode` (null = provinces). The URL is versioned and immutable: fetched once
 * per session (staleTime Infinity), kept in memory for going back up, and cached by the browser beyond that.
 */
export function useChildrenGeometry(version: string | undefined, kode: string | null, enabled = true) {
  return useQuery({
    queryKey: queryKeys.geometry(version ?? '', kode),
    queryFn: ({ signal }) => fetchers.geometry(version!, kode, signal),
    enabled: enabled && version !== undefined,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
  });
}

export function useIndicators() {
  return useQuery({
    queryKey: queryKeys.indicators,
    queryFn: ({ signal }) => fetchers.indicators(signal),
    staleTime: 30 * 60_000,
  });
}

/**
 * Values of one indicator and period for the children of `parent`. While another indicator or period of the SAME
 * parent loads, the previous rows stay on screen (isPlaceholderData) instead of blanking map and table; rows of
 * another parent are never shown for this one.
 */
export function useValues(
  indicator: string | undefined,
  period: string | undefined,
  parent: string | null,
  enabled = true,
) {
  return useQuery({
    queryKey: queryKeys.values(indicator ?? '', period ?? '', parent),
    queryFn: ({ signal }) => fetchers.values(indicator!, period!, parent, signal),
    enabled: enabled && indicator !== undefined && period !== undefined,
    staleTime: 5 * 60_000,
    placeholderData: (previous, previousQuery) =>
      previousQuery && previousQuery.queryKey[3] === (parent ?? 'indonesia') ? previous : undefined,
  });
}

/** Every desa under `parent` (null: Indonesia) as columns; like useValues, the previous answer of the same parent stays while loading. */
export function useDesaValues(
  indicator: string | undefined,
  period: string | undefined,
  parent: string | null,
  enabled = true,
) {
  return useQuery({
    queryKey: queryKeys.desaValues(indicator ?? '', period ?? '', parent),
    queryFn: ({ signal }) => fetchers.desaValues(indicator!, period!, parent, signal),
    enabled: enabled && indicator !== undefined && period !== undefined,
    staleTime: 5 * 60_000,
    placeholderData: (previous, previousQuery) =>
      previousQuery && previousQuery.queryKey[3] === (parent ?? 'indonesia') ? previous : undefined,
  });
}

/** Values per wilayah kerja puskesmas of `kabupaten`; like useValues, the previous rows of the same kabupaten stay while loading. */
export function usePuskesmasValues(
  indicator: string | undefined,
  period: string | undefined,
  kabupaten: string | null,
  enabled = true,
) {
  return useQuery({
    queryKey: queryKeys.puskesmasValues(indicator ?? '', period ?? '', kabupaten ?? ''),
    queryFn: ({ signal }) => fetchers.puskesmasValues(indicator!, period!, kabupaten!, signal),
    enabled: enabled && indicator !== undefined && period !== undefined && kabupaten !== null,
    staleTime: 5 * 60_000,
    placeholderData: (previous, previousQuery) =>
      previousQuery && previousQuery.queryKey[3] === kabupaten ? previous : undefined,
  });
}

export function useSeries(kode: string | null, indicator: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: queryKeys.series(kode ?? '', indicator ?? '', year ?? 0),
    queryFn: ({ signal }) => fetchers.series(kode!, indicator!, year!, signal),
    enabled: kode !== null && indicator !== undefined && year !== undefined,
    staleTime: 5 * 60_000,
  });
}

/**
 * The latest month with data (GET /api/meta latestMonth, the domain's latestDataMonth): the default period of the map,
 * the profile and the meeting form, and the planner's need period — one rule, stated by the server. Undefined while
 * the meta loads.
 */
export function useLatestMonth(): YearMonth | undefined {
  const meta = useMeta();
  const month = meta.data ? tryParsePeriod(meta.data.latestMonth) : null;
  return month ? { year: month.year, month: month.toMonth } : undefined;
}
