// Fetchers and TanStack Query hooks of the meetings page. Reads of a meeting go through the offline cache
// (meeting-cache.ts); writes invalidate the meeting.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateAction, CreateMeeting, CreateNote, MeetingAction, MeetingDetail, MeetingSummary, NoteWithHistory, SeriesResponse, UpdateAction,
} from '@peta/domain/contract';
import { ApiRequestError, getJson, sendJson } from '../../api/client.ts';
import { fetchers, type WilayahFeatureCollection } from '../../api/queries.ts';
import { withOfflineCache } from './meeting-cache.ts';

const isNetworkError = (e: unknown) => e instanceof ApiRequestError && e.status === 0;

export const meetingKeys = {
  list: (wilayah: string) => ['meetings', wilayah] as const,
  detail: (id: number) => ['meeting', id] as const,
  series: (id: number, kode: string, indicator: string, year: number) => ['meeting', id, 'series', kode, indicator, year] as const,
  geometry: (id: number, version: string, kode: string) => ['meeting', id, 'geometry', version, kode] as const,
};

export function useMeetingList(wilayah: string | null) {
  return useQuery({
    queryKey: meetingKeys.list(wilayah ?? ''),
    queryFn: ({ signal }) => getJson<MeetingSummary[]>(`/api/meetings?wilayah=${encodeURIComponent(wilayah!)}`, signal),
    enabled: wilayah !== null,
  });
}

export function useMeeting(id: number | null) {
  return useQuery({
    queryKey: meetingKeys.detail(id ?? 0),
    queryFn: ({ signal }) => withOfflineCache(id!, 'detail', () => getJson<MeetingDetail>(`/api/meetings/${id}`, signal), isNetworkError),
    enabled: id !== null,
    staleTime: 30_000,
  });
}

export const seriesQuery = (meetingId: number, kode: string, indicator: string, year: number) => ({
  queryKey: meetingKeys.series(meetingId, kode, indicator, year),
  queryFn: ({ signal }: { signal?: AbortSignal }) => withOfflineCache(meetingId, `series:${kode}:${indicator}:${year}`,
    () => fetchers.series(kode, indicator, year, signal), isNetworkError),
  staleTime: 5 * 60_000,
});

export function useMeetingSeries(meetingId: number, kode: string, indicator: string | null, year: number) {
  return useQuery({ ...seriesQuery(meetingId, kode, indicator ?? '', year), enabled: indicator !== null });
}

/** The desa polygons of the meeting's kecamatan (immutable geometry URL), cached for offline use too. */
export function useMeetingGeometry(meetingId: number, version: string | undefined, kode: string) {
  return useQuery({
    queryKey: meetingKeys.geometry(meetingId, version ?? '', kode),
    queryFn: ({ signal }) => withOfflineCache(meetingId, 'geometry', () => fetchers.geometry(version!, kode, signal), isNetworkError),
    enabled: version !== undefined && kode !== '',
    staleTime: Infinity,
  });
}

/** Label points of the desa (children of the kecamatan), cached for offline use. */
export function useMeetingLabels(meetingId: number, kode: string) {
  return useQuery({
    queryKey: ['meeting', meetingId, 'labels', kode] as const,
    queryFn: ({ signal }) => withOfflineCache(meetingId, 'labels', async () =>
      (await fetchers.children(kode, signal)).map((c) => [c.kode, c.label] as [string, [number, number] | null]), isNetworkError),
    enabled: kode !== '',
    staleTime: Infinity,
    select: (rows) => new Map(rows),
  });
}

/** Warm the cache with every desa's first series, so stepping works without a connection. */
export function usePrefetchMeeting() {
  const client = useQueryClient();
  return (meeting: MeetingDetail) => {
    const year = Number(meeting.periode.slice(0, 4));
    for (const d of meeting.agenda.desa) {
      if (d.focusIndicator) void client.prefetchQuery(seriesQuery(meeting.id, d.kode, d.focusIndicator, year));
    }
  };
}

export function useCreateMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMeeting) => sendJson<MeetingDetail>('POST', '/api/meetings', body),
    onSuccess: (detail) => {
      client.setQueryData(meetingKeys.detail(detail.id), detail);
      void client.invalidateQueries({ queryKey: meetingKeys.list(detail.wilayahKode) });
    },
  });
}

export function useAddAction(meetingId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAction) => sendJson<MeetingAction>('POST', `/api/meetings/${meetingId}/actions`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) }),
  });
}

export function useUpdateAction(meetingId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateAction & { id: number }) => sendJson<MeetingAction>('PATCH', `/api/meeting-actions/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) }),
  });
}

export function useAddNote(meetingId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateNote) => sendJson<NoteWithHistory>('POST', `/api/meetings/${meetingId}/notes`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) }),
  });
}

export type { SeriesResponse, WilayahFeatureCollection };
