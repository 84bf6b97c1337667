// Files of other systems — DHIS2 dataValueSets (JSON, CSV), IHE ADX, FHIR MeasureReport — read by the domain's exchange
// readers into rows of the long format, which parseLong then judges like any long-format file (kode known, month
// not in the future, indicator, whole numbers, penyebut, duplicates). Its messages are told back where the value
// stands in the exchange file (toSourceIssue: the line, or "dataValues[3] (kode_wilayah)").
import {
  DEFAULT_EXCHANGE_LIMITS,
  exchangeFormatOf,
  readExchangeFile,
  toLongSheet,
  toSourceIssue,
  type ExchangeFormat,
  type ImportFormat,
  type ImportIssue,
  type LongRow,
} from '@peta/domain';
import { remapLongRows } from './crosswalk.ts';
import { emptyParse, type ParseContext, type ParsedImport } from './parsed.ts';
import { parseLong } from './parse-long.ts';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../read/read-limits.ts';
import { fileError } from '../read/sheet.ts';

/** The exchange format of an upload, from its name and first 4 KB; null for a spreadsheet of ours. */
export function exchangeFormatOfUpload(bytes: Uint8Array, fileName: string): ExchangeFormat | null {
  return exchangeFormatOf(fileName, new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)));
}

export function parseExchangeFile(
  bytes: Uint8Array,
  fileName: string,
  format: ExchangeFormat,
  ctx: ParseContext,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): ParsedImport {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return emptyParse(
      [fileError('FILE_ENCODING', `Berkas ${fileName} bukan teks UTF-8. Ekspor ulang dengan pengodean UTF-8.`)],
      format,
    );
  }
  // A data value is one cell of the long format: the same bound as a spreadsheet's cells (IMPORT_MAX_CELLS).
  const read = readExchangeFile(format, text, {
    limits: { maxDataValues: Math.min(DEFAULT_EXCHANGE_LIMITS.maxDataValues, limits.maxCells) },
  });
  if (read.errorCount) return { ...emptyParse(read.errors, format), warnings: read.warnings };
  if (!read.rows.length) {
    return {
      ...emptyParse(
        [
          fileError(
            'FILE_EMPTY',
            `Berkas ${fileName} tidak berisi nilai yang dapat diimpor (${read.summary.dataValues.toLocaleString('id-ID')} data value dibaca).`,
          ),
        ],
        format,
      ),
      warnings: read.warnings,
    };
  }
  return judgeLongRows(read.rows, read.warnings, format, ctx);
}

/**
 * Long rows read from another layout (an exchange file, a sheet read with a profile), judged by the long format's
 * rules after old kode are remapped; every message names where the value stands in the file.
 */
export function judgeLongRows(
  rows: LongRow[],
  readWarnings: readonly ImportIssue[],
  format: ImportFormat,
  ctx: ParseContext,
): ParsedImport {
  const remapped = remapLongRows(rows, ctx);
  const told = (issue: ImportIssue) => toSourceIssue(issue, rows);
  if (remapped.errors.length)
    return {
      ...emptyParse(remapped.errors.map(told), format),
      warnings: [...readWarnings, ...remapped.warnings.map(told)],
    };
  const parsed = parseLong(toLongSheet(rows), 1, ctx);
  return {
    ...parsed,
    format,
    errors: parsed.errors.map(told),
    warnings: [...readWarnings, ...remapped.warnings.map(told), ...parsed.warnings.map(told)],
  };
}
