// fetch + JSON with the API's error body ({statusCode, code, error, message}) turned into ApiRequestError.
import type { ApiError } from '@peta/domain/contract';

export class ApiRequestError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** Stable error code from the API (NOT_FOUND, BAD_REQUEST…) or NETWORK / BAD_RESPONSE. */
    readonly code: string,
    /** The API's message, already in Bahasa Indonesia; undefined for network errors. */
    readonly apiMessage?: string,
  ) {
    super(apiMessage ?? code);
    this.name = 'ApiRequestError';
  }
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'NETWORK');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Partial<ApiError> | null;
    throw new ApiRequestError(response.status, body?.code ?? 'HTTP_ERROR', body?.message);
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiRequestError(response.status, 'BAD_RESPONSE');
  }
}

/** Client errors are answers, not hiccups: retrying a 404 only delays the message. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}
