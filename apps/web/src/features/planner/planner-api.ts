// Queries and writes of the planner page (TanStack Query). Writes POST/PUT JSON and refresh what they change.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FeatureCollection, Geometry } from 'geojson';
import type {
  AddStageBody, MoveDesaBody, MoveDesaResponse, ProgressResponse, ProposalResponse, PuskesmasDetail, PuskesmasList,
  ReadinessBody, WaveBody, WaveDto,
} from '@peta/domain/contract';
import { getJson, sendJson } from '../../api/client.ts';

export const plannerKeys = {
  all: ['rencana'] as const,
  list: (kab: string) => ['rencana', 'puskesmas', kab] as const,
  progress: (kab: string) => ['rencana', 'progres', kab] as const,
  proposal: (kab: string, weight: number) => ['rencana', 'usulan', kab, weight] as const,
  desaGeometry: (version: string, kab: string) => ['rencana', 'desa-geometry', version, kab] as const,
  detail: (kode: string) => ['rencana', 'detail', kode] as const,
};

export function usePuskesmasList(kab: string) {
  return useQuery({ queryKey: plannerKeys.list(kab), queryFn: ({ signal }) => getJson<PuskesmasList>(`/api/puskesmas?kabupaten=${kab}`, signal) });
}

export function useProgress(kab: string) {
  return useQuery({ queryKey: plannerKeys.progress(kab), queryFn: ({ signal }) => getJson<ProgressResponse>(`/api/rencana-ilp/progres?kabupaten=${kab}`, signal) });
}

export function useProposal(kab: string, weight: number, enabled: boolean) {
  return useQuery({
    queryKey: plannerKeys.proposal(kab, weight), enabled,
    queryFn: ({ signal }) => getJson<ProposalResponse>(`/api/rencana-ilp/usulan?kabupaten=${kab}&bobot=${weight}`, signal),
  });
}

export function useDesaGeometry(version: string | undefined, kab: string) {
  return useQuery({
    queryKey: plannerKeys.desaGeometry(version ?? '', kab), enabled: version !== undefined, staleTime: Infinity,
    queryFn: ({ signal }) => getJson<FeatureCollection<Geometry, { kode: string; nama: string }>>(`/api/geometry/${version}/${kab}/desa.geojson`, signal),
  });
}

export function useMoveDesa(kab: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MoveDesaBody) => sendJson<MoveDesaResponse>('POST', '/api/wilayah-kerja/pindah', body),
    onSuccess: () => client.invalidateQueries({ queryKey: plannerKeys.list(kab) }),
  });
}

export function useSaveWave(kab: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WaveBody) => sendJson<WaveDto>('POST', '/api/gelombang', body),
    onSuccess: () => Promise.all([
      client.invalidateQueries({ queryKey: plannerKeys.list(kab) }), client.invalidateQueries({ queryKey: plannerKeys.progress(kab) }),
    ]),
  });
}

export function usePuskesmasDetail(kode: string | null) {
  return useQuery({
    queryKey: plannerKeys.detail(kode ?? ''), enabled: kode !== null,
    queryFn: ({ signal }) => getJson<PuskesmasDetail>(`/api/puskesmas/${encodeURIComponent(kode!)}`, signal),
  });
}

/** After a stage or readiness change: the list, the progress, the proposal and the detail may all change. */
function useRefreshAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: plannerKeys.all });
}

export function useAddStage(kode: string) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: AddStageBody) => sendJson<{ id: number; eventId: number }>('POST', `/api/puskesmas/${encodeURIComponent(kode)}/tahap`, body),
    onSuccess: refresh,
  });
}

export function useSaveReadiness(kode: string) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: ReadinessBody) => sendJson<{ eventId: number }>('PUT', `/api/puskesmas/${encodeURIComponent(kode)}/kesiapan`, body),
    onSuccess: refresh,
  });
}
