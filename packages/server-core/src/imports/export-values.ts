// Export in the long import format (kode_wilayah,periode,indikator,pembilang,penyebut) for a wilayah and a month
// range, streamed by COPY so a whole province leaves in seconds. Simulated cells are left out unless asked for,
// so demo numbers cannot come back in as real data. Every line is written by the domain's csvLine, as every CSV
// the app writes: COPY gives PostgreSQL's text format (tab-separated, backslash escapes), turned into CSV fields.
// The one query of server-core that is not Drizzle (README "Database access"): COPY streams a province at constant
// memory in one statement, which the query builder cannot do; every value it inlines is checked first.
import { Transform, type Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';
import type { Database } from '@peta/db';
import { LONG_COLUMNS, csvLine, isKode, type YearMonth } from '@peta/domain';

export interface ExportRequest {
  wilayah: string;
  from: YearMonth;
  to: YearMonth;
  includeSimulated?: boolean;
}

export function exportQuery({ wilayah, from, to, includeSimulated }: ExportRequest): string {
  // COPY takes no parameters: every value inlined here is checked first.
  if (!isKode(wilayah)) throw new Error(`Kode wilayah tidak sah: "${wilayah}".`);
  const lo = from.year * 12 + from.month;
  const hi = to.year * 12 + to.month;
  if (![lo, hi].every(Number.isInteger) || lo > hi)
    throw new Error('Rentang periode tidak sah: --dari harus sebelum atau sama dengan --sampai.');
  return `copy (
    select v.kode, v.year || '-' || lpad(u.m::text, 2, '0'), v.indicator, u.n, v.denominators[u.m]
    from indicator_value v, unnest(v.numerators) with ordinality u(n, m)
    where (v.kode like '${wilayah}.%' or v.kode = '${wilayah}') and v.year between ${from.year} and ${to.year}
      and v.year * 12 + u.m between ${lo} and ${hi} and u.n is not null
      ${includeSimulated ? '' : 'and v.month_simulated[u.m] is not true'}
    order by v.kode, v.year, u.m, v.indicator
  ) to stdout`;
}

const TEXT_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** One field of COPY's text format: \N is NULL, backslash escapes undone. */
const textField = (field: string): string | null =>
  field === '\\N' ? null : field.replace(/\\(.)/g, (_, c: string) => TEXT_ESCAPES[c] ?? c);

/** COPY text lines → CSV lines (chunks may end mid-line: the rest waits for the next chunk). */
export function copyTextToCsv(): Transform {
  let rest = '';
  const decoder = new StringDecoder('utf8'); // a chunk may also end inside a character
  const lines = (text: string) =>
    text
      .split('\n')
      .map((line) => `${csvLine(line.split('\t').map(textField))}\n`)
      .join('');
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const text = rest + decoder.write(chunk);
      const end = text.lastIndexOf('\n');
      rest = text.slice(end + 1);
      done(null, end < 0 ? '' : lines(text.slice(0, end)));
    },
    flush(done) {
      rest += decoder.end();
      done(null, rest ? lines(rest) : '');
    },
  });
}

export async function exportValues(
  database: Pick<Database, 'pool'>,
  request: ExportRequest,
  out: Writable,
): Promise<void> {
  out.write(`${csvLine(LONG_COLUMNS)}\n`);
  const client = await database.pool.connect();
  try {
    await pipeline(client.query(copyTo(exportQuery(request))), copyTextToCsv(), out, { end: false });
  } finally {
    client.release();
  }
}
