// An answer's JSON as the UTF-8 bytes that go on the wire, the same bytes as Buffer.from(JSON.stringify(data)), made
// cheaper for the values answers. V8 keeps a string at one byte per character until a character beyond Latin-1 enters
// it; then the whole string is two bytes per character. One en dash in a period label ("Januari–Mei 2026") did that to
// every answer of /api/nilai (12–64 KB of otherwise ASCII rows) and /api/nilai/desa (up to ~1 MB): JSON.stringify
// wrote the rows two bytes a character, and @fastify/compress then measured the text (Buffer.byteLength) and encoded it
// to UTF-8 (Buffer.from) character by character before gzip. Here each large top-level field is serialized on its own,
// so the rows stay one-byte text and are copied to bytes in one pass; only the few small fields go through the slow
// path. Session 12 (docs/measurements.md): ~20–35 µs less per answer of Indonesia, on the path of every first answer.

/** Top-level fields whose JSON is at least this long are turned into bytes on their own. */
const SEPARATE = 256;

export function jsonBytes(data: unknown): Buffer {
  // Only a plain object is split: JSON.stringify serializes its own enumerable string keys in Object.keys order, and
  // each field's text is the JSON.stringify of its value (toJSON gets the key as argument, which no value here reads).
  if (
    data === null ||
    typeof data !== 'object' ||
    Array.isArray(data) ||
    typeof (data as { toJSON?: unknown }).toJSON === 'function'
  )
    return Buffer.from(JSON.stringify(data));
  const fields = data as Record<string, unknown>;
  const parts: Buffer[] = [];
  let text = '{';
  let first = true;
  for (const key of Object.keys(fields)) {
    const value: string | undefined = JSON.stringify(fields[key]);
    // undefined, a function or a symbol: left out, as JSON.stringify leaves such a field out.
    if (value === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (value.length < SEPARATE) {
      text += value;
    } else {
      parts.push(Buffer.from(text), Buffer.from(value));
      text = '';
    }
  }
  text += '}';
  if (parts.length === 0) return Buffer.from(text);
  parts.push(Buffer.from(text));
  return Buffer.concat(parts);
}
