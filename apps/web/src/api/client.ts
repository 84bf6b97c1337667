// The one place that calls fetch(): JSON reads, writes with the session's CSRF token, and the API's error body
// ({statusCode, code, error, message}) turned into ApiRequestError. A 401 SIGN_IN_REQUIRED (the session ended) or a
// 403 CSRF (the token is stale, e.g. the password was changed in another tab) tells the session module, which
// fetches the session again: the sign-in page appears, or the next write carries the fresh token.
import type { ApiError } from '@peta/domain/contract';

export class ApiRequestError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** Stable error code from the API (NOT_FOUND, BAD_REQUEST, OUT_OF_SCOPE…) or NETWORK / BAD_RESPONSE. */
    readonly code: string,
    /** The API's message, already in Bahasa Indonesia; undefined for network errors. */
    readonly apiMessage?: string,
  ) {
    super(apiMessage ?? code);
    this.name = 'ApiRequestError';
  }
}

/** Header the server checks on every write against the token of the session. */
export const CSRF_HEADER = 'x-csrf-token';

let csrfToken: string | null = null;
/** Set by the session module whenever it learns the session (load, sign-in, password change, sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type SessionProblem = 'signed-out' | 'stale-token';
const sessionListeners = new Set<(problem: SessionProblem) => void>();
/** The session module listens here; returns the unsubscribe. */
export function onSessionProblem(listener: (problem: SessionProblem) => void): () => void {
  sessionListeners.add(listener);
  return () => {
    sessionListeners.delete(listener);
  };
}

/** Which answers mean the session is gone or its token stale (pure: unit-tested). */
export function sessionProblemOf(status: number, code: string): SessionProblem | null {
  if (status === 401 && code === 'SIGN_IN_REQUIRED') return 'signed-out';
  if (status === 403 && code === 'CSRF') return 'stale-token';
  return null;
}

const isWrite = (method: string | undefined) => !!method && !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());

function errorFromBody(status: number, body: Partial<ApiError> | null): ApiRequestError {
  const error = new ApiRequestError(status, body?.code ?? 'HTTP_ERROR', body?.message);
  const problem = sessionProblemOf(error.status, error.code);
  if (problem) for (const listener of sessionListeners) listener(problem);
  return error;
}

async function errorOf(response: Response): Promise<ApiRequestError> {
  return errorFromBody(response.status, (await response.json().catch(() => null)) as Partial<ApiError> | null);
}

/**
 * fetch() with the session's CSRF token on writes. Resolves with the response when its status is ok or listed in
 * `accept` (e.g. 422 of an import commit, which carries an outcome); otherwise throws ApiRequestError.
 */
export async function apiFetch(
  path: string,
  init: RequestInit = {},
  accept: readonly number[] = [],
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  if (isWrite(init.method) && csrfToken) headers.set(CSRF_HEADER, csrfToken);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'NETWORK');
  }
  if (!response.ok && !accept.includes(response.status)) throw await errorOf(response);
  return response;
}

async function readJson<T>(response: Response): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiRequestError(response.status, 'BAD_RESPONSE');
  }
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return readJson<T>(await apiFetch(path, { signal }));
}

/** A JSON write (POST/PUT/PATCH/DELETE); `body` undefined sends none. */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  accept: readonly number[] = [],
): Promise<T> {
  const init: RequestInit =
    body === undefined
      ? { method }
      : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
  return readJson<T>(await apiFetch(path, init, accept));
}

/** Bytes of an upload sent so far (total: the body's size). */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * POST of a file as the raw body with the upload's progress: XMLHttpRequest, because fetch() cannot report the bytes
 * sent. The same CSRF token, error body and session handling as apiFetch; resolves with the JSON answer.
 */
export function uploadJson<T>(
  path: string,
  file: Blob,
  contentType: string,
  onProgress: (p: UploadProgress) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', contentType);
    if (csrfToken) xhr.setRequestHeader(CSRF_HEADER, csrfToken);
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onerror = () => reject(new ApiRequestError(0, 'NETWORK'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        if (body === null) reject(new ApiRequestError(xhr.status, 'BAD_RESPONSE'));
        else resolve(body as T);
      } else reject(errorFromBody(xhr.status, body as Partial<ApiError> | null));
    };
    xhr.send(file);
  });
}

/**
 * The lines of an NDJSON answer (one JSON value a line), each handed to `onLine` as it arrives; a line cut by the
 * network is a BAD_RESPONSE.
 */
export async function readLines(response: Response, onLine: (line: unknown) => void): Promise<void> {
  if (!response.body) throw new ApiRequestError(response.status, 'BAD_RESPONSE');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  const take = (text: string) => {
    if (!text.trim()) return;
    let line: unknown;
    try {
      line = JSON.parse(text);
    } catch {
      throw new ApiRequestError(response.status, 'BAD_RESPONSE');
    }
    onLine(line);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pending += value;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) take(line);
  }
  take(pending);
}

/** Client errors are answers, not hiccups: retrying a 404 only delays the message. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}
