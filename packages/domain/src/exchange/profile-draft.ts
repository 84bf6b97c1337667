// The import wizard's model (pure), shared by the web wizard and `pnpm cli profil draf`: from the first rows of a file
// in no known format and the user's choices per column to an import profile (profile.ts), which the server validates.
// The guesses only prefill the form (or the CLI's draft file); nothing is read until the user previews.
import { INDICATORS, getIndicator } from '../indicators/catalogue.ts';
import {
  columnLabel,
  columnLetter,
  headerLabels,
  headerSignature,
  monthOfLabel,
  readMonthCell,
  yearInText,
  type ImportProfile,
} from './profile.ts';

export type ColumnRole =
  | ''
  | 'desa-kode'
  | 'desa-nama'
  | 'kecamatan'
  | 'periode'
  | 'indikator'
  | 'pembilang'
  | 'penyebut';
export const COLUMN_ROLES: readonly ColumnRole[] = [
  '',
  'desa-nama',
  'desa-kode',
  'kecamatan',
  'periode',
  'indikator',
  'pembilang',
  'penyebut',
];

export interface ColumnChoice {
  role: ColumnRole;
  /** For a number column: its indicator, '' = the row's indicator column. */
  indikator: string;
  /** For a number column: its month 1–12, null = the row's period column. */
  bulan: number | null;
}

export interface WizardDraft {
  nama: string;
  kabupaten: string;
  lembar: string | null;
  barisJudul: number;
  tinggiJudul: 1 | 2;
  choices: Record<string, ColumnChoice>;
  /** The year of month columns: a number typed, or a cell holding it. */
  tahun: number | { sel: string } | null;
  /** The file's indicator labels → catalogue codes. */
  labelKode: Record<string, string>;
}

const NONE: ColumnChoice = { role: '', indikator: '', bulan: null };

/** The first rows of a file in no known format, as the server's preview gives them (ParsedImport.layout). */
export interface DraftLayout {
  sheet: string | null;
  /** The first non-empty row (1-based): the likely header. */
  headerRow: number;
  rows: readonly (readonly string[])[];
}

/** The wizard's first draft: the header where the file starts (or where the user says), every column guessed. */
export function startDraft(
  layout: DraftLayout,
  kabupaten: string,
  header: { barisJudul?: number; tinggiJudul?: 1 | 2 } = {},
): WizardDraft {
  const barisJudul = Math.max(1, header.barisJudul ?? layout.headerRow);
  const tinggiJudul = header.tinggiJudul ?? 1;
  const labels = labelsOf(layout.rows, { barisJudul, tinggiJudul });
  const year = findYearCell(layout.rows, barisJudul);
  return {
    nama: '',
    kabupaten,
    lembar: layout.sheet,
    barisJudul,
    tinggiJudul,
    choices: guessChoices(labels, layout.rows, barisJudul + tinggiJudul),
    tahun: year ? { sel: year.sel } : null,
    labelKode: {},
  };
}

/**
 * A whole profile guessed from the first rows (the command line's `profil draf`): the draft above, named, with the
 * indicator column's labels mapped where a label names one indicator. The user checks and edits the JSON, then
 * previews with it; a label left unmapped is refused by the import with its row, never guessed further.
 */
export function guessedProfile(
  layout: DraftLayout,
  options: { nama: string; kabupaten: string; barisJudul?: number; tinggiJudul?: 1 | 2 },
): { profile: ImportProfile; labels: string[]; choices: Record<string, ColumnChoice>; unmapped: string[] } {
  const draft = { ...startDraft(layout, options.kabupaten, options), nama: options.nama };
  const labels = labelsOf(layout.rows, draft);
  const indicatorColumn = labels.findIndex((l) => draft.choices[l]?.role === 'indikator');
  const indicatorLabels =
    indicatorColumn >= 0 ? columnValues(layout.rows, draft.barisJudul + draft.tinggiJudul, indicatorColumn) : [];
  const labelKode = Object.fromEntries(indicatorLabels.map((l) => [l, guessIndicator(l)]));
  return {
    profile: draftProfile({ ...draft, labelKode }, labels),
    labels,
    choices: draft.choices,
    unmapped: indicatorLabels.filter((l) => !labelKode[l]),
  };
}

/** A first guess per column from its label and first values (the user corrects it). */
export function guessChoices(
  labels: readonly string[],
  rows: readonly (readonly string[])[],
  firstDataRow: number,
): Record<string, ColumnChoice> {
  const out: Record<string, ColumnChoice> = {};
  labels.forEach((label, c) => {
    const l = label.toLowerCase();
    const values = rows
      .slice(firstDataRow - 1, firstDataRow + 9)
      .map((r) => r[c] ?? '')
      .filter(Boolean);
    const looksKode =
      values.length > 0 && values.every((v) => /^\d{2}[.\s]?\d{2}[.\s]?\d{2}[.\s]?\d{4}$/.test(v.trim()));
    const bulan = monthOfLabel(label);
    const code = guessIndicator(label.split(' / ')[0]!);
    if (/\bkec(amatan)?\b|distrik/.test(l)) out[label] = { ...NONE, role: 'kecamatan' };
    else if (/desa|kelurahan|kode wilayah|kode_wilayah/.test(l))
      out[label] = { ...NONE, role: looksKode ? 'desa-kode' : 'desa-nama' };
    else if (/bulan|periode|tanggal/.test(l) && bulan === null) out[label] = { ...NONE, role: 'periode' };
    else if (/indikator|program|kegiatan/.test(l)) out[label] = { ...NONE, role: 'indikator' };
    else if (/sasaran|penyebut|target/.test(l) && bulan === null) out[label] = { ...NONE, role: 'penyebut' };
    else if (bulan !== null || code || /jumlah|capaian|nilai|pembilang/.test(l))
      out[label] = { role: 'pembilang', indikator: code, bulan };
    else out[label] = { ...NONE };
  });
  return out;
}

/** An indicator a label names: its code, its short name, or the end of its code ("K4" → KIA_K4), when only one fits. */
export function guessIndicator(label: string): string {
  const x = label.trim().toUpperCase();
  if (!x) return '';
  const exact = getIndicator(x);
  if (exact) return exact.code;
  const fits = INDICATORS.filter((d) => d.short.toUpperCase() === x || d.code.endsWith(`_${x}`));
  return fits.length === 1 ? fits[0]!.code : '';
}

/** The cell above the header holding the year ("TAHUN 2026" in A2), as a cell reference, or null. */
export function findYearCell(
  rows: readonly (readonly string[])[],
  barisJudul: number,
): { sel: string; year: number } | null {
  for (let r = 0; r < barisJudul - 1; r++) {
    for (const [c, cell] of (rows[r] ?? []).entries()) {
      const year = yearInText(cell);
      if (year !== null) return { sel: `${columnLetter(c)}${r + 1}`, year };
    }
  }
  return null;
}

/** Distinct values of a column below the header (the indicator labels the wizard asks to map). */
export function columnValues(rows: readonly (readonly string[])[], firstDataRow: number, column: number): string[] {
  return [
    ...new Set(
      rows
        .slice(firstDataRow - 1)
        .map((r) => columnLabel(r[column] ?? ''))
        .filter(Boolean),
    ),
  ];
}

/** The months a period column holds in the rows shown (to check the mapping reads them). */
export const readableMonth = (text: string) => readMonthCell(text);

export function labelsOf(
  rows: readonly (readonly string[])[],
  draft: Pick<WizardDraft, 'barisJudul' | 'tinggiJudul'>,
): string[] {
  return headerLabels(rows, draft.barisJudul, draft.tinggiJudul);
}

/** The profile the draft describes (validated by the server), with the header signature of these labels. */
export function draftProfile(draft: WizardDraft, labels: readonly string[]): ImportProfile {
  const pick = (role: ColumnRole) => labels.find((l) => draft.choices[l]?.role === role);
  const desaNama = pick('desa-nama');
  const desaKode = pick('desa-kode');
  const kecamatan = pick('kecamatan');
  const periode = pick('periode');
  const indikator = pick('indikator');
  const nilai = labels
    .filter((l) => ['pembilang', 'penyebut'].includes(draft.choices[l]?.role ?? ''))
    .map((l) => {
      const c = draft.choices[l]!;
      return {
        kolom: l,
        peran: c.role as 'pembilang' | 'penyebut',
        ...(c.indikator ? { indikator: c.indikator } : {}),
        ...(c.bulan ? { bulan: c.bulan } : {}),
      };
    });
  const labelKode = Object.fromEntries(Object.entries(draft.labelKode).filter(([, code]) => code));
  return {
    versi: 1,
    nama: draft.nama.trim(),
    kabupaten: draft.kabupaten.trim(),
    ...(draft.lembar ? { lembar: draft.lembar } : {}),
    barisJudul: draft.barisJudul,
    ...(draft.tinggiJudul === 2 ? { tinggiJudul: 2 as const } : {}),
    tandaJudul: headerSignature(labels),
    desa: {
      kolom: desaNama ?? desaKode ?? '',
      isi: desaNama ? 'nama' : 'kode',
      ...(kecamatan ? { kolomKecamatan: kecamatan } : {}),
    },
    ...(periode ? { periode: { kolom: periode } } : {}),
    ...(nilai.some((n) => n.bulan) && draft.tahun !== null ? { tahun: draft.tahun } : {}),
    ...(indikator
      ? { indikator: { kolom: indikator, ...(Object.keys(labelKode).length ? { kode: labelKode } : {}) } }
      : {}),
    nilai,
  };
}
