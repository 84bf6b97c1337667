// Calls that arrive in the same turn of the event loop, run as one (the DataLoader pattern): the answers' reads of
// concurrent requests share one round trip to PostgreSQL instead of one each — the round trip (the driver, two
// loopback sends, PostgreSQL's per-statement work) costs about as much CPU as a whole /api/health.

/**
 * A function of one call that queues it and runs every call queued in the same turn together: `run` gets up to
 * `limit` calls (more → several runs) and answers each, in their order. The queue is run on `setImmediate`, after the
 * poll phase: every request parsed in that phase joins, and a lone call waits one turn, never a timer. A call never
 * runs before it was made, so what it reads was read after it arrived.
 */
export function batchedCalls<Call, Answer>(
  run: (calls: Call[]) => Promise<Answer[]>,
  limit: number,
): (call: Call) => Promise<Answer> {
  let waiting: { call: Call; resolve: (answer: Answer) => void; reject: (error: unknown) => void }[] = [];
  const flush = () => {
    const all = waiting;
    waiting = [];
    for (let at = 0; at < all.length; at += limit) {
      const part = all.slice(at, at + limit);
      run(part.map((w) => w.call)).then(
        (answers) => {
          for (let i = 0; i < part.length; i++) part[i]!.resolve(answers[i]!);
        },
        (error: unknown) => {
          for (const w of part) w.reject(error);
        },
      );
    }
  };
  return (call) =>
    new Promise<Answer>((resolve, reject) => {
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ call, resolve, reject });
    });
}
