// Pure helpers of the planner page: stage colours, dates, defaults (the map's layers: map-layers.ts). Tested in planner-model.test.ts.
import { ancestorAt, formatNumberId, ILP_STAGES, type IlpStageCode } from '@peta/domain';
import type { PuskesmasSummary } from '@peta/domain/contract';

/** Sequential palette (ColorBrewer YlGnBu), light = early stage, dark = implementing; grey = not started. */
export const STAGE_COLOURS: Record<IlpStageCode, string> = {
  belum: '#d9d9d9',
  persiapan: '#edf8b1',
  lokus_ditetapkan: '#c7e9b4',
  orientasi: '#7fcdbb',
  launching: '#41b6c4',
  implementasi: '#1d91c0',
  implementasi_penuh: '#253494',
};
/** Desa without a puskesmas: a colour outside the sequence, so it never reads as a stage. */
export const NO_PUSKESMAS_COLOUR = '#f4a6a6';
/** Desa of other puskesmas while one puskesmas is focused. */
export const FADED_COLOUR = '#f1f0ec';

export function stageLabel(code: IlpStageCode, lang: 'id' | 'en'): string {
  const s = ILP_STAGES.find((x) => x.code === code)!;
  return lang === 'en' ? s.labelEn : s.labelId;
}

/** The kabupaten of the URL's wilayah (12.07.01 → 12.07); a province or nothing → the default. */
export function kabupatenFromWilayah(wilayah: string | null, fallback = '12.07'): string {
  return ancestorAt(wilayah, 'kabupaten') ?? fallback;
}

/**
 * First day of this month (ISO), the default date a move takes effect: this month's report, not yet sent, goes to
 * the new puskesmas, and the map shows the move at once. Earlier months stay with the old one.
 */
export function firstOfMonth(today: Date): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)).toISOString().slice(0, 10);
}

/** "2026-07-01" → "1 Jul 2026" (id) / "1 Jul 2026" (en). */
export function formatDate(iso: string, lang: 'id' | 'en'): string {
  const [y, m, d] = iso.split('-').map(Number);
  const months =
    lang === 'en'
      ? ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
      : ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
  return `${d} ${months[m! - 1]} ${y}`;
}

/**
 * The table's need cell: the largest "belum terlayani tahun ini" ("6.917 penderita hipertensi belum dilayani sesuai
 * standar"); without desa or without any report it is unknown — said so, never "no need"; all served only when known.
 */
export function needText(
  p: Pick<PuskesmasSummary, 'desaCount' | 'need'>,
  t: (key: 'rencana.needNoDesa' | 'rencana.needNoData' | 'rencana.needAllServed') => string,
): string {
  if (p.desaCount === 0) return t('rencana.needNoDesa');
  const known = p.need.filter((n) => n.notYetServed !== null);
  if (known.length === 0) return t('rencana.needNoData');
  const top = [...known].sort((a, b) => b.notYetServed! - a.notYetServed!)[0]!;
  return top.notYetServed! > 0 ? `${formatNumberId(top.notYetServed!, 0)} ${top.text}` : t('rencana.needAllServed');
}
