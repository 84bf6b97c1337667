// Moving many rows between TypeScript and PostgreSQL: arrays as one parameter or as text, and COPY … FROM STDIN on
// the connection of the transaction that writes them (an import of a whole country is 1.7 M rows: one statement
// with unnest() arrays of that size costs more in the driver than the COPY of the same rows).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/** PostgreSQL array literal; unnest() of a 2-D array would flatten it, so each row's array travels as text. */
export const arrayLiteral = (values: readonly (number | boolean | null)[]) =>
  `{${values.map((value) => (value === null ? 'NULL' : value === true ? 't' : value === false ? 'f' : value)).join(',')}}`;

/** One JS array as one typed PostgreSQL array parameter. */
export const arrayParam = (values: readonly unknown[], type: string): SQL =>
  sql`${sql.param(values)}::${sql.raw(type)}[]`;

/**
 * A PostgreSQL integer array as text ('{1,NULL,-3}', as `::text` gives it) → numbers (NULL → null). Read character by
 * character: an import parses millions of these, and split/map allocate a string per element.
 */
export function parseIntArray(text: string | null): (number | null)[] | null {
  if (text === null) return null;
  const out: (number | null)[] = [];
  let value = 0;
  let sign = 1;
  let isNull = false;
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 44 /* , */ || code === 125 /* } */) {
      if (i > 1) out.push(isNull ? null : sign * value);
      value = 0;
      sign = 1;
      isNull = false;
    } else if (code === 45 /* - */) sign = -1;
    else if (code === 78 /* N of NULL */) {
      isNull = true;
      i += 3;
    } else value = value * 10 + (code - 48);
  }
  return out;
}

/** A PostgreSQL boolean array as text ('{t,NULL,f}') → booleans (NULL → null). */
/**
 * A PostgreSQL number array without NULLs as text ('{1,2.5,-3}', integers or double precision as `::text` gives them;
 * '{}' or '' → []) → numbers. Integers — nearly every element of a roll-up — are read character by character; an
 * element with anything else ('.', an exponent, NaN) goes through Number. A view above kecamatan parses ~3,500 of
 * these per answer (7 arrays × its children); split/map allocated a string per element, the larger part of the
 * answer's CPU after the statement.
 */
export function parseNumberArray(text: string | null): number[] {
  const out: number[] = [];
  if (!text || text.length <= 2) return out;
  let value = 0;
  let negative = false;
  let plain = true;
  let start = 1;
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 44 /* , */ || code === 125 /* } */) {
      out.push(plain ? (negative ? -value : value) : Number(text.slice(start, i)));
      value = 0;
      negative = false;
      plain = true;
      start = i + 1;
    } else if (code >= 48 && code <= 57) value = value * 10 + (code - 48);
    else if (code === 45 /* - */ && i === start) negative = true;
    else plain = false;
  }
  return out;
}

export function parseBoolArray(text: string): (boolean | null)[] {
  const out: (boolean | null)[] = [];
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 116 /* t */) out.push(true);
    else if (code === 102 /* f */) out.push(false);
    else if (code === 78 /* N */) {
      out.push(null);
      i += 3;
    }
  }
  return out;
}

/**
 * The pg client a Drizzle transaction runs on (COPY is a protocol of its own, which Drizzle does not speak). Only a
 * transaction has one connection: on the pool, the rows would land outside the transaction's all-or-nothing.
 */
function transactionClient(tx: DbOrTx): pg.PoolClient {
  const client = (tx as unknown as { session?: { client?: Partial<pg.PoolClient> } }).session?.client;
  if (!client || typeof client.release !== 'function' || typeof client.query !== 'function')
    throw new Error('COPY needs a transaction: it must run on the connection that holds the import.');
  return client as pg.PoolClient;
}

/** `copy <target> from stdin` inside the transaction, fed with chunks of COPY text (copy-text.ts `copyChunks`). */
export async function copyChunksInto(tx: DbOrTx, target: string, chunks: Iterable<Buffer>): Promise<void> {
  await pipeline(
    Readable.from(chunks, { objectMode: false }),
    transactionClient(tx).query(copyFrom(`copy ${target} from stdin`)),
  );
}

/** Lines (each ending in "\n", COPY text format: tab-separated, \N for NULL) batched into ~256 KB chunks. */
function chunked(lines: Iterable<string>): Readable {
  return Readable.from(
    (function* () {
      let chunk = '';
      for (const line of lines) {
        chunk += line;
        if (chunk.length > 262_144) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    })(),
  );
}

/** `copy <target> from stdin` inside the transaction, fed with the given lines. */
export async function copyInto(tx: DbOrTx, target: string, lines: Iterable<string>): Promise<void> {
  await pipeline(chunked(lines), transactionClient(tx).query(copyFrom(`copy ${target} from stdin`)));
}

/** Free text (a column header) as a COPY text field: backslash, tab and line breaks escaped. */
export const copyText = (value: string) => value.replace(/[\\\t\n\r]/g, (ch) => COPY_ESCAPES[ch]!);
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value as a COPY text field: NULL → \N (the strings copied here are kode and codes, never tabs or backslashes). */
export const copyField = (value: string | number | boolean | null | undefined) =>
  value === null || value === undefined ? '\\N' : value === true ? 't' : value === false ? 'f' : String(value);

/**
 * `copy (<query>) to stdout` inside the transaction, for a query whose every column is a number or a boolean: calls
 * onRow once per row with its fields (one array, reused: copy what is kept), integers and double precision as numbers,
 * true/false as 1/0, NULL as NaN (so no column may hold NaN itself). The text is read byte by byte as it arrives: a
 * national import's warnings are ~600,000 rows, and node-postgres turned each into an object of parsed fields, which
 * stayed live long enough for the garbage collector to mark them again and again beside the file's 1.7 M cells.
 */
export async function copyOutNumbers(
  tx: DbOrTx,
  query: string,
  columns: number,
  onRow: (fields: Float64Array) => void,
): Promise<void> {
  const fields = new Float64Array(columns);
  // The current field: its bytes (for anything but a plain integer), and its value while it is one.
  const bytes = new Uint8Array(64);
  let length = 0;
  let value = 0;
  let plain = true;
  let field = 0;
  const stream = transactionClient(tx).query(copyTo(`copy (${query}) to stdout`));
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk[i]!;
      if (code === 9 /* tab */ || code === 10 /* newline */) {
        fields[field++] = fieldValue(bytes, length, plain, value);
        length = 0;
        value = 0;
        plain = true;
        if (code === 10) {
          if (field !== columns) throw new Error(`COPY: ${field} kolom, bukan ${columns}`);
          onRow(fields);
          field = 0;
        }
        continue;
      }
      if (length < bytes.length) bytes[length] = code;
      length++;
      if (code >= 48 && code <= 57) value = value * 10 + (code - 48);
      else if (!(code === 45 && length === 1)) plain = false;
    }
  }
  if (length > 0 || field > 0) throw new Error('COPY: baris terakhir terpotong');
}

/** One field of copyOutNumbers: its first bytes (all of them up to 64), its length and, when plain, its digits' value. */
function fieldValue(bytes: Uint8Array, length: number, plain: boolean, digits: number): number {
  const negative = bytes[0] === 45; /* - */
  if (plain && length > (negative ? 1 : 0)) return negative ? -digits : digits;
  if (length === 1 && bytes[0] === 116 /* t */) return 1;
  if (length === 1 && bytes[0] === 102 /* f */) return 0;
  if (length === 2 && bytes[0] === 92 /* \ */ && bytes[1] === 78 /* N */) return Number.NaN;
  if (length > bytes.length) throw new Error(`COPY: medan ${length} bita bukan angka`);
  const number = Number(String.fromCharCode(...bytes.subarray(0, length)));
  if (Number.isNaN(number))
    throw new Error(`COPY: medan bukan angka: ${String.fromCharCode(...bytes.subarray(0, length))}`);
  return number;
}
