// All SQL on import_profile and desa_alias: profiles per kabupaten (a save writes a new row and marks the previous
// one of that name replaced; a delete marks the current one replaced with no successor) and desa names confirmed per area.
import { and, asc, desc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { desaAlias as a, importProfile as p } from '@peta/db/schema';
import { ancestorAt, type DesaAlias } from '@peta/domain';

/** Profiles and aliases one import reads at most (a kabupaten has a handful; an admin's import sees all, bounded). */
export const PROFILE_READ_LIMIT = 500;
export const ALIAS_READ_LIMIT = 50_000;

export interface ProfileRow {
  id: number;
  kabupaten: string;
  nama: string;
  signature: string;
  definition: unknown;
  createdBy: string;
  createdAt: Date;
}

const columns = {
  id: p.id,
  kabupaten: p.kabupaten,
  nama: p.nama,
  signature: p.signature,
  definition: p.definition,
  createdBy: p.createdBy,
  createdAt: p.createdAt,
};

/** Kabupaten inside `area` ('' = everywhere), or the kabupaten holding it (a kecamatan, desa user). */
function inArea(area: string) {
  if (area === '') return sql`true`;
  const kabupaten = ancestorAt(area, 'kabupaten');
  return kabupaten ? eq(p.kabupaten, kabupaten) : like(p.kabupaten, `${area}.%`);
}

export function profilesRepository(db: DbOrTx) {
  return {
    /** Current profiles of an area, by name; `versions` counts the rows of each name (history). */
    async current(area: string) {
      // Qualified by hand: drizzle writes a column of a single-table select unqualified, which inside this subquery
      // would name h's own column and count every profile.
      const versions = sql<number>`(select count(*)::int from import_profile h where h.kabupaten = import_profile.kabupaten and lower(h.nama) = lower(import_profile.nama))`;
      return db
        .select({ ...columns, versions })
        .from(p)
        .where(and(isNull(p.replacedAt), inArea(area)))
        .orderBy(asc(p.kabupaten), asc(p.nama))
        .limit(PROFILE_READ_LIMIT);
    },
    async byId(id: number): Promise<ProfileRow | null> {
      const [row] = await db.select(columns).from(p).where(eq(p.id, id));
      return row ?? null;
    },
    /** Saves as the current profile of its name in its kabupaten; the previous one stays as history. */
    async save(row: {
      kabupaten: string;
      nama: string;
      signature: string;
      definition: unknown;
      createdBy: string;
    }): Promise<number> {
      await db
        .update(p)
        .set({ replacedAt: sql`now()`, replacedBy: row.createdBy })
        .where(and(eq(p.kabupaten, row.kabupaten), sql`lower(${p.nama}) = lower(${row.nama})`, isNull(p.replacedAt)));
      const [inserted] = await db.insert(p).values(row).returning({ id: p.id });
      return inserted!.id;
    },
    /**
     * Retires the current profile (deleted by a user): it stays as history with who and when, and is no longer listed
     * nor picked for a file. False when it was not current (already replaced or deleted).
     */
    async retire(id: number, by: string): Promise<boolean> {
      const done = await db
        .update(p)
        .set({ replacedAt: sql`now()`, replacedBy: by })
        .where(and(eq(p.id, id), isNull(p.replacedAt)))
        .returning({ id: p.id });
      return done.length === 1;
    },
    /** Every version of a profile name, newest first. */
    history: (kabupaten: string, nama: string) =>
      db
        .select({ ...columns, replacedAt: p.replacedAt })
        .from(p)
        .where(and(eq(p.kabupaten, kabupaten), sql`lower(${p.nama}) = lower(${nama})`))
        .orderBy(desc(p.id)),
  };
}

export function aliasesRepository(db: DbOrTx) {
  return {
    /** Aliases confirmed for these kabupaten (or areas inside them). */
    async ofKabupaten(kabupaten: readonly string[]): Promise<DesaAlias[]> {
      if (!kabupaten.length) return [];
      return db
        .select({ wilayah: a.wilayah, nama: a.nama, kode: a.kode })
        .from(a)
        .where(or(inArray(a.wilayah, [...kabupaten]), ...kabupaten.map((k) => like(a.wilayah, `${k}.%`))))
        .limit(ALIAS_READ_LIMIT);
    },
    /** A confirmed name replaces an older confirmation of the same name in the same area. */
    async save(
      rows: {
        wilayah: string;
        namaKey: string;
        nama: string;
        kode: string;
        createdBy: string;
        loadId: number | null;
      }[],
    ): Promise<void> {
      if (!rows.length) return;
      await db
        .insert(a)
        .values(rows)
        .onConflictDoUpdate({
          target: [a.wilayah, a.namaKey],
          set: {
            nama: sql`excluded.nama`,
            kode: sql`excluded.kode`,
            createdBy: sql`excluded.created_by`,
            createdAt: sql`now()`,
            loadId: sql`excluded.load_id`,
          },
        });
    },
  };
}
