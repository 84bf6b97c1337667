// From bytes to validated rows: an exchange file (DHIS2 JSON/CSV, ADX, FHIR: parse-exchange.ts) by its type and first
// characters; else read the file (CSV or XLSX) and recognise the format by its first row, or read it with an import
// profile (parse-profile.ts): the one the user chose or drafted, else a saved profile whose header signature the
// file has. A spreadsheet in no known format without a profile is refused with its first rows (layout), which the
// import wizard shows for mapping. Old kode of the long format are remapped first (crosswalk.ts).
import { FORMAT_LABELS, detectFormat } from '@peta/domain';
import { remapLongSheet } from './crosswalk.ts';
import { emptyParse, type ParseContext, type ParsedImport } from './parsed.ts';
import { exchangeFormatOfUpload, parseExchangeFile } from './parse-exchange.ts';
import { parseLong } from './parse-long.ts';
import { matchingProfile, parseWithProfile, sheetLayout } from './parse-profile.ts';
import { parseSasaran } from './parse-sasaran.ts';
import { parseTemplate } from './parse-template.ts';
import type { ReadLimits } from '../read/read-limits.ts';
import { readUpload } from '../read/read-upload.ts';
import { fileError, isEmptyRow, plain } from '../read/sheet.ts';

export async function parseImportFile(
  bytes: Uint8Array,
  fileName: string,
  ctx: ParseContext,
  limits?: ReadLimits,
): Promise<ParsedImport> {
  const chosen = ctx.reading?.profile;
  const exchange = bytes.length && !chosen ? exchangeFormatOfUpload(bytes, fileName) : null;
  if (exchange) return parseExchangeFile(bytes, fileName, exchange, ctx, limits);
  const read = await readUpload(bytes, fileName, limits, chosen?.lembar ?? ctx.reading?.lembar);
  if (!read.ok) return emptyParse(read.errors, chosen ? 'profil' : null);
  if (chosen) return parseWithProfile(read.sheet, chosen, ctx.reading?.profileId ?? null, ctx, fileName, limits);
  const { rows } = read.sheet;
  const first = rows.findIndex((r) => !isEmptyRow(r));
  if (first < 0) return emptyParse([fileError('FILE_EMPTY', `Berkas ${fileName} tidak berisi data.`)]);
  const format = detectFormat(rows[first]!.map(plain));
  if (!format) {
    const saved = matchingProfile(read.sheet, ctx);
    if (saved) return parseWithProfile(read.sheet, saved.profile, saved.id, ctx, fileName, limits);
    const { profil: _, ...ours } = FORMAT_LABELS;
    return {
      ...emptyParse([
        fileError(
          'FILE_FORMAT',
          `Baris ${first + 1} bukan judul format impor yang dikenal. Gunakan ${Object.values(ours).join('; ')}, atau petakan kolomnya sekali di wizard impor (profil impor).`,
          first + 1,
        ),
      ]),
      layout: sheetLayout(read.sheet),
    };
  }
  const remapped = format === 'long' ? remapLongSheet(rows, first + 1, ctx) : { errors: [], warnings: [] };
  if (remapped.errors.length) return { ...emptyParse(remapped.errors, format), warnings: remapped.warnings };
  const parsed =
    format === 'long'
      ? parseLong(rows, first + 1, ctx)
      : format === 'sasaran'
        ? parseSasaran(rows, first + 1, ctx)
        : parseTemplate(rows, first + 1, ctx);
  parsed.warnings.unshift(...remapped.warnings);
  if (!parsed.errors.length && !parsed.values.length && !parsed.sasaran.length) {
    parsed.errors.push(
      fileError('FILE_EMPTY', `Berkas ${fileName} tidak berisi baris data (hanya judul atau semua sel kosong).`),
    );
  }
  return parsed;
}
