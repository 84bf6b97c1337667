// @peta/data/imports/read: only the readers and parsers, for the API's parse workers — a worker loads this much and
// starts in a fraction of the time the whole import module (exceljs for templates, pg…) would take.
export { parseImportFile } from './parse-import.ts';
export { readCsv } from './read-csv.ts';
