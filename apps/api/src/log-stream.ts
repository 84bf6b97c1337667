// Where the server's pino lines go: stdout, a batch at a time. Pino's default destination writes every line with its
// own synchronous write(2); the one line per request (app.ts AnsweredRequestLog) then cost a system call per answer,
// ~0.05 ms of the API's CPU for a small answer on 2 cores. Lines are gathered and written together once 16 KB are
// waiting or 100 ms after the first, in their order, and whatever waits is written on exit: a line reaches the
// operator at most 100 ms late, and a crash (the process's exit handlers still run) loses none.

/** A pino destination (`write(line)`) that writes batches of lines to `out` (process.stdout). */
export function batchedLines(
  out: Pick<NodeJS.WriteStream, 'write'> = process.stdout,
  { maxBytes = 16384, maxDelayMs = 100 } = {},
) {
  let waiting: string[] = [];
  let bytes = 0;
  let timer: NodeJS.Timeout | null = null;

  function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (waiting.length === 0) return;
    const text = waiting.join('');
    waiting = [];
    bytes = 0;
    out.write(text);
  }

  return {
    write(line: string) {
      waiting.push(line);
      bytes += line.length;
      if (bytes >= maxBytes) flush();
      else timer ??= setTimeout(flush, maxDelayMs).unref();
    },
    flush,
  };
}
