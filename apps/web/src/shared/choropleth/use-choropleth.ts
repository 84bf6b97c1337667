// What the choropleth shows for the URL: the indicator (URL or default), the period (URL or Januari s.d. the
// latest month with data), the values of the view's children and the colours/legend built from them.
// Switching indicator or period changes only the values query: the geometry queries do not depend on it.
// `byPuskesmas` (a kabupaten/kota kode): the values of its wilayah kerja puskesmas instead of its kecamatan.
import { useMemo } from 'react';
import { defaultPeriodOf, tryParsePeriod } from '@peta/domain';
import type { ValueRow } from '@peta/domain/contract';
import { useIndicators, useLatestMonth, usePuskesmasValues, useValues } from '../../api/queries.ts';
import type { TFunction } from '../../i18n/i18n.tsx';
import type { UrlState } from '../../url-state.ts';
import { resolveIndicator } from '../indicator/indicator-choice.ts';
import { choroplethModel } from './legend-model.ts';

export function useChoropleth(url: UrlState, viewKode: string | null, t: TFunction, byPuskesmas: string | null = null) {
  const indicators = useIndicators();
  const list = useMemo(() => indicators.data ?? [], [indicators.data]);
  const def = resolveIndicator(list, url.indikator);

  // The latest month with data as the server states it (GET /api/meta): the same default period as the planner's.
  const latest = useLatestMonth();

  const urlPeriod = url.periode ? tryParsePeriod(url.periode) : null;
  const period = urlPeriod ?? (latest ? defaultPeriodOf(latest) : undefined);

  const byKecamatan = useValues(def?.code, period?.code, viewKode, def !== undefined && byPuskesmas === null);
  const byWilayahKerja = usePuskesmasValues(
    def?.code,
    period?.code,
    byPuskesmas,
    def !== undefined && byPuskesmas !== null,
  );
  const values = byPuskesmas === null ? byKecamatan : byWilayahKerja;
  const rows: ValueRow[] | undefined = values.data?.rows;
  const mode = url.legenda ?? 'target';
  const model = useMemo(() => (def && rows ? choroplethModel(mode, def, rows, t) : null), [mode, def, rows, t]);
  const rowByKode = useMemo(() => new Map((rows ?? []).map((r) => [r.kode, r])), [rows]);

  return {
    indicators,
    list,
    def,
    period,
    latest,
    mode,
    values,
    rows,
    rowByKode,
    model,
    /** The rows per puskesmas (with their desa counts) in the wilayah kerja view; undefined otherwise. */
    puskesmasRows: byPuskesmas === null ? undefined : byWilayahKerja.data?.rows,
    /** Previous rows shown while the new indicator/period loads. */
    updating: values.isPlaceholderData || values.isFetching,
    simulated: values.data?.simulated ?? false,
    /** Some rows simulated, others from imported reports: the badge says "sebagian" and rows are tagged. */
    partlySimulated: (values.data?.simulated ?? false) && (rows ?? []).some((r) => !r.simulated && r.coverage !== null),
  };
}

export type Choropleth = ReturnType<typeof useChoropleth>;
