// All SQL on data_load: the record of every load (demo, import, undo) that imports write and the history reads.
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@peta/db';
import { dataLoad as l } from '@peta/db/schema';
import type { ImportIssue } from '@peta/domain';

export interface LoadRecord {
  id: number;
  kind: 'demo' | 'import' | 'undo';
  /** ISO 8601 to the second, UTC. */
  createdAt: string;
  description: string;
  simulated: boolean;
  oleh: string | null;
  fileName: string | null;
  fileHash: string | null;
  target: string | null;
  added: number;
  changed: number;
  unchanged: number;
  warningCount: number;
  status: 'done' | 'undone';
  undoneBy: number | null;
  undoes: number | null;
}

export interface NewImportLoad {
  description: string;
  oleh: string;
  fileName: string;
  fileHash: string;
  target: 'nilai' | 'sasaran';
  counts: { added: number; changed: number; unchanged: number };
  /** Kept with the load (at most 1,000; `details.warningCount` says how many there were). */
  warnings: ImportIssue[];
  details: Record<string, unknown>;
}

export function dataLoadsRepository(db: DbOrTx) {
  return {
    async insertImport(load: NewImportLoad): Promise<number> {
      const [row] = await db
        .insert(l)
        .values({
          kind: 'import',
          description: load.description,
          simulated: false,
          oleh: load.oleh,
          fileName: load.fileName,
          fileHash: load.fileHash,
          target: load.target,
          added: load.counts.added,
          changed: load.counts.changed,
          unchanged: load.counts.unchanged,
          warnings: load.warnings,
          details: load.details,
        })
        .returning({ id: l.id });
      return row!.id;
    },

    /** The undo of import `undoes` (same target), `changed` cells restored. */
    async insertUndo(load: {
      description: string;
      oleh: string;
      fileName: string | null;
      undoes: number;
      changed: number;
    }): Promise<number> {
      const target = db.select({ target: l.target }).from(l).where(eq(l.id, load.undoes));
      const [row] = await db
        .insert(l)
        .values({
          kind: 'undo',
          description: load.description,
          simulated: false,
          oleh: load.oleh,
          fileName: load.fileName,
          target: sql`(${target})`,
          changed: load.changed,
          undoes: load.undoes,
        })
        .returning({ id: l.id });
      return row!.id;
    },

    /** The load, locked until the transaction ends (an undo decides on it). */
    async findForUpdate(id: number) {
      const [row] = await db
        .select({ id: l.id, kind: l.kind, status: l.status, undoneBy: l.undoneBy, fileName: l.fileName })
        .from(l)
        .where(eq(l.id, id))
        .for('update');
      return row ?? null;
    },

    async markUndone(id: number, undoneBy: number): Promise<void> {
      await db.update(l).set({ status: 'undone', undoneBy }).where(eq(l.id, id));
    },

    /** Newest first. */
    async list(limit: number): Promise<LoadRecord[]> {
      const rows = await db
        .select({
          id: l.id,
          kind: l.kind,
          createdAt: l.createdAt,
          description: l.description,
          simulated: l.simulated,
          oleh: l.oleh,
          fileName: l.fileName,
          fileHash: l.fileHash,
          target: l.target,
          added: l.added,
          changed: l.changed,
          unchanged: l.unchanged,
          warningCount: sql<number>`coalesce((${l.details}->>'warningCount')::int, jsonb_array_length(${l.warnings}))`,
          status: l.status,
          undoneBy: l.undoneBy,
          undoes: l.undoes,
        })
        .from(l)
        .orderBy(desc(l.id))
        .limit(limit);
      return rows.map((r) => ({
        ...r,
        kind: r.kind as LoadRecord['kind'],
        status: r.status as LoadRecord['status'],
        createdAt: r.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      }));
    },

    /** The warnings stored with one load, or null when there is no such load. */
    async warnings(id: number): Promise<unknown[] | null> {
      const [row] = await db.select({ warnings: l.warnings }).from(l).where(eq(l.id, id));
      return (row?.warnings as unknown[] | undefined) ?? null;
    },

    /** Who made each of these loads (oleh; null for demo loads), by id; an unknown id is not in the map. */
    async olehOf(ids: readonly number[]): Promise<Map<number, string | null>> {
      if (!ids.length) return new Map();
      const rows = await db
        .select({ id: l.id, oleh: l.oleh })
        .from(l)
        .where(inArray(l.id, [...ids]));
      return new Map(rows.map((r) => [r.id, r.oleh]));
    },
  };
}
