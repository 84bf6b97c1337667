// The "Semua desa" choropleth: the compact columns of GET /api/values/desa turned into the same colours and
// legend as the drill-down (choroplethModel), for tens of thousands of desa at once.
import { useMemo } from 'react';
import { CLASS_OF_LETTER, desaKodesOf, type DesaValuesResponse, type IndicatorDto } from '@peta/domain/contract';
import { useDesaValues } from '../../api/queries.ts';
import type { TFunction } from '../../i18n/i18n.tsx';
import type { LegendMode } from '../../url-state.ts';
import { choroplethModel, type ClassifiedRow } from './legend-model.ts';

/** Columns → rows (kode, class, coverage, over100: an upper-case class letter). */
export function desaRows(values: DesaValuesResponse): ClassifiedRow[] {
  return desaKodesOf(values).map((kode, i) => {
    const letter = values.kelas[i] ?? '-';
    return { kode, class: CLASS_OF_LETTER[letter] ?? 'no-data', coverage: values.coverage[i] ?? null, over100: letter !== letter.toLowerCase() };
  });
}

/** The kecamatan holding a desa: its drill-down rows (nama, pembilang, penyebut…) feed the hover card. */
export const kecamatanOf = (desaKode: string) => desaKode.split('.').slice(0, 3).join('.');

export function useDesaChoropleth(def: IndicatorDto | undefined, period: string | undefined, parent: string | null, mode: LegendMode, enabled: boolean, t: TFunction) {
  const values = useDesaValues(def?.code, period, parent, enabled && def !== undefined);
  const data = enabled ? values.data : undefined;
  const model = useMemo(
    () => (def && data ? choroplethModel(mode, def, desaRows(data), t, data.expected) : null),
    [def, data, mode, t],
  );
  return { values, model, count: data?.kelas.length ?? 0, simulated: data?.simulated ?? false };
}
