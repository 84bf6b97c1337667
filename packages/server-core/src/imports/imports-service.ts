// Imports as the web app uses them: preview (validate + diff, stored with the file), commit (re-validated inside the
// import lock), history, undo, templates. The API reads files in its parse pool's worker threads (passed as `parse`),
// never on the event loop; the CLI calls runImport and undoImport directly.
import { IndicatorError, parseImportMonth, requireIndicator, yearMonthOf } from '@peta/domain';
import type { ImportOutcomeDto, ImportSampleDto, LoadRecordDto } from '@peta/domain/contract';
import type { DatabaseHandle } from '../database.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { indicatorValuesRepository } from './indicator-values-repository.ts';
import { listLoads } from './history.ts';
import type { ParseContext, ParsedImport } from './parse/parsed.ts';
import type { CellSample } from './plan-values.ts';
import { findPreview, markCommitted, savePreview, type PreviewCaps } from './preview-store.ts';
import { runImport, type ImportOutcome } from './run-import.ts';
import { sasaranRepository } from './sasaran-repository.ts';
import { buildTemplate, desaOf, type TemplateFile } from './template.ts';
import { undoImport } from './undo-import.ts';
import { wilayahNamesRepository } from './wilayah-names-repository.ts';

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

export interface ImportsServiceOptions {
  /** Reads and validates an uploaded file (the API: its parse pool). */
  parse: (bytes: Uint8Array, fileName: string, ctx: ParseContext) => Promise<ParsedImport>;
  previewCaps: PreviewCaps;
  /** The clock for "period in the future" (tests fix it). */
  now?: () => Date;
}

export interface TemplateQuery {
  wilayah: string;
  /** YYYY-MM as typed. */
  period: string;
  /** Indicator codes, comma-separated as typed. */
  indicators: string;
  format: 'xlsx' | 'csv';
}

export function importsService(database: DatabaseHandle, { parse, previewCaps, now = () => new Date() }: ImportsServiceOptions) {
  return {
    /** The parse pool's QueueFull when every worker is taken; PreviewStoreFull when the preview cannot be kept. */
    async preview(bytes: Uint8Array, fileName: string, oleh: string, outOfScope: OutOfScope): Promise<ImportOutcomeDto> {
      const outcome = await runImport(database, { bytes, fileName, oleh, dryRun: true, today: yearMonthOf(now()), outOfScope, parse });
      // Only a file that would change something can be committed.
      if (outcome.status !== 'preview') return toOutcomeDto(outcome);
      const stored = await savePreview(database, { fileName, fileHash: outcome.fileHash, oleh, bytes, summary: outcome }, previewCaps);
      return toOutcomeDto(outcome, stored);
    },

    /**
     * Commits as `oleh` (who previewed may differ from who commits), re-checked against the committer's scope. The
     * outcome says 'invalid' when the data changed since the preview and the file no longer passes (nothing written).
     */
    async commit(previewId: string, oleh: string, outOfScope: OutOfScope): Promise<ImportOutcomeDto> {
      const preview = await findPreview(database, previewId);
      if (!preview) throw notFound('Pratinjau tidak ditemukan atau sudah kedaluwarsa. Unggah ulang berkasnya.');
      if (preview.committedLoadId !== null) {
        throw conflict('ALREADY_COMMITTED', `Pratinjau ini sudah disimpan sebagai impor #${preview.committedLoadId}.`);
      }
      const outcome = await runImport(database, { bytes: preview.bytes, fileName: preview.fileName, oleh, today: yearMonthOf(now()), outOfScope, parse });
      if (outcome.status === 'imported') await markCommitted(database, previewId, outcome.loadId);
      return toOutcomeDto(outcome);
    },

    history: (limit: number): Promise<LoadRecordDto[]> => listLoads(database, limit),
    /** UndoError (a DomainError) when the import cannot be undone. */
    undo: (loadId: number, oleh: string) => undoImport(database, loadId, oleh),

    /** The desa an import (data_load) changed: undoing it needs all of them in the user's scope. */
    async desaOfLoad(loadId: number): Promise<string[]> {
      const [values, sasaran] = [await indicatorValuesRepository(database.db).desaOfLoad(loadId), await sasaranRepository(database.db).desaOfLoad(loadId)];
      return [...new Set([...values, ...sasaran])];
    },

    /** The template of a wilayah, a month and indicators, prefilled with its desa. */
    async template(query: TemplateQuery): Promise<TemplateFile> {
      const area = await wilayahNamesRepository(database.db).find(query.wilayah);
      if (!area) throw notFound(`Wilayah dengan kode ${query.wilayah} tidak ditemukan.`);
      const month = parseImportMonth(query.period, yearMonthOf(now()));
      if (!month.ok) throw invalid('INVALID_PERIOD', month.message);
      const indicators = query.indicators.split(',').map((c) => c.trim()).filter(Boolean).map((code) => {
        try {
          return requireIndicator(code);
        } catch (e) {
          if (e instanceof IndicatorError) throw invalid('INVALID_INDICATOR', e.message);
          throw e;
        }
      });
      if (!indicators.length) throw invalid('INVALID_INDICATOR', 'Pilih paling sedikit satu indikator (indicators=KIA_K4,SPM01_BUMIL).');
      return buildTemplate({ wilayah: area, period: month.value, indicators, format: query.format }, await desaOf(database, area.kode));
    },
  };
}

export type ImportsService = ReturnType<typeof importsService>;
