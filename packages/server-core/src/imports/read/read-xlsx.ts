// Excel .xlsx, streamed: the parts are inflated chunk by chunk (zip-archive.ts) into a SAX parser, so memory holds
// the cells read so far and never a DOM of the workbook; rows, columns, cells and unzipped bytes are counted as they
// come (read-limits.ts) and the first one over its limit stops the read. The first worksheet with a value is the
// sheet, as rows of cells. Formulas give their stored result (Excel saves it); a formula without one, or with an
// error result, becomes a CellProblem for the parser to report at its row and column. Cells covered by a merge are
// marked, so a merged header is reported instead of misread. Number cells with a date format are dates.
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { DEFAULT_READ_LIMITS, LimitExceeded, SheetBudget, limitIssue, type ReadLimits } from './read-limits.ts';
import { CellProblem, MergedCell, fileError, type ReadResult, type SheetCell } from './sheet.ts';
import { ZipBudgetExceeded, ZipFormatError, inflateEntry, readZipDirectory, type ZipEntry } from './zip-archive.ts';

const UNREADABLE = 'Berkas .xlsx tidak dapat dibaca (rusak, terkunci kata sandi, atau bukan buku kerja Excel).';

type Attributes = Record<string, string>;
interface XmlHandlers {
  open?: (name: string, attributes: Attributes) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
}

/**
 * Text as Excel meant it: characters XML cannot carry are written as `_xHHHH_` (a NUL as `_x0000_`, an underscore
 * that would look like an escape as `_x005F_`). Decoded as exceljs did, so the cell rules see the real character.
 */
const unescapeText = (text: string) =>
  text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;

/** Element names without their namespace prefix (`x:c` and `c` are the same cell). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** The parts of one archive, read against one budget of unzipped bytes. */
class XlsxParts {
  private remaining: number;
  constructor(
    private readonly bytes: Buffer,
    private readonly entries: Map<string, ZipEntry>,
    private readonly limits: ReadLimits,
  ) {
    this.remaining = limits.maxUnzippedBytes;
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** Streams one part through a SAX parser; a missing part is an unreadable file. */
  async parse(path: string, on: XmlHandlers): Promise<void> {
    const entry = this.entries.get(path);
    if (!entry) throw new ZipFormatError(`bagian ${path} tidak ada`);
    const parser = new SaxesParser({ position: false });
    if (on.open) parser.on('opentag', (tag) => on.open!(local(tag.name), tag.attributes as Attributes));
    if (on.text) {
      parser.on('text', on.text);
      parser.on('cdata', on.text);
    }
    if (on.close) parser.on('closetag', (tag) => on.close!(local(tag.name)));
    const decoder = new StringDecoder('utf8');
    try {
      this.remaining -= await inflateEntry(this.bytes, entry, this.remaining, (chunk) =>
        parser.write(decoder.write(chunk)),
      );
    } catch (error) {
      if (error instanceof ZipBudgetExceeded) throw new LimitExceeded('maxUnzippedBytes', this.limits);
      throw error;
    }
    parser.write(decoder.end());
    parser.close();
  }
}

/** Resolves a relationship target against the folder of the part that holds the relationships. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

async function relationships(
  parts: XlsxParts,
  ofPart: string,
): Promise<{ id: string; type: string; target: string }[]> {
  const folder = ofPart.split('/').slice(0, -1).join('/');
  const path = `${folder ? `${folder}/` : ''}_rels/${ofPart.split('/').pop()}.rels`;
  if (!parts.has(path)) return [];
  const found: { id: string; type: string; target: string }[] = [];
  await parts.parse(path, {
    open: (name, a) => {
      if (name === 'Relationship' && a.Target && a.TargetMode !== 'External') {
        found.push({ id: a.Id ?? '', type: a.Type ?? '', target: resolveTarget(ofPart, a.Target) });
      }
    },
  });
  return found;
}

// Number formats that show a date or time: the built-in ids, and custom codes with date letters outside quotes
// and [colour]/[$-locale] brackets (as exceljs decides).
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);
const isDateCode = (code: string) => /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** Indices of the cell formats (cellXfs) that show dates. */
async function dateStyles(parts: XlsxParts, path: string | undefined): Promise<Set<number>> {
  const styles = new Set<number>();
  if (!path || !parts.has(path)) return styles;
  const customDate = new Map<number, boolean>();
  let inCellXfs = false;
  let xf = 0;
  await parts.parse(path, {
    open: (name, a) => {
      if (name === 'numFmt') customDate.set(Number(a.numFmtId), isDateCode(a.formatCode ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        if (customDate.get(id) ?? BUILTIN_DATE_FORMATS.has(id)) styles.add(xf);
        xf++;
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/** The shared strings, rich text runs joined; phonetic runs (rPh) left out. */
async function sharedStrings(parts: XlsxParts, path: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!path || !parts.has(path)) return strings;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  await parts.parse(path, {
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 't') inText = true;
      else if (name === 'rPh') phonetic++;
    },
    text: (text) => {
      if (inText && phonetic === 0 && current !== null) current += text;
    },
    close: (name) => {
      if (name === 'si') {
        strings.push(unescapeText(current ?? ''));
        current = null;
      } else if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
    },
  });
  return strings;
}

/** "AB12" → column 28 (1-based); 0 when the reference has no letters. */
function columnOf(reference: string): number {
  let column = 0;
  for (const ch of reference) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column;
}

const rowOf = (reference: string) => Number(/\d+$/.exec(reference)?.[0] ?? 0);

function columnName(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel serial day number → Date (1900 system; the 1904 system counts from 1904-01-01). */
const excelDate = (serial: number, date1904: boolean) =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

interface SheetContext {
  strings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
  budget: SheetBudget;
  limits: ReadLimits;
}

/** One worksheet as rows of cells (rows[i] = spreadsheet row i + 1); empty when it holds no value. */
async function readSheet(parts: XlsxParts, path: string, ctx: SheetContext): Promise<SheetCell[][]> {
  const rows: SheetCell[][] = [];
  const merges: string[] = [];
  let rowNumber = 0;
  let row: SheetCell[] = [];
  let cell = {
    ref: '',
    column: 0,
    type: '',
    style: 0,
    formula: false,
    value: null as string | null,
    inline: null as string | null,
  };
  let collecting: 'v' | 'inline' | null = null;
  let inInline = false;
  let phonetic = 0;

  const finishCell = () => {
    const value = cellValue(cell, ctx);
    if (value === null) return;
    ctx.budget.column(cell.column, rowNumber);
    row[cell.column - 1] = value;
  };
  const finishRow = () => {
    if (!row.length) return;
    ctx.budget.row(rowNumber, row.length);
    for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    rows[rowNumber - 1] = row;
  };

  await parts.parse(path, {
    open: (name, a) => {
      switch (name) {
        case 'row':
          rowNumber = a.r ? Number(a.r) : rowNumber + 1;
          row = [];
          cell.column = 0;
          break;
        case 'c': {
          const ref = a.r ?? '';
          cell = {
            ref,
            column: ref ? columnOf(ref) : cell.column + 1,
            type: a.t ?? 'n',
            style: Number(a.s ?? 0),
            formula: false,
            value: null,
            inline: null,
          };
          if (!cell.ref) cell.ref = `${columnName(cell.column)}${rowNumber}`;
          break;
        }
        case 'f':
          cell.formula = true;
          break;
        case 'v':
          collecting = 'v';
          cell.value = '';
          break;
        case 'is':
          inInline = true;
          cell.inline = '';
          break;
        case 't':
          if (inInline) collecting = 'inline';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 'mergeCell':
          if (a.ref) merges.push(a.ref);
          break;
      }
    },
    text: (text) => {
      if (collecting === 'v') cell.value += text;
      else if (collecting === 'inline' && phonetic === 0) cell.inline += text;
    },
    close: (name) => {
      switch (name) {
        case 'v':
        case 't':
          collecting = null;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          finishCell();
          break;
        case 'row':
          finishRow();
          break;
      }
    },
  });
  if (!rows.length) return rows;
  applyMerges(rows, merges, ctx);
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return rows;
}

/**
 * Marks the cells a merge covers (all but its top-left), up to the last row holding data and the column limit; every
 * cell a merge spans there counts against the cell limit, so a merge of a whole sheet costs no more than the limit allows.
 */
function applyMerges(rows: SheetCell[][], merges: string[], ctx: SheetContext): void {
  let spanned = 0;
  for (const ref of merges) {
    const [from, to = from] = ref.split(':') as [string, string?];
    const r1 = rowOf(from),
      c1 = columnOf(from);
    const r2 = Math.min(rowOf(to), rows.length),
      c2 = Math.min(columnOf(to), ctx.limits.maxColumns);
    if (!r1 || !c1 || r2 < r1 || c2 < c1) continue;
    spanned += (r2 - r1 + 1) * (c2 - c1 + 1);
    if (spanned > ctx.limits.maxCells) throw new LimitExceeded('maxCells', ctx.limits, ' (sel gabungan)');
    const master = `${columnName(c1)}${r1}`;
    for (let r = r1; r <= r2; r++) {
      const cells = rows[r - 1];
      if (!cells) continue;
      for (let c = c1; c <= c2; c++) {
        if (r === r1 && c === c1) continue;
        cells[c - 1] = new MergedCell(master);
      }
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    }
  }
}

function cellValue(
  cell: { ref: string; type: string; style: number; formula: boolean; value: string | null; inline: string | null },
  ctx: SheetContext,
): SheetCell {
  const { ref, type, value } = cell;
  if (type === 'e') {
    return new CellProblem(
      'FORMULA_ERROR',
      cell.formula ? `Rumus di sel ${ref} menghasilkan galat ${value}.` : `Sel ${ref} berisi galat Excel ${value}.`,
    );
  }
  if (cell.formula && value === null) {
    return new CellProblem(
      'FORMULA_NO_RESULT',
      `Sel ${ref} berisi rumus tanpa hasil tersimpan. Buka berkas di Excel lalu simpan ulang, atau salin dan tempel sebagai nilai.`,
    );
  }
  switch (type) {
    case 's':
      return value === null ? null : (ctx.strings[Number(value)] ?? '');
    case 'inlineStr':
      return cell.inline === null ? null : unescapeText(cell.inline);
    case 'str':
      return value === null ? null : unescapeText(value);
    case 'b':
      return value === null ? null : value.trim() === '1';
    case 'd':
      return value === null ? null : new Date(value);
    default: {
      if (value === null || value.trim() === '') return null;
      const n = Number(value);
      return ctx.dateStyles.has(cell.style) && Number.isFinite(n) ? excelDate(n, ctx.date1904) : n;
    }
  }
}

/** `sheetName`: read that worksheet (an import profile names it); else the first worksheet holding a value. */
export async function readXlsx(
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  sheetName?: string,
): Promise<ReadResult> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const parts = new XlsxParts(buffer, readZipDirectory(buffer), limits);
    const workbookPath =
      (await relationships(parts, '')).find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    const related = await relationships(parts, workbookPath);
    const byId = new Map(related.map((r) => [r.id, r]));
    const sheets: string[] = [];
    const names: string[] = [];
    let date1904 = false;
    await parts.parse(workbookPath, {
      open: (name, a) => {
        if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
        if (name === 'sheet') {
          const target = byId.get(a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '');
          if (target?.type.endsWith('/worksheet')) {
            sheets.push(target.target);
            names.push(a.name ?? `Sheet${sheets.length}`);
          }
        }
      },
    });
    const ctx: SheetContext = {
      strings: await sharedStrings(parts, related.find((r) => r.type.endsWith('/sharedStrings'))?.target),
      dateStyles: await dateStyles(parts, related.find((r) => r.type.endsWith('/styles'))?.target),
      date1904,
      budget: new SheetBudget(limits),
      limits,
    };
    if (sheetName !== undefined) {
      const i = names.indexOf(sheetName);
      if (i < 0)
        return {
          ok: false,
          errors: [
            fileError(
              'PROFILE_COLUMN_MISSING',
              `Lembar "${sheetName}" tidak ada di buku kerja ini (lembar: ${names.join(', ')}).`,
            ),
          ],
        };
      return {
        ok: true,
        sheet: { kind: 'xlsx', rows: await readSheet(parts, sheets[i]!, ctx), name: sheetName, names },
      };
    }
    for (const [i, sheet] of sheets.entries()) {
      const rows = await readSheet(parts, sheet, ctx);
      if (rows.length) return { ok: true, sheet: { kind: 'xlsx', rows, name: names[i], names } };
    }
    return { ok: true, sheet: { kind: 'xlsx', rows: [], names } };
  } catch (error) {
    if (error instanceof LimitExceeded) return { ok: false, errors: [limitIssue(error)] };
    // A broken archive (ZipFormatError), malformed XML (saxes), entities we do not expand: all one answer.
    return { ok: false, errors: [fileError('FILE_FORMAT', UNREADABLE)] };
  }
}
