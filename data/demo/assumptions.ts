// What the demo generator assumes, as data. Every number here is invented for a plausible picture, not
// measured: the UI and the API label all of it "Data contoh (simulasi)". Documented in data/README.md.
import type { IndicatorCode } from '@peta/domain';

export const DEMO_SEED = 'peta-demo-2026';
export const DEMO_YEARS = [2025, 2026] as const;
/** The demo runs up to October 2026 (the data a dinkes would have in November 2026). */
export const DEMO_LAST_MONTH = '2026-10';
/** Population growth from the Dukcapil 2024 figure, per year. */
export const POPULATION_GROWTH = 0.011;

export type Shape =
  /** Persons newly served per month so that the year reaches `level` × sasaran. */
  | { kind: 'cumulative'; level: number }
  /** Like cumulative, but the service happens at the start of the school year (penjaringan, Jul–Oct). */
  | { kind: 'school'; level: number }
  /** A counted denominator: `ratePerYear` × population per year, of whom `level` are served. */
  | { kind: 'counted'; ratePerYear: number; level: number }
  /** A monthly share of the sasaran (D/S): `level` of the sasaran each month. */
  | { kind: 'monthly'; level: number }
  /** A prevalence among those measured (`measuredShare` of the sasaran each month). */
  | { kind: 'prevalence'; measuredShare: number; level: number };

export interface IndicatorAssumption {
  shape: Shape;
  /** Change of the level from 2025 to 2026 (ILP roll-out: services rise, stunting falls). */
  trend: number;
}

/**
 * The indicators the demo fills (the catalogue has more; those show "belum ada data").
 * Levels are rough national pictures: SPM ibu hamil/bersalin ~ 80–85 % (2021: 61.8/62.5 % nationally,
 * rising), screening of adults and NCD care far lower, stunting ~ 20 % (SKI 2023: 21.5 %).
 */
export const DEMO_INDICATORS: Partial<Record<IndicatorCode, IndicatorAssumption>> = {
  SPM01_BUMIL: { shape: { kind: 'cumulative', level: 0.8 }, trend: 0.04 },
  SPM02_BULIN: { shape: { kind: 'cumulative', level: 0.84 }, trend: 0.03 },
  SPM03_BBL: { shape: { kind: 'cumulative', level: 0.86 }, trend: 0.03 },
  SPM04_BALITA: { shape: { kind: 'cumulative', level: 0.68 }, trend: 0.05 },
  SPM05_DIKDAS: { shape: { kind: 'school', level: 0.74 }, trend: 0.04 },
  SPM06_PRODUKTIF: { shape: { kind: 'cumulative', level: 0.42 }, trend: 0.08 },
  SPM07_LANSIA: { shape: { kind: 'cumulative', level: 0.58 }, trend: 0.06 },
  SPM08_HT: { shape: { kind: 'cumulative', level: 0.34 }, trend: 0.06 },
  SPM09_DM: { shape: { kind: 'cumulative', level: 0.38 }, trend: 0.06 },
  SPM10_ODGJ: { shape: { kind: 'cumulative', level: 0.72 }, trend: 0.04 },
  SPM11_TB: { shape: { kind: 'counted', ratePerYear: 0.005, level: 0.82 }, trend: 0.04 },
  SPM12_HIV: { shape: { kind: 'cumulative', level: 0.7 }, trend: 0.05 },
  KIA_K1: { shape: { kind: 'cumulative', level: 0.93 }, trend: 0.02 },
  KIA_K4: { shape: { kind: 'cumulative', level: 0.84 }, trend: 0.03 },
  KIA_PF: { shape: { kind: 'cumulative', level: 0.87 }, trend: 0.03 },
  KIA_KF: { shape: { kind: 'cumulative', level: 0.8 }, trend: 0.03 },
  KIA_KN1: { shape: { kind: 'cumulative', level: 0.9 }, trend: 0.02 },
  IMM_IDL: { shape: { kind: 'cumulative', level: 0.84 }, trend: 0.03 },
  GZ_DS: { shape: { kind: 'monthly', level: 0.72 }, trend: 0.04 },
  GZ_STUNTING: { shape: { kind: 'prevalence', measuredShare: 0.6, level: 0.2 }, trend: -0.02 },
};

/** Spread around the levels: a kecamatan effect, a desa effect, and a few desa far behind. */
export const KECAMATAN_SD = 0.08;
export const DESA_SD = 0.07;
export const REMOTE_DESA_SHARE = 0.05;
export const REMOTE_DESA_PENALTY = 0.2;
/** Seasonal swing of monthly services (± share), peaking in April. */
export const SEASONAL_AMPLITUDE = 0.15;
/** Missing reports per desa-month: most desa report reliably, some often miss, a few rarely report. */
export const REPORTING = [
  { share: 0.9, missProbability: 0.01 },
  { share: 0.08, missProbability: 0.1 },
  { share: 0.02, missProbability: 0.45 },
] as const;
/** Desa × indicator whose counts run far above the (estimated) sasaran: > 100 % anomalies to flag. */
export const OVER_REPORTING_SHARE = 0.006;
export const OVER_REPORTING_FACTOR = 1.7;
/** Sasaran groups without a population-based default estimate (registers in real life). */
export const SIMULATED_REGISTER_RATES = {
  /** orang terduga TBC per penduduk per year */
  terduga_tb: 0.005,
  /** orang berisiko HIV: ibu hamil plus key populations, per penduduk */
  berisiko_hiv_extra: 0.003,
} as const;
