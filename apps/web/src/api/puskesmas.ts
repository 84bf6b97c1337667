// The puskesmas of a kabupaten/kota and one puskesmas with its desa: read by the planner (Rencana ILP) and the
// meetings page (a meeting about a wilayah kerja). The keys sit under 'rencana', so every planner write refreshes them.
import { useQuery } from '@tanstack/react-query';
import type { PuskesmasDetail, PuskesmasList } from '@peta/domain/contract';
import { getJson } from './client.ts';

export const puskesmasKeys = {
  list: (kab: string) => ['rencana', 'puskesmas', kab] as const,
  detail: (kode: string) => ['rencana', 'detail', kode] as const,
};

export function usePuskesmasList(kab: string) {
  return useQuery({
    queryKey: puskesmasKeys.list(kab),
    queryFn: ({ signal }) => getJson<PuskesmasList>(`/api/puskesmas?kabupaten=${kab}`, signal),
  });
}

export function usePuskesmasDetail(kode: string | null) {
  return useQuery({
    queryKey: puskesmasKeys.detail(kode ?? ''),
    enabled: kode !== null,
    queryFn: ({ signal }) => getJson<PuskesmasDetail>(`/api/puskesmas/${encodeURIComponent(kode!)}`, signal),
  });
}
