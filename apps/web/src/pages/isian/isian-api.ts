// The grid's reads and its save (GET/POST /api/impor/isian). A save answers saved, invalid (422: the import's errors)
// or conflict (409: the cells someone else changed since their base); a network failure throws (the page queues it).
import { useQuery } from '@tanstack/react-query';
import type { GridConflict, GridConflictError, GridDto, GridSaveBody, ImportOutcomeDto } from '@peta/domain/contract';
import { apiFetch, getJson } from '../../api/client.ts';

export type GridArea = { kind: 'kecamatan' | 'puskesmas'; kode: string };

export const gridKey = (area: GridArea | null, period: string, indicators: readonly string[]) =>
  ['isian', area?.kind ?? '', area?.kode ?? '', period, indicators.join(',')] as const;

export function useGrid(area: GridArea | null, period: string, indicators: readonly string[]) {
  return useQuery({
    queryKey: gridKey(area, period, indicators),
    enabled: area !== null && indicators.length > 0 && /^\d{4}-\d{2}$/.test(period),
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({
        periode: period,
        indikator: indicators.join(','),
        [area!.kind === 'kecamatan' ? 'wilayah' : 'puskesmas']: area!.kode,
      });
      return getJson<GridDto>(`/api/impor/isian?${query.toString()}`, signal);
    },
  });
}

export type SaveAnswer =
  | { kind: 'saved'; outcome: ImportOutcomeDto }
  | { kind: 'invalid'; outcome: ImportOutcomeDto }
  | { kind: 'conflict'; message: string; conflicts: GridConflict[] };

export async function saveGrid(body: GridSaveBody): Promise<SaveAnswer> {
  const response = await apiFetch(
    '/api/impor/isian',
    { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
    [409, 422],
  );
  if (response.status === 409) {
    const error = (await response.json()) as GridConflictError;
    return { kind: 'conflict', message: error.message, conflicts: error.conflicts };
  }
  const outcome = (await response.json()) as ImportOutcomeDto;
  return { kind: response.status === 422 ? 'invalid' : 'saved', outcome };
}
