// Queries and writes of the planner page (TanStack Query). Writes POST/PUT JSON and refresh what they change.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddStageBody,
  MoveDesaBody,
  MoveDesaResponse,
  ProgressResponse,
  ProposalResponse,
  ReadinessBody,
  WaveBody,
  WaveDto,
  WilayahKerjaCsvOutcome,
} from '@peta/domain/contract';
import { apiFetch, getJson, sendJson } from '../../api/client.ts';
import { queryKeys } from '../../api/queries.ts';
import { wilayahKerjaKey } from '../../shared/wilayah-kerja/wilayah-kerja.ts';
import type { DesaCollection } from './map-layers.ts';
import { wilayahKerjaUploadUrl } from './wilayah-kerja-csv-model.ts';

/** Everything under 'rencana' is refreshed after a planner write (the puskesmas list and detail of api/puskesmas.ts too). */
export const plannerKeys = {
  all: queryKeys.rencana,
  progress: (kab: string) => ['rencana', 'progres', kab] as const,
  proposal: (kab: string, weight: number) => ['rencana', 'usulan', kab, weight] as const,
  /** Changes with every move (the server revalidates by ETag). */
  wilayahKerja: wilayahKerjaKey,
  /** Immutable per geometry version: outside 'rencana', so refreshing the planner after a write never refetches it. */
  desaGeometry: (version: string, kab: string) => ['desa-geometry', version, kab] as const,
};

export function useProgress(kab: string) {
  return useQuery({
    queryKey: plannerKeys.progress(kab),
    queryFn: ({ signal }) => getJson<ProgressResponse>(`/api/rencana-ilp/progres?kabupaten=${kab}`, signal),
  });
}

export function useProposal(kab: string, weight: number, enabled: boolean) {
  return useQuery({
    queryKey: plannerKeys.proposal(kab, weight),
    enabled,
    queryFn: ({ signal }) =>
      getJson<ProposalResponse>(`/api/rencana-ilp/usulan?kabupaten=${kab}&bobot=${weight}`, signal),
  });
}

export function useDesaGeometry(version: string | undefined, kab: string) {
  return useQuery({
    queryKey: plannerKeys.desaGeometry(version ?? '', kab),
    enabled: version !== undefined,
    staleTime: Infinity,
    queryFn: ({ signal }) => getJson<DesaCollection>(`/api/geometry/${version}/${kab}/desa.geojson`, signal),
  });
}

/** A move changes the list, the wilayah kerja polygons, the details and the need behind the proposal. */
export function useMoveDesa() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: MoveDesaBody) => sendJson<MoveDesaResponse>('POST', '/api/wilayah-kerja/pindah', body),
    onSuccess: refresh,
  });
}

/** Several desa moved one by one (each its own event): the caller sends each, then refreshes once at the end. */
export function useMoveSeveralDesa() {
  const refresh = useRefreshAll();
  return {
    send: (body: MoveDesaBody) => sendJson<MoveDesaResponse>('POST', '/api/wilayah-kerja/pindah', body),
    refresh,
  };
}

/** A new wave (POST) or changes to a saved one (PUT, same body). */
export function useSaveWave() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: WaveBody }) =>
      id === undefined
        ? sendJson<WaveDto>('POST', '/api/gelombang', body)
        : sendJson<WaveDto>('PUT', `/api/gelombang/${id}`, body),
    onSuccess: refresh,
  });
}

/**
 * The wilayah kerja CSV as the raw body: preview (nothing written) or commit (422 carries the same errors as an
 * outcome, not a failure). Always an outcome.
 */
export async function uploadWilayahKerjaCsv(
  step: 'preview' | 'commit',
  kab: string,
  mulai: string,
  file: Blob,
): Promise<WilayahKerjaCsvOutcome> {
  const response = await apiFetch(
    wilayahKerjaUploadUrl(step, kab, mulai),
    {
      method: 'POST',
      body: file,
      headers: { 'content-type': 'text/csv' },
    },
    step === 'commit' ? [422] : [],
  );
  return (await response.json()) as WilayahKerjaCsvOutcome;
}

export function useWilayahKerjaCsv(kab: string) {
  const refresh = useRefreshAll();
  const preview = useMutation({
    mutationFn: ({ file, mulai }: { file: File; mulai: string }) => uploadWilayahKerjaCsv('preview', kab, mulai, file),
  });
  const commit = useMutation({
    mutationFn: ({ file, mulai }: { file: File; mulai: string }) => uploadWilayahKerjaCsv('commit', kab, mulai, file),
    onSuccess: (outcome) => (outcome.status === 'committed' ? refresh() : undefined),
  });
  return { preview, commit };
}

/**
 * After any write: the list, the wilayah kerja polygons, the progress, the proposal and the details may all change
 * (the desa geometry is immutable and keyed outside 'rencana').
 */
function useRefreshAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: plannerKeys.all });
}

export function useAddStage(kode: string) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: AddStageBody) =>
      sendJson<{ id: number; eventId: number }>('POST', `/api/puskesmas/${encodeURIComponent(kode)}/tahap`, body),
    onSuccess: refresh,
  });
}

export function useSaveReadiness(kode: string) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: ReadinessBody) =>
      sendJson<{ eventId: number }>('PUT', `/api/puskesmas/${encodeURIComponent(kode)}/kesiapan`, body),
    onSuccess: refresh,
  });
}
