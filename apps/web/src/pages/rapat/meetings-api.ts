// Fetchers and TanStack Query hooks of the meetings page. Reads of a meeting go through the offline cache
// (meeting-cache.ts); writes invalidate the meeting.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateAction,
  CreateMeeting,
  CreateNote,
  MeetingAction,
  MeetingDetail,
  MeetingSummary,
  NoteWithHistory,
  SeriesResponse,
  UpdateAction,
} from '@peta/domain/contract';
import { ApiRequestError, getJson, sendJson } from '../../api/client.ts';
import { fetchers, type WilayahFeatureCollection } from '../../api/queries.ts';
import { withOfflineCache } from './meeting-cache.ts';
import { areaOfMeeting, listPathOf, meetingGeometry, meetingLabels, type MeetingArea } from './meeting-area.ts';

const isNetworkError = (e: unknown) => e instanceof ApiRequestError && e.status === 0;

export const meetingKeys = {
  list: (area: MeetingArea | null) => ['meetings', area?.kind ?? '', area?.kode ?? ''] as const,
  detail: (id: number) => ['meeting', id] as const,
  series: (id: number, kode: string, indicator: string, year: number) =>
    ['meeting', id, 'series', kode, indicator, year] as const,
  geometry: (id: number, version: string) => ['meeting', id, 'geometry', version] as const,
  labels: (id: number) => ['meeting', id, 'labels'] as const,
};

/** The meetings of a kecamatan or of a puskesmas' wilayah kerja, newest first. */
export function useMeetingList(area: MeetingArea | null) {
  return useQuery({
    queryKey: meetingKeys.list(area),
    queryFn: ({ signal }) => getJson<MeetingSummary[]>(listPathOf(area!), signal),
    enabled: area !== null,
  });
}

export function useMeeting(id: number | null) {
  return useQuery({
    queryKey: meetingKeys.detail(id ?? 0),
    queryFn: ({ signal }) =>
      withOfflineCache(id!, 'detail', () => getJson<MeetingDetail>(`/api/rapat/${id}`, signal), isNetworkError),
    enabled: id !== null,
    staleTime: 30_000,
  });
}

export const seriesQuery = (meetingId: number, kode: string, indicator: string, year: number) => ({
  queryKey: meetingKeys.series(meetingId, kode, indicator, year),
  queryFn: ({ signal }: { signal?: AbortSignal }) =>
    withOfflineCache(
      meetingId,
      `series:${kode}:${indicator}:${year}`,
      () => fetchers.series(kode, indicator, year, signal),
      isNetworkError,
    ),
  staleTime: 5 * 60_000,
});

export function useMeetingSeries(meetingId: number, kode: string, indicator: string | null, year: number) {
  return useQuery({ ...seriesQuery(meetingId, kode, indicator ?? '', year), enabled: indicator !== null });
}

/** The polygons of the meeting's desa only (immutable geometry URL, see meeting-area.ts), cached for offline use too. */
export function useMeetingGeometry(meeting: MeetingSummary | undefined, version: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.geometry(meeting?.id ?? 0, version ?? ''),
    queryFn: ({ signal }) =>
      withOfflineCache(
        meeting!.id,
        'geometry',
        () => meetingGeometry(meeting!, version!, (path) => getJson<WilayahFeatureCollection>(path, signal)),
        isNetworkError,
      ),
    enabled: meeting !== undefined && version !== undefined,
    staleTime: Infinity,
  });
}

/** Label points of the meeting's desa (children of their kecamatan), cached for offline use. */
export function useMeetingLabels(meeting: MeetingSummary | undefined) {
  return useQuery({
    queryKey: meetingKeys.labels(meeting?.id ?? 0),
    queryFn: ({ signal }) =>
      withOfflineCache(
        meeting!.id,
        'labels',
        () => meetingLabels(meeting!, (kecamatan) => fetchers.children(kecamatan, signal)),
        isNetworkError,
      ),
    enabled: meeting !== undefined,
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
    mutationFn: (body: CreateMeeting) => sendJson<MeetingDetail>('POST', '/api/rapat', body),
    onSuccess: (detail) => {
      client.setQueryData(meetingKeys.detail(detail.id), detail);
      void client.invalidateQueries({ queryKey: meetingKeys.list(areaOfMeeting(detail)) });
    },
  });
}

export function useAddAction(meetingId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAction) => sendJson<MeetingAction>('POST', `/api/rapat/${meetingId}/tindak-lanjut`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) }),
  });
}

export function useUpdateAction(meetingId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateAction & { id: number }) =>
      sendJson<MeetingAction>('PATCH', `/api/tindak-lanjut/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) }),
  });
}

export function useAddNote(meetingId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateNote) => sendJson<NoteWithHistory>('POST', `/api/rapat/${meetingId}/catatan`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) }),
  });
}

export type { SeriesResponse, WilayahFeatureCollection };
