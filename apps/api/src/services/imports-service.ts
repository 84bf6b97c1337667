// Imports for the HTTP API: preview (validate + diff, stored with the file), commit (re-validated inside the import
// lock), history, undo, templates. The database work is in @peta/data/imports, shared with the CLI; files are read
// and validated in the parse pool's worker threads, never on the event loop.
import type { Database } from '@peta/db';
import { yearMonthOf } from '@peta/domain';
import type { ImportOutcomeDto, ImportSampleDto, LoadRecordDto } from '@peta/domain/contract';
import {
  buildTemplate, desaOf, findPreview, listLoads, markCommitted, runImport, savePreview, undoImport,
  type CellSample, type ImportOutcome, type PreviewCaps, type TemplateRequest,
} from '@peta/data/imports';
import type { ParsePool } from './parse-pool.ts';

/** Long lists stay readable and small on the wire; the totals say how many there are. */
const LIST_LIMIT = 500;

function toSample(s: ImportOutcome['sample'][number]): ImportSampleDto {
  if ('indicator' in s) {
    const v = s as CellSample;
    return { row: v.row, kode: v.kode, item: v.indicator, period: v.period, change: v.change,
      oldNumerator: v.old?.numerator ?? null, oldDenominator: v.old?.denominator ?? null, oldSimulated: v.old?.simulated ?? null,
      newNumerator: v.new.numerator, newDenominator: v.new.denominator };
  }
  return { row: s.row, kode: s.kode, item: s.group, period: String(s.year), change: s.change,
    oldNumerator: s.old, oldDenominator: null, oldSimulated: null, newNumerator: s.new, newDenominator: null };
}

export function toOutcomeDto(o: ImportOutcome, preview: { id: string; expiresAt: Date } | null = null): ImportOutcomeDto {
  return {
    previewId: preview?.id ?? null, expiresAt: preview?.expiresAt.toISOString() ?? null,
    status: o.status, format: o.format, target: o.target, fileName: o.fileName, fileHash: o.fileHash, counts: o.counts,
    errors: o.errors.slice(0, LIST_LIMIT), errorCount: o.errors.length,
    warnings: o.warnings.slice(0, LIST_LIMIT), warningCount: o.warnings.length,
    sample: o.sample.map(toSample), loadId: o.loadId, message: o.message, template: o.template ?? null,
  };
}

export type OutOfScope = (desaKode: string) => string | null;

export type CommitResult =
  | { kind: 'not-found' }
  | { kind: 'already-committed'; loadId: number | null }
  | { kind: 'done'; outcome: ImportOutcomeDto };

export function importsService(database: Database, parsing: ParsePool, previewCaps: PreviewCaps, now: () => Date = () => new Date()) {
  const parse = parsing.parseImport;
  return {
    /** Throws QueueFull when every parse worker is taken, PreviewStoreFull when the preview cannot be kept. */
    async preview(bytes: Uint8Array, fileName: string, oleh: string, outOfScope: OutOfScope): Promise<ImportOutcomeDto> {
      const outcome = await runImport(database, { bytes, fileName, oleh, dryRun: true, today: yearMonthOf(now()), outOfScope, parse });
      // Only a file that would change something can be committed.
      if (outcome.status !== 'preview') return toOutcomeDto(outcome);
      const stored = await savePreview(database, { fileName, fileHash: outcome.fileHash, oleh, bytes, summary: outcome }, previewCaps);
      return toOutcomeDto(outcome, stored);
    },

    /** Commits as `oleh` (who previewed may differ from who commits), re-checked against the committer's scope. */
    async commit(previewId: string, oleh: string, outOfScope: OutOfScope): Promise<CommitResult> {
      const preview = await findPreview(database, previewId);
      if (!preview) return { kind: 'not-found' };
      if (preview.committedLoadId !== null) return { kind: 'already-committed', loadId: preview.committedLoadId };
      const outcome = await runImport(database, { bytes: preview.bytes, fileName: preview.fileName, oleh, today: yearMonthOf(now()), outOfScope, parse });
      if (outcome.status === 'imported') await markCommitted(database, previewId, outcome.loadId);
      return { kind: 'done', outcome: toOutcomeDto(outcome) };
    },

    history: (limit: number): Promise<LoadRecordDto[]> => listLoads(database, limit),
    undo: (loadId: number, oleh: string) => undoImport(database, loadId, oleh),
    /** The desa an import (data_load) changed: undoing it needs all of them in the user's scope. */
    async desaOfLoad(loadId: number): Promise<string[]> {
      const { rows } = await database.pool.query<{ kode: string }>(
        `select distinct kode from indicator_value_change where load_id = $1
         union select distinct kode from sasaran_change where load_id = $1`, [loadId]);
      return rows.map((r) => r.kode);
    },
    async template(req: TemplateRequest) {
      return buildTemplate(req, await desaOf(database, req.wilayah.kode));
    },
  };
}

export type ImportsService = ReturnType<typeof importsService>;
