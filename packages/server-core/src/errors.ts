// What a use case says when it cannot do what was asked. Services throw DomainError and never speak HTTP: the API's
// error plugin maps the kind to a status (invalid 400, unauthenticated 401, not-found 404, conflict 409, unprocessable 422,
// forbidden 403, too-large 413, throttled 429 + Retry-After, busy 503 + Retry-After, unavailable 503), the CLI prints the
// message and exits 1.
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'not-found'
  | 'conflict'
  | 'unprocessable'
  | 'forbidden'
  | 'too-large'
  | 'throttled'
  | 'busy'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable, for programs and support (e.g. KODE_UNKNOWN). */
    readonly code: string,
    /** For people, in Bahasa Indonesia. */
    message: string,
    /** Extra fields for the answer (e.g. the rows of an invalid file), or seconds to wait when busy or throttled. */
    readonly details: { retryAfterSeconds?: number; body?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, message: string) => new DomainError('invalid', code, message);
export const notFound = (message: string, code = 'NOT_FOUND') => new DomainError('not-found', code, message);
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
