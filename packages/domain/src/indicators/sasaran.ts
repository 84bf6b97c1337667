// Sasaran (target population groups): the denominators of coverage indicators.
// Stored per desa × group × year with their kind: `register` (counted by name) or `estimate` (projection or
// proportion of the population). This module holds the groups and their default estimate rules as data
// (domain brief §2.4, §8, §9) and computes an estimate from a desa population.
//
// Rounding rule: the estimate keeps its unrounded value (`value`, float noise removed at 0.01) — store that,
// so that Σ desa = kabupaten and roll-ups stay exact. `persons` (half up to whole persons, as in PWS KIA
// teaching examples: 39.6 → 40) is for display only ("± 40 ibu hamil").

export const SASARAN_CODES = [
  'penduduk',
  'bumil',
  'bulin',
  'bufas',
  'lahir_hidup',
  'bayi',
  'bumil_risti',
  'neonatal_komplikasi',
  'baduta',
  'balita_0_59',
  'balita_12_59',
  'dikdas_7_15',
  'remaja_putri',
  'usia_15_59',
  'usia_15_plus',
  'lansia_60_plus',
  'pus',
  'est_ht_15',
  'est_dm_15',
  'odgj_berat',
  'terduga_tb',
  'berisiko_hiv',
  'jumlah_kk',
  'jumlah_rt',
] as const;
export type SasaranCode = (typeof SASARAN_CODES)[number];

/** register: counted by name; estimate: projection / proportion of the population. */
export type SasaranKind = 'register' | 'estimate';

/** Parameters of the default estimates. Rates per 1,000 (‰); proportions and prevalences as fractions (0.308 = 30.8 %). */
export interface SasaranParams {
  /** Crude birth rate, ‰. Use the latest kab/kota figure from BPS, else the province. Default 16 ‰ [G]. */
  cbr: number;
  /** Infant mortality rate, ‰. Default 17 ‰ (SP2020 long form) [G]. */
  imr: number;
  /** Share of ibu hamil with risk/complication (Pedoman PWS KIA). Default 0.20 [G]. */
  propBumilRisti: number;
  /** Share of neonates with complication (Pedoman PWS KIA). Default 0.15 [G]. */
  propNeonatalKomplikasi: number;
  propBaduta: number;
  propBalita: number;
  propAnakBalita: number;
  propDikdas: number;
  propRemajaPutri: number;
  propUsia15_59: number;
  propUsia15Plus: number;
  propLansia: number;
  propPus: number;
  /** Hypertension prevalence ≥ 15 y. Default SKI 2023 measured 30.8 % [V S17]; prefer the kab/kota figure. */
  prevHt: number;
  /** Diabetes prevalence ≥ 15 y. Default SKI 2023 blood test 11.7 % [V S17]; some dinkes use diagnosed 2.0 % [U]. */
  prevDm: number;
  /** ODGJ berat (ever psychotic) per 1,000 population. Default 1.8 ‰ (Riskesdas 2018) [V S41]. */
  odgjPerMille: number;
}

export const DEFAULT_SASARAN_PARAMS: Readonly<SasaranParams> = {
  cbr: 16,
  imr: 17,
  propBumilRisti: 0.2,
  propNeonatalKomplikasi: 0.15,
  propBaduta: 0.032,
  propBalita: 0.08,
  propAnakBalita: 0.065,
  propDikdas: 0.15,
  propRemajaPutri: 0.055,
  propUsia15_59: 0.64,
  propUsia15Plus: 0.75,
  propLansia: 0.115,
  propPus: 0.14,
  prevHt: 0.308,
  prevDm: 0.117,
  odgjPerMille: 1.8,
};

type ParamKey = keyof SasaranParams;

/** How the default estimate is computed, as data. `null` = register only (no population-based default). */
export type SasaranRule =
  | { readonly kind: 'population' }
  /** multiplier × CBR/1000 × penduduk */
  | { readonly kind: 'cbr'; readonly multiplier: number }
  /** CBR/1000 × penduduk × (1 − IMR/1000): surviving infants */
  | { readonly kind: 'survivors' }
  /** params[param] × penduduk */
  | { readonly kind: 'proportion'; readonly param: ParamKey }
  /** params[param] × estimate(of); `perMille` divides the parameter by 1000 */
  | { readonly kind: 'derived'; readonly of: SasaranCode; readonly param: ParamKey; readonly perMille?: boolean };

export interface SasaranGroup {
  readonly code: SasaranCode;
  readonly labelId: string;
  readonly labelEn: string;
  /** Person noun for gap texts, plural sense: "8 ibu hamil belum K1". */
  readonly noun: string;
  readonly rule: SasaranRule | null;
  /** Human formula of the default estimate (Bahasa Indonesia); for registers, where the number comes from. */
  readonly formula: string;
  readonly sourceRef: string;
  readonly confidence: 'V' | 'G' | 'U' | 'V/G' | 'V/U';
}

export const SASARAN_GROUPS: readonly SasaranGroup[] = [
  {
    code: 'penduduk',
    labelId: 'Jumlah penduduk',
    labelEn: 'Population',
    noun: 'penduduk',
    rule: { kind: 'population' },
    formula: 'penduduk',
    sourceRef: 'Dukcapil / BPS (§7)',
    confidence: 'V',
  },
  {
    code: 'bumil',
    labelId: 'Ibu hamil',
    labelEn: 'Pregnant women',
    noun: 'ibu hamil',
    rule: { kind: 'cbr', multiplier: 1.1 },
    formula: '1,10 × CBR × penduduk',
    sourceRef: 'Pedoman PWS KIA; Pusdatin (§2.4) [V S11, S42]',
    confidence: 'V',
  },
  {
    code: 'bulin',
    labelId: 'Ibu bersalin',
    labelEn: 'Women giving birth',
    noun: 'ibu bersalin',
    rule: { kind: 'cbr', multiplier: 1.05 },
    formula: '1,05 × CBR × penduduk',
    sourceRef: 'Pedoman PWS KIA; Pusdatin (§2.4) [V S11, S42]',
    confidence: 'V',
  },
  {
    code: 'bufas',
    labelId: 'Ibu nifas',
    labelEn: 'Postpartum women',
    noun: 'ibu nifas',
    rule: { kind: 'cbr', multiplier: 1.05 },
    formula: '1,05 × CBR × penduduk (= ibu bersalin)',
    sourceRef: 'Pedoman PWS KIA (§2.4) [V S11, S42]',
    confidence: 'V',
  },
  {
    code: 'lahir_hidup',
    labelId: 'Bayi baru lahir (lahir hidup)',
    labelEn: 'Live births / newborns',
    noun: 'bayi baru lahir',
    rule: { kind: 'cbr', multiplier: 1 },
    formula: 'CBR × penduduk',
    sourceRef: '§2.4 [G]',
    confidence: 'G',
  },
  {
    code: 'bayi',
    labelId: 'Bayi 0–11 bulan (surviving infants)',
    labelEn: 'Surviving infants 0–11 months',
    noun: 'bayi',
    rule: { kind: 'survivors' },
    formula: 'CBR × penduduk × (1 − AKB)',
    sourceRef: '§2.4 [G]',
    confidence: 'G',
  },
  {
    code: 'bumil_risti',
    labelId: 'Perkiraan ibu hamil risiko tinggi/komplikasi',
    labelEn: 'Expected pregnancies with risk/complication',
    noun: 'ibu hamil berisiko',
    rule: { kind: 'derived', of: 'bumil', param: 'propBumilRisti' },
    formula: '20 % × sasaran ibu hamil',
    sourceRef: 'Pedoman PWS KIA (§2.4, §4.3) [G]',
    confidence: 'G',
  },
  {
    code: 'neonatal_komplikasi',
    labelId: 'Perkiraan neonatus dengan komplikasi',
    labelEn: 'Expected neonates with complication',
    noun: 'neonatus dengan komplikasi',
    rule: { kind: 'derived', of: 'lahir_hidup', param: 'propNeonatalKomplikasi' },
    formula: '15 % × sasaran bayi baru lahir',
    sourceRef: 'Pedoman PWS KIA (§2.4, §4.3) [G]',
    confidence: 'G',
  },
  {
    code: 'baduta',
    labelId: 'Baduta 0–23 bulan',
    labelEn: 'Children under 2',
    noun: 'baduta',
    rule: { kind: 'proportion', param: 'propBaduta' },
    formula: '3,2 % × penduduk',
    sourceRef: '§2.4 [G, approx]',
    confidence: 'G',
  },
  {
    code: 'balita_0_59',
    labelId: 'Balita 0–59 bulan',
    labelEn: 'Children under 5',
    noun: 'balita',
    rule: { kind: 'proportion', param: 'propBalita' },
    formula: '8 % × penduduk (SP2020: 0–4 th = 8,1 %)',
    sourceRef: '§2.4 [G, approx]',
    confidence: 'G',
  },
  {
    code: 'balita_12_59',
    labelId: 'Anak balita 12–59 bulan',
    labelEn: 'Children 12–59 months',
    noun: 'anak balita',
    rule: { kind: 'proportion', param: 'propAnakBalita' },
    formula: '6,5 % × penduduk',
    sourceRef: '§2.4 [G, approx]',
    confidence: 'G',
  },
  {
    code: 'dikdas_7_15',
    labelId: 'Anak usia pendidikan dasar (kelas 1–9 / 7–15 th)',
    labelEn: 'Basic-education-age children',
    noun: 'anak usia pendidikan dasar',
    rule: { kind: 'proportion', param: 'propDikdas' },
    formula: '15 % × penduduk (lebih baik: murid kelas 1–9 + anak 7–15 th tidak sekolah)',
    sourceRef: '§2.2, §2.4 [G, approx]',
    confidence: 'G',
  },
  {
    code: 'remaja_putri',
    labelId: 'Remaja putri 12–18 th',
    labelEn: 'Adolescent girls 12–18',
    noun: 'remaja putri',
    rule: { kind: 'proportion', param: 'propRemajaPutri' },
    formula: '5,5 % × penduduk',
    sourceRef: '§2.4 [G, approx]',
    confidence: 'G',
  },
  {
    code: 'usia_15_59',
    labelId: 'Penduduk usia produktif 15–59 th',
    labelEn: 'Population aged 15–59',
    noun: 'penduduk usia 15–59 tahun',
    rule: { kind: 'proportion', param: 'propUsia15_59' },
    formula: '64 % × penduduk',
    sourceRef: '§2.4 [G, approx]',
    confidence: 'G',
  },
  {
    code: 'usia_15_plus',
    labelId: 'Penduduk usia ≥ 15 th',
    labelEn: 'Population aged 15+',
    noun: 'penduduk usia ≥ 15 tahun',
    rule: { kind: 'proportion', param: 'propUsia15Plus' },
    formula: '75 % × penduduk',
    sourceRef: '§2.4 [G, approx]',
    confidence: 'G',
  },
  {
    code: 'lansia_60_plus',
    labelId: 'Lansia ≥ 60 th',
    labelEn: 'Older people 60+',
    noun: 'lansia',
    rule: { kind: 'proportion', param: 'propLansia' },
    formula: '11,5 % × penduduk',
    sourceRef: '§2.4 [G, approx]',
    confidence: 'G',
  },
  {
    code: 'pus',
    labelId: 'Pasangan usia subur (PUS)',
    labelEn: 'Married women 15–49',
    noun: 'PUS',
    rule: { kind: 'proportion', param: 'propPus' },
    formula: '14 % × penduduk',
    sourceRef: '§2.4 [G, rough]',
    confidence: 'G',
  },
  {
    code: 'est_ht_15',
    labelId: 'Estimasi penderita hipertensi ≥ 15 th',
    labelEn: 'Estimated hypertensives 15+',
    noun: 'penderita hipertensi',
    rule: { kind: 'derived', of: 'usia_15_plus', param: 'prevHt' },
    formula: 'prevalensi HT (bawaan SKI 2023 30,8 %) × penduduk ≥ 15 th',
    sourceRef: 'SPM penderita HT (§2.4) [V S17, S30]',
    confidence: 'V/G',
  },
  {
    code: 'est_dm_15',
    labelId: 'Estimasi penderita diabetes melitus ≥ 15 th',
    labelEn: 'Estimated diabetics 15+',
    noun: 'penderita diabetes',
    rule: { kind: 'derived', of: 'usia_15_plus', param: 'prevDm' },
    formula: 'prevalensi DM (bawaan SKI 2023 11,7 %) × penduduk ≥ 15 th',
    sourceRef: 'SPM penderita DM (§2.4) [V S14, S17]; pilihan prevalensi [U]',
    confidence: 'V/U',
  },
  {
    code: 'odgj_berat',
    labelId: 'Proyeksi ODGJ berat',
    labelEn: 'Projected people with severe mental illness',
    noun: 'ODGJ berat',
    rule: { kind: 'derived', of: 'penduduk', param: 'odgjPerMille', perMille: true },
    formula: '1,8 ‰ × penduduk (alternatif: 6,7 per 1.000 rumah tangga × jumlah RT)',
    sourceRef: 'Riskesdas 2018 (§2.4) [V S41]; pilihan basis [U]',
    confidence: 'V/U',
  },
  {
    code: 'terduga_tb',
    labelId: 'Perkiraan orang terduga TBC (perencanaan)',
    labelEn: 'Planned presumptive TB',
    noun: 'orang terduga TBC',
    rule: null,
    formula: 'dari dinkes/SITB: perkiraan kasus ÷ positivity (5–15 %) — tanpa nilai bawaan',
    sourceRef: '§2.4 [V S43; pengali resmi U]',
    confidence: 'V/U',
  },
  {
    code: 'berisiko_hiv',
    labelId: 'Orang berisiko terinfeksi HIV',
    labelEn: 'People at risk of HIV',
    noun: 'orang berisiko HIV',
    rule: null,
    formula: 'Σ ibu hamil + pasien TB + pasien IMS + populasi kunci + WBP (dari dinkes) — tanpa nilai bawaan',
    sourceRef: 'SPM HIV (§2.2, §2.4) [V S16]',
    confidence: 'V',
  },
  {
    code: 'jumlah_kk',
    labelId: 'Jumlah kepala keluarga (KK)',
    labelEn: 'Households (family cards)',
    noun: 'KK',
    rule: null,
    formula: 'Dukcapil / PIS-PK / profil desa — register',
    sourceRef: '§2.4 [G]',
    confidence: 'G',
  },
  {
    code: 'jumlah_rt',
    labelId: 'Jumlah rumah tangga',
    labelEn: 'Households',
    noun: 'rumah tangga',
    rule: null,
    formula: 'PIS-PK / profil desa — register',
    sourceRef: '§2.4 [G]',
    confidence: 'G',
  },
];

const BY_CODE = new Map<string, SasaranGroup>(SASARAN_GROUPS.map((g) => [g.code, g]));

export function isSasaranCode(value: string): value is SasaranCode {
  return BY_CODE.has(value);
}

export function getSasaranGroup(code: SasaranCode): SasaranGroup {
  const g = BY_CODE.get(code);
  if (!g) throw new Error(`Kelompok sasaran tidak dikenal: "${code}"`);
  return g;
}

export interface SasaranEstimate {
  group: SasaranCode;
  /** Unrounded (float noise removed at 0.01): store this one. */
  value: number;
  /** Whole persons, half up: display only. */
  persons: number;
  kind: 'estimate';
  /** Formula with the numbers used, e.g. "1,10 × CBR 18‰ × 2000". */
  method: string;
  sourceRef: string;
}

/**
 * To the cent: estimated sasaran are stored unrounded and their sums carry float noise (1863.2200000000003); cents are
 * all that means anything. The one rounding of sasaran and of denominators summed from them.
 */
export const round2 = (x: number) => Math.round(x * 100) / 100;
const fmt = (x: number | string) => String(x).replace('.', ',');

function compute(code: SasaranCode, penduduk: number, p: SasaranParams): { value: number; method: string } | null {
  const rule = getSasaranGroup(code).rule;
  if (rule === null) return null;
  switch (rule.kind) {
    case 'population':
      return { value: penduduk, method: `penduduk ${penduduk}` };
    case 'cbr':
      return {
        value: rule.multiplier * (p.cbr / 1000) * penduduk,
        method: `${rule.multiplier === 1 ? '' : `${fmt(rule.multiplier.toFixed(2))} × `}CBR ${fmt(p.cbr)}‰ × penduduk ${penduduk}`,
      };
    case 'survivors':
      return {
        value: (p.cbr / 1000) * penduduk * (1 - p.imr / 1000),
        method: `CBR ${fmt(p.cbr)}‰ × penduduk ${penduduk} × (1 − AKB ${fmt(p.imr)}‰)`,
      };
    case 'proportion':
      return {
        value: p[rule.param] * penduduk,
        method: `${fmt(round2(p[rule.param] * 100))} % × penduduk ${penduduk}`,
      };
    case 'derived': {
      const base = compute(rule.of, penduduk, p);
      if (base === null) return null;
      const factor = rule.perMille ? p[rule.param] / 1000 : p[rule.param];
      const shown = rule.perMille ? `${fmt(p[rule.param])} ‰` : `${fmt(round2(p[rule.param] * 100))} %`;
      return { value: factor * base.value, method: `${shown} × (${base.method})` };
    }
  }
}

/**
 * Default estimate of a sasaran group from the desa population; null for groups that only come from a register
 * or from dinkes (terduga_tb, berisiko_hiv, jumlah_kk, jumlah_rt). `params` override the national defaults.
 * Derived groups (bumil_risti, est_ht_15 …) are computed from the estimate of their base group; when the base group
 * has a register value, apply the factor to that value instead (`deriveSasaran`).
 */
export function estimateSasaran(
  group: SasaranCode,
  penduduk: number,
  params: Partial<SasaranParams> = {},
): SasaranEstimate | null {
  if (!Number.isFinite(penduduk) || penduduk < 0) throw new Error(`Jumlah penduduk tidak sah: ${penduduk}`);
  const p: SasaranParams = { ...DEFAULT_SASARAN_PARAMS, ...params };
  const r = compute(group, penduduk, p);
  if (r === null) return null;
  const value = round2(r.value);
  return {
    group,
    value,
    persons: Math.round(value),
    kind: 'estimate',
    method: r.method,
    sourceRef: getSasaranGroup(group).sourceRef,
  };
}

/** For a derived group: its factor applied to a known (e.g. register) value of the base group; null if not derived. */
export function deriveSasaran(
  group: SasaranCode,
  baseValue: number,
  params: Partial<SasaranParams> = {},
): number | null {
  const rule = getSasaranGroup(group).rule;
  if (rule === null || rule.kind !== 'derived') return null;
  const p: SasaranParams = { ...DEFAULT_SASARAN_PARAMS, ...params };
  const factor = rule.perMille ? p[rule.param] / 1000 : p[rule.param];
  return round2(factor * baseValue);
}

/** Source tag for a stored estimate, e.g. "estimate:formula:bumil:2026" (§2.4 labelling rule). */
export function sasaranSourceTag(kind: SasaranKind, method: string, source: string, year: number): string {
  return `${kind}:${method}:${source}:${year}`;
}
