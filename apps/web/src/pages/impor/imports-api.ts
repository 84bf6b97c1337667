// Calls of the import page: template download, preview upload, commit, history, undo. Components use these hooks and
// functions, never fetch(). After a commit or an undo the cached values and series are invalidated, so the map shows
// the new numbers at once.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type {
  CommitLine,
  ImportOutcomeDto,
  ImportProfileSummaryDto,
  LoadRecordDto,
  UndoResponse,
} from '@peta/domain/contract';
import {
  ApiRequestError,
  apiFetch,
  getJson,
  readLines,
  sendJson,
  uploadJson,
  type UploadProgress,
} from '../../api/client.ts';
import { commitUrl, previewUrl, undoUrl } from './import-model.ts';
import { DATA_QUERY_PREFIXES } from '../../api/queries.ts';
import { fileNameFromDisposition, templateFileName, templateUrl, type TemplateRequest } from './template-request.ts';
import { downloadBlob } from '../../download.ts';

export const importQueryKeys = {
  history: ['imports', 'history'] as const,
  profiles: ['imports', 'profiles'] as const,
};

const HISTORY_LIMIT = 100;
const NDJSON = 'application/x-ndjson';

/**
 * POST /api/impor/pratinjau with the file as the raw body: always an outcome (preview, unchanged or invalid). Who
 * imports is the signed-in user; rows outside their wilayah come back as errors. `onProgress`: the bytes sent.
 */
export function uploadForPreview(file: File, onProgress: (p: UploadProgress) => void): Promise<ImportOutcomeDto> {
  return uploadJson<ImportOutcomeDto>(previewUrl(file.name), file, file.type || 'application/octet-stream', onProgress);
}

/** A phase of the commit as the server reports it: its words (Bahasa Indonesia) and its code (phaseText). */
export type CommitProgress = Extract<CommitLine, { type: 'progress' }>;

/**
 * POST …/simpan asking for NDJSON progress lines: each phase goes to `onProgress`; the last line is the outcome (200
 * imported, or 422 with the errors when the data changed since the preview: nothing written) or an error. A server
 * (or proxy) answering plain JSON works too.
 */
export async function commitPreview(
  previewId: string,
  onProgress: (p: CommitProgress) => void = () => undefined,
): Promise<ImportOutcomeDto> {
  const response = await apiFetch(
    commitUrl(previewId),
    { method: 'POST', headers: { accept: `${NDJSON}, application/json;q=0.5` } },
    [422],
  );
  if (!response.headers.get('content-type')?.startsWith(NDJSON)) return (await response.json()) as ImportOutcomeDto;
  let outcome = null as ImportOutcomeDto | null;
  await readLines(response, (raw) => {
    const line = raw as CommitLine;
    if (line.type === 'progress') onProgress(line);
    else if (line.type === 'result') outcome = line.outcome;
    else throw new ApiRequestError(line.statusCode, line.code, line.message);
  });
  if (!outcome) throw new ApiRequestError(response.status, 'BAD_RESPONSE');
  return outcome;
}

export function undoLoad(loadId: number): Promise<UndoResponse> {
  return sendJson<UndoResponse>('POST', undoUrl(loadId));
}

export interface DownloadedFile {
  fileName: string;
  blob: Blob;
}

/** GET /api/templat…: the file, or the API's error (unknown wilayah, future month…). */
export async function fetchTemplate(req: TemplateRequest): Promise<DownloadedFile> {
  const response = await apiFetch(templateUrl(req), { method: 'GET', headers: { accept: '*/*' } });
  return {
    fileName: fileNameFromDisposition(response.headers.get('content-disposition')) ?? templateFileName(req),
    blob: await response.blob(),
  };
}

/** Hands a downloaded template to the browser as a file download. */
export function saveFile({ fileName, blob }: DownloadedFile): void {
  downloadBlob(blob, fileName);
}

export function useImportHistory() {
  return useQuery({
    queryKey: importQueryKeys.history,
    queryFn: ({ signal }) => getJson<LoadRecordDto[]>(`/api/impor?limit=${HISTORY_LIMIT}`, signal),
    staleTime: 10_000,
  });
}

/** Values, series, the latest month and the catalogue's hasData may all have changed; the history too. */
export async function invalidateAfterWrite(client: QueryClient): Promise<void> {
  await Promise.all([
    ...DATA_QUERY_PREFIXES.map((prefix) => client.invalidateQueries({ queryKey: [prefix] })),
    client.invalidateQueries({ queryKey: importQueryKeys.history }),
  ]);
}

/** The commit, and the phase it is in while it runs (null before the first line). */
export function useCommit() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<CommitProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (previewId: string) => {
      setProgress(null);
      return commitPreview(previewId, setProgress);
    },
    onSuccess: (outcome) => (outcome.status === 'imported' ? invalidateAfterWrite(client) : undefined),
  });
  return { ...mutation, progress: mutation.isPending ? progress : null };
}

export function useUndo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (loadId: number) => undoLoad(loadId),
    onSuccess: () => invalidateAfterWrite(client),
    // A 409 (undone already, later changes) also means the history on screen is out of date.
    onError: () => client.invalidateQueries({ queryKey: importQueryKeys.history }),
  });
}

/** POST …/baca-ulang: the kept file read again with a draft profile, another sheet, or confirmed desa names. */
export function readAgain(
  previewId: string,
  body: { profil?: unknown; lembar?: string; konfirmasi?: Record<string, string> },
): Promise<ImportOutcomeDto> {
  return sendJson<ImportOutcomeDto>('POST', `/api/impor/${encodeURIComponent(previewId)}/baca-ulang`, body);
}

export function useReadAgain() {
  return useMutation({
    mutationFn: ({ previewId, body }: { previewId: string; body: Parameters<typeof readAgain>[1] }) =>
      readAgain(previewId, body),
  });
}

type SavedProfile = { id: number; nama: string; kabupaten: string };

/** POST /api/profil-impor: saved for its kabupaten (a profile of the same name is replaced, kept as history). */
export function useSaveProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profile: unknown) => sendJson<SavedProfile>('POST', '/api/profil-impor', profile),
    onSuccess: () => client.invalidateQueries({ queryKey: importQueryKeys.profiles }),
  });
}

/** GET /api/profil-impor: the current profiles of the user's area. */
export function useImportProfiles() {
  return useQuery({
    queryKey: importQueryKeys.profiles,
    queryFn: ({ signal }) => getJson<ImportProfileSummaryDto[]>('/api/profil-impor', signal),
    staleTime: 10_000,
  });
}

/** DELETE /api/profil-impor/{id}: kept as history on the server, no longer used for new files. */
export function useDeleteProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => sendJson<SavedProfile>('DELETE', `/api/profil-impor/${id}`),
    onSettled: () => client.invalidateQueries({ queryKey: importQueryKeys.profiles }),
  });
}

/** GET /api/profil-impor/{id}: the profile as its shareable JSON file, handed to the browser as a download. */
export async function downloadProfile(id: number): Promise<void> {
  const response = await apiFetch(`/api/profil-impor/${id}`, { method: 'GET' });
  saveFile({
    fileName: fileNameFromDisposition(response.headers.get('content-disposition')) ?? `profil-impor-${id}.json`,
    blob: await response.blob(),
  });
}

/** The upload → preview, and the bytes sent so far while it runs (null before the first progress event). */
export function usePreview() {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(null);
      return uploadForPreview(file, setProgress);
    },
  });
  return { ...mutation, progress: mutation.isPending ? progress : null };
}
