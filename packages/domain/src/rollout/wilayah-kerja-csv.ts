// Wilayah kerja as CSV (issue 7): `kode_puskesmas,nama,kode_desa`, one row per desa. Pure validation and planning
// of an upload against what the database holds; the same kode rules and {row, column, code, message} issues as
// value imports (../imports). Desa not listed in the file keep their puskesmas: the file lists changes or the
// whole kabupaten, never removals.
import {
  checkCellText,
  isBlank,
  type ImportErrorCode,
  type ImportIssue,
  type ImportWarningCode,
} from '../imports/issues.ts';
import { isInsideWilayah, parseDesaKode } from '../imports/cells.ts';
import { csvLine } from '../imports/spreadsheet-cells.ts';
import { PUSKESMAS_KODE_HELP, isPuskesmasKode, quoteKode } from './puskesmas-kode.ts';

export const WILAYAH_KERJA_CSV_COLUMNS = ['kode_puskesmas', 'nama', 'kode_desa'] as const;

export type WilayahKerjaCsvCode =
  | ImportErrorCode
  | ImportWarningCode
  | 'PUSKESMAS_UNKNOWN'
  | 'PUSKESMAS_OTHER_KABUPATEN'
  | 'PUSKESMAS_NAME_CONFLICT'
  | 'PUSKESMAS_KODE_INVALID'
  | 'DATE_BEFORE_CURRENT';
export type WilayahKerjaCsvIssue = ImportIssue<WilayahKerjaCsvCode>;

export interface WilayahKerjaCsvContext {
  kabupaten: string;
  /** Start date of every move, yyyy-mm-dd. */
  mulai: string;
  /** Puskesmas already known whose kode appears in the file (any kabupaten). */
  puskesmas: ReadonlyMap<string, { nama: string; kabupaten: string }>;
  /** Every desa kode of the kabupaten. */
  desa: ReadonlySet<string>;
  /** The open wilayah kerja row of each desa of the kabupaten that has one. */
  current: ReadonlyMap<string, { puskesmas: string; validFrom: string; confirmed: boolean }>;
}

export interface WilayahKerjaMove {
  row: number;
  desa: string;
  from: string | null;
  to: string;
}

export interface WilayahKerjaCsvPlan {
  /** Data rows read (blank lines not counted). */
  rows: number;
  errors: WilayahKerjaCsvIssue[];
  warnings: WilayahKerjaCsvIssue[];
  /** New puskesmas (kode not known, nama given), created in the kabupaten with sumber 'pengguna'. */
  newPuskesmas: { kode: string; nama: string }[];
  moves: WilayahKerjaMove[];
  /** Desa already in the listed puskesmas but still an unconfirmed proposal: the import confirms them. */
  confirms: { row: number; desa: string; puskesmas: string }[];
  /** Desa already in the listed puskesmas, confirmed: nothing to do. */
  unchanged: number;
}

const issue = (
  row: number | null,
  column: string | null,
  code: WilayahKerjaCsvCode,
  message: string,
): WilayahKerjaCsvIssue => ({ row, column, code, message });

/** The kode_puskesmas values of the data rows (for loading the known puskesmas before validating). */
export function wilayahKerjaCsvPuskesmasKodes(rows: readonly (readonly string[])[]): string[] {
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = header.indexOf('kode_puskesmas');
  if (col < 0) return [];
  return [
    ...new Set(
      rows
        .slice(1)
        .map((r) => (r[col] ?? '').trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Checks every row of a parsed CSV (rows[0] is the header; row numbers as the spreadsheet shows them) and plans
 * the changes. Any error means nothing is written.
 */
export function planWilayahKerjaCsv(
  rows: readonly (readonly string[])[],
  ctx: WilayahKerjaCsvContext,
): WilayahKerjaCsvPlan {
  const plan: WilayahKerjaCsvPlan = {
    rows: 0,
    errors: [],
    warnings: [],
    newPuskesmas: [],
    moves: [],
    confirms: [],
    unchanged: 0,
  };
  const blankRow = (r: readonly string[]) => r.every((c) => isBlank(c));
  if (!rows.length || blankRow(rows[0]!)) {
    plan.errors.push(
      issue(null, null, 'FILE_EMPTY', 'Berkas kosong. Baris pertama harus judul kolom: kode_puskesmas,nama,kode_desa.'),
    );
    return plan;
  }
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const cols = {} as Record<(typeof WILAYAH_KERJA_CSV_COLUMNS)[number], number>;
  for (const name of WILAYAH_KERJA_CSV_COLUMNS) {
    const at = header.indexOf(name);
    if (at < 0)
      plan.errors.push(
        issue(
          1,
          name,
          'HEADER_MISSING',
          `Kolom "${name}" tidak ada di baris judul. Judul kolom yang diperlukan: kode_puskesmas,nama,kode_desa.`,
        ),
      );
    else if (header.indexOf(name, at + 1) >= 0)
      plan.errors.push(issue(1, name, 'HEADER_DUPLICATE', `Kolom "${name}" muncul lebih dari sekali di baris judul.`));
    cols[name] = at;
  }
  if (plan.errors.length) return plan;

  const newNames = new Map<string, { nama: string; row: number }>();
  const seenDesa = new Map<string, number>();
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i]!;
    if (blankRow(cells)) continue;
    const row = i + 1;
    plan.rows++;
    const cell = (name: (typeof WILAYAH_KERJA_CSV_COLUMNS)[number]) => (cells[cols[name]] ?? '').trim();
    // The character check of every import cell, before anything else reads the row.
    const unreadable = WILAYAH_KERJA_CSV_COLUMNS.flatMap((name) => {
      const text = checkCellText(cell(name));
      return text.ok ? [] : [issue(row, name, text.code, text.message)];
    });
    if (unreadable.length) {
      plan.errors.push(...unreadable);
      continue;
    }
    let ok = true;

    // kode_desa: the rules of value imports (dots optional), then inside the kabupaten, then known.
    const parsed = parseDesaKode(cell('kode_desa'));
    let desa: string | null = null;
    if (!parsed.ok) {
      plan.errors.push(issue(row, 'kode_desa', parsed.code, parsed.message));
      ok = false;
    } else {
      desa = parsed.value.kode;
      if (parsed.value.normalised) {
        plan.warnings.push(
          issue(row, 'kode_desa', 'KODE_NORMALISED', `Kode "${cell('kode_desa')}" dibaca sebagai ${desa}.`),
        );
      }
      if (!isInsideWilayah(desa, ctx.kabupaten)) {
        plan.errors.push(
          issue(
            row,
            'kode_desa',
            'KODE_OUTSIDE_WILAYAH',
            `Desa ${desa} tidak berada di kabupaten/kota ${ctx.kabupaten}.`,
          ),
        );
        ok = false;
      } else if (!ctx.desa.has(desa)) {
        plan.errors.push(
          issue(row, 'kode_desa', 'KODE_UNKNOWN', `Kode desa ${desa} tidak dikenal di daftar wilayah Kemendagri.`),
        );
        ok = false;
      } else if (seenDesa.has(desa)) {
        plan.errors.push(
          issue(
            row,
            'kode_desa',
            'DUPLICATE',
            `Desa ${desa} sudah tercantum di baris ${seenDesa.get(desa)}: satu desa hanya masuk satu puskesmas.`,
          ),
        );
        ok = false;
      } else {
        seenDesa.set(desa, row);
      }
    }

    // kode_puskesmas: known in this kabupaten, or new with a nama and a kode of the documented form.
    const kode = cell('kode_puskesmas');
    const nama = cell('nama');
    if (!kode) {
      plan.errors.push(issue(row, 'kode_puskesmas', 'VALUE_REQUIRED', 'Kode puskesmas kosong.'));
      ok = false;
    } else {
      const known = ctx.puskesmas.get(kode);
      if (known && known.kabupaten !== ctx.kabupaten) {
        plan.errors.push(
          issue(
            row,
            'kode_puskesmas',
            'PUSKESMAS_OTHER_KABUPATEN',
            `Puskesmas ${kode} (${known.nama}) berada di kabupaten/kota ${known.kabupaten}, bukan ${ctx.kabupaten}.`,
          ),
        );
        ok = false;
      } else if (!known && !isPuskesmasKode(kode)) {
        plan.errors.push(
          issue(
            row,
            'kode_puskesmas',
            'PUSKESMAS_KODE_INVALID',
            `Kode puskesmas "${quoteKode(kode)}" tidak dikenal dan tidak sah untuk puskesmas baru: gunakan ${PUSKESMAS_KODE_HELP}.`,
          ),
        );
        ok = false;
      } else if (!known) {
        const first = newNames.get(kode);
        if (!nama && !first) {
          plan.errors.push(
            issue(
              row,
              'nama',
              'PUSKESMAS_UNKNOWN',
              `Puskesmas dengan kode ${kode} tidak dikenal. Isi kolom nama untuk menambahkannya sebagai puskesmas baru.`,
            ),
          );
          ok = false;
        } else if (first && nama && nama !== first.nama) {
          plan.errors.push(
            issue(
              row,
              'nama',
              'PUSKESMAS_NAME_CONFLICT',
              `Puskesmas baru ${kode} bernama "${first.nama}" di baris ${first.row}, di sini "${nama}". Samakan namanya.`,
            ),
          );
          ok = false;
        } else if (!first) {
          newNames.set(kode, { nama, row });
          plan.newPuskesmas.push({ kode, nama });
        }
      }
    }
    if (!ok || desa === null) continue;

    const current = ctx.current.get(desa);
    if (current?.puskesmas === kode) {
      if (current.confirmed) plan.unchanged++;
      else plan.confirms.push({ row, desa, puskesmas: kode });
    } else if (current && current.validFrom >= ctx.mulai) {
      plan.errors.push(
        issue(
          row,
          'kode_desa',
          'DATE_BEFORE_CURRENT',
          `Desa ${desa} masuk puskesmas ${current.puskesmas} sejak ${current.validFrom}; tanggal mulai ${ctx.mulai} harus sesudahnya. Riwayat tidak ditimpa.`,
        ),
      );
    } else {
      plan.moves.push({ row, desa, from: current?.puskesmas ?? null, to: kode });
    }
  }
  if (plan.rows === 0 && !plan.errors.length) {
    plan.errors.push(issue(null, null, 'FILE_EMPTY', 'Berkas hanya berisi baris judul, tanpa baris desa.'));
  }
  return plan;
}

/**
 * The export: header and one row per desa, in the order given (UTF-8 BOM added by the caller). Names are users' text:
 * a formula start is neutralised (csvField).
 */
export function wilayahKerjaCsvLines(
  rows: readonly { kodePuskesmas: string; nama: string; kodeDesa: string }[],
): string {
  return [csvLine(WILAYAH_KERJA_CSV_COLUMNS), ...rows.map((r) => csvLine([r.kodePuskesmas, r.nama, r.kodeDesa]))]
    .map((l) => `${l}\r\n`)
    .join('');
}
