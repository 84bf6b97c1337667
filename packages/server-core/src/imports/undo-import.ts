// Undo of an import: restores exactly the values (and provenance) its cells had before, as a new load of kind
// 'undo' with its own change history. Refused while a later import holds any of the same cells.
import type { DbOrTx } from '@peta/db';
import type { DatabaseHandle } from '../database.ts';
import { DomainError, type DomainErrorKind } from '../errors.ts';
import { dataLoadsRepository } from './data-loads-repository.ts';
import { withImportLock } from './import-lock.ts';
import { indicatorValuesRepository, rowKey, type ValueChange } from './indicator-values-repository.ts';
import { sasaranRepository, type SasaranChange, type StoredSasaran } from './sasaran-repository.ts';
import { refreshRollups } from '../values/rollup-upkeep.ts';

export type UndoErrorCode = 'LOAD_NOT_FOUND' | 'NOT_AN_IMPORT' | 'ALREADY_UNDONE' | 'LATER_CHANGES';

const UNDO_ERROR_KIND: Record<UndoErrorCode, DomainErrorKind> = {
  LOAD_NOT_FOUND: 'not-found',
  NOT_AN_IMPORT: 'invalid',
  ALREADY_UNDONE: 'conflict',
  LATER_CHANGES: 'conflict',
};

/** Why an import cannot be undone; `laterLoads`: the imports that changed its cells since. */
export class UndoError extends DomainError {
  override name = 'UndoError';
  declare readonly code: UndoErrorCode;
  constructor(
    code: UndoErrorCode,
    message: string,
    readonly laterLoads: number[] = [],
  ) {
    super(UNDO_ERROR_KIND[code], code, message);
  }
}

export interface UndoOutcome {
  undoLoadId: number;
  undoneLoadId: number;
  restored: number;
  message: string;
}

export async function undoImport({ db }: DatabaseHandle, loadId: number, oleh: string): Promise<UndoOutcome> {
  return withImportLock(db, async (tx) => {
    const loads = dataLoadsRepository(tx);
    const load = await loads.findForUpdate(loadId);
    if (!load) throw new UndoError('LOAD_NOT_FOUND', `Impor #${loadId} tidak ditemukan.`);
    if (load.kind !== 'import') {
      throw new UndoError(
        'NOT_AN_IMPORT',
        load.kind === 'undo'
          ? `#${loadId} adalah pembatalan; pembatalan tidak dapat dibatalkan. Impor ulang berkasnya bila perlu.`
          : `#${loadId} bukan impor (jenis ${load.kind}); hanya impor yang dapat dibatalkan.`,
      );
    }
    if (load.status === 'undone')
      throw new UndoError('ALREADY_UNDONE', `Impor #${loadId} sudah dibatalkan oleh #${load.undoneBy}.`);

    const values = await indicatorValuesRepository(tx).readChanges(loadId);
    const sasaran = await sasaranRepository(tx).readChanges(loadId);
    const later = [
      ...values.filter((c) => c.currentLoadId !== loadId),
      ...sasaran.filter((c) => c.currentLoadId !== loadId),
    ];
    if (later.length) {
      const laterLoads = [...new Set(later.map((c) => c.currentLoadId).filter((id): id is number => id !== null))].sort(
        (a, b) => a - b,
      );
      const examples = later
        .slice(0, 3)
        .map((c) =>
          'indicator' in c
            ? `${c.kode} ${c.indicator} ${c.year}-${String(c.month).padStart(2, '0')}`
            : `${c.kode} ${c.group} ${c.year}`,
        );
      throw new UndoError(
        'LATER_CHANGES',
        `Impor #${loadId} tidak dapat dibatalkan: ${later.length} selnya telah diubah sesudahnya${laterLoads.length ? ` oleh #${laterLoads.join(', #')}` : ''} (misalnya ${examples.join('; ')}). Batalkan ${laterLoads.length > 1 ? 'impor-impor' : 'impor'} itu dahulu.`,
        laterLoads,
      );
    }

    const undoId = await loads.insertUndo({
      description: `Pembatalan impor #${loadId}${load.fileName ? ` (${load.fileName})` : ''}`,
      oleh,
      fileName: load.fileName,
      undoes: loadId,
      changed: values.length + sasaran.length,
    });
    await restoreValues(tx, undoId, loadId, values);
    await restoreSasaran(tx, undoId, loadId, sasaran);
    await refreshRollups(tx, { values, sasaran }, undoId);
    await loads.markUndone(loadId, undoId);
    const restored = values.length + sasaran.length;
    return {
      commit: true,
      result: {
        undoLoadId: undoId,
        undoneLoadId: loadId,
        restored,
        message: `Impor #${loadId} dibatalkan (#${undoId}): ${restored} sel dikembalikan ke nilai sebelumnya.`,
      },
    };
  });
}

async function restoreValues(tx: DbOrTx, undoId: number, loadId: number, changes: ValueChange[]) {
  const repository = indicatorValuesRepository(tx);
  const rows = await repository.readRows(changes);
  const history: ValueChange[] = [];
  for (const c of changes) {
    const row = rows.get(rowKey(c.indicator, c.kode, c.year))!;
    const i = c.month - 1;
    history.push({
      ...c,
      oldNumerator: row.numerators[i] ?? null,
      oldDenominator: row.denominators?.[i] ?? null,
      oldLoadId: loadId,
      oldSimulated: false,
      newNumerator: c.oldNumerator,
      newDenominator: c.oldDenominator,
    });
    row.numerators[i] = c.oldNumerator;
    if (row.denominators) row.denominators[i] = c.oldDenominator;
    row.monthLoadIds[i] = c.oldLoadId;
    row.monthSimulated[i] = c.oldSimulated;
  }
  // A row whose every cell is unwritten did not exist before the import.
  const all = [...rows.values()];
  const gone = new Set(all.filter((r) => r.monthLoadIds.every((id) => id === null)));
  await repository.deleteRows([...gone]);
  await repository.writeRows(all.filter((r) => !gone.has(r)));
  await repository.insertChanges(undoId, history);
}

async function restoreSasaran(tx: DbOrTx, undoId: number, loadId: number, changes: SasaranChange[]) {
  const repository = sasaranRepository(tx);
  const restore: StoredSasaran[] = [];
  for (const c of changes) {
    if (c.oldLoadId !== null) {
      restore.push({
        kode: c.kode,
        year: c.year,
        group: c.group,
        value: c.oldValue!,
        kind: c.oldKind!,
        method: c.oldMethod!,
        simulated: c.oldSimulated!,
        loadId: c.oldLoadId,
      });
    }
  }
  await repository.deleteRows(changes.filter((c) => c.oldLoadId === null));
  await repository.writeRows(restore);
  await repository.insertChanges(
    undoId,
    changes.map((c) => ({
      kode: c.kode,
      year: c.year,
      group: c.group,
      oldValue: c.newValue,
      oldKind: c.newKind,
      oldMethod: c.newMethod,
      oldSimulated: false,
      oldLoadId: loadId,
      newValue: c.oldValue,
      newKind: c.oldKind,
      newMethod: c.oldMethod,
    })),
  );
}
