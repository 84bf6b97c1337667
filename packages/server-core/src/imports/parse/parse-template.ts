// The wide template: a header block (versi_templat, wilayah, periode), then a table with one row per desa and
// one column per indicator ("<KODE> (penyebut)" beside it for counted denominators). An empty cell is "no report".
import {
  TEMPLATE_KEYS,
  TEMPLATE_KODE_COLUMN,
  TEMPLATE_VERSION,
  duplicateTracker,
  getIndicator,
  hasCountedDenominator,
  headerName,
  isInsideWilayah,
  isKode,
  parseImportMonth,
  parseWholeNumber,
  templateColumn,
  type IndicatorDef,
} from '@peta/domain';
import { IssueList, columnLetter, readDesaKode } from './parse-common.ts';
import { wilayahName, type ParseContext, type ParsedImport, type ValueCell } from './parsed.ts';
import { MergedCell, isEmptyRow, plain, type SheetCell } from '../read/sheet.ts';

/** Looks like an indicator code (KIA_K44): a typo there must not be ignored like a note column. */
const CODE_LIKE = /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/;

interface IndicatorColumns {
  def: IndicatorDef;
  numerator: number;
  denominator?: number;
  header: string;
}

export function parseTemplate(rows: SheetCell[][], firstRow: number, ctx: ParseContext): ParsedImport {
  const issues = new IssueList();
  const done = (values: ValueCell[] = [], template?: ParsedImport['template']): ParsedImport => ({
    format: 'template',
    errors: issues.errors,
    warnings: issues.warnings,
    values,
    sasaran: [],
    template,
  });

  // Header block: label in column A, value in column B, until the table header row.
  const block = new Map<string, { value: SheetCell | undefined; row: number }>();
  let tableRow = -1;
  for (let r = firstRow - 1; r < rows.length; r++) {
    const key = headerName(plain(rows[r]![0]));
    if (key === TEMPLATE_KODE_COLUMN) {
      tableRow = r + 1;
      break;
    }
    if (key) block.set(key, { value: rows[r]![1], row: r + 1 });
  }
  const version = block.get(TEMPLATE_KEYS.version)!;
  const versionText = String(plain(version.value) ?? '').trim();
  if (versionText !== TEMPLATE_VERSION) {
    issues.error(
      version.row,
      TEMPLATE_KEYS.version,
      'TEMPLATE_VERSION',
      `Versi templat "${versionText}" tidak didukung; yang berlaku ${TEMPLATE_VERSION}. Unduh templat baru dari aplikasi lalu salin angkanya.`,
    );
    return done();
  }
  const wilayahCell = block.get(TEMPLATE_KEYS.wilayah);
  const wilayah = String(plain(wilayahCell?.value) ?? '').trim();
  if (!wilayahCell || !isKode(wilayah) || !ctx.kodes.has(wilayah)) {
    issues.error(
      wilayahCell?.row ?? null,
      TEMPLATE_KEYS.wilayah,
      'TEMPLATE_HEADER',
      `Kode wilayah templat tidak dikenal: "${wilayah}". Jangan ubah kepala templat.`,
    );
  }
  const periodCell = block.get(TEMPLATE_KEYS.period);
  if (!periodCell) issues.error(null, TEMPLATE_KEYS.period, 'TEMPLATE_HEADER', 'Kepala templat tidak memuat periode.');
  const month = periodCell
    ? issues.take(parseImportMonth(plain(periodCell.value), ctx.today), periodCell.row, TEMPLATE_KEYS.period)
    : undefined;
  if (tableRow < 0) {
    issues.error(
      null,
      TEMPLATE_KODE_COLUMN,
      'HEADER_MISSING',
      'Baris judul tabel (kode_wilayah, nama_desa, kode indikator…) tidak ditemukan.',
    );
    return done();
  }
  const columns = readTemplateHeader(rows, tableRow, issues);
  if (issues.errors.length || !month) return done();

  const duplicates = duplicateTracker();
  const values: ValueCell[] = [];
  for (let r = tableRow; r < rows.length; r++) {
    const cells = rows[r]!;
    if (isEmptyRow(cells)) continue;
    const row = r + 1;
    const kode = readDesaKode(cells[0], row, TEMPLATE_KODE_COLUMN, ctx, issues);
    if (!kode) continue;
    if (!isInsideWilayah(kode, wilayah)) {
      issues.error(
        row,
        TEMPLATE_KODE_COLUMN,
        'KODE_OUTSIDE_WILAYAH',
        `${wilayahName(ctx, kode, `Desa ${kode}`)} tidak termasuk wilayah templat, ${wilayahName(ctx, wilayah)}.`,
      );
      continue;
    }
    const first = duplicates.seen(kode, row);
    if (first !== null) {
      issues.error(row, TEMPLATE_KODE_COLUMN, 'DUPLICATE', `Desa ${kode} sudah ada di baris ${first}.`);
      continue;
    }
    for (const c of columns) {
      const denominatorHeader = `${c.def.code} (penyebut)`;
      if (!issues.readable(cells[c.numerator], row, c.header)) continue;
      if (c.denominator !== undefined && !issues.readable(cells[c.denominator], row, denominatorHeader)) continue;
      const numerator = issues.take(parseWholeNumber(plain(cells[c.numerator])), row, c.header);
      const denominator =
        c.denominator === undefined
          ? null
          : issues.take(parseWholeNumber(plain(cells[c.denominator])), row, denominatorHeader);
      if (numerator === undefined || denominator === undefined) continue;
      if (numerator === null) {
        if (denominator !== null)
          issues.error(row, c.header, 'VALUE_REQUIRED', `Penyebut ${c.def.code} diisi tetapi pembilangnya kosong.`);
        continue; // empty: no report this month
      }
      if (c.denominator !== undefined && denominator === null) {
        issues.error(row, denominatorHeader, 'DENOMINATOR_REQUIRED', `Indikator ${c.def.code} memerlukan penyebut.`);
        continue;
      }
      if (denominator !== null && numerator > denominator) {
        issues.warn(
          row,
          c.header,
          'ABOVE_DENOMINATOR',
          `Pembilang ${numerator} lebih besar dari penyebut ${denominator}.`,
        );
      }
      values.push({
        row,
        column: c.header,
        indicator: c.def.code,
        kode,
        year: month.year,
        month: month.month,
        numerator,
        denominator,
      });
    }
  }
  return done(values, { wilayah, period: `${month.year}-${String(month.month).padStart(2, '0')}` });
}

function readTemplateHeader(rows: SheetCell[][], tableRow: number, issues: IssueList): IndicatorColumns[] {
  const cells = rows[tableRow - 1]!;
  const byCode = new Map<string, IndicatorColumns>();
  const denominators = new Map<string, number>();
  cells.forEach((cell, i) => {
    if (i < 2) return; // kode_wilayah, nama_desa
    if (cell instanceof MergedCell) {
      issues.error(
        tableRow,
        columnLetter(i),
        'HEADER_MERGED',
        `Sel judul kolom ${columnLetter(i)}${tableRow} digabung dengan ${cell.master} (merge). Pisahkan sel judul: setiap kolom perlu judulnya sendiri.`,
      );
      return;
    }
    const header = String(plain(cell) ?? '').trim();
    const parsed = templateColumn(header);
    const def = parsed && getIndicator(parsed.code);
    if (!parsed || !def) {
      const hasData = rows.slice(tableRow).some((r) => !isEmptyRow([r[i] ?? null]));
      if (CODE_LIKE.test(parsed?.code ?? '') && header === header.toUpperCase()) {
        issues.error(
          tableRow,
          header,
          'INDICATOR_UNKNOWN',
          `Indikator tidak dikenal di judul kolom ${columnLetter(i)}: "${header}".`,
        );
      } else if (header || hasData) {
        issues.warn(
          tableRow,
          header || columnLetter(i),
          'EXTRA_COLUMN',
          `Kolom "${header || columnLetter(i)}" bukan kolom indikator dan diabaikan.`,
        );
      }
      return;
    }
    if (parsed.part === 'pembilang' ? byCode.has(def.code) : denominators.has(def.code)) {
      issues.error(tableRow, header, 'HEADER_DUPLICATE', `Kolom "${header}" muncul dua kali.`);
      return;
    }
    if (parsed.part === 'penyebut') denominators.set(def.code, i);
    else byCode.set(def.code, { def, numerator: i, header });
  });
  for (const c of byCode.values()) {
    c.denominator = denominators.get(c.def.code);
    if (hasCountedDenominator(c.def) && c.denominator === undefined) {
      issues.error(
        tableRow,
        `${c.def.code} (penyebut)`,
        'HEADER_MISSING',
        `Kolom "${c.def.code} (penyebut)" tidak ada: indikator ${c.def.code} memerlukan penyebut.`,
      );
    }
  }
  for (const code of denominators.keys()) {
    if (!byCode.has(code))
      issues.error(
        tableRow,
        `${code} (penyebut)`,
        'HEADER_MISSING',
        `Kolom penyebut "${code} (penyebut)" ada tanpa kolom pembilang ${code}.`,
      );
  }
  return [...byCode.values()];
}
