// The import page's model: URLs of the upload/commit/undo calls, the rows of the error, warning and change tables,
// the "Lihat di peta" link and the history's wording. Pure, unit-tested; words come from i18n keys.
import { ancestorsOf, isKode, parentOf, tingkatOf } from '@peta/domain';
import type {
  CommitLine,
  ImportIssueDto,
  ImportOutcomeDto,
  ImportSampleDto,
  LoadRecordDto,
} from '@peta/domain/contract';
import type { MessageKey, TFunction } from '../../i18n/i18n.tsx';

// Who imports or undoes is the signed-in user: the server records it, the URLs carry no name.
export const previewUrl = (fileName: string) =>
  `/api/impor/pratinjau?${new URLSearchParams({ berkas: fileName }).toString()}`;
export const commitUrl = (previewId: string) => `/api/impor/${encodeURIComponent(previewId)}/simpan`;
export const undoUrl = (loadId: number) => `/api/impor/${loadId}/batalkan`;

/** Files the API reads; anything else is still sent (the API says what is wrong), but the picker offers these. */
/** Our spreadsheets, and the exchange files of other systems (DHIS2 .json/.csv, ADX .xml, FHIR .json). */
export const ACCEPTED_FILES =
  '.xlsx,.csv,.json,.xml,text/csv,application/json,application/xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface IssueRow {
  /** Row as the spreadsheet shows it; '—' for the whole file. */
  baris: string;
  /** Column header; '—' for a whole row or the file. */
  kolom: string;
  kode: string;
  pesan: string;
}

export function issueRows(issues: readonly ImportIssueDto[]): IssueRow[] {
  return issues.map((i) => ({
    baris: i.row === null ? '—' : String(i.row),
    kolom: i.column ?? '—',
    kode: i.code,
    pesan: i.message,
  }));
}

/** "menampilkan 500 dari 1.234" when the API cut the list, else null. */
export function truncation(shown: number, total: number): { shown: number; total: number } | null {
  return total > shown ? { shown, total } : null;
}

export type OutcomeView = 'ready' | 'unchanged' | 'invalid' | 'imported';

export function outcomeView(outcome: Pick<ImportOutcomeDto, 'status'>): OutcomeView {
  switch (outcome.status) {
    case 'preview':
      return 'ready';
    case 'unchanged':
      return 'unchanged';
    case 'invalid':
      return 'invalid';
    case 'imported':
      return 'imported';
  }
}

/** Only a preview with something to write can be committed. */
export const canCommit = (outcome: Pick<ImportOutcomeDto, 'status' | 'previewId'>) =>
  outcome.status === 'preview' && outcome.previewId !== null;

const numberId = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** 12 · 12/15 (pembilang/penyebut) · '' for no value. */
export function cellText(numerator: number | null, denominator: number | null): string {
  if (numerator === null) return '';
  return denominator === null
    ? numberId.format(numerator)
    : `${numberId.format(numerator)}/${numberId.format(denominator)}`;
}

export interface SampleRow {
  key: string;
  kode: string;
  desa: string;
  item: string;
  period: string;
  /** '' when the cell was empty before. */
  lama: string;
  lamaSimulated: boolean;
  baru: string;
  change: ImportSampleDto['change'];
}

/** The change table: desa name (kode when unknown), indicator short name (code when unknown), month, old → new. */
export function sampleRows(
  sample: readonly ImportSampleDto[],
  names: ReadonlyMap<string, string>,
  itemLabel: (code: string) => string,
  periodLabel: (period: string) => string,
): SampleRow[] {
  return sample.map((s, i) => ({
    key: `${s.row}-${s.kode}-${s.item}-${s.period}-${i}`,
    kode: s.kode,
    desa: names.get(s.kode) ?? s.kode,
    item: itemLabel(s.item),
    period: periodLabel(s.period),
    lama: cellText(s.oldNumerator, s.oldDenominator),
    lamaSimulated: s.oldSimulated === true,
    baru: cellText(s.newNumerator, s.newDenominator),
    change: s.change,
  }));
}

/** The parents whose children hold the names of the sample's desa (one children request each). */
export function parentsOfSample(sample: readonly Pick<ImportSampleDto, 'kode'>[]): string[] {
  return [...new Set(sample.map((s) => parentOf(s.kode)).filter((k): k is string => k !== null))].sort();
}

/** The deepest wilayah containing every kode (12.10.09 for desa of one kecamatan); null when they share none. */
export function commonWilayah(kodes: readonly string[]): string | null {
  const valid = kodes.filter(isKode);
  if (!valid.length) return null;
  const chains = valid.map((k) => [...ancestorsOf(k), k]);
  let common: string | null = null;
  for (let depth = 0; ; depth++) {
    const at = chains[0]![depth];
    if (at === undefined || !chains.every((c) => c[depth] === at)) return common;
    common = at;
  }
}

export interface MapLink {
  wilayah: string;
  indikator: string | null;
  periode: string;
}

/**
 * Where "Lihat di peta" goes after a value import: the template's wilayah (else the wilayah containing the changed
 * desa, shown as its desa: the parent of a single desa), the first changed indicator, and the imported month (a
 * cumulative Januari..last month when several months changed). null for sasaran files or without a sample.
 */
export function mapLinkFor(outcome: Pick<ImportOutcomeDto, 'target' | 'template' | 'sample'>): MapLink | null {
  if (outcome.target !== 'nilai') return null;
  const months = [...new Set(outcome.sample.map((s) => s.period).filter((p) => /^\d{4}-\d{2}$/.test(p)))].sort();
  const period = outcome.template?.period ?? (months.length === 1 ? months[0]! : null);
  let periode = period;
  if (!periode && months.length) {
    const last = months[months.length - 1]!;
    const sameYear = months.every((m) => m.slice(0, 4) === last.slice(0, 4));
    periode = sameYear ? `${last.slice(0, 4)}-${months[0]!.slice(5)}..${last}` : last;
  }
  if (!periode) return null;
  let wilayah = outcome.template?.wilayah ?? commonWilayah(outcome.sample.map((s) => s.kode));
  // A single desa is shown among its neighbours, with its own panel open only when asked: the parent's view.
  if (wilayah && !outcome.template && tingkatOf(wilayah) === 'desa') wilayah = parentOf(wilayah);
  if (!wilayah) return null;
  return { wilayah, indikator: outcome.sample[0]?.item ?? null, periode };
}

export function mapHref(link: MapLink): string {
  const q = new URLSearchParams({ wilayah: link.wilayah });
  if (link.indikator) q.set('indikator', link.indikator);
  q.set('periode', link.periode);
  return `/?${q.toString()}`;
}

/** The first 10 hex digits of a sha256: enough to tell files apart in a list; the full hash is in the title. */
export const shortHash = (hash: string | null) => (hash ? hash.slice(0, 10) : '');

export const KIND_LABEL: Record<LoadRecordDto['kind'], MessageKey> = {
  demo: 'impor.kind.demo',
  import: 'impor.kind.import',
  undo: 'impor.kind.undo',
};

export const FORMAT_LABEL: Record<NonNullable<ImportOutcomeDto['format']>, MessageKey> = {
  template: 'impor.format.template',
  long: 'impor.format.long',
  sasaran: 'impor.format.sasaran',
  'dhis2-json': 'impor.format.dhis2Json',
  'dhis2-csv': 'impor.format.dhis2Csv',
  adx: 'impor.format.adx',
  fhir: 'impor.format.fhir',
  profil: 'impor.format.profil',
};

/** Only a completed import can be undone (an undo or the demo data cannot). */
export const canUndo = (load: Pick<LoadRecordDto, 'kind' | 'status'>) =>
  load.kind === 'import' && load.status === 'done';

/** The status column: active, undone by #n, or "undoes #n". */
export function loadStatus(load: Pick<LoadRecordDto, 'kind' | 'status' | 'undoneBy' | 'undoes'>): {
  key: MessageKey;
  params?: Record<string, number>;
} {
  if (load.status === 'undone')
    return load.undoneBy !== null
      ? { key: 'impor.status.undoneBy', params: { id: load.undoneBy } }
      : { key: 'impor.status.undone' };
  if (load.kind === 'undo' && load.undoes !== null) return { key: 'impor.status.undoes', params: { id: load.undoes } };
  return { key: 'impor.status.done' };
}

/** 23 Nov 2026 14.05 (the user's language, local time). */
export function formatWhen(iso: string, lang: 'id' | 'en'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

/** 1,2 MB / 850 KB / 312 B, for the chosen file. */
export function formatBytes(bytes: number, lang: 'id' | 'en'): string {
  const nf = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${nf.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${nf.format(bytes / 1024)} KB`;
  return `${nf.format(bytes / 1024 / 1024)} MB`;
}

/** "42%" / "42 %" as the language writes it: the share of `total` done, rounded down (100% only when all is done). */
export function formatPercent(done: number, total: number, lang: 'id' | 'en'): string {
  const share = total > 0 ? Math.floor((Math.min(done, total) / total) * 100) / 100 : 0;
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { style: 'percent' }).format(share);
}

/**
 * A commit phase in the page's language: by its code where the server sent one (impor.phase.*), else the server's
 * own words (Bahasa Indonesia).
 */
export function phaseText(progress: Pick<Extract<CommitLine, { type: 'progress' }>, 'phase' | 'code'>, t: TFunction) {
  return progress.code ? t(`impor.phase.${progress.code}`) : progress.phase;
}
