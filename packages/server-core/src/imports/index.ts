// Real data in and out (issue 6): upload readers (bounded; the API runs them in worker threads), parsers, the plan
// and run of an import, undo, previews, history, templates and export — used by the API and the CLI.
export {
  runImport,
  parseForImport,
  sha256,
  type ImportOutcome,
  type ImportRequest,
  type ImportStatus,
} from './run-import.ts';
export { undoImport, UndoError, type UndoErrorCode, type UndoOutcome } from './undo-import.ts';
export { listLoads, loadWarnings, type LoadRecord } from './history.ts';
export { exportValues, type ExportRequest } from './export-values.ts';
export { buildTemplate, desaOf, templateRows, type TemplateFile, type TemplateRequest } from './template.ts';
export {
  savePreview,
  findPreview,
  markCommitted,
  PreviewStoreFull,
  PREVIEW_TTL_HOURS,
  type PreviewCaps,
  type StoredPreview,
} from './preview-store.ts';
export {
  checkedProfile,
  importsService,
  toOutcomeDto,
  type Importer,
  type ImportProgress,
  type ReadAgain,
  type ImportsService,
  type ImportsServiceOptions,
  type OutOfScope,
  type TemplateQuery,
} from './imports-service.ts';
export { IMPORT_LOCK_KEY } from './import-lock.ts';
export { fileRowChunks, type CellSample, type Counts } from './plan-values.ts';
export { readCsv } from './read/read-csv.ts';
export { DEFAULT_READ_LIMITS, LIMIT_VARIABLES, type ReadLimits } from './read/read-limits.ts';
export { fileError, type ReadResult } from './read/sheet.ts';
export { inflateEntry, readZipDirectory } from './read/zip-archive.ts';
export { parseImportFile } from './parse/parse-import.ts';
export {
  emptyParse,
  type ParseContext,
  type ParsedImport,
  type ReadingOptions,
  type SheetLayout,
} from './parse/parsed.ts';
export {
  answerResult,
  importAnswer,
  PARSE_WORKER_URL,
  readingOf,
  wilayahLines,
  type ImportReading,
  type ParseJob,
  type WorkerAnswer,
  type WorkerInput,
} from './worker/parse-job.ts';
export { profilesRepository, aliasesRepository } from './profiles-repository.ts';
export { keepConfirmedNames } from './confirmed-names.ts';
export { defaultCrosswalk } from './parse/crosswalk.ts';
export { gridService, type GridService } from './grid/grid-service.ts';
export { CopyTextWriter, copyChunks, escapeCopyText } from './copy-text.ts';
