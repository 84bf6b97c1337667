// Saves that could not reach the server wait in the browser (IndexedDB, entry-store.ts), one entry per grid (area ×
// month). The rules here are pure: a second save of the same grid while waiting merges into the first — the newer
// typed value wins, the base stays the one the user first typed over (the server never saw the earlier one) — and
// what counts as "the network failed" (queue it) rather than an answer (show it).
import type { GridSaveBody, GridSaveCell } from '@peta/domain/contract';
import { ApiRequestError } from '../../api/client.ts';

export interface QueuedSave extends GridSaveBody {
  /** area|period: one waiting save per grid. */
  key: string;
  queuedAt: string;
}

export const queueKey = (area: string, period: string) => `${area}|${period}`;

export function mergeSave(waiting: QueuedSave | undefined, body: GridSaveBody, now: Date): QueuedSave {
  const cells = new Map<string, GridSaveCell>();
  for (const c of waiting?.cells ?? []) cells.set(`${c.kode}|${c.indicator}`, c);
  for (const c of body.cells) {
    const earlier = cells.get(`${c.kode}|${c.indicator}`);
    cells.set(`${c.kode}|${c.indicator}`, earlier ? { ...c, base: earlier.base } : c);
  }
  return {
    key: queueKey(body.area, body.period),
    area: body.area,
    period: body.period,
    cells: [...cells.values()],
    queuedAt: waiting?.queuedAt ?? now.toISOString(),
  };
}

/** Cells waiting in all queued saves ("3 perubahan menunggu koneksi"). */
export const waitingCells = (queue: readonly QueuedSave[]) => queue.reduce((n, q) => n + q.cells.length, 0);

/** The request never got an answer: offline, or fetch failed (apiFetch's status 0). An answer (4xx, 5xx) is not. */
export function isNetworkFailure(error: unknown, online: boolean): boolean {
  if (!online) return true;
  return error instanceof TypeError || (error instanceof ApiRequestError && error.status === 0);
}
