// Calls of the import page: template download, preview upload, commit, history, undo. Components use these hooks and
// functions, never fetch(). After a commit or an undo the cached values and series are invalidated, so the map shows
// the new numbers at once.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ApiError, ImportOutcomeDto, LoadRecordDto, UndoResponse } from '@peta/domain/contract';
import { ApiRequestError, getJson } from '../../api/client.ts';
import { commitUrl, DATA_QUERY_PREFIXES, previewUrl, undoUrl } from './import-model.ts';
import { fileNameFromDisposition, templateFileName, templateUrl, type TemplateRequest } from './template-request.ts';
import { downloadBlob } from '../../download.ts';

export const importQueryKeys = { history: ['imports', 'history'] as const };

const HISTORY_LIMIT = 100;

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch {
    throw new ApiRequestError(0, 'NETWORK');
  }
}

async function errorOf(response: Response): Promise<ApiRequestError> {
  const body = (await response.json().catch(() => null)) as Partial<ApiError> | null;
  return new ApiRequestError(response.status, body?.code ?? 'HTTP_ERROR', body?.message);
}

/** POST /api/imports/preview with the file as the raw body: always an outcome (preview, unchanged or invalid). */
export async function uploadForPreview(file: File, oleh: string): Promise<ImportOutcomeDto> {
  const response = await send(previewUrl(file.name, oleh), {
    method: 'POST', body: file, headers: { 'content-type': file.type || 'application/octet-stream' },
  });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as ImportOutcomeDto;
}

/** POST …/commit: 200 imported, or 422 with the errors when the data changed since the preview (nothing written). */
export async function commitPreview(previewId: string): Promise<ImportOutcomeDto> {
  const response = await send(commitUrl(previewId), { method: 'POST' });
  if (response.ok || response.status === 422) return (await response.json()) as ImportOutcomeDto;
  throw await errorOf(response);
}

export async function undoLoad(loadId: number, oleh: string): Promise<UndoResponse> {
  const response = await send(undoUrl(loadId, oleh), { method: 'POST' });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as UndoResponse;
}

export interface DownloadedFile { fileName: string; blob: Blob }

/** GET /api/templates…: the file, or the API's error (unknown wilayah, future month…). */
export async function fetchTemplate(req: TemplateRequest): Promise<DownloadedFile> {
  const response = await send(templateUrl(req), { method: 'GET', headers: { accept: '*/*' } });
  if (!response.ok) throw await errorOf(response);
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
    queryFn: ({ signal }) => getJson<LoadRecordDto[]>(`/api/imports?limit=${HISTORY_LIMIT}`, signal),
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

export function useCommit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: commitPreview,
    onSuccess: (outcome) => (outcome.status === 'imported' ? invalidateAfterWrite(client) : undefined),
  });
}

export function useUndo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ loadId, oleh }: { loadId: number; oleh: string }) => undoLoad(loadId, oleh),
    onSuccess: () => invalidateAfterWrite(client),
    // A 409 (undone already, later changes) also means the history on screen is out of date.
    onError: () => client.invalidateQueries({ queryKey: importQueryKeys.history }),
  });
}

export function usePreview() {
  return useMutation({ mutationFn: ({ file, oleh }: { file: File; oleh: string }) => uploadForPreview(file, oleh) });
}
