// Every error leaves as JSON { statusCode, code, error, message } with a message in Bahasa Indonesia.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { formatByteSize } from '@peta/domain';
import { DomainError, QueueFull, type DomainErrorKind } from '@peta/server-core';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A bounded resource is taken (parse workers, PDF printing, preview storage): 503 with when to try again. */
export const busy = (code: string, message: string, retryAfterSeconds: number) =>
  new HttpError(503, code, message, { 'retry-after': String(retryAfterSeconds) });

export const notFound = (message: string) => new HttpError(404, 'NOT_FOUND', message);
export const badRequest = (code: string, message: string) => new HttpError(400, code, message);

/** What a use case's DomainError is in HTTP (busy and throttled also say when to try again: Retry-After). */
const STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unprocessable: 422,
  throttled: 429,
  busy: 503,
  unavailable: 503,
};

function fromDomain(err: DomainError): HttpError {
  const { retryAfterSeconds } = err.details;
  return new HttpError(
    STATUS[err.kind],
    err.code,
    err.message,
    retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
  );
}

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ErrorAnswer {
  statusCode: number;
  headers: Record<string, string>;
  payload: ReturnType<typeof body> & Record<string, unknown>;
}

/**
 * What an error is as an answer. The error handler sends it; a streamed answer whose status is already sent (the
 * commit's progress lines) writes it as its last line.
 */
export function errorAnswer(error: FastifyError | HttpError | Error, request: FastifyRequest): ErrorAnswer {
  let err = error as FastifyError | HttpError;
  const plain = (statusCode: number, code: string, message: string, headers: Record<string, string> = {}) => ({
    statusCode,
    headers,
    payload: body(statusCode, code, message),
  });
  if (err instanceof QueueFull) err = busy(err.code, err.message, err.retryAfterSeconds);
  if (err instanceof DomainError) {
    const http = fromDomain(err);
    return {
      statusCode: http.statusCode,
      headers: http.headers,
      payload: { ...body(http.statusCode, http.code, http.message), ...err.details.body },
    };
  }
  if (err instanceof HttpError) return plain(err.statusCode, err.code, err.message, err.headers);
  if ((err as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return plain(413, 'BODY_TOO_LARGE', tooLargeMessage(request));
  }
  if ('validation' in err && err.validation) {
    return plain(400, 'INVALID_REQUEST', validationMessage(err.validation));
  }
  // Text PostgreSQL cannot store (a NUL character, invalid UTF-8) came from the request, not from a bug here.
  if (isUnstorableText(err)) {
    return plain(400, 'INVALID_CHARACTERS', 'Permintaan berisi karakter yang tidak sah (misalnya karakter NUL).');
  }
  if (isDatabaseUnavailable(err)) {
    request.log.warn({ err, url: request.url }, 'database unavailable');
    return plain(503, 'DATABASE_UNAVAILABLE', 'Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi.', {
      'retry-after': '5',
    });
  }
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  if (status >= 500) request.log.error({ err, url: request.url }, 'request failed');
  const message = status >= 500 ? 'Terjadi kesalahan di server. Coba lagi; bila berulang, hubungi admin.' : err.message;
  return plain(status, (err as FastifyError).code ?? 'ERROR', message);
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    const answer = errorAnswer(err, request);
    return reply.code(answer.statusCode).headers(answer.headers).send(answer.payload);
  });
}

/** Uploads name their limit and its variable; any other body is simply too large for its route. */
function tooLargeMessage(request: FastifyRequest): string {
  const limit = formatByteSize(request.routeOptions.bodyLimit ?? 0);
  return request.routeOptions.config.upload
    ? `Berkas melebihi batas unggah ${limit} (IMPORT_MAX_UPLOAD_MB). Bagi berkas menjadi beberapa bagian lalu unggah satu per satu.`
    : `Permintaan terlalu besar (batas ${limit}).`;
}

// Connection refused/reset/timeout, and PostgreSQL's "shutting down / starting up / connection failure"
// (SQLSTATE 57P01–57P03, class 08): the database is away, not the request wrong — 503, and the pool reconnects.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03']);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/** SQLSTATE 22021 character_not_in_repertoire, 22P05 untranslatable_character (also when wrapped by drizzle). */
function isUnstorableText(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: unknown } | null;
  if (!e) return false;
  if (e.code === '22021' || e.code === '22P05') return true;
  return e.cause !== undefined && e.cause !== err && isUnstorableText(e.cause);
}

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; cause?: unknown } | null;
  if (!e) return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNAVAILABLE_CODES.has(code) || /^08/.test(code)) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== err && isDatabaseUnavailable(e.cause);
}

export function body(statusCode: number, code: string, message: string) {
  return { statusCode, code, error: REASON[statusCode] ?? 'Error', message };
}

type ValidationIssue = { keyword: string; instancePath: string; params: Record<string, unknown>; message?: string };

/** The schema validator speaks English; users get Bahasa Indonesia. */
function validationMessage(issues: ValidationIssue[]): string {
  const first = issues[0];
  if (!first) return 'Permintaan tidak sah.';
  if (first.keyword === 'required') return `Parameter "${String(first.params.missingProperty)}" wajib diisi.`;
  const name = first.instancePath.replace(/^\//, '') || 'permintaan';
  return `Parameter "${name}" tidak sah (${first.message ?? first.keyword}).`;
}
