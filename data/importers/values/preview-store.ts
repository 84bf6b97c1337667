// Previews waiting for commit, kept in the database (import_preview) with their bytes so a commit re-validates
// the same file inside the lock, a preview survives a restart, and every API process sharing the database sees the
// same previews (a preview made through one replica commits through another). Their bytes are bounded per user and
// in total: a new preview first drops the expired ones, then the user's own oldest until the user's share fits,
// and is refused when the total would still be over. A committed preview keeps only its load id (for the 409).
import { randomUUID } from 'node:crypto';
import type { Database } from '@peta/db';
import { formatByteSize } from '@peta/domain';
import type { ImportOutcome } from './run-import.ts';

export const PREVIEW_TTL_HOURS = 24;
/** pg_advisory_xact_lock key of the preview store: check-then-insert is atomic across API processes. */
export const PREVIEW_LOCK_KEY = 6_240_602;

export interface StoredPreview {
  id: string;
  fileName: string;
  oleh: string;
  bytes: Buffer;
  expiresAt: Date;
  committedLoadId: number | null;
}

export interface PreviewCaps {
  /** Bytes of one user's pending previews (file + stored summary). */
  maxBytesPerUser: number;
  /** Bytes of all pending previews. */
  maxBytesTotal: number;
}

/** The preview cannot be kept: 'too-large' alone exceeds a user's share, 'full' the store is full of others'. */
export class PreviewStoreFull extends Error {
  override name = 'PreviewStoreFull';
  constructor(readonly kind: 'too-large' | 'full', message: string) {
    super(message);
  }
}

const mb = formatByteSize;

/** What a pending preview costs: its file and its stored summary (read from the row headers, nothing detoasted). */
const SIZE_SQL = 'octet_length(bytes) + pg_column_size(summary)';

export async function savePreview(database: Database, p: { fileName: string; fileHash: string; oleh: string; bytes: Uint8Array; summary: ImportOutcome },
  caps: PreviewCaps): Promise<{ id: string; expiresAt: Date }> {
  const summary = JSON.stringify(p.summary);
  const size = p.bytes.length + Buffer.byteLength(summary);
  if (size > caps.maxBytesPerUser) {
    throw new PreviewStoreFull('too-large', `Pratinjau berkas ini (${mb(size)}) melebihi ruang pratinjau per pengguna ${mb(caps.maxBytesPerUser)} `
      + '(IMPORT_PREVIEW_MAX_MB_PER_USER). Bagi berkas menjadi beberapa bagian lalu unggah satu per satu.');
  }
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [PREVIEW_LOCK_KEY]);
    await client.query('delete from import_preview where expires_at < now()');
    // The user's own oldest pending previews make room first: a new upload supersedes what they left unfinished.
    const { rows: mine } = await client.query<{ id: string; size: string }>(
      `select id, ${SIZE_SQL} as size from import_preview where oleh = $1 and committed_load_id is null order by created_at desc, id`, [p.oleh]);
    let kept = 0;
    const drop: string[] = [];
    for (const row of mine) {
      if (kept + Number(row.size) + size > caps.maxBytesPerUser) drop.push(row.id);
      else kept += Number(row.size);
    }
    if (drop.length) await client.query('delete from import_preview where id = any($1)', [drop]);
    const { rows: [total] } = await client.query<{ size: string }>(
      `select coalesce(sum(${SIZE_SQL}), 0) as size from import_preview where committed_load_id is null`);
    if (Number(total!.size) + size > caps.maxBytesTotal) {
      throw new PreviewStoreFull('full', `Ruang penyimpanan pratinjau di server penuh (batas ${mb(caps.maxBytesTotal)}, IMPORT_PREVIEW_MAX_MB_TOTAL). `
        + `Pratinjau yang belum disimpan kedaluwarsa setelah ${PREVIEW_TTL_HOURS} jam; coba lagi nanti atau hubungi admin.`);
    }
    const id = randomUUID();
    const r = await client.query<{ expires_at: Date }>(`
      insert into import_preview (id, expires_at, file_name, file_hash, oleh, bytes, summary)
      values ($1, now() + make_interval(hours => $2), $3, $4, $5, $6, $7) returning expires_at`,
    [id, PREVIEW_TTL_HOURS, p.fileName, p.fileHash, p.oleh, Buffer.from(p.bytes), summary]);
    await client.query('commit');
    return { id, expiresAt: r.rows[0]!.expires_at };
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** The preview, or null when unknown or expired (its stored summary is not read: the commit validates again). */
export async function findPreview(database: Database, id: string): Promise<StoredPreview | null> {
  const r = await database.pool.query<{ id: string; file_name: string; oleh: string; bytes: Buffer; expires_at: Date; committed_load_id: number | null }>(
    'select id, file_name, oleh, bytes, expires_at, committed_load_id from import_preview where id = $1 and expires_at >= now()', [id]);
  const row = r.rows[0];
  return row ? { id: row.id, fileName: row.file_name, oleh: row.oleh, bytes: row.bytes, expiresAt: row.expires_at, committedLoadId: row.committed_load_id } : null;
}

/** Marks the preview committed and lets its file go (a second commit needs only the load id). */
export async function markCommitted(database: Database, id: string, loadId: number | null): Promise<void> {
  await database.pool.query(`update import_preview set committed_load_id = $2, bytes = ''::bytea, summary = '{}'::jsonb where id = $1`, [id, loadId]);
}
