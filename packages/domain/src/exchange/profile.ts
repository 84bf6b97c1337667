// Import profiles: a named mapping for a spreadsheet in no known format ("Ekspor ASIK imunisasi", "PWS KIA Puskesmas
// X"), kept per kabupaten and shareable as a small JSON file. It says where the header is (sheet, row, one or two
// header rows), which column names the desa (by kode or by name, with an optional kecamatan column), where the month
// is (one column, or one column per month with the year fixed or read from a cell), where the indicator is (one
// column, or one column per indicator) and which columns hold numerators and denominators.
// Reading a sheet with a profile gives the exchange formats' data values (one number per column × row), so the ONE
// assembler (assemble.ts) pairs numerators and denominators, sums, refuses duplicates; desa names go through
// desa-names.ts and old kode through crosswalk.ts, and the rows are then judged by the long format's rules like any
// file. A profile is picked automatically for a later file of the same shape: its header signature (tandaJudul).
import { getIndicator } from '../indicators/catalogue.ts';
import { isKode, normaliseKode, tingkatOf } from '../wilayah.ts';
import type { ExchangeIssue } from './issues.ts';
import { isObject } from './json-file.ts';
import type { ValueRole } from './mapping.ts';

/** One column holding numbers. Without `indikator` the row's indicator column says it; without `bulan` the period column. */
export interface ProfileValueColumn {
  kolom: string;
  peran: ValueRole;
  indikator?: string;
  /** 1–12: a column per month (PWS KIA: "K1 / Jan"). */
  bulan?: number;
}

export interface ImportProfile {
  versi: 1;
  nama: string;
  /** The kabupaten the profile belongs to: desa names are matched inside it. */
  kabupaten: string;
  /** Worksheet name (XLSX); absent: the first sheet with values. */
  lembar?: string;
  /** Row (1-based) of the header; with tinggiJudul 2, of its upper row. */
  barisJudul: number;
  /** Two header rows: the upper (merged across its months) and the lower are read as one label "K1 / Jan". */
  tinggiJudul?: 1 | 2;
  /** Header signature of the files this profile reads (headerSignature); a later file with it picks the profile. */
  tandaJudul?: string;
  desa: { kolom: string; isi: 'kode' | 'nama'; kolomKecamatan?: string };
  /** The month column, when a value column has no `bulan`. */
  periode?: { kolom: string };
  /** The year of `bulan` columns: fixed, or read from a cell ("B2" holding "TAHUN 2026"). */
  tahun?: number | { sel: string };
  /** The indicator column, when a value column has no `indikator`; `kode` maps the file's labels to catalogue codes. */
  indikator?: { kolom: string; kode?: Readonly<Record<string, string>> };
  nilai: readonly ProfileValueColumn[];
}

export const PROFILE_LIMITS = { columns: 2_000, labels: 2_000, text: 200, headerRow: 1_000 } as const;

// ------------------------------------------------------------------------------------------------ header labels

/** A header cell's label as profiles name columns: spaces collapsed, trimmed. */
export function columnLabel(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The labels of the header: one row, or two ("K1" merged over twelve months above "Jan … Des"): the upper label is
 * carried right over empty (merged) cells and joined with the lower one ("K1 / Jan"); where only one of them has text
 * the label is that text. An empty label is named by its column letter ("(kolom C)") so it can still be mapped.
 */
export function headerLabels(
  rows: readonly (readonly unknown[])[],
  barisJudul: number,
  tinggiJudul: 1 | 2 = 1,
): string[] {
  const upper = rows[barisJudul - 1] ?? [];
  const lower = tinggiJudul === 2 ? (rows[barisJudul] ?? []) : [];
  const width = Math.max(upper.length, lower.length);
  const labels: string[] = [];
  let carried = '';
  for (let c = 0; c < width; c++) {
    const up = columnLabel(upper[c]);
    const low = tinggiJudul === 2 ? columnLabel(lower[c]) : '';
    if (tinggiJudul === 2) {
      if (up) carried = up;
      else if (!low) carried = '';
    }
    const top = tinggiJudul === 2 ? up || (low ? carried : '') : up;
    labels.push(top && low ? `${top} / ${low}` : top || low || `(kolom ${columnLetter(c)})`);
  }
  // Trailing columns without any label are no columns.
  while (labels.length && /^\(kolom [A-Z]+\)$/.test(labels[labels.length - 1]!)) labels.pop();
  return labels;
}

/** A, B, …, Z, AA, … */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The header signature: its labels, case and spacing ignored. Files of the same shape share it. */
export function headerSignature(labels: readonly string[]): string {
  return labels.map((l) => l.toLowerCase()).join('|');
}

// ------------------------------------------------------------------------------------------------ months

const MONTHS: readonly (readonly string[])[] = [
  ['januari', 'jan', 'january'],
  ['februari', 'feb', 'pebruari', 'peb', 'february'],
  ['maret', 'mar', 'march'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'jun', 'june'],
  ['juli', 'jul', 'july'],
  ['agustus', 'agu', 'agt', 'ags', 'aug', 'august'],
  ['september', 'sep', 'sept'],
  ['oktober', 'okt', 'oct', 'october'],
  ['november', 'nov', 'nop', 'nopember'],
  ['desember', 'des', 'dec', 'december'],
];
const MONTH_BY_WORD = new Map(MONTHS.flatMap((words, i) => words.map((w) => [w, i + 1] as const)));

/** The month a header label names ("Jan", "K1 / Februari", "Bln 03" is not read: only month words), else null. */
export function monthOfLabel(label: string): number | null {
  const words = label
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  const found = [...new Set(words.map((w) => MONTH_BY_WORD.get(w)).filter((m): m is number => m !== undefined))];
  return found.length === 1 ? found[0]! : null;
}

/**
 * A month as other systems write it: a date cell, 2026-10, 2026-10-01, 202610, 10/2026, 10-2026, "Oktober 2026",
 * "Okt 2026", "Okt-26" is not read (a two-digit year is a guess). YYYY-MM, or null.
 */
export function readMonthCell(value: unknown): string | null {
  const pad = (m: number) => String(m).padStart(2, '0');
  const ok = (y: number, m: number) => (y >= 1900 && y <= 9999 && m >= 1 && m <= 12 ? `${y}-${pad(m)}` : null);
  if (value instanceof Date) return ok(value.getUTCFullYear(), value.getUTCMonth() + 1);
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 190001 && value <= 999912
      ? ok(Math.floor(value / 100), value % 100)
      : null;
  if (typeof value !== 'string') return null;
  const s = value.trim().toLowerCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-?(\d{2})(?:-\d{2})?$/.exec(s))) return ok(Number(m[1]), Number(m[2]));
  if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) return ok(Number(m[2]), Number(m[1]));
  if ((m = /^([a-z]+)[\s.,-]+(\d{4})$/.exec(s))) {
    const month = MONTH_BY_WORD.get(m[1]!);
    return month ? ok(Number(m[2]), month) : null;
  }
  return null;
}

/** A year in a cell's text ("TAHUN 2026", "PWS KIA 2026", 2026), when it holds exactly one. */
export function yearInText(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1900 && value <= 9999 ? value : null;
  const years = [...new Set((columnLabel(value).match(/(?<!\d)(19|20)\d{2}(?!\d)/g) ?? []).map(Number))];
  return years.length === 1 ? years[0]! : null;
}

/** "B2" → { row: 2, column: 1 } (0-based column). */
export function parseCellRef(ref: string): { row: number; column: number } | null {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column: column - 1 };
}

// ------------------------------------------------------------------------------------------------ validation

export type ProfileCheck = { ok: true; profile: ImportProfile } | { ok: false; errors: ExchangeIssue[] };

/** Checks a profile as it arrives (the wizard, an uploaded JSON file): every field, every indicator, the kabupaten. */
export function validateProfile(input: unknown): ProfileCheck {
  const errors: ExchangeIssue[] = [];
  const bad = (path: string, message: string) =>
    errors.push({ row: null, column: path, code: 'PROFILE_INVALID', message });
  const text = (v: unknown, path: string): string | undefined => {
    if (typeof v !== 'string' || !v.trim()) {
      bad(path, `${path} wajib berupa teks yang tidak kosong.`);
      return;
    }
    if (v.length > PROFILE_LIMITS.text) {
      bad(path, `${path} lebih panjang dari ${PROFILE_LIMITS.text} karakter.`);
      return;
    }
    return columnLabel(v);
  };
  if (!isObject(input))
    return {
      ok: false,
      errors: [{ row: null, column: null, code: 'PROFILE_INVALID', message: 'Profil impor harus berupa objek JSON.' }],
    };
  if (input.versi !== 1) bad('versi', 'versi profil impor harus 1.');
  const nama = text(input.nama, 'nama');
  const kabupatenRaw = typeof input.kabupaten === 'string' ? normaliseKode(input.kabupaten) : null;
  const kabupaten =
    kabupatenRaw && isKode(kabupatenRaw) && tingkatOf(kabupatenRaw) === 'kabupaten' ? kabupatenRaw : null;
  if (!kabupaten)
    bad(
      'kabupaten',
      `kabupaten harus kode kabupaten/kota Kemendagri (misalnya 12.10), bukan ${JSON.stringify(input.kabupaten)}.`,
    );
  const lembar = input.lembar === undefined ? undefined : text(input.lembar, 'lembar');
  const barisJudul = input.barisJudul;
  if (
    !Number.isInteger(barisJudul) ||
    (barisJudul as number) < 1 ||
    (barisJudul as number) > PROFILE_LIMITS.headerRow
  ) {
    bad('barisJudul', `barisJudul harus nomor baris 1–${PROFILE_LIMITS.headerRow}.`);
  }
  const tinggiJudul = input.tinggiJudul ?? 1;
  if (tinggiJudul !== 1 && tinggiJudul !== 2)
    bad('tinggiJudul', 'tinggiJudul harus 1 atau 2 (judul dua baris: indikator di atas, bulan di bawah).');
  const tandaJudul =
    typeof input.tandaJudul === 'string' && input.tandaJudul.length <= 100_000 ? input.tandaJudul : undefined;

  let desa: ImportProfile['desa'] | undefined;
  if (!isObject(input.desa)) bad('desa', 'desa wajib: { "kolom": "…", "isi": "kode" atau "nama" }.');
  else {
    const kolom = text(input.desa.kolom, 'desa.kolom');
    const isi = input.desa.isi;
    if (isi !== 'kode' && isi !== 'nama')
      bad('desa.isi', 'desa.isi harus "kode" (kode Kemendagri) atau "nama" (nama desa).');
    const kolomKecamatan =
      input.desa.kolomKecamatan === undefined || input.desa.kolomKecamatan === ''
        ? undefined
        : text(input.desa.kolomKecamatan, 'desa.kolomKecamatan');
    if (kolom && (isi === 'kode' || isi === 'nama'))
      desa = { kolom, isi, ...(kolomKecamatan ? { kolomKecamatan } : {}) };
  }
  let periode: ImportProfile['periode'];
  if (input.periode !== undefined) {
    const kolom = isObject(input.periode)
      ? text(input.periode.kolom, 'periode.kolom')
      : void bad('periode', 'periode harus { "kolom": "…" }.');
    if (kolom) periode = { kolom };
  }
  let tahun: ImportProfile['tahun'];
  if (input.tahun !== undefined) {
    if (typeof input.tahun === 'number' && Number.isInteger(input.tahun) && input.tahun >= 1900 && input.tahun <= 9999)
      tahun = input.tahun;
    else if (isObject(input.tahun) && typeof input.tahun.sel === 'string' && parseCellRef(input.tahun.sel))
      tahun = { sel: input.tahun.sel.trim().toUpperCase() };
    else bad('tahun', 'tahun harus angka tahun (2026) atau { "sel": "B2" } (sel yang memuat tahunnya).');
  }
  let indikator: ImportProfile['indikator'];
  if (input.indikator !== undefined) {
    if (!isObject(input.indikator))
      bad('indikator', 'indikator harus { "kolom": "…", "kode": { "label di berkas": "KODE" } }.');
    else {
      const kolom = text(input.indikator.kolom, 'indikator.kolom');
      const kode: Record<string, string> = {};
      if (input.indikator.kode !== undefined) {
        if (!isObject(input.indikator.kode))
          bad('indikator.kode', 'indikator.kode harus { "label di berkas": "KODE" }.');
        else {
          const entries = Object.entries(input.indikator.kode);
          if (entries.length > PROFILE_LIMITS.labels)
            bad('indikator.kode', `indikator.kode memuat lebih dari ${PROFILE_LIMITS.labels} label.`);
          for (const [label, code] of entries.slice(0, PROFILE_LIMITS.labels)) {
            const def = typeof code === 'string' ? getIndicator(code.trim().toUpperCase()) : undefined;
            if (!def)
              bad(
                `indikator.kode.${label}`,
                `Label "${label}" dipetakan ke indikator yang tidak dikenal: ${JSON.stringify(code)}.`,
              );
            else kode[columnLabel(label)] = def.code;
          }
        }
      }
      if (kolom)
        indikator = { kolom, ...(Object.keys(kode).length ? { kode: Object.fromEntries(Object.entries(kode)) } : {}) };
    }
  }
  const nilai: ProfileValueColumn[] = [];
  if (!Array.isArray(input.nilai) || !input.nilai.length)
    bad('nilai', 'nilai wajib berisi paling sedikit satu kolom angka { "kolom": "…", "peran": "pembilang" }.');
  else if (input.nilai.length > PROFILE_LIMITS.columns)
    bad('nilai', `nilai memuat lebih dari ${PROFILE_LIMITS.columns} kolom.`);
  else {
    const seen = new Set<string>();
    input.nilai.forEach((raw: unknown, i: number) => {
      const path = `nilai[${i}]`;
      if (!isObject(raw)) {
        bad(path, `${path} harus berupa objek.`);
        return;
      }
      const kolom = text(raw.kolom, `${path}.kolom`);
      const peran = raw.peran;
      if (peran !== 'pembilang' && peran !== 'penyebut')
        bad(`${path}.peran`, `${path}.peran harus "pembilang" atau "penyebut".`);
      let code: string | undefined;
      if (raw.indikator !== undefined) {
        const def = typeof raw.indikator === 'string' ? getIndicator(raw.indikator.trim().toUpperCase()) : undefined;
        if (!def)
          bad(
            `${path}.indikator`,
            `Indikator tidak dikenal: ${JSON.stringify(raw.indikator)} (lihat katalog, misalnya KIA_K1).`,
          );
        else if (peran === 'penyebut' && def.denominator.kind !== 'counted')
          bad(
            `${path}.peran`,
            `Penyebut ${def.code} adalah sasaran tahunan, bukan nilai bulanan: petakan hanya pembilangnya.`,
          );
        else code = def.code;
      } else if (!indikator) bad(`${path}.indikator`, `${path}: tulis indikatornya, atau petakan kolom indikator.`);
      const bulan = raw.bulan;
      if (bulan !== undefined && (!Number.isInteger(bulan) || (bulan as number) < 1 || (bulan as number) > 12))
        bad(`${path}.bulan`, `${path}.bulan harus 1–12.`);
      if (bulan === undefined && !periode) bad(`${path}.bulan`, `${path}: tulis bulannya, atau petakan kolom periode.`);
      if (bulan !== undefined && tahun === undefined)
        bad('tahun', 'Kolom per bulan memerlukan tahun: angka tahun atau sel yang memuatnya.');
      if (kolom && seen.has(kolom)) bad(`${path}.kolom`, `Kolom "${kolom}" dipetakan dua kali.`);
      if (kolom) seen.add(kolom);
      if (kolom && (peran === 'pembilang' || peran === 'penyebut')) {
        nilai.push({
          kolom,
          peran,
          ...(code ? { indikator: code } : {}),
          ...(typeof bulan === 'number' ? { bulan } : {}),
        });
      }
    });
  }
  if (errors.length || !nama || !kabupaten || !desa)
    return { ok: false, errors: errors.filter((e, i) => errors.findIndex((o) => o.message === e.message) === i) };
  return {
    ok: true,
    profile: {
      versi: 1,
      nama,
      kabupaten,
      ...(lembar ? { lembar } : {}),
      barisJudul: barisJudul as number,
      ...(tinggiJudul === 2 ? { tinggiJudul: 2 as const } : {}),
      ...(tandaJudul !== undefined ? { tandaJudul } : {}),
      desa,
      ...(periode ? { periode } : {}),
      ...(tahun !== undefined ? { tahun } : {}),
      ...(indikator ? { indikator } : {}),
      nilai,
    },
  };
}
