import { describe, expect, it } from 'vitest';
import { readLines, sessionProblemOf, shouldRetry, ApiRequestError } from './client.ts';

describe('sessionProblemOf', () => {
  it('a 401 SIGN_IN_REQUIRED means the session ended; a 403 CSRF a stale token; other refusals are answers', () => {
    expect(sessionProblemOf(401, 'SIGN_IN_REQUIRED')).toBe('signed-out');
    expect(sessionProblemOf(403, 'CSRF')).toBe('stale-token');
    // A wrong password at sign-in is a 401 too, but not a lost session.
    expect(sessionProblemOf(401, 'SIGN_IN_FAILED')).toBeNull();
    expect(sessionProblemOf(403, 'OUT_OF_SCOPE')).toBeNull();
    expect(sessionProblemOf(403, 'FORBIDDEN')).toBeNull();
  });
});

describe('shouldRetry', () => {
  it('does not retry refusals (401, 403, 404) but retries network and server errors twice', () => {
    expect(shouldRetry(0, new ApiRequestError(401, 'SIGN_IN_REQUIRED'))).toBe(false);
    expect(shouldRetry(0, new ApiRequestError(403, 'OUT_OF_SCOPE'))).toBe(false);
    expect(shouldRetry(1, new ApiRequestError(0, 'NETWORK'))).toBe(true);
    expect(shouldRetry(2, new ApiRequestError(500, 'HTTP_ERROR'))).toBe(false);
  });
});

describe('readLines', () => {
  /** An answer whose body arrives in the given chunks (lines cut anywhere, as the network cuts them). */
  const chunked = (...chunks: string[]) =>
    new Response(
      new ReadableStream({
        start(controller) {
          for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
          controller.close();
        },
      }),
    );

  it('hands over each NDJSON line once whole, however the chunks cut it', async () => {
    const seen: unknown[] = [];
    await readLines(
      chunked('{"type":"progress","do', 'ne":0}\n{"type":"pro', 'gress","done":1}\n\n{"type":"result"}'),
      (l) => seen.push(l),
    );
    expect(seen).toEqual([{ type: 'progress', done: 0 }, { type: 'progress', done: 1 }, { type: 'result' }]);
  });

  it('a line that is not JSON is a BAD_RESPONSE', async () => {
    await expect(readLines(chunked('{"type":"progress"}\n{"type":'), () => undefined)).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    });
  });
});
