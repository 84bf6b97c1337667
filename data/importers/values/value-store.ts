// All SQL on indicator_value and indicator_value_change used by imports and undo. Rows move in bulk: one
// statement with unnest() arrays per step, never one query per row (100,000 cells import in seconds).
import type { PoolClient } from 'pg';

/** One stored row (desa × indicator × year) with its per-month provenance; index 0 = January. */
export interface ValueRow {
  indicator: string;
  kode: string;
  year: number;
  numerators: (number | null)[];
  denominators: (number | null)[] | null;
  monthLoadIds: (number | null)[];
  monthSimulated: (boolean | null)[];
}

/** One changed cell, written to indicator_value_change. */
export interface ValueChange {
  indicator: string;
  kode: string;
  year: number;
  month: number;
  oldNumerator: number | null;
  oldDenominator: number | null;
  oldLoadId: number | null;
  oldSimulated: boolean | null;
  newNumerator: number | null;
  newDenominator: number | null;
}

export const rowKey = (indicator: string, kode: string, year: number) => `${indicator}|${kode}|${year}`;

/** PostgreSQL array literal; unnest() of a 2-D array would flatten it, so each row's array travels as text. */
export const arrayLiteral = (values: readonly (number | boolean | null)[]) =>
  `{${values.map((v) => (v === null ? 'NULL' : v === true ? 't' : v === false ? 'f' : v)).join(',')}}`;

export async function readValueRows(client: PoolClient, keys: { indicator: string; kode: string; year: number }[]): Promise<Map<string, ValueRow>> {
  if (!keys.length) return new Map();
  const r = await client.query<ValueRow>(`
    select v.indicator, v.kode, v.year, v.numerators, v.denominators,
      v.month_load_ids as "monthLoadIds", v.month_simulated as "monthSimulated"
    from indicator_value v
    join unnest($1::text[], $2::text[], $3::int[]) k(indicator, kode, year)
      on v.indicator = k.indicator and v.kode = k.kode and v.year = k.year`,
  [keys.map((k) => k.indicator), keys.map((k) => k.kode), keys.map((k) => k.year)]);
  return new Map(r.rows.map((row) => [rowKey(row.indicator, row.kode, row.year), row]));
}

export async function writeValueRows(client: PoolClient, rows: ValueRow[]): Promise<void> {
  if (!rows.length) return;
  await client.query(`
    insert into indicator_value (indicator, kode, year, numerators, denominators, month_load_ids, month_simulated)
    select i, k, y, n::int[], d::int[], l::int[], s::boolean[]
    from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) u(i, k, y, n, d, l, s)
    on conflict (indicator, kode, year) do update set numerators = excluded.numerators, denominators = excluded.denominators,
      month_load_ids = excluded.month_load_ids, month_simulated = excluded.month_simulated`,
  [rows.map((r) => r.indicator), rows.map((r) => r.kode), rows.map((r) => r.year),
    rows.map((r) => arrayLiteral(r.numerators)), rows.map((r) => (r.denominators ? arrayLiteral(r.denominators) : null)),
    rows.map((r) => arrayLiteral(r.monthLoadIds)), rows.map((r) => arrayLiteral(r.monthSimulated))]);
}

export async function deleteValueRows(client: PoolClient, rows: { indicator: string; kode: string; year: number }[]): Promise<void> {
  if (!rows.length) return;
  await client.query(`
    delete from indicator_value v using unnest($1::text[], $2::text[], $3::int[]) k(indicator, kode, year)
    where v.indicator = k.indicator and v.kode = k.kode and v.year = k.year`,
  [rows.map((k) => k.indicator), rows.map((k) => k.kode), rows.map((k) => k.year)]);
}

export async function insertValueChanges(client: PoolClient, loadId: number, changes: ValueChange[]): Promise<void> {
  if (!changes.length) return;
  const col = <K extends keyof ValueChange>(k: K) => changes.map((c) => c[k]);
  await client.query(`
    insert into indicator_value_change (load_id, indicator, kode, year, month, old_numerator, old_denominator, old_load_id,
      old_simulated, new_numerator, new_denominator)
    select $1, * from unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::boolean[], $10::int[], $11::int[])`,
  [loadId, col('indicator'), col('kode'), col('year'), col('month'), col('oldNumerator'), col('oldDenominator'),
    col('oldLoadId'), col('oldSimulated'), col('newNumerator'), col('newDenominator')]);
}

/** The changes a load made, with the load that holds each cell now (to refuse an undo under later imports). */
export async function readValueChanges(client: PoolClient, loadId: number) {
  const r = await client.query<ValueChange & { currentLoadId: number | null }>(`
    select c.indicator, c.kode, c.year, c.month, c.old_numerator as "oldNumerator", c.old_denominator as "oldDenominator",
      c.old_load_id as "oldLoadId", c.old_simulated as "oldSimulated", c.new_numerator as "newNumerator",
      c.new_denominator as "newDenominator", v.month_load_ids[c.month] as "currentLoadId"
    from indicator_value_change c
    left join indicator_value v on v.indicator = c.indicator and v.kode = c.kode and v.year = c.year
    where c.load_id = $1 order by c.kode, c.indicator, c.year, c.month`, [loadId]);
  return r.rows;
}
