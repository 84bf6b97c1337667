// Previews waiting for commit, kept in the database (import_preview) with their bytes so a commit re-validates
// the same file inside the lock, a preview survives a restart, and every API process sharing the database sees the
// same previews (a preview made through one replica commits through another). Their bytes are bounded per user and
// in total: a new preview first drops the expired ones, then the user's own oldest until the user's share fits,
// and is refused when the total would still be over. A committed preview keeps only its load id (for the 409).
import { randomUUID } from 'node:crypto';
import { formatByteSize } from '@peta/domain';
import type { DatabaseHandle } from '../database.ts';
import { DomainError } from '../errors.ts';
import { inLockedTransaction } from './import-lock.ts';
import { previewsRepository } from './previews-repository.ts';
import type { ImportOutcome } from './run-import.ts';
import type { ReadingOptions } from './parse/parsed.ts';

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
  /** How the file is read (profile, confirmed names): the commit reads it the same way. */
  options: ReadingOptions;
}

export interface PreviewCaps {
  /** Bytes of one user's pending previews (file + stored summary). */
  maxBytesPerUser: number;
  /** Bytes of all pending previews. */
  maxBytesTotal: number;
}

/**
 * The preview cannot be kept: 'too-large' it alone exceeds a user's share (413), 'busy' the store is full of others'
 * (503, try again in ten minutes).
 */
export class PreviewStoreFull extends DomainError {
  override name = 'PreviewStoreFull';
  constructor(kind: 'too-large' | 'busy', message: string) {
    super(
      kind,
      kind === 'too-large' ? 'PREVIEW_TOO_LARGE' : 'PREVIEW_STORAGE_FULL',
      message,
      kind === 'busy' ? { retryAfterSeconds: 600 } : {},
    );
  }
}

const mb = formatByteSize;

export async function savePreview(
  { db }: DatabaseHandle,
  p: {
    fileName: string;
    fileHash: string;
    oleh: string;
    bytes: Uint8Array;
    summary: ImportOutcome;
    options?: ReadingOptions;
  },
  caps: PreviewCaps,
): Promise<{ id: string; expiresAt: Date }> {
  const summary = JSON.stringify(p.summary);
  const size = p.bytes.length + Buffer.byteLength(summary) + Buffer.byteLength(JSON.stringify(p.options ?? {}));
  if (size > caps.maxBytesPerUser) {
    throw new PreviewStoreFull(
      'too-large',
      `Pratinjau berkas ini (${mb(size)}) melebihi ruang pratinjau per pengguna ${mb(caps.maxBytesPerUser)} ` +
        '(IMPORT_PREVIEW_MAX_MB_PER_USER). Bagi berkas menjadi beberapa bagian lalu unggah satu per satu.',
    );
  }
  return inLockedTransaction(db, PREVIEW_LOCK_KEY, async (tx) => {
    const previews = previewsRepository(tx);
    await previews.deleteExpired();
    // The user's own oldest pending previews make room first: a new upload supersedes what they left unfinished.
    let kept = 0;
    const drop: string[] = [];
    for (const row of await previews.pendingOf(p.oleh)) {
      if (kept + row.size + size > caps.maxBytesPerUser) drop.push(row.id);
      else kept += row.size;
    }
    await previews.deleteIds(drop);
    if ((await previews.pendingSize()) + size > caps.maxBytesTotal) {
      throw new PreviewStoreFull(
        'busy',
        `Ruang penyimpanan pratinjau di server penuh (batas ${mb(caps.maxBytesTotal)}, IMPORT_PREVIEW_MAX_MB_TOTAL). ` +
          `Pratinjau yang belum disimpan kedaluwarsa setelah ${PREVIEW_TTL_HOURS} jam; coba lagi nanti atau hubungi admin.`,
      );
    }
    const id = randomUUID();
    const expiresAt = await previews.insert({
      id,
      ttlHours: PREVIEW_TTL_HOURS,
      fileName: p.fileName,
      fileHash: p.fileHash,
      oleh: p.oleh,
      bytes: Buffer.from(p.bytes),
      summary: p.summary,
      options: p.options ?? {},
    });
    return { commit: true, result: { id, expiresAt } };
  });
}

/** The preview, or null when unknown or expired (its stored summary is not read: the commit validates again). */
export async function findPreview({ db }: DatabaseHandle, id: string): Promise<StoredPreview | null> {
  const row = await previewsRepository(db).findLive(id);
  return row ? { ...row, options: (row.options ?? {}) as ReadingOptions } : null;
}

/** Marks the preview committed and lets its file go (a second commit needs only the load id). */
export async function markCommitted({ db }: DatabaseHandle, id: string, loadId: number | null): Promise<void> {
  await previewsRepository(db).markCommitted(id, loadId);
}
