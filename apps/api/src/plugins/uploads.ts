// Routes that take a file as the raw request body (value imports, the wilayah kerja CSV): one set of accepted types,
// one body limit (IMPORT_MAX_UPLOAD_MB, named in the 413 by the error handler), and one admission: at most as many
// uploads in flight (body being received, waiting, or being parsed) as the parse pool can hold —
// IMPORT_PARSE_WORKERS + IMPORT_PARSE_QUEUE. One more is refused with 503 before its body is read, so ten 33 MB uploads
// at once cost the memory of six, and the refused four cost nothing.
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { UploadLimits } from '../config.ts';
import { QueueFull } from '@peta/server-core';
import type { ParsePool } from '../services/parse-pool.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The body is an uploaded file (its 413 names IMPORT_MAX_UPLOAD_MB). */
    upload?: boolean;
  }
}

/** Uploads are raw request bodies: no multipart parser, the web sends `body: file`. */
export const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/**
 * Exchange files (DHIS2 JSON, ADX XML, FHIR JSON) as browsers and other systems label them. Only the value imports take
 * them: there they replace the JSON parser, which no route of that plugin needs (the others take no body).
 */
export const EXCHANGE_UPLOAD_TYPES = [
  'application/json',
  'application/fhir+json',
  'application/xml',
  'text/xml',
  'application/adx+xml',
];

/** Registers the raw-body parser in a routes plugin (its limit is the route's bodyLimit). */
export function acceptUploads(app: FastifyInstance, types: readonly string[] = UPLOAD_TYPES): void {
  app.addContentTypeParser([...types], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}

/** What the upload routes share: the parse pool and their route options (body limit, admission). */
export interface Uploads {
  parsing: ParsePool;
  routeOptions: { bodyLimit: number; onRequest: onRequestHookHandler };
}

const RETRY_AFTER_SECONDS = 5;

export function uploads(parsing: ParsePool, limits: Pick<UploadLimits, 'maxUploadBytes' | 'parse'>): Uploads {
  const capacity = limits.parse.workers + limits.parse.queue;
  let inFlight = 0;
  return {
    parsing,
    routeOptions: {
      bodyLimit: limits.maxUploadBytes,
      onRequest: (_request, reply, done) => {
        if (inFlight >= capacity) {
          return done(
            new QueueFull(
              'IMPORT_BUSY',
              `Server sedang menerima atau memeriksa ${inFlight} berkas lain (batas IMPORT_PARSE_WORKERS + ` +
                `IMPORT_PARSE_QUEUE = ${capacity}). Coba lagi dalam ${RETRY_AFTER_SECONDS} detik.`,
              RETRY_AFTER_SECONDS,
            ),
          );
        }
        inFlight++;
        // 'close' comes once the answer is sent or the client went away, whatever happened in between.
        reply.raw.once('close', () => {
          inFlight--;
        });
        done();
      },
    },
  };
}
