// The demo generator: deterministic (fixed seed) simulated sasaran and monthly values for every desa of the
// demo region. Pure: desa codes and kabupaten population in, rows out. The assumptions are in assumptions.ts.
import { ancestorAt, estimateSasaran, getIndicator, type IndicatorCode, type SasaranCode } from '@peta/domain';
import {
  DEMO_INDICATORS,
  DEMO_LAST_MONTH,
  DEMO_YEARS,
  DESA_SD,
  KECAMATAN_SD,
  OVER_REPORTING_FACTOR,
  OVER_REPORTING_SHARE,
  POPULATION_GROWTH,
  REMOTE_DESA_PENALTY,
  REMOTE_DESA_SHARE,
  REPORTING,
  SEASONAL_AMPLITUDE,
  SIMULATED_REGISTER_RATES,
  type IndicatorAssumption,
} from './assumptions.ts';
import { spreadPopulation } from './population.ts';
import { binomial, normal, poisson, rng } from './random.ts';

export interface SasaranRow {
  kode: string;
  year: number;
  group: SasaranCode;
  value: number;
  method: string;
}
/** One desa × indicator × year; element m−1 is month m, null = no report. */
export interface ValueRow {
  indicator: string;
  kode: string;
  year: number;
  numerators: (number | null)[];
  denominators: (number | null)[] | null;
}

export interface DemoInput {
  desaKodes: string[];
  kabupatenPopulation: Map<string, number>;
  seed: string;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Seasonal factor of month m (1..12); the twelve factors average to 1. */
export function seasonal(m: number): number {
  return 1 + SEASONAL_AMPLITUDE * Math.cos((2 * Math.PI * (m - 4)) / 12);
}
/** seasonal(m) for m = 1..12 (index m), the same numbers computed once. */
const SEASONAL = Array.from({ length: 13 }, (_, m) => seasonal(m));

function monthsOfYear(year: number): number[] {
  const [lastYear, lastMonth] = DEMO_LAST_MONTH.split('-').map(Number) as [number, number];
  const n = year < lastYear ? 12 : year === lastYear ? lastMonth : 0;
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** The months of each demo year, computed once (the generator asks for them millions of times nationally). */
const MONTHS_OF_YEAR: readonly (readonly number[])[] = DEMO_YEARS.map(monthsOfYear);

/** Sasaran groups the demo indicators need, plus the population itself: generateSasaran's groups, in its order. */
export function neededGroups(): SasaranCode[] {
  const groups = new Set<SasaranCode>(['penduduk']);
  for (const code of Object.keys(DEMO_INDICATORS)) {
    const den = getIndicator(code)!.denominator;
    if (den.kind === 'sasaran') groups.add(den.group);
  }
  return [...groups];
}

function sasaranOf(group: SasaranCode, penduduk: number): { value: number; method: string } {
  if (group === 'terduga_tb') {
    return {
      value: Math.round(penduduk * SIMULATED_REGISTER_RATES.terduga_tb * 100) / 100,
      method: 'register-simulasi: 0,5 % × penduduk',
    };
  }
  if (group === 'berisiko_hiv') {
    const bumil = estimateSasaran('bumil', penduduk)!.value;
    return {
      value: Math.round((bumil + penduduk * SIMULATED_REGISTER_RATES.berisiko_hiv_extra) * 100) / 100,
      method: 'register-simulasi: sasaran ibu hamil + 0,3 % × penduduk',
    };
  }
  const e = estimateSasaran(group, penduduk);
  if (!e) throw new Error(`Tidak ada estimasi bawaan untuk sasaran ${group}`);
  return { value: e.value, method: e.method };
}

export function* generateSasaran(
  input: DemoInput,
  population = spreadPopulation(input.desaKodes, input.kabupatenPopulation, input.seed),
): Generator<SasaranRow> {
  const groups = neededGroups();
  for (const kode of input.desaKodes) {
    const base = population.get(kode);
    if (base === undefined) continue;
    for (const year of DEMO_YEARS) {
      const penduduk = Math.round(base * (1 + POPULATION_GROWTH) ** (year - 2024));
      for (const group of groups) {
        const { value, method } = sasaranOf(group, penduduk);
        yield { kode, year, group, value, method: `${method}; penduduk desa simulasi ${year}` };
      }
    }
  }
}

function reportingMissProbability(random: () => number): number {
  let u = random();
  for (const r of REPORTING) {
    if (u < r.share) return r.missProbability;
    u -= r.share;
  }
  return REPORTING[0].missProbability;
}

export function* generateValues(
  input: DemoInput,
  population = spreadPopulation(input.desaKodes, input.kabupatenPopulation, input.seed),
): Generator<ValueRow> {
  const { seed } = input;
  const kecamatanEffect = new Map<string, number>();
  const effectOf = (kec: string, code: string) => {
    const key = `${kec}|${code}`;
    let e = kecamatanEffect.get(key);
    if (e === undefined) kecamatanEffect.set(key, (e = normal(rng(`${seed}|kec|${key}`), 0, KECAMATAN_SD)));
    return e;
  };
  const entries = Object.entries(DEMO_INDICATORS) as [IndicatorCode, IndicatorAssumption][];

  // Per desa: the missing months as one flag per (year, month), and each year's sasaran by group, computed once and
  // shared by the indicators (the same numbers in the same order as asking per indicator; only cheaper).
  const missing = new Uint8Array(DEMO_YEARS.length * 12);
  const sasaranByYear = DEMO_YEARS.map(() => new Map<SasaranCode, number>());
  for (const kode of input.desaKodes) {
    const base = population.get(kode);
    if (base === undefined) continue;
    const desaRandom = rng(`${seed}|desa|${kode}`);
    const miss = reportingMissProbability(desaRandom);
    const remote = desaRandom() < REMOTE_DESA_SHARE ? -REMOTE_DESA_PENALTY : 0;
    // A month a desa did not report is missing for every indicator (the report never reached the puskesmas).
    missing.fill(0);
    DEMO_YEARS.forEach((_, y) => {
      for (const m of MONTHS_OF_YEAR[y]!) if (desaRandom() < miss) missing[y * 12 + m - 1] = 1;
    });
    for (const cache of sasaranByYear) cache.clear();

    const kecamatan = ancestorAt(kode, 'kecamatan')!;
    for (const [code, a] of entries) {
      const def = getIndicator(code)!;
      const random = rng(`${seed}|nilai|${kode}|${code}`);
      const desaEffect =
        normal(random, 0, DESA_SD) + effectOf(kecamatan, code) + (a.shape.kind === 'prevalence' ? -remote / 4 : remote);
      const over = random() < OVER_REPORTING_SHARE ? OVER_REPORTING_FACTOR : 1;
      for (let y = 0; y < DEMO_YEARS.length; y++) {
        const year = DEMO_YEARS[y]!;
        const penduduk = base * (1 + POPULATION_GROWTH) ** (year - 2024);
        const den = def.denominator;
        // Prevalence is measured among balita; counted denominators scale with the population.
        const group: SasaranCode | null =
          den.kind === 'sasaran' ? den.group : a.shape.kind === 'prevalence' ? 'balita_0_59' : null;
        let sasaran = penduduk;
        if (group) {
          const cache = sasaranByYear[y]!;
          let value = cache.get(group);
          if (value === undefined) cache.set(group, (value = sasaranOf(group, Math.round(penduduk)).value));
          sasaran = value;
        }
        const level =
          a.shape.level + a.trend * (year - 2025) + (a.shape.kind === 'prevalence' ? desaEffect / 3 : desaEffect);
        const numerators: (number | null)[] = Array(12).fill(null);
        const denominators: (number | null)[] | null = den.kind === 'counted' ? Array(12).fill(null) : null;
        for (const m of MONTHS_OF_YEAR[y]!) {
          if (missing[y * 12 + m - 1]) continue;
          const v = monthValue(a, clamp(level, 0.03, 1.2), sasaran, penduduk, m, over, random);
          numerators[m - 1] = v.numerator;
          if (denominators) denominators[m - 1] = v.denominator;
        }
        yield { indicator: code, kode, year, numerators, denominators };
      }
    }
  }
}

function monthValue(
  a: IndicatorAssumption,
  level: number,
  sasaran: number,
  penduduk: number,
  m: number,
  over: number,
  random: () => number,
): { numerator: number; denominator: number | null } {
  const s = a.shape;
  switch (s.kind) {
    case 'cumulative':
      return { numerator: poisson(random, (level * over * sasaran * SEASONAL[m]!) / 12), denominator: null };
    case 'school': {
      // Penjaringan happens at the start of the school year: most of the year's screening in Jul–Oct.
      const share = m >= 7 && m <= 10 ? 0.2 : 0.025;
      return { numerator: poisson(random, level * over * sasaran * share), denominator: null };
    }
    case 'counted': {
      const denominator = poisson(random, (s.ratePerYear * penduduk * SEASONAL[m]!) / 12);
      return { numerator: binomial(random, denominator, Math.min(1, level * over)), denominator };
    }
    case 'monthly':
      return { numerator: binomial(random, Math.round(sasaran), Math.min(1, level * over)), denominator: null };
    case 'prevalence': {
      const denominator = binomial(random, Math.round(sasaran), s.measuredShare);
      return { numerator: binomial(random, denominator, clamp(level, 0.02, 0.6)), denominator };
    }
  }
}
