// All SQL on sasaran and sasaran_change used by imports and undo (bulk, with unnest arrays).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { sasaran as s, sasaranChange as c } from '@peta/db/schema';
import { arrayParam } from './bulk-sql.ts';

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

export type SasaranKey = Pick<StoredSasaran, 'kode' | 'year' | 'group'>;

export const sasaranKey = (kode: string, year: number, group: string) => `${kode}|${year}|${group}`;

/** The keys as a set of rows, for `(kode, year, "group") in (…)`. */
const keyRows = (keys: SasaranKey[]) =>
  sql`(select * from unnest(${arrayParam(
    keys.map((k) => k.kode),
    'text',
  )}, ${arrayParam(
    keys.map((k) => k.year),
    'int',
  )}, ${arrayParam(
    keys.map((k) => k.group),
    'text',
  )}))`;

export function sasaranRepository(db: DbOrTx) {
  async function readRows(keys: SasaranKey[]): Promise<Map<string, StoredSasaran>> {
    if (!keys.length) return new Map();
    const rows = await db
      .select({
        kode: s.kode,
        year: s.year,
        group: s.group,
        value: s.value,
        kind: s.kind,
        method: s.method,
        simulated: s.simulated,
        loadId: s.loadId,
      })
      .from(s)
      .where(sql`(${s.kode}, ${s.year}, ${s.group}) in ${keyRows(keys)}`);
    return new Map(rows.map((row) => [sasaranKey(row.kode, row.year, row.group), row]));
  }
  return {
    readRows,

    /** Annual sasaran of groups for desa × year (for the "numerator above sasaran" warning). */
    async readValues(keys: SasaranKey[]): Promise<Map<string, number>> {
      return new Map([...(await readRows(keys))].map(([k, r]) => [k, r.value]));
    },

    async writeRows(rows: StoredSasaran[]): Promise<void> {
      if (!rows.length) return;
      const col = <K extends keyof StoredSasaran>(k: K, type: string) =>
        arrayParam(
          rows.map((r) => r[k]),
          type,
        );
      await db
        .insert(s)
        .select(sql`select * from unnest(${col('kode', 'text')}, ${col('year', 'int')}, ${col('group', 'text')}, ${col('value', 'float8')},
        ${col('kind', 'text')}, ${col('method', 'text')}, ${col('simulated', 'boolean')}, ${col('loadId', 'int')})`)
        .onConflictDoUpdate({
          target: [s.kode, s.year, s.group],
          set: {
            value: sql`excluded.value`,
            kind: sql`excluded.kind`,
            method: sql`excluded.method`,
            simulated: sql`excluded.simulated`,
            loadId: sql`excluded.load_id`,
          },
        });
    },

    async deleteRows(keys: SasaranKey[]): Promise<void> {
      if (!keys.length) return;
      await db.delete(s).where(sql`(${s.kode}, ${s.year}, ${s.group}) in ${keyRows(keys)}`);
    },

    async insertChanges(loadId: number, changes: SasaranChange[]): Promise<void> {
      if (!changes.length) return;
      const col = <K extends keyof SasaranChange>(k: K, type: string) =>
        arrayParam(
          changes.map((change) => change[k]),
          type,
        );
      await db
        .insert(c)
        .select(sql`select ${loadId}::int, * from unnest(${col('kode', 'text')}, ${col('year', 'int')}, ${col('group', 'text')},
        ${col('oldValue', 'float8')}, ${col('oldKind', 'text')}, ${col('oldMethod', 'text')}, ${col('oldSimulated', 'boolean')}, ${col('oldLoadId', 'int')},
        ${col('newValue', 'float8')}, ${col('newKind', 'text')}, ${col('newMethod', 'text')})`);
    },

    /** The sasaran changes of a load, with the load that holds each row now. */
    async readChanges(loadId: number): Promise<(SasaranChange & { currentLoadId: number | null })[]> {
      return db
        .select({
          kode: c.kode,
          year: c.year,
          group: c.group,
          oldValue: c.oldValue,
          oldKind: c.oldKind,
          oldMethod: c.oldMethod,
          oldSimulated: c.oldSimulated,
          oldLoadId: c.oldLoadId,
          newValue: c.newValue,
          newKind: c.newKind,
          newMethod: c.newMethod,
          currentLoadId: s.loadId,
        })
        .from(c)
        .leftJoin(s, and(eq(s.kode, c.kode), eq(s.year, c.year), eq(s.group, c.group)))
        .where(eq(c.loadId, loadId))
        .orderBy(asc(c.kode), asc(c.year), asc(c.group));
    },

    /** The desa a load changed. */
    async desaOfLoad(loadId: number): Promise<string[]> {
      const rows = await db.selectDistinct({ kode: c.kode }).from(c).where(eq(c.loadId, loadId));
      return rows.map((r) => r.kode);
    },
  };
}
