// Routes that take a file as the raw request body (value imports, the wilayah kerja CSV): one set of accepted types,
// one body limit (IMPORT_MAX_UPLOAD_MB, named in the 413 by the error handler), and a 503 before the body is even
// read when every parse worker is taken and the queue is full — an upload that would be refused costs no memory.
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { ParsePool } from '../services/parse-pool.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The body is an uploaded file (its 413 names IMPORT_MAX_UPLOAD_MB). */
    upload?: boolean;
  }
}

/** Uploads are raw request bodies: no multipart parser, the web sends `body: file`. */
export const UPLOAD_TYPES = [
  'application/octet-stream', 'text/csv', 'text/plain', 'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Registers the raw-body parser in a routes plugin (its limit is the route's bodyLimit). */
export function acceptUploads(app: FastifyInstance): void {
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}

/** Route options of an upload route: its body limit and the early refusal when the parse queue is full. */
export function uploadRouteOptions(parsing: ParsePool, maxUploadBytes: number): { bodyLimit: number; onRequest: onRequestHookHandler } {
  return {
    bodyLimit: maxUploadBytes,
    onRequest: (_request, _reply, done) => done(parsing.isFull() ? parsing.refusal() : undefined),
  };
}
