// A long request answered as NDJSON progress lines (opt-in: `Accept: application/x-ndjson`): works through any number of
// API processes behind a proxy, because the progress rides on the request's own connection — no job table, no second
// request to another process. The JSON answer stays the default for every other client.
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommitLine } from '@peta/domain/contract';
import { errorAnswer } from '../plugins/errors.ts';

export const NDJSON = 'application/x-ndjson';

/** The client asked for progress lines. */
export function wantsProgressLines(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').split(',').some((t) => t.split(';', 1)[0]!.trim() === NDJSON);
}

/** One phase of the commit as its progress line says it (words, code, how far). */
export type Progress = (p: Omit<Extract<CommitLine, { type: 'progress' }>, 'type'>) => void;

/**
 * Runs `work`, answering with its progress lines and then its result line. The status line (200) is sent with the
 * first progress line only: a failure before it (no such preview, already committed) is the ordinary error answer with
 * its HTTP status; a failure after it is the last line, `type: 'error'`.
 */
export async function answerWithProgress(
  request: FastifyRequest,
  reply: FastifyReply,
  work: (
    onProgress: Progress,
  ) => Promise<{ statusCode: number; outcome: Extract<CommitLine, { type: 'result' }>['outcome'] }>,
): Promise<FastifyReply> {
  let lines: PassThrough | null = null;
  const write = (line: CommitLine) => lines?.write(`${JSON.stringify(line)}\n`);
  const start = () => {
    if (lines) return;
    lines = new PassThrough();
    // Not gzip-compressed (application/x-ndjson is not in @fastify/compress's list), so each line leaves at once;
    // X-Accel-Buffering asks nginx not to hold the lines back either.
    void reply
      .code(200)
      .type(`${NDJSON}; charset=utf-8`)
      .header('cache-control', 'no-store')
      .header('x-accel-buffering', 'no')
      .send(lines);
  };
  try {
    const { statusCode, outcome } = await work((p) => {
      start();
      write({ type: 'progress', ...p });
    });
    if (!lines) return reply.code(statusCode).send(outcome);
    write({ type: 'result', statusCode, outcome });
  } catch (err) {
    if (!lines) throw err;
    const { payload } = errorAnswer(err as Error, request);
    write({ type: 'error', statusCode: payload.statusCode, code: payload.code, message: payload.message });
  }
  (lines as PassThrough | null)?.end();
  return reply;
}
