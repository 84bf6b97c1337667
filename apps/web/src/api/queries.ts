// Query keys and hooks for TanStack Query. Components call these hooks, never fetch().
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection, Geometry } from 'geojson';
import { childrenGeometryPath, type Meta, type Wilayah, type WilayahChild } from '@peta/domain/contract';
import { getJson } from './client.ts';

export interface WilayahFeatureProperties { kode: string; nama: string }
export type WilayahFeatureCollection = FeatureCollection<Geometry, WilayahFeatureProperties>;

const ROOT = 'indonesia';

export const queryKeys = {
  meta: ['meta'] as const,
  wilayah: (kode: string) => ['wilayah', kode] as const,
  /** kode null: the provinces. */
  children: (kode: string | null) => ['wilayah', kode ?? ROOT, 'children'] as const,
  geometry: (version: string, kode: string | null) => ['geometry', version, kode ?? ROOT] as const,
};

export const fetchers = {
  meta: (signal?: AbortSignal) => getJson<Meta>('/api/meta', signal),
  wilayah: (kode: string, signal?: AbortSignal) => getJson<Wilayah>(`/api/wilayah/${encodeURIComponent(kode)}`, signal),
  children: (kode: string | null, signal?: AbortSignal) =>
    getJson<WilayahChild[]>(kode ? `/api/wilayah/${encodeURIComponent(kode)}/children` : '/api/wilayah', signal),
  geometry: (version: string, kode: string | null, signal?: AbortSignal) =>
    getJson<WilayahFeatureCollection>(childrenGeometryPath(version, kode), signal),
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
