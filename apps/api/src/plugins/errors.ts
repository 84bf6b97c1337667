// Every error leaves as JSON { statusCode, code, error, message } with a message in Bahasa Indonesia.
import type { FastifyError, FastifyInstance } from 'fastify';

export class HttpError extends Error {
  constructor(readonly statusCode: number, readonly code: string, message: string) {
    super(message);
  }
}

export const notFound = (message: string) => new HttpError(404, 'NOT_FOUND', message);
export const badRequest = (code: string, message: string) => new HttpError(400, code, message);

const REASON: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' };

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send(body(err.statusCode, err.code, err.message));
    }
    if ('validation' in err && err.validation) {
      // Route schemas put a Bahasa Indonesia `errorMessage` on their parameters; fall back to the validator text.
      const message = err.message.includes('Kode') || err.message.includes('tidak') ? err.message : `Permintaan tidak sah: ${err.message}`;
      return reply.code(400).send(body(400, 'INVALID_REQUEST', message));
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) request.log.error({ err, url: request.url }, 'request failed');
    const message = status >= 500 ? 'Terjadi kesalahan di server. Coba lagi; bila berulang, hubungi admin.' : err.message;
    return reply.code(status).send(body(status, err.code ?? 'ERROR', message));
  });
}

export function body(statusCode: number, code: string, message: string) {
  return { statusCode, code, error: REASON[statusCode] ?? 'Error', message };
}
