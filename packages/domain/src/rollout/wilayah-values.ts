// Values per puskesmas wilayah kerja. A wilayah kerja changes over time (puskesmas_wilayah valid_from/valid_to),
// so a desa's monthly numbers go to the puskesmas that held the desa in that month: the one whose row is valid
// on the FIRST day of the month. A desa moved from 2026-07-01 gives January–June to the old puskesmas and
// July on to the new one; a move dated 2026-07-15 takes effect from August (July's report was made for the old).
// Roll-up as everywhere: Σ numerators ÷ Σ denominators (never a mean of percentages). For indicators that
// accumulate over the year against an annual sasaran, each holder gets the share of the desa's sasaran for the
// months it held (held ÷ months of the period), so the puskesmas' denominators still add up to the kabupaten's.
import type { IndicatorDef } from '../indicators/catalogue.ts';
import { aggregate, type Aggregate, type AggregateInput } from '../indicators/aggregate.ts';
import { periodValue, type MonthValue } from '../indicators/period-value.ts';
import type { Period } from '../indicators/period.ts';

export interface WilayahKerjaRow {
  desa: string;
  puskesmas: string;
  /** ISO date, inclusive. */
  validFrom: string;
  /** ISO date, exclusive; null = still valid. */
  validTo: string | null;
}

export interface DesaMonths {
  kode: string;
  months: readonly MonthValue[];
  /** Annual sasaran (or population) of the indicator's group; null when unknown or counted. */
  sasaran: number | null;
  /** Per month 1..12: the cell is simulated. */
  simulatedMonths?: readonly boolean[];
}

/** '' = months in which the desa belonged to no puskesmas. */
export const TANPA_PUSKESMAS = '';

export interface WilayahKerjaValue {
  puskesmas: string;
  aggregate: Aggregate;
  /** Desa that contributed at least one month of the period. */
  desa: string[];
  simulated: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The puskesmas holding `desa` on `date` (ISO), or null. */
export function holderOn(rows: readonly WilayahKerjaRow[], date: string): string | null {
  for (const r of rows) if (r.validFrom <= date && (r.validTo === null || r.validTo > date)) return r.puskesmas;
  return null;
}

export function rollUpByWilayahKerja(
  def: Pick<IndicatorDef, 'denominator' | 'periodKind' | 'unit'>,
  period: Pick<Period, 'year' | 'fromMonth' | 'toMonth'>,
  desa: readonly DesaMonths[],
  wilayahKerja: readonly WilayahKerjaRow[],
): Map<string, WilayahKerjaValue> {
  const rowsByDesa = new Map<string, WilayahKerjaRow[]>();
  for (const r of wilayahKerja) {
    const list = rowsByDesa.get(r.desa);
    if (list) list.push(r);
    else rowsByDesa.set(r.desa, [r]);
  }
  const periodMonths = period.toMonth - period.fromMonth + 1;
  const shareSasaran =
    (def.periodKind === 'ytd_cum' || def.periodKind === 'annual') && def.denominator.kind !== 'counted';
  const pieces = new Map<string, { inputs: AggregateInput[]; desa: string[]; simulated: boolean }>();
  for (const d of desa) {
    const rows = rowsByDesa.get(d.kode) ?? [];
    const heldBy = new Map<string, number[]>();
    for (let m = period.fromMonth; m <= period.toMonth; m++) {
      const holder = holderOn(rows, `${period.year}-${pad(m)}-01`) ?? TANPA_PUSKESMAS;
      const list = heldBy.get(holder);
      if (list) list.push(m);
      else heldBy.set(holder, [m]);
    }
    for (const [holder, held] of heldBy) {
      const months = d.months.filter((v) => held.includes(v.month));
      const sasaran = d.sasaran === null ? null : shareSasaran ? (d.sasaran * held.length) / periodMonths : d.sasaran;
      const value = periodValue(def, period, months, sasaran);
      let piece = pieces.get(holder);
      if (!piece) pieces.set(holder, (piece = { inputs: [], desa: [], simulated: false }));
      piece.inputs.push({ ...value, expectedMonths: held.length });
      piece.desa.push(d.kode);
      if (months.some((v) => v.numerator !== null && d.simulatedMonths?.[v.month - 1] === true)) piece.simulated = true;
    }
  }
  const result = new Map<string, WilayahKerjaValue>();
  for (const [puskesmas, piece] of pieces) {
    result.set(puskesmas, {
      puskesmas,
      aggregate: aggregate(piece.inputs, def.unit),
      desa: piece.desa,
      simulated: piece.simulated,
    });
  }
  return result;
}
