// From bytes to validated rows: an exchange file (DHIS2 JSON/CSV, ADX, FHIR: parse-exchange.ts) by its type and first
// characters; else read the file (CSV or XLSX), recognise the format by its first row, parse it.
import { FORMAT_LABELS, detectFormat } from '@peta/domain';
import { emptyParse, type ParseContext, type ParsedImport } from './parsed.ts';
import { exchangeFormatOfUpload, parseExchangeFile } from './parse-exchange.ts';
import { parseLong } from './parse-long.ts';
import { parseSasaran } from './parse-sasaran.ts';
import { parseTemplate } from './parse-template.ts';
import type { ReadLimits } from '../read/read-limits.ts';
import { readUpload } from '../read/read-upload.ts';
import { fileError, isEmptyRow, plain } from '../read/sheet.ts';

export async function parseImportFile(bytes: Uint8Array, fileName: string, ctx: ParseContext, limits?: ReadLimits): Promise<ParsedImport> {
  const exchange = bytes.length ? exchangeFormatOfUpload(bytes, fileName) : null;
  if (exchange) return parseExchangeFile(bytes, fileName, exchange, ctx, limits);
  const read = await readUpload(bytes, fileName, limits);
  if (!read.ok) return emptyParse(read.errors);
  const { rows } = read.sheet;
  const first = rows.findIndex((r) => !isEmptyRow(r));
  if (first < 0) return emptyParse([fileError('FILE_EMPTY', `Berkas ${fileName} tidak berisi data.`)]);
  const format = detectFormat(rows[first]!.map(plain));
  if (!format) {
    return emptyParse([fileError('FILE_FORMAT',
      `Baris ${first + 1} bukan judul format impor yang dikenal. Gunakan ${Object.values(FORMAT_LABELS).join('; ')}.`, first + 1)]);
  }
  const parsed = format === 'long' ? parseLong(rows, first + 1, ctx)
    : format === 'sasaran' ? parseSasaran(rows, first + 1, ctx)
      : parseTemplate(rows, first + 1, ctx);
  if (!parsed.errors.length && !parsed.values.length && !parsed.sasaran.length) {
    parsed.errors.push(fileError('FILE_EMPTY', `Berkas ${fileName} tidak berisi baris data (hanya judul atau semua sel kosong).`));
  }
  return parsed;
}
