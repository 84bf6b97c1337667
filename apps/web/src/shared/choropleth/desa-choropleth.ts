// The "Semua desa" choropleth: the compact columns of GET /api/nilai/desa turned into the same colours and
// legend as the drill-down (choroplethModel), for tens of thousands of desa at once.
import { useMemo, useRef } from 'react';
import { CLASS_OF_LETTER, desaKodesOf, type DesaValuesResponse, type IndicatorDto } from '@peta/domain/contract';
import { useDesaValues } from '../../api/queries.ts';
import type { TFunction } from '../../i18n/i18n.tsx';
import type { LegendMode } from '../../url-state.ts';
import { choroplethModel, type ClassifiedRow } from './legend-model.ts';

/** Columns → rows (kode, class, coverage, over100: an upper-case class letter). */
export function desaRows(values: DesaValuesResponse): ClassifiedRow[] {
  return desaKodesOf(values).map((kode, i) => {
    const letter = values.kelas[i] ?? '-';
    return {
      kode,
      class: CLASS_OF_LETTER[letter] ?? 'no-data',
      coverage: values.coverage[i] ?? null,
      over100: letter !== letter.toLowerCase(),
    };
  });
}

export function useDesaChoropleth(
  def: IndicatorDto | undefined,
  period: string | undefined,
  parent: string | null,
  mode: LegendMode,
  enabled: boolean,
  t: TFunction,
) {
  const values = useDesaValues(def?.code, period, parent, enabled && def !== undefined);
  // While another indicator or period loads, the previous answer stays (placeholder): it keeps its own colours and
  // legend until the new one arrives, never the new indicator's legend over the old values.
  const data =
    enabled && values.data?.indicator === def?.code && values.data?.period === period ? values.data : undefined;
  const fresh = useMemo(
    () => (def && data ? choroplethModel(mode, def, desaRows(data), t, data.expected) : null),
    [def, data, mode, t],
  );
  const last = useRef({ model: fresh, count: data?.kelas.length ?? 0 });
  if (fresh || !enabled) last.current = { model: fresh, count: data?.kelas.length ?? 0 };
  const { model, count } = enabled ? last.current : { model: null, count: 0 };
  return { values, model, count, simulated: values.data?.simulated ?? false };
}
