// The import history: every data load (demo, import, undo), newest first.
import type { Database } from '@peta/db';

export interface LoadRecord {
  id: number;
  kind: 'demo' | 'import' | 'undo';
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

export async function listLoads(database: Database, limit = 100): Promise<LoadRecord[]> {
  const r = await database.pool.query<LoadRecord>(`
    select id, kind, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt", description, simulated,
      oleh, file_name as "fileName", file_hash as "fileHash", target, added, changed, unchanged,
      coalesce((details->>'warningCount')::int, jsonb_array_length(warnings)) as "warningCount", status,
      undone_by as "undoneBy", undoes
    from data_load order by id desc limit $1`, [limit]);
  return r.rows;
}

/** The warnings stored with one load (capped at 1,000 per load). */
export async function loadWarnings(database: Database, id: number) {
  const r = await database.pool.query<{ warnings: unknown[] }>('select warnings from data_load where id = $1', [id]);
  return r.rows[0]?.warnings ?? null;
}
