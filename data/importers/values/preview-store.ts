// Previews waiting for commit, kept in the database (import_preview) with their bytes so a commit re-validates
// the same file inside the lock and a preview survives a restart. Expired previews are removed on each new one.
import { randomUUID } from 'node:crypto';
import type { Database } from '@peta/db';
import type { ImportOutcome } from './run-import.ts';

export const PREVIEW_TTL_HOURS = 24;

export interface StoredPreview {
  id: string;
  fileName: string;
  oleh: string;
  bytes: Buffer;
  summary: ImportOutcome;
  expiresAt: Date;
  committedLoadId: number | null;
}

export async function savePreview(database: Database, p: { fileName: string; fileHash: string; oleh: string; bytes: Uint8Array; summary: ImportOutcome }): Promise<{ id: string; expiresAt: Date }> {
  await database.pool.query('delete from import_preview where expires_at < now()');
  const id = randomUUID();
  const r = await database.pool.query<{ expires_at: Date }>(`
    insert into import_preview (id, expires_at, file_name, file_hash, oleh, bytes, summary)
    values ($1, now() + make_interval(hours => $2), $3, $4, $5, $6, $7) returning expires_at`,
  [id, PREVIEW_TTL_HOURS, p.fileName, p.fileHash, p.oleh, Buffer.from(p.bytes), JSON.stringify(p.summary)]);
  return { id, expiresAt: r.rows[0]!.expires_at };
}

/** The preview, or null when unknown or expired. */
export async function findPreview(database: Database, id: string): Promise<StoredPreview | null> {
  const r = await database.pool.query<{ id: string; file_name: string; oleh: string; bytes: Buffer; summary: ImportOutcome; expires_at: Date; committed_load_id: number | null }>(
    'select * from import_preview where id = $1 and expires_at >= now()', [id]);
  const row = r.rows[0];
  return row ? { id: row.id, fileName: row.file_name, oleh: row.oleh, bytes: row.bytes, summary: row.summary, expiresAt: row.expires_at, committedLoadId: row.committed_load_id } : null;
}

export async function markCommitted(database: Database, id: string, loadId: number | null): Promise<void> {
  await database.pool.query('update import_preview set committed_load_id = $2 where id = $1', [id, loadId]);
}
