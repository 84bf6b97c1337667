// An answer's JSON as the UTF-8 bytes that go on the wire, the same bytes as Buffer.from(JSON.stringify(data)), made
// cheaper for the values answers. V8 keeps a string at one byte per character until a character beyond Latin-1 enters
// it; then the whole string is two bytes per character. The en dash of a month range's label ("Januari–Mei 2026": the
// map's default period, January to the latest month) did that to the whole answer of /api/nilai (12–64 KB of
// otherwise ASCII rows) and /api/nilai/desa: JSON.stringify wrote it two bytes a character, and @fastify/compress then
// measured it (Buffer.byteLength) and encoded it to UTF-8 (Buffer.from) character by character before gzip. Here each
// large top-level field is serialized on its own, so the rows stay one-byte text, copied to bytes in one pass; only the
// few small fields take the slow path. Measured (docs/measurements.md, session 12): 85 → 50–61 µs for the answer of
// Indonesia, 82–92 → 63–76 µs for a kecamatan's 57 desa.

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
