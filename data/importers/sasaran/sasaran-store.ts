// All SQL on sasaran and sasaran_change used by imports and undo (bulk, with unnest arrays).
import type { PoolClient } from 'pg';

export interface StoredSasaran {
  kode: string;
  year: number;
  group: string;
  value: number;
  kind: string;
  method: string;
  simulated: boolean;
  loadId: number;
}

export interface SasaranChange {
  kode: string;
  year: number;
  group: string;
  oldValue: number | null;
  oldKind: string | null;
  oldMethod: string | null;
  oldSimulated: boolean | null;
  oldLoadId: number | null;
  newValue: number | null;
  newKind: string | null;
  newMethod: string | null;
}

export const sasaranKey = (kode: string, year: number, group: string) => `${kode}|${year}|${group}`;

export async function readSasaranRows(client: PoolClient, keys: { kode: string; year: number; group: string }[]): Promise<Map<string, StoredSasaran>> {
  if (!keys.length) return new Map();
  const r = await client.query<StoredSasaran>(`
    select s.kode, s.year, s."group", s.value, s.kind, s.method, s.simulated, s.load_id as "loadId"
    from sasaran s join unnest($1::text[], $2::int[], $3::text[]) k(kode, year, grp)
      on s.kode = k.kode and s.year = k.year and s."group" = k.grp`,
  [keys.map((k) => k.kode), keys.map((k) => k.year), keys.map((k) => k.group)]);
  return new Map(r.rows.map((row) => [sasaranKey(row.kode, row.year, row.group), row]));
}

export async function writeSasaranRows(client: PoolClient, rows: StoredSasaran[]): Promise<void> {
  if (!rows.length) return;
  const col = <K extends keyof StoredSasaran>(k: K) => rows.map((r) => r[k]);
  await client.query(`
    insert into sasaran (kode, year, "group", value, kind, method, simulated, load_id)
    select * from unnest($1::text[], $2::int[], $3::text[], $4::float8[], $5::text[], $6::text[], $7::boolean[], $8::int[])
    on conflict (kode, year, "group") do update set value = excluded.value, kind = excluded.kind, method = excluded.method,
      simulated = excluded.simulated, load_id = excluded.load_id`,
  [col('kode'), col('year'), col('group'), col('value'), col('kind'), col('method'), col('simulated'), col('loadId')]);
}

export async function deleteSasaranRows(client: PoolClient, keys: { kode: string; year: number; group: string }[]): Promise<void> {
  if (!keys.length) return;
  await client.query(`
    delete from sasaran s using unnest($1::text[], $2::int[], $3::text[]) k(kode, year, grp)
    where s.kode = k.kode and s.year = k.year and s."group" = k.grp`,
  [keys.map((k) => k.kode), keys.map((k) => k.year), keys.map((k) => k.group)]);
}

export async function insertSasaranChanges(client: PoolClient, loadId: number, changes: SasaranChange[]): Promise<void> {
  if (!changes.length) return;
  const col = <K extends keyof SasaranChange>(k: K) => changes.map((c) => c[k]);
  await client.query(`
    insert into sasaran_change (load_id, kode, year, "group", old_value, old_kind, old_method, old_simulated, old_load_id,
      new_value, new_kind, new_method)
    select $1, * from unnest($2::text[], $3::int[], $4::text[], $5::float8[], $6::text[], $7::text[], $8::boolean[], $9::int[],
      $10::float8[], $11::text[], $12::text[])`,
  [loadId, col('kode'), col('year'), col('group'), col('oldValue'), col('oldKind'), col('oldMethod'), col('oldSimulated'),
    col('oldLoadId'), col('newValue'), col('newKind'), col('newMethod')]);
}

/** The sasaran changes of a load, with the load that holds each row now. */
export async function readSasaranChanges(client: PoolClient, loadId: number) {
  const r = await client.query<SasaranChange & { currentLoadId: number | null }>(`
    select c.kode, c.year, c."group", c.old_value as "oldValue", c.old_kind as "oldKind", c.old_method as "oldMethod",
      c.old_simulated as "oldSimulated", c.old_load_id as "oldLoadId", c.new_value as "newValue", c.new_kind as "newKind",
      c.new_method as "newMethod", s.load_id as "currentLoadId"
    from sasaran_change c left join sasaran s on s.kode = c.kode and s.year = c.year and s."group" = c."group"
    where c.load_id = $1 order by c.kode, c.year, c."group"`, [loadId]);
  return r.rows;
}

/** Annual sasaran of groups for desa × year (for the "numerator above sasaran" warning). */
export async function readSasaranValues(client: PoolClient, keys: { kode: string; year: number; group: string }[]): Promise<Map<string, number>> {
  const rows = await readSasaranRows(client, keys);
  return new Map([...rows].map(([k, r]) => [k, r.value]));
}
