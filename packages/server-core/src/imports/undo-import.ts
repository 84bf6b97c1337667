// Undo of an import: restores exactly the values (and provenance) its cells had before, as a new load of kind
// 'undo' with its own change history. Refused while a later import holds any of the same cells. The values are
// restored set-based in PostgreSQL (undo-values.ts); the sasaran of a sasaran import (a few per desa) here.
import type { DbOrTx } from '@peta/db';
import type { DatabaseHandle } from '../database.ts';
import { DomainError, type DomainErrorKind } from '../errors.ts';
import { dataLoadsRepository } from './data-loads-repository.ts';
import { withImportLock } from './import-lock.ts';
import { sasaranRepository, type SasaranChange, type StoredSasaran } from './sasaran-repository.ts';
import { refreshRollups } from '../values/rollup-upkeep.ts';
import { undoValuesRepository } from './undo-values.ts';

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

    const values = undoValuesRepository(tx);
    const cells = await values.stage(loadId);
    const sasaran = await sasaranRepository(tx).readChanges(loadId);
    const laterValues = await values.laterChanges(loadId);
    const laterSasaran = sasaran.filter((c) => c.currentLoadId !== loadId);
    const laterCount = laterValues.count + laterSasaran.length;
    if (laterCount) {
      const laterLoads = [
        ...new Set([
          ...laterValues.loads,
          ...laterSasaran.map((c) => c.currentLoadId).filter((id): id is number => id !== null),
        ]),
      ].sort((a, b) => a - b);
      const examples = [
        ...laterValues.examples.map((c) => `${c.kode} ${c.indicator} ${c.year}-${String(c.month).padStart(2, '0')}`),
        ...laterSasaran.map((c) => `${c.kode} ${c.group} ${c.year}`),
      ].slice(0, 3);
      throw new UndoError(
        'LATER_CHANGES',
        `Impor #${loadId} tidak dapat dibatalkan: ${laterCount} selnya telah diubah sesudahnya${laterLoads.length ? ` oleh #${laterLoads.join(', #')}` : ''} (misalnya ${examples.join('; ')}). Batalkan ${laterLoads.length > 1 ? 'impor-impor' : 'impor'} itu dahulu.`,
        laterLoads,
      );
    }

    const undoId = await loads.insertUndo({
      description: `Pembatalan impor #${loadId}${load.fileName ? ` (${load.fileName})` : ''}`,
      oleh,
      fileName: load.fileName,
      undoes: loadId,
      changed: cells + sasaran.length,
    });
    await values.restore(undoId, loadId);
    await restoreSasaran(tx, undoId, loadId, sasaran);
    // The values' roll-ups as an import's (deltas of the restored cells); a sasaran change recomputes the kecamatan of
    // its desa from their rows, after every write.
    await values.applyRollupDeltas(undoId);
    await refreshRollups(tx, { sasaran }, undoId);
    await loads.markUndone(loadId, undoId);
    const restored = cells + sasaran.length;
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
