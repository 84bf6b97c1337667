// COPY … FROM STDIN text written as bytes into a Buffer, for the bulk loads that send millions of lines (the national
// demo: 6.2 M lines). Building each line as a template string and the chunks by `+=` left V8 a rope of thousands of
// strings per chunk that Buffer.from had to flatten and encode (11 of 45 s of the demo's thread in a profile), and the
// lines a provinsi holds back (its later years) lived on the heap long enough to be copied by every scavenge; here the
// digits go straight into the bytes and what is held back lives outside the heap.

/** The bytes of one COPY stream in the making: append, then take() a chunk to send. */
export class CopyTextWriter {
  private buf: Buffer;
  /** Bytes written so far. */
  length = 0;

  constructor(capacity = 1 << 20) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  private room(n: number) {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }

  /** A string of ASCII characters only (codes, keywords): one byte each. */
  ascii(text: string): this {
    const n = text.length;
    this.room(n);
    const buf = this.buf;
    let at = this.length;
    for (let i = 0; i < n; i++) buf[at++] = text.charCodeAt(i);
    this.length = at;
    return this;
  }

  /** Any text, UTF-8, escaped for COPY's text format as escapeCopyText does. */
  text(text: string): this {
    const escaped = escapeCopyText(text);
    this.room(Buffer.byteLength(escaped));
    this.length += this.buf.write(escaped, this.length, 'utf8');
    return this;
  }

  /** Bytes as they are (a part every line shares, encoded once). */
  bytes(bytes: Uint8Array): this {
    const n = bytes.length;
    this.room(n);
    const buf = this.buf;
    let at = this.length;
    for (let i = 0; i < n; i++) buf[at++] = bytes[i]!;
    this.length = at;
    return this;
  }

  /** One ASCII character by its code (a tab: 9, a newline: 10). */
  char(code: number): this {
    this.room(1);
    this.buf[this.length++] = code;
    return this;
  }

  /** A number as JavaScript prints it (`${n}`): integers digit by digit, anything else through String. */
  number(n: number): this {
    if (!(n >= 0 && n <= 0x7fffffff && Number.isInteger(n))) return this.ascii(String(n));
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    this.room(digits);
    const buf = this.buf;
    let at = this.length + digits;
    this.length = at;
    let x = n;
    do {
      const q = Math.floor(x / 10);
      buf[--at] = 48 + x - q * 10;
      x = q;
    } while (x > 0);
    return this;
  }

  /** A PostgreSQL array literal as arrayLiteral writes it: `{1,NULL,2.5}`, booleans as t/f. */
  array(values: readonly (number | boolean | null | undefined)[]): this {
    this.char(123); // {
    for (let i = 0; i < values.length; i++) {
      if (i > 0) this.char(44); // ,
      const v = values[i];
      if (v === null || v === undefined) this.ascii('NULL');
      else if (v === true) this.char(116);
      else if (v === false) this.char(102);
      else this.number(v);
    }
    return this.char(125); // }
  }

  /** Appends another writer's bytes. */
  append(other: CopyTextWriter): this {
    this.room(other.length);
    other.buf.copy(this.buf, this.length, 0, other.length);
    this.length += other.length;
    return this;
  }

  /** The bytes written, as a Buffer of their own; the writer starts empty again (its buffer is replaced, not reused). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.length);
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.length = 0;
    return out;
  }
}

/** A text value for COPY's text format: backslashes doubled, tabs and newlines as spaces. */
export function escapeCopyText(text: string): string {
  return /[\\\t\n]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, ' ').replace(/\n/g, ' ') : text;
}

/**
 * Lines written by `write` into ~256 KB chunks for a COPY stream: write(row, w) appends one line of each row to w.
 */
export function* copyChunks<T>(
  rows: Iterable<T>,
  write: (row: T, w: CopyTextWriter) => void,
  chunkBytes = 262_144,
): Generator<Buffer> {
  const w = new CopyTextWriter(chunkBytes * 2);
  for (const row of rows) {
    write(row, w);
    if (w.length > chunkBytes) yield w.take();
  }
  if (w.length > 0) yield w.take();
}
