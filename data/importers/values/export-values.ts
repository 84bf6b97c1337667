// Export in the long import format (kode_wilayah,periode,indikator,pembilang,penyebut) for a wilayah and a month
// range, streamed by COPY so a whole province leaves in seconds. Simulated cells are left out unless asked for,
// so demo numbers cannot come back in as real data.
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';
import type { Database } from '@peta/db';
import { LONG_COLUMNS, isKode, type YearMonth } from '@peta/domain';

export interface ExportRequest { wilayah: string; from: YearMonth; to: YearMonth; includeSimulated?: boolean }

export function exportQuery({ wilayah, from, to, includeSimulated }: ExportRequest): string {
  // COPY takes no parameters: every value inlined here is checked first.
  if (!isKode(wilayah)) throw new Error(`Kode wilayah tidak sah: "${wilayah}".`);
  const lo = from.year * 12 + from.month;
  const hi = to.year * 12 + to.month;
  if (![lo, hi].every(Number.isInteger) || lo > hi) throw new Error('Rentang periode tidak sah: --dari harus sebelum atau sama dengan --sampai.');
  return `copy (
    select v.kode, v.year || '-' || lpad(u.m::text, 2, '0'), v.indicator, u.n, v.denominators[u.m]
    from indicator_value v, unnest(v.numerators) with ordinality u(n, m)
    where (v.kode like '${wilayah}.%' or v.kode = '${wilayah}') and v.year between ${from.year} and ${to.year}
      and v.year * 12 + u.m between ${lo} and ${hi} and u.n is not null
      ${includeSimulated ? '' : 'and v.month_simulated[u.m] is not true'}
    order by v.kode, v.year, u.m, v.indicator
  ) to stdout with (format csv)`;
}

export async function exportValues(database: Database, request: ExportRequest, out: Writable): Promise<void> {
  out.write(`${LONG_COLUMNS.join(',')}\n`);
  const client = await database.pool.connect();
  try {
    await pipeline(client.query(copyTo(exportQuery(request))), out, { end: false });
  } finally {
    client.release();
  }
}
