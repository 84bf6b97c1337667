// All SQL on import_preview: uploaded files waiting for their commit (the rules are in preview-store.ts).
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { importPreview as p } from '@peta/db/schema';

/** What a pending preview costs: its file and its stored summary (read from the row headers, nothing detoasted). */
const size = sql<string>`octet_length(${p.bytes}) + pg_column_size(${p.summary}) + pg_column_size(${p.options})`;

export function previewsRepository(db: DbOrTx) {
  return {
    /** Expired previews (before `now`, default the database's clock); returns how many. */
    async deleteExpired(now?: Date): Promise<number> {
      const result = await db.delete(p).where(lt(p.expiresAt, now ?? sql`now()`));
      return result.rowCount ?? 0;
    },
    /** A user's previews not yet committed, newest first, with what each costs. */
    async pendingOf(oleh: string): Promise<{ id: string; size: number }[]> {
      const rows = await db
        .select({ id: p.id, size })
        .from(p)
        .where(and(eq(p.oleh, oleh), isNull(p.committedLoadId)))
        .orderBy(desc(p.createdAt), asc(p.id));
      return rows.map((r) => ({ id: r.id, size: Number(r.size) }));
    },
    async deleteIds(ids: string[]): Promise<void> {
      if (ids.length) await db.delete(p).where(inArray(p.id, ids));
    },
    /** Bytes of every preview not yet committed. */
    async pendingSize(): Promise<number> {
      const [row] = await db
        .select({ size: sql<string>`coalesce(sum(${size}), 0)` })
        .from(p)
        .where(isNull(p.committedLoadId));
      return Number(row!.size);
    },
    async insert(row: {
      id: string;
      ttlHours: number;
      fileName: string;
      fileHash: string;
      oleh: string;
      bytes: Buffer;
      summary: unknown;
      options: unknown;
    }): Promise<Date> {
      const [inserted] = await db
        .insert(p)
        .values({
          id: row.id,
          expiresAt: sql`now() + make_interval(hours => ${row.ttlHours})`,
          fileName: row.fileName,
          fileHash: row.fileHash,
          oleh: row.oleh,
          bytes: row.bytes,
          summary: row.summary,
          options: row.options,
        })
        .returning({ expiresAt: p.expiresAt });
      return inserted!.expiresAt;
    },
    /** The preview unless unknown or expired (its stored summary is not read). */
    async findLive(id: string) {
      const [row] = await db
        .select({
          id: p.id,
          fileName: p.fileName,
          oleh: p.oleh,
          bytes: p.bytes,
          expiresAt: p.expiresAt,
          committedLoadId: p.committedLoadId,
          options: p.options,
        })
        .from(p)
        .where(and(eq(p.id, id), gte(p.expiresAt, sql`now()`)));
      return row ?? null;
    },
    /** The preview's load id stays (a second commit answers with it); its file and summary go. */
    async markCommitted(id: string, loadId: number | null): Promise<void> {
      await db
        .update(p)
        .set({ committedLoadId: loadId, bytes: Buffer.alloc(0), summary: {} })
        .where(eq(p.id, id));
    },
  };
}
