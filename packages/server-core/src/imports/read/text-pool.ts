// One string per distinct short text of a file being read: a national CSV repeats one periode, twenty indicators and a
// few counts on 1.7 M lines and each kode on twenty, and a sheet holding a string per cell kept millions of live strings
// the garbage collector copied again and again. The reader hashes a field while it scans it and asks here with the
// text's place; a text seen before is returned without cutting a new string out of the file.

/** Texts longer than this are cut out each time (a note, a name): rarely repeated, not worth the comparison. */
export const POOLED_LENGTH = 40;
/** Distinct texts kept (a national file: ~84,000 kode and a few dozen others); past that, new texts are not kept. */
const POOLED_TEXTS = 1 << 18;

/** The hash the reader computes while scanning: h = h × 31 + code, 32-bit. */
export const hashStep = (hash: number, code: number) => (Math.imul(hash, 31) + code) | 0;

export class TextPool {
  private texts: (string | undefined)[] = new Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  private count = 0;

  /** text.slice(start, end), the same string as the last time this text was asked for; `hash` is its hashStep fold. */
  text(source: string, start: number, end: number, hash: number): string {
    const length = end - start;
    if (length > POOLED_LENGTH) return source.slice(start, end);
    const mask = this.texts.length - 1;
    let at = hash & mask;
    for (let known = this.texts[at]; known !== undefined; known = this.texts[at]) {
      if (this.hashes[at] === hash && known.length === length && source.startsWith(known, start)) return known;
      at = (at + 1) & mask;
    }
    const text = source.slice(start, end);
    if (this.count < POOLED_TEXTS) {
      this.texts[at] = text;
      this.hashes[at] = hash;
      if (++this.count * 2 > this.texts.length) this.grow();
    }
    return text;
  }

  private grow(): void {
    const texts = this.texts;
    const hashes = this.hashes;
    this.texts = new Array(texts.length * 2);
    this.hashes = new Int32Array(texts.length * 2);
    const mask = this.texts.length - 1;
    for (let i = 0; i < texts.length; i++) {
      if (texts[i] === undefined) continue;
      let at = hashes[i]! & mask;
      while (this.texts[at] !== undefined) at = (at + 1) & mask;
      this.texts[at] = texts[i];
      this.hashes[at] = hashes[i]!;
    }
  }
}
