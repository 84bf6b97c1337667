// CSV as people save it from Excel: UTF-8 with or without BOM, ";" (Indonesian Excel) or "," or tab, quoted
// fields with "" escapes and line breaks, CRLF. Other encodings are refused with the row where it shows. Rows,
// fields per row and cells are counted while parsing (read-limits.ts): a file over a limit stops there.
import { DEFAULT_READ_LIMITS, LimitExceeded, SheetBudget, limitIssue, type ReadLimits } from './read-limits.ts';
import { fileError, type ReadResult } from './sheet.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function readCsv(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      errors: [
        fileError(
          'FILE_ENCODING',
          'Berkas CSV memakai pengodean UTF-16 ("Unicode text"). Simpan ulang sebagai "CSV UTF-8 (dipisah koma)".',
          1,
        ),
      ],
    };
  }
  const start = UTF8_BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
  const body = bytes.subarray(start);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(body);
    const row = lossy.slice(0, lossy.indexOf('\ufffd')).split('\n').length;
    return {
      ok: false,
      errors: [
        fileError(
          'FILE_ENCODING',
          `Berkas CSV bukan UTF-8 (baris ${row} memuat huruf dengan pengodean lain, misalnya Windows-1252). Simpan ulang sebagai "CSV UTF-8 (dipisah koma)".`,
          row,
        ),
      ],
    };
  }
  try {
    return { ok: true, sheet: { kind: 'csv', rows: parseCsvText(text, limits) } };
  } catch (error) {
    if (error instanceof LimitExceeded) return { ok: false, errors: [limitIssue(error)] };
    throw error;
  }
}

/** The delimiter that splits the first line into the most fields, outside quotes. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * RFC 4180 with a detected delimiter; every record is one spreadsheet row, empty fields are ''. Throws
 * LimitExceeded at the first field past the column limit or the first row with a value past the row or cell limit;
 * blank lines past the row limit are dropped without being kept.
 */
export function parseCsvText(text: string, limits: ReadLimits = DEFAULT_READ_LIMITS): string[][] {
  const budget = new SheetBudget(limits);
  const d = detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const pushField = () => {
    row.push(field);
    if (row.length > limits.maxColumns) budget.column(row.length, rows.length + 1);
    field = '';
  };
  const pushRow = () => {
    const blank = row.every((f) => f === '');
    if (!blank || rows.length < limits.maxRows) {
      budget.row(rows.length + 1, row.length);
      rows.push(row);
    }
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === d) pushField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      pushField();
      pushRow();
    } else field += ch;
  }
  if (field !== '' || row.length) {
    pushField();
    pushRow();
  }
  return rows;
}
