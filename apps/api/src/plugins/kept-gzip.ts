// gzip with one deflate context kept for the process, for the answers of /api/nilai (one 3–64 KB answer after
// another, nearly every one new). zlib.gzipSync makes a whole zlib stream per call — a Transform with its states and
// listeners, a native handle, deflateInit's ~270 KB of window and hash tables — and closes it again: in a CPU profile
// of a server answering kecamatan, making it cost nearly as much as the deflate itself, and keeping one context cut
// the server's CPU per uncached answer by 0.04–0.07 ms, 4–8 % (docs/measurements.md, session 13). Here one context is reset (deflateReset: the same fresh state) and fed each
// answer. Node offers no public call for that (gzipSync closes its handle), so this uses what gzipSync itself runs on
// (the stream's native handle and its write state); where those are missing (another Node), it falls back to gzipSync.
// The bytes are gzipSync's with the same options (kept-gzip.test.ts).
import { constants, createGzip, gzipSync, type Gzip, type ZlibOptions } from 'node:zlib';

interface DeflateHandle {
  writeSync(
    flush: number,
    input: Buffer,
    inOffset: number,
    inLength: number,
    output: Buffer,
    outOffset: number,
    outLength: number,
  ): void;
}
/** The parts of a zlib stream gzipSync itself uses: the native handle and [avail_out, avail_in] after a write. */
type Engine = Gzip & { reset(): void; _handle?: DeflateHandle | null; _writeState?: Uint32Array };

/** A gzipSync(input, options) that reuses one deflate context (synchronous, so one context serves every call). */
export function keptGzip(options: ZlibOptions): (input: Buffer) => Buffer {
  let engine: Engine | null = null;
  // Deflate writes into this scratch buffer; each call's bytes are copied out (the socket may send them later).
  const scratch = Buffer.allocUnsafe(64 * 1024);
  return (input) => {
    if (engine === null) engine = createGzip(options) as Engine;
    else engine.reset();
    const handle = engine._handle;
    const state = engine._writeState;
    if (!handle || !state) return gzipSync(input, options);
    try {
      const parts: Buffer[] = [];
      let size = 0;
      let inOffset = 0;
      let inLength = input.byteLength;
      for (;;) {
        handle.writeSync(constants.Z_FINISH, input, inOffset, inLength, scratch, 0, scratch.length);
        const outLeft = state[0]!;
        const inLeft = state[1]!;
        const made = scratch.length - outLeft;
        parts.push(Buffer.from(scratch.subarray(0, made)));
        size += made;
        inOffset += inLength - inLeft;
        inLength = inLeft;
        // Room left in the output: the stream is finished (as in gzipSync, a full output buffer means "call again").
        if (outLeft !== 0) break;
      }
      return parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    } catch (error) {
      // A context in an unknown state is not used again.
      engine = null;
      throw error;
    }
  };
}
