// Values per puskesmas wilayah kerja: the desa summed by the wilayah kerja valid in each month (domain
// rollUpByWilayahKerja), and the planner's need — persons not yet served this year ("belum terlayani tahun ini",
// domain people.ts) on chosen indicators, per puskesmas.
import {
  countsPersons,
  evaluateValue,
  reportedMonths,
  rollUpByWilayahKerja,
  TANPA_PUSKESMAS,
  valueRowNumbers,
  type DesaMonths,
  type IndicatorCode,
  type IndicatorDef,
  type NeedPart,
  type Period,
} from '@peta/domain';
import type { PuskesmasValueRow, PuskesmasValuesResponse } from '@peta/domain/contract';
import type { DbOrTx } from '@peta/db';
import { invalid } from '../errors.ts';
import { indicatorParam } from '../inputs.ts';
import type { ValuesService } from '../values/values-service.ts';
import { puskesmasRepository } from './puskesmas-repository.ts';
import { wilayahKerjaRepository } from './wilayah-kerja-repository.ts';

/** The need indicators when none are chosen: ibu hamil, balita, hipertensi (SPM). */
export const DEFAULT_NEED_INDICATORS: IndicatorCode[] = ['SPM01_BUMIL', 'SPM04_BALITA', 'SPM08_HT'];

/**
 * The need indicators as the planner's `indicators` parameter lists them (comma-separated; default
 * DEFAULT_NEED_INDICATORS). Need is counted in persons not yet served: an indicator that does not count persons (lower
 * is better, rates…) is refused.
 */
export function needIndicators(text: string | undefined): IndicatorCode[] {
  const codes = text
    ? text
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean)
    : DEFAULT_NEED_INDICATORS;
  return codes.map((code) => {
    const def = indicatorParam(code);
    if (!countsPersons(def)) {
      throw invalid(
        'INVALID_INDICATOR',
        `Indikator ${def.code} (${def.short}) tidak menghitung orang yang belum terlayani` +
          `${def.polarity === 'lower' ? ' (makin rendah makin baik)' : ''}, jadi tidak dapat dipakai sebagai kebutuhan. Pilih indikator layanan, misalnya SPM01_BUMIL.`,
      );
    }
    return def.code;
  });
}

export function wilayahKerjaValues(db: DbOrTx, values: Pick<ValuesService, 'desaYears'>) {
  const wilayahKerja = wilayahKerjaRepository(db);
  const puskesmas = puskesmasRepository(db);

  async function desaMonths(def: IndicatorDef, kabupaten: string, year: number): Promise<DesaMonths[]> {
    return (await values.desaYears(def, kabupaten, year)).map((d) => ({
      kode: d.kode,
      months: reportedMonths(d.row),
      sasaran: d.sasaran,
      simulatedMonths: d.row?.monthSimulated.map((s) => s === true),
    }));
  }

  /** Each puskesmas' value (TANPA_PUSKESMAS: months in which a desa belonged to none). */
  async function byPuskesmas(def: IndicatorDef, period: Period, kabupaten: string) {
    const [desa, history] = await Promise.all([
      desaMonths(def, kabupaten, period.year),
      wilayahKerja.history(kabupaten),
    ]);
    const rolled = rollUpByWilayahKerja(def, period, desa, history);
    return new Map([...rolled].map(([kode, v]) => [kode, { ...v, value: evaluateValue(def, period, v.aggregate) }]));
  }

  /** One row per puskesmas of the kabupaten (by name), then "Tanpa puskesmas"; only those with desa in the period. */
  async function rows(def: IndicatorDef, period: Period, kabupaten: string): Promise<PuskesmasValueRow[]> {
    const [byP, list] = await Promise.all([byPuskesmas(def, period, kabupaten), puskesmas.inKabupaten(kabupaten)]);
    const names = new Map(list.map((p) => [p.kode, p.nama]));
    const out: PuskesmasValueRow[] = [];
    for (const p of [...list.map((x) => x.kode), TANPA_PUSKESMAS]) {
      const v = byP.get(p);
      if (!v) continue;
      out.push({
        kode: p,
        nama: p === TANPA_PUSKESMAS ? 'Tanpa puskesmas' : (names.get(p) ?? p),
        ...valueRowNumbers(v.value),
        simulated: v.simulated,
        desaCount: v.desa.length,
      });
    }
    return out;
  }

  return {
    rows,

    /** GET /api/nilai/puskesmas. */
    async answer(def: IndicatorDef, period: Period, kabupaten: string): Promise<PuskesmasValuesResponse> {
      const list = await rows(def, period, kabupaten);
      return {
        indicator: def.code,
        period: period.code,
        periodLabel: period.label,
        kabupaten,
        simulated: list.some((r) => r.simulated),
        rows: list,
      };
    },

    /** Belum terlayani tahun ini per puskesmas per indicator, largest first; null (no report there) last. */
    async needs(kabupaten: string, indicators: IndicatorCode[], period: Period): Promise<Map<string, NeedPart[]>> {
      const result = new Map<string, NeedPart[]>();
      for (const code of indicators) {
        const def = indicatorParam(code);
        for (const [kode, v] of await byPuskesmas(def, period, kabupaten)) {
          if (kode === TANPA_PUSKESMAS) continue;
          const list = result.get(kode) ?? [];
          const n = v.value.notYetServed;
          list.push({
            indicator: def.code,
            notYetServed: n === null ? null : Math.max(0, n),
            text: def.notServedText ?? def.nameId,
          });
          result.set(kode, list);
        }
      }
      for (const list of result.values()) list.sort((a, b) => (b.notYetServed ?? -1) - (a.notYetServed ?? -1));
      return result;
    },
  };
}

export type WilayahKerjaValues = ReturnType<typeof wilayahKerjaValues>;
