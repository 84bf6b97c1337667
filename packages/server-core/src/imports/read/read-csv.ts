// CSV as people save it from Excel: UTF-8 with or without BOM, ";" (Indonesian Excel) or "," or tab, quoted
// fields with "" escapes and line breaks, CRLF. Other encodings are refused with the row where it shows. Rows,
// fields per row and cells are counted while parsing (read-limits.ts): a file over a limit stops there.
import { DEFAULT_READ_LIMITS, LimitExceeded, SheetBudget, limitIssue, type ReadLimits } from './read-limits.ts';
import { fileError, type ReadResult } from './sheet.ts';
import { TextPool, hashStep } from './text-pool.ts';

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
 *
 * Built for a national file (1.7 M lines): an unquoted field — nearly every one — is found with indexOf-like scanning
 * and cut out whole (one slice, not a string grown character by character), and a short field's text is shared with
 * every equal field before it (TextPool: the same periode, indicator and small counts on every line, each kode on
 * twenty), so the sheet keeps one string per distinct text instead of one per cell: that, not the scanning, was most of
 * the reading's time (the garbage collector copying millions of live strings). A field starting with a quote is read by the plain
 * state machine (quoteField), which gives the same result as before for every input (read-csv.test.ts compares both).
 */
export function parseCsvText(text: string, limits: ReadLimits = DEFAULT_READ_LIMITS): string[][] {
  const budget = new SheetBudget(limits);
  const d = detectDelimiter(text).charCodeAt(0);
  const pool = new TextPool();
  const rows: string[][] = [];
  // The row's fields are gathered here, then copied into an array of exactly their number (a row grown by push keeps
  // room for 17 fields: twice the memory of a 5-field row, for 1.7 M rows).
  const row: string[] = [];
  let width = 0;
  let blank = true;
  const pushField = (field: string) => {
    row[width++] = field;
    if (field !== '') blank = false;
    if (width > limits.maxColumns) budget.column(width, rows.length + 1);
  };
  const pushRow = () => {
    if (!blank || rows.length < limits.maxRows) {
      budget.row(rows.length + 1, width);
      rows.push(row.slice(0, width));
    }
    width = 0;
    blank = true;
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    // One field starting at i, then its terminator: the delimiter, a line break (CRLF, LF or CR) or the end.
    let end: number;
    if (text.charCodeAt(i) === 34 /* " */) {
      const quoted = quoteField(text, i, d);
      end = quoted.end;
      // An unclosed quote at the very end of the text on a row of its own holds nothing: no row.
      if (end >= n && quoted.field === '' && width === 0) return rows;
      pushField(quoted.field);
    } else {
      let hash = 0;
      end = i;
      for (; end < n; end++) {
        const code = text.charCodeAt(end);
        if (code === d || code === 10 || code === 13) break;
        hash = hashStep(hash, code);
      }
      pushField(end === i ? '' : pool.text(text, i, end, hash));
    }
    if (end >= n) {
      pushRow();
      return rows;
    }
    const code = text.charCodeAt(end);
    i = end + 1;
    if (code === d) {
      if (i === n) {
        // "a,b," at the very end: the empty last field, then the row.
        pushField('');
        pushRow();
        return rows;
      }
      continue;
    }
    if (code === 13 && text.charCodeAt(i) === 10) i++;
    pushRow();
  }
  if (width) pushRow();
  return rows;
}

/**
 * A field that starts with a quote, read character by character as RFC 4180 says (and as Excel writes): "" inside
 * quotes is one quote, text after the closing quote is kept, a quote opening an empty field opens quotes again.
 * Returns the field and the index of its terminator (delimiter, line break, or the end of the text).
 */
function quoteField(text: string, start: number, d: number): { field: string; end: number } {
  let field = '';
  let quoted = false;
  let i = start;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch.charCodeAt(0) === d || ch === '\n' || ch === '\r') break;
    else field += ch;
  }
  return { field, end: i };
}
