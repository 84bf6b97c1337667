// Undo of an import: restores exactly the values (and provenance) its cells had before, as a new load of kind
// 'undo' with its own change history. Refused while a later import holds any of the same cells.
import type { PoolClient } from 'pg';
import type { Database } from '@peta/db';
import { readSasaranChanges, writeSasaranRows, deleteSasaranRows, insertSasaranChanges, type StoredSasaran } from '../sasaran/sasaran-store.ts';
import { withImportLock } from './import-lock.ts';
import {
  deleteValueRows, insertValueChanges, readValueChanges, readValueRows, rowKey, writeValueRows, type ValueChange,
} from './value-store.ts';

export type UndoErrorCode = 'LOAD_NOT_FOUND' | 'NOT_AN_IMPORT' | 'ALREADY_UNDONE' | 'LATER_CHANGES';

export class UndoError extends Error {
  constructor(readonly code: UndoErrorCode, message: string, readonly laterLoads: number[] = []) {
    super(message);
  }
}

export interface UndoOutcome { undoLoadId: number; undoneLoadId: number; restored: number; message: string }

export async function undoImport(database: Database, loadId: number, oleh: string): Promise<UndoOutcome> {
  return withImportLock(database, async (client) => {
    const { rows: [load] } = await client.query<{ id: number; kind: string; status: string; undone_by: number | null; file_name: string | null }>(
      'select id, kind, status, undone_by, file_name from data_load where id = $1 for update', [loadId]);
    if (!load) throw new UndoError('LOAD_NOT_FOUND', `Impor #${loadId} tidak ditemukan.`);
    if (load.kind !== 'import') {
      throw new UndoError('NOT_AN_IMPORT', load.kind === 'undo'
        ? `#${loadId} adalah pembatalan; pembatalan tidak dapat dibatalkan. Impor ulang berkasnya bila perlu.`
        : `#${loadId} bukan impor (jenis ${load.kind}); hanya impor yang dapat dibatalkan.`);
    }
    if (load.status === 'undone') throw new UndoError('ALREADY_UNDONE', `Impor #${loadId} sudah dibatalkan oleh #${load.undone_by}.`);

    const values = await readValueChanges(client, loadId);
    const sasaran = await readSasaranChanges(client, loadId);
    const later = [...values.filter((c) => c.currentLoadId !== loadId), ...sasaran.filter((c) => c.currentLoadId !== loadId)];
    if (later.length) {
      const laterLoads = [...new Set(later.map((c) => c.currentLoadId).filter((id): id is number => id !== null))].sort((a, b) => a - b);
      const examples = later.slice(0, 3).map((c) => ('indicator' in c ? `${c.kode} ${c.indicator} ${c.year}-${String(c.month).padStart(2, '0')}` : `${c.kode} ${c.group} ${c.year}`));
      throw new UndoError('LATER_CHANGES',
        `Impor #${loadId} tidak dapat dibatalkan: ${later.length} selnya telah diubah sesudahnya${laterLoads.length ? ` oleh #${laterLoads.join(', #')}` : ''} (misalnya ${examples.join('; ')}). Batalkan ${laterLoads.length > 1 ? 'impor-impor' : 'impor'} itu dahulu.`,
        laterLoads);
    }

    const { rows: [undo] } = await client.query<{ id: number }>(`
      insert into data_load (kind, description, simulated, oleh, file_name, target, changed, undoes)
      values ('undo', $1, false, $2, $3, (select target from data_load where id = $4), $5, $4) returning id`,
    [`Pembatalan impor #${loadId}${load.file_name ? ` (${load.file_name})` : ''}`, oleh, load.file_name, loadId, values.length + sasaran.length]);
    const undoId = undo!.id;
    await restoreValues(client, undoId, loadId, values);
    await restoreSasaran(client, undoId, loadId, sasaran);
    await client.query(`update data_load set status = 'undone', undone_by = $2 where id = $1`, [loadId, undoId]);
    const restored = values.length + sasaran.length;
    return { commit: true, result: { undoLoadId: undoId, undoneLoadId: loadId, restored, message: `Impor #${loadId} dibatalkan (#${undoId}): ${restored} sel dikembalikan ke nilai sebelumnya.` } };
  });
}

async function restoreValues(client: PoolClient, undoId: number, loadId: number, changes: ValueChange[]) {
  const rows = await readValueRows(client, changes);
  const history: ValueChange[] = [];
  for (const c of changes) {
    const row = rows.get(rowKey(c.indicator, c.kode, c.year))!;
    const i = c.month - 1;
    history.push({ ...c, oldNumerator: row.numerators[i] ?? null, oldDenominator: row.denominators?.[i] ?? null, oldLoadId: loadId,
      oldSimulated: false, newNumerator: c.oldNumerator, newDenominator: c.oldDenominator });
    row.numerators[i] = c.oldNumerator;
    if (row.denominators) row.denominators[i] = c.oldDenominator;
    row.monthLoadIds[i] = c.oldLoadId;
    row.monthSimulated[i] = c.oldSimulated;
  }
  // A row whose every cell is unwritten did not exist before the import.
  const all = [...rows.values()];
  const gone = all.filter((r) => r.monthLoadIds.every((id) => id === null));
  await deleteValueRows(client, gone);
  await writeValueRows(client, all.filter((r) => !gone.includes(r)));
  await insertValueChanges(client, undoId, history);
}

async function restoreSasaran(client: PoolClient, undoId: number, loadId: number, changes: Awaited<ReturnType<typeof readSasaranChanges>>) {
  const restore: StoredSasaran[] = [];
  for (const c of changes) {
    if (c.oldLoadId !== null) {
      restore.push({ kode: c.kode, year: c.year, group: c.group, value: c.oldValue!, kind: c.oldKind!, method: c.oldMethod!,
        simulated: c.oldSimulated!, loadId: c.oldLoadId });
    }
  }
  await deleteSasaranRows(client, changes.filter((c) => c.oldLoadId === null));
  await writeSasaranRows(client, restore);
  await insertSasaranChanges(client, undoId, changes.map((c) => ({
    kode: c.kode, year: c.year, group: c.group, oldValue: c.newValue, oldKind: c.newKind, oldMethod: c.newMethod, oldSimulated: false,
    oldLoadId: loadId, newValue: c.oldValue, newKind: c.oldKind, newMethod: c.oldMethod,
  })));
}
