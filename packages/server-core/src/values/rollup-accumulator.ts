// Adds desa rows up into the roll-ups of every wilayah above them, one provinsi at a time, in memory: the bulk paths
// (the demo load straight from its generator, a provinsi rebuilt whole) use it instead of reading kecamatan by
// kecamatan. Which sums a desa adds is the domain's (addDesaRollupSums); here they are only added up the tree.
import {
  addDesaRollupSums,
  addRollupSums,
  ancestorAt,
  emptyRollupSums,
  getIndicator,
  sasaranGroupOf,
  type RollupSums,
  type StoredYear,
} from '@peta/domain';
import type { CopyTextWriter } from '../imports/copy-text.ts';
import { INDONESIA, storedTriangles, type StoredRollup } from './rollup-repository.ts';

type Sums = Map<string, RollupSums>; // `${indicator}|${year}|${kode}`

function take(sums: Sums, indicator: string, year: number, kode: string): RollupSums {
  const key = `${indicator}|${year}|${kode}`;
  let s = sums.get(key);
  if (!s) sums.set(key, (s = emptyRollupSums()));
  return s;
}

function rowsOf(sums: Sums, loadId: number): StoredRollup[] {
  return [...sums].map(([key, s]) => {
    const [indicator, year, kode] = key.split('|') as [string, string, string];
    return { indicator, year: Number(year), kode, loadId, ...s };
  });
}

/**
 * Rows of one year together (stable): written in this order, an import of one year then touches the pages of that year
 * only — rows of two years side by side on every page made a month's import write every page of the table.
 */
const byYear = (rows: StoredRollup[]) => rows.sort((a, b) => a.year - b.year);

/**
 * add() the desa rows of one provinsi (any order), then drainProvinsi() gives the rows of its kecamatan, kabupaten
 * and itself and keeps the provinsi's sums for national(), Indonesia's rows once every provinsi is drained.
 */
export function rollupAccumulator(loadId: number) {
  let kecamatan: Sums = new Map();
  const nation: Sums = new Map();
  // Rows come desa by desa: the last desa's kecamatan saves cutting the kode again for each of its rows.
  let lastDesa = '';
  let lastKecamatan = '';
  // The last kecamatan's sums by indicator and year: its desa's rows come one after another, and finding them here
  // spares a key string per row (3.35 M nationally) and its hashing.
  let ofKecamatan = new Map<string, Map<number, RollupSums>>();
  return {
    /** The group whose sasaran the indicator's denominator is (null: counted; undefined: not in the catalogue). */
    groupOf(indicator: string) {
      const def = getIndicator(indicator);
      return def ? sasaranGroupOf(def) : undefined;
    },
    add(
      indicator: string,
      desa: string,
      year: number,
      row: StoredYear & { monthSimulated?: readonly (boolean | null)[] },
      sasaran: number | null,
    ) {
      const def = getIndicator(indicator);
      if (!def) return;
      if (desa !== lastDesa) {
        const kode = ancestorAt(desa, 'kecamatan')!;
        if (kode !== lastKecamatan) ofKecamatan = new Map();
        [lastDesa, lastKecamatan] = [desa, kode];
      }
      let years = ofKecamatan.get(indicator);
      if (!years) ofKecamatan.set(indicator, (years = new Map()));
      let sums = years.get(year);
      if (!sums) years.set(year, (sums = take(kecamatan, indicator, year, lastKecamatan)));
      addDesaRollupSums(sums, def, row, sasaran);
    },
    drainProvinsi(): StoredRollup[] {
      const upper: Sums = new Map();
      for (const [key, s] of kecamatan) {
        const [indicator, year, kode] = key.split('|') as [string, string, string];
        addRollupSums(take(upper, indicator, Number(year), ancestorAt(kode, 'kabupaten')!), s);
      }
      const provinsi: Sums = new Map();
      for (const [key, s] of upper) {
        const [indicator, year, kode] = key.split('|') as [string, string, string];
        addRollupSums(take(provinsi, indicator, Number(year), ancestorAt(kode, 'provinsi')!), s);
      }
      for (const [key, s] of provinsi) {
        const [indicator, year] = key.split('|') as [string, string];
        addRollupSums(take(nation, indicator, Number(year), INDONESIA), s);
      }
      const rows = byYear([...rowsOf(kecamatan, loadId), ...rowsOf(upper, loadId), ...rowsOf(provinsi, loadId)]);
      kecamatan = new Map();
      ofKecamatan = new Map();
      lastDesa = '';
      lastKecamatan = '';
      return rows;
    },
    national(): StoredRollup[] {
      return byYear(rowsOf(nation, loadId));
    },
  };
}

/** The columns of value_rollup in the order of writeRollupCopyLine (COPY … FROM STDIN). */
export const ROLLUP_COPY_COLUMNS =
  'indicator, year, kode, num, den, reports, reports_with_den, simulated, last_num, last_den, load_id';

/** One roll-up as a line of COPY text (a triangle its indicator does not keep: NULL); the national demo writes ~310,000. */
export function writeRollupCopyLine(r: StoredRollup, w: CopyTextWriter): void {
  const { lastNum, lastDen } = storedTriangles(r);
  w.ascii(r.indicator).char(9).number(r.year).char(9).ascii(r.kode).char(9);
  w.array(r.num).char(9).array(r.den).char(9).array(r.reports).char(9).array(r.reportsWithDen).char(9);
  w.array(r.simulated).char(9);
  if (lastNum === null) w.ascii('\\N');
  else w.array(lastNum);
  w.char(9);
  if (lastDen === null) w.ascii('\\N');
  else w.array(lastDen);
  w.char(9).number(r.loadId).char(10);
}
