// What the "Ekspor untuk sistem lain" form asks the API for (GET /api/exchange/…), and what its answer says: the
// real cells in the file and the simulated demo cells left out (headers x-sel-nyata, x-sel-simulasi). Exports never
// carry simulated values, so an export of demo months is empty: the page says so instead of handing over an empty
// file. Pure, unit-tested.
import { formatNumberId } from '@peta/domain';
import { EXPORT_COUNT_HEADERS } from '@peta/domain/contract';
import type { TFunction } from '../../i18n/i18n.tsx';

export type ExportFormat = 'dhis2-json' | 'dhis2-csv' | 'adx' | 'fhir';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['dhis2-json', 'dhis2-csv', 'adx', 'fhir'];

const PATHS: Record<ExportFormat, string> = {
  'dhis2-json': '/api/exchange/dhis2.json',
  'dhis2-csv': '/api/exchange/dhis2.csv',
  adx: '/api/exchange/adx',
  fhir: '/api/exchange/fhir/MeasureReport',
};

export interface ExportRequest {
  format: ExportFormat;
  wilayah: string;
  year: number;
  /** 1–12, fromMonth ≤ toMonth (one year: periods are per year). */
  fromMonth: number;
  toMonth: number;
  /** Empty: every indicator. */
  indicators: readonly string[];
}

const pad = (m: number) => String(m).padStart(2, '0');

/** GET /api/exchange/dhis2.json?wilayah=12.10.09&periode=2026-09..2026-10&indikator=KIA_K4 (dots and commas readable). */
export function exportUrl(req: ExportRequest): string {
  const from = `${req.year}-${pad(req.fromMonth)}`;
  const periode = req.toMonth === req.fromMonth ? from : `${from}..${req.year}-${pad(req.toMonth)}`;
  const query = new URLSearchParams({ wilayah: req.wilayah, periode });
  if (req.indicators.length) query.set('indikator', req.indicators.join(','));
  return `${PATHS[req.format]}?${query.toString().replace(/%2C/g, ',')}`;
}

export interface ExportCounts {
  real: number;
  simulated: number;
}

/** The counts from the answer's headers (absent: unknown, treated as 0). */
export function exportCounts(headers: Pick<Headers, 'get'>): ExportCounts {
  const n = (name: string) => Number(headers.get(name) ?? 0) || 0;
  return { real: n(EXPORT_COUNT_HEADERS.real), simulated: n(EXPORT_COUNT_HEADERS.simulated) };
}

/** The sentence the page shows after an export: what the file holds, and that simulated values never leave. */
export function exportSummary(counts: ExportCounts, fileName: string, t: TFunction): string {
  const simulated = formatNumberId(counts.simulated, 0);
  if (counts.real === 0)
    return counts.simulated > 0 ? t('impor.export.onlySimulated', { simulated }) : t('impor.export.nothing');
  const done = t('impor.export.done', { file: fileName, real: formatNumberId(counts.real, 0) });
  return counts.simulated > 0 ? `${done} ${t('impor.export.simulatedLeftOut', { simulated })}` : done;
}
