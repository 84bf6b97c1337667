// @peta/data/imports: real data in and out (issue 6) — used by the API routes and the CLI.
export { runImport, parseForImport, sha256, type ImportOutcome, type ImportRequest, type ImportStatus } from './run-import.ts';
export { undoImport, UndoError, type UndoErrorCode, type UndoOutcome } from './undo-import.ts';
export { listLoads, loadWarnings, type LoadRecord } from './history.ts';
export { exportValues, type ExportRequest } from './export-values.ts';
export { buildTemplate, desaOf, templateRows, type TemplateFile, type TemplateRequest } from './template.ts';
export { savePreview, findPreview, markCommitted, PreviewStoreFull, PREVIEW_TTL_HOURS, type PreviewCaps, type StoredPreview } from './preview-store.ts';
export { IMPORT_LOCK_KEY } from './import-lock.ts';
export type { CellSample, Counts } from './plan-values.ts';
export { readCsv } from './read-csv.ts';
export { DEFAULT_READ_LIMITS, LIMIT_VARIABLES, type ReadLimits } from './read-limits.ts';
export { parseImportFile } from './parse-import.ts';
export { emptyParse, type ParseContext, type ParsedImport } from './parsed.ts';
export { fileError, type ReadResult } from './sheet.ts';
