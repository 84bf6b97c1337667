// The indicator catalogue: ONE readonly table, definitions as data (domain brief §2, §4.3, §5, §8).
// Source tags in `confidence` and `targetSource`: V verified, G general knowledge, U uncertain — §-numbers and
// S-numbers refer to /work/shared/domain/ilp-pws-spm.md. Targets are product defaults: the official number is the
// local one (SK kepala puskesmas, Renstra/RPJMD), stored per year and area; only SPM is 100 % by definition.
//
// Conventions every importer and the API must follow:
// - Values are counts per desa × indicator × month. For `ytd_cum` and `annual` indicators the monthly numerator
//   counts persons who NEWLY meet the definition in that month (each person once a year, PWS convention), so the
//   sum over Jan..m is the persons reached so far this year.
// - `denominator.kind`:
//     'sasaran'    annual sasaran of the group (per desa × group × year, register or estimate, see sasaran.ts);
//     'counted'    a denominator counted in the same month as the numerator (stored with the value);
//     'population' the desa population (sasaran group 'penduduk'), the value is per 100,000.
// - `periodKind` (how the months of a period combine, see period-value.ts):
//     'ytd_cum'  Σ numerators of the months ÷ annual sasaran (or Σ counted denominators); target line target × months/12;
//     'annual'   computed like ytd_cum, but officially judged on the full year only;
//     'month'    a monthly ratio: Σ numerators ÷ (sasaran × reported months) or Σ counted denominators;
//     'point'    a status at a point in time (prevalence, active users): the LAST reported month of the period.
// - `rollUp` is always 'sum': parents are Σ numerators ÷ Σ denominators of their desa, never a mean of percentages.
// - Desa flags (e.g. desa SBS) are modelled as 'counted' with numerator 0/1 and denominator 1 per desa, so the
//   roll-up gives "desa SBS ÷ desa reporting" without special code.
import { getSasaranGroup, type SasaranCode } from './sasaran.ts';

export type Klaster = 'K1' | 'K2' | 'K3' | 'K4';
export type IndicatorGroup = 'SPM' | 'PWS KIA' | Klaster;
export type Polarity = 'higher' | 'lower' | 'band' | 'context';
export type IndicatorUnit = 'percent' | 'per100k';
export type IndicatorPeriodKind = 'ytd_cum' | 'month' | 'point' | 'annual';
export type Confidence = 'V' | 'G' | 'U' | 'V/G' | 'V/U' | 'G/U';

/**
 * How this indicator's counts are shown to readers outside the area (packages/domain/src/privacy, docs/privacy.md).
 * Absent: ordinary counts of persons — hidden at desa, kecamatan and puskesmas level below the small-count threshold.
 *   'sensitive'    a stigmatised condition or a death: never shown per desa to readers outside the area, and small
 *                  counts hidden at kecamatan and puskesmas level like any other;
 *   'not-personal' counts institutions or areas (posyandu, desa), not persons: never hidden.
 * The reason is written for the people who decide (dinkes, DPO) and shown in the documentation.
 */
export interface IndicatorPrivacy {
  readonly class: 'sensitive' | 'not-personal';
  readonly reasonId: string;
  readonly reasonEn: string;
}

export type Denominator =
  | { readonly kind: 'sasaran'; readonly group: SasaranCode }
  | { readonly kind: 'counted'; readonly labelId: string }
  | { readonly kind: 'population'; readonly per: 100000 };

/**
 * One indicator of the catalogue. `Code` is the literal union of the catalogue's codes (IndicatorCode): every definition
 * the API and the web handle comes from INDICATORS, so a code that travels is always one of them. (The catalogue itself
 * is checked against IndicatorDef<string>, which is what lets IndicatorCode be derived from it.)
 */
export interface IndicatorDef<Code extends string = IndicatorCode> {
  readonly code: Code;
  readonly nameId: string;
  readonly nameEn: string;
  /** Short label for tables, legends and the picker. */
  readonly short: string;
  readonly klaster: Klaster;
  /** Picker group. */
  readonly group: IndicatorGroup;
  readonly numeratorDef: string;
  readonly denominator: Denominator;
  /** Annual target in the unit (percent or per 100,000); null for 'context' and 'band'. */
  readonly target: number | null;
  /** Acceptable range for polarity 'band', in the unit; null otherwise. */
  readonly band: { readonly min: number; readonly max: number } | null;
  readonly targetSource: string;
  readonly polarity: Polarity;
  readonly unit: IndicatorUnit;
  readonly periodKind: IndicatorPeriodKind;
  readonly rollUp: 'sum';
  readonly regulationRef: string;
  readonly confidence: Confidence;
  /** Where the data usually comes from. */
  readonly sourceSystem: string;
  /**
   * Words after the number of people not yet served this year: "14 ibu hamil belum K1" (people.ts; the words before
   * "belum" name who is counted). Null: the indicator does not count persons served.
   */
  readonly notServedText: string | null;
  readonly note: string | null;
  /** Absent: ordinary counts of persons (small-count rule). See IndicatorPrivacy. */
  readonly privacy?: IndicatorPrivacy;
}

const SPM_REF = 'PP 2/2018 Pasal 6(3); Permenkes 6/2024 (mengganti Permenkes 4/2019)';
const SPM_TARGET = 'SPM: setiap warga sasaran berhak, target 100 % [G]';
const PWS_REF = 'Pedoman PWS KIA (Kemenkes, ±2010)';
const LOCAL = 'bawaan produk [U] — ganti dengan target SK kepala puskesmas / Renstra daerah';

export const INDICATORS = [
  // ---------------------------------------------------------------- SPM bidang kesehatan kab/kota (§2.2, §8)
  {
    code: 'SPM01_BUMIL',
    nameId: 'Pelayanan kesehatan ibu hamil',
    nameEn: 'Antenatal care to standard',
    short: 'SPM Ibu hamil',
    klaster: 'K2',
    group: 'SPM',
    numeratorDef:
      'Ibu hamil yang mendapat pelayanan antenatal sesuai standar (Permenkes 6/2024: ≥ 6 kali, ≥ 2 oleh dokter termasuk USG; 4/2019: ≥ 4 kali)',
    denominator: { kind: 'sasaran', group: 'bumil' },
    target: 100,
    band: null,
    targetSource: SPM_TARGET,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: SPM_REF,
    confidence: 'V/U',
    sourceSystem: 'kohort ibu, SIMPUS/RME, ASIK',
    notServedText: 'ibu hamil belum ANC sesuai standar',
    note: 'Varian 4/2019 (K4) dan 6/2024 (K6) — pilih yang dipakai e-SPM tahun berjalan (§2.3).',
  },
  {
    code: 'SPM02_BULIN',
    nameId: 'Pelayanan kesehatan ibu bersalin',
    nameEn: 'Facility delivery to standard',
    short: 'SPM Ibu bersalin',
    klaster: 'K2',
    group: 'SPM',
    numeratorDef: 'Ibu bersalin yang mendapat pelayanan persalinan sesuai standar di fasilitas pelayanan kesehatan',
    denominator: { kind: 'sasaran', group: 'bulin' },
    target: 100,
    band: null,
    targetSource: SPM_TARGET,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: SPM_REF,
    confidence: 'G',
    sourceSystem: 'register persalinan',
    notServedText: 'ibu bersalin belum bersalin sesuai standar di fasyankes',
    note: null,
  },
  {
    code: 'SPM03_BBL',
    nameId: 'Pelayanan kesehatan bayi baru lahir',
    nameEn: 'Newborn care to standard',
    short: 'SPM Bayi baru lahir',
    klaster: 'K2',
    group: 'SPM',
    numeratorDef: 'Bayi usia 0–28 hari yang mendapat pelayanan kesehatan bayi baru lahir sesuai standar (KN lengkap)',
    denominator: { kind: 'sasaran', group: 'lahir_hidup' },
    target: 100,
    band: null,
    targetSource: SPM_TARGET,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: SPM_REF,
    confidence: 'G',
    sourceSystem: 'kohort bayi',
    notServedText: 'bayi baru lahir belum dilayani sesuai standar',
    note: null,
  },
  {
    code: 'SPM04_BALITA',
    nameId: 'Pelayanan kesehatan balita',
    nameEn: 'Under-five care to standard',
    short: 'SPM Balita',
    klaster: 'K2',
    group: 'SPM',
    numeratorDef:
      'Balita 12–59 bulan yang mendapat pelayanan kesehatan sesuai standar (penimbangan, SDIDTK, vitamin A, imunisasi lanjutan)',
    denominator: { kind: 'sasaran', group: 'balita_12_59' },
    target: 100,
    band: null,
    targetSource: SPM_TARGET,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: SPM_REF,
    confidence: 'V/U',
    sourceSystem: 'kohort balita, e-PPGBM, ASIK',
    notServedText: 'balita belum dilayani sesuai standar',
    note: 'Rentang umur 12–59 bulan [V S30]; 6/2024 mungkin 0–59 bulan [U].',
  },
  {
    code: 'SPM05_DIKDAS',
    nameId: 'Pelayanan kesehatan pada usia pendidikan dasar',
    nameEn: 'School-age health screening',
    short: 'SPM Usia dikdas',
    klaster: 'K2',
    group: 'SPM',
    numeratorDef:
      'Anak usia pendidikan dasar (kelas 1–9 dan 7–15 tahun di luar sekolah) yang mendapat skrining kesehatan sesuai standar',
    denominator: { kind: 'sasaran', group: 'dikdas_7_15' },
    target: 100,
    band: null,
    targetSource: SPM_TARGET,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'annual',
    rollUp: 'sum',
    regulationRef: SPM_REF,
    confidence: 'G',
    sourceSystem: 'penjaringan UKS, ASIK',
    notServedText: 'anak usia pendidikan dasar belum diskrining',
    note: 'Resminya per tahun ajaran; dasbor menghitung per tahun kalender (penjaringan biasanya Juli–September).',
  },
  {
    code: 'SPM06_PRODUKTIF',
    nameId: 'Pelayanan kesehatan pada usia produktif',
    nameEn: 'Adult (15–59) screening',
    short: 'SPM Usia produktif',
    klaster: 'K3',
    group: 'SPM',
    numeratorDef: 'Penduduk usia 15–59 tahun yang mendapat skrining kesehatan sesuai standar',
    denominator: { kind: 'sasaran', group: 'usia_15_59' },
    target: 100,
    band: null,
    targetSource: SPM_TARGET,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: SPM_REF,
    confidence: 'G',
    sourceSystem: 'Posbindu/Posyandu, ASIK PTM',
    notServedText: 'penduduk usia 15–59 tahun belum diskrining',
    note: null,
  },
  {
    code: 'SPM07_LANSIA',
    nameId: 'Pelayanan kesehatan pada usia lanjut',
    nameEn: 'Elderly (60+) screening',
    short: 'SPM Lansia',
    klaster: 'K3',
    group: 'SPM',
    numeratorDef: 'Warga usia ≥ 60 tahun yang mendapat skrining kesehatan sesuai standar minimal 1 kali setahun',
    denominator: { kind: 'sasaran', group: 'lansia_60_plus' },
    target: 100,
    band: null,
    targetSource: SPM_TARGET,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: SPM_REF,
    confidence: 'G',
    sourceSystem: 'Posyandu lansia, ASIK',
    notServedText: 'lansia belum diskrining',
    note: null,
  },
  {
    code: 'SPM08_HT',
    nameId: 'Pelayanan kesehatan penderita hipertensi',
    nameEn: 'Hypertension care to standard',
    short: 'SPM Hipertensi',
    klaster: 'K3',
    group: 'SPM',
    numeratorDef: 'Penderita hipertensi usia ≥ 15 tahun yang mendapat pelayanan kesehatan sesuai standar',
    denominator: { kind: 'sasaran', group: 'est_ht_15' },
    target: 100,
    band: null,
    targetSource: SPM_TARGET,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: SPM_REF,
    confidence: 'V/G',
    sourceSystem: 'SIMPUS/RME, ASIK PTM',
    notServedText: 'penderita hipertensi belum dilayani sesuai standar',
    note: 'Penyebut = estimasi prevalensi × penduduk ≥ 15 th [V S30].',
  },
  {
    code: 'SPM09_DM',
    nameId: 'Pelayanan kesehatan penderita diabetes melitus',
    nameEn: 'Diabetes care to standard',
    short: 'SPM Diabetes',
    klaster: 'K3',
    group: 'SPM',
    numeratorDef: 'Penderita diabetes melitus usia ≥ 15 tahun yang mendapat pelayanan kesehatan sesuai standar',
    denominator: { kind: 'sasaran', group: 'est_dm_15' },
    target: 100,
    band: null,
    targetSource: SPM_TARGET,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: SPM_REF,
    confidence: 'V/U',
    sourceSystem: 'SIMPUS/RME',
    notServedText: 'penderita diabetes belum dilayani sesuai standar',
    note: 'Prevalensi penyebut (terdiagnosis vs pemeriksaan darah) berbeda antar dinkes [U].',
  },
  {
    code: 'SPM10_ODGJ',
    nameId: 'Pelayanan kesehatan orang dengan gangguan jiwa berat',
    nameEn: 'Severe mental illness care',
    short: 'SPM ODGJ berat',
    klaster: 'K3',
    group: 'SPM',
    numeratorDef: 'ODGJ berat (psikotik akut, skizofrenia) yang mendapat pelayanan kesehatan jiwa sesuai standar',
    denominator: { kind: 'sasaran', group: 'odgj_berat' },
    target: 100,
    band: null,
    targetSource: SPM_TARGET,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: SPM_REF,
    confidence: 'V/U',
    sourceSystem: 'register jiwa puskesmas',
    notServedText: 'ODGJ berat belum dilayani sesuai standar',
    note: null,
    privacy: {
      class: 'sensitive',
      reasonId:
        'Gangguan jiwa berat (psikotik, skizofrenia) sangat distigma dan masih berujung pemasungan; di desa, satu angka dapat menunjuk orangnya dan keluarganya.',
      reasonEn:
        'Severe mental illness is heavily stigmatised and still leads to restraint (pasung); in a village one number can point to the person and the family.',
    },
  },
  {
    code: 'SPM11_TB',
    nameId: 'Pelayanan kesehatan orang terduga tuberkulosis',
    nameEn: 'Presumptive TB examined',
    short: 'SPM Terduga TBC',
    klaster: 'K4',
    group: 'SPM',
    numeratorDef: 'Orang terduga TBC yang mendapat pemeriksaan penunjang (bakteriologis/rontgen) sesuai standar',
    denominator: { kind: 'counted', labelId: 'orang terduga TBC pada bulan tersebut (SITB)' },
    target: 100,
    band: null,
    targetSource: SPM_TARGET,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: SPM_REF,
    confidence: 'V/U',
    sourceSystem: 'SITB',
    notServedText: 'orang terduga TBC belum diperiksa penunjang',
    note: 'Penyebut = orang terduga TBC yang benar-benar ditemukan dalam tahun berjalan (register), dicatat per bulan.',
    privacy: {
      class: 'sensitive',
      reasonId:
        'Menghitung orang terduga TBC (pembilang dan penyebut): status penyakit menular yang distigma, dan tetangga dapat mengenali siapa yang diperiksa.',
      reasonEn:
        'Counts people presumed to have TB (numerator and denominator): a stigmatised infectious-disease status, and neighbours can tell who was examined.',
    },
  },
  {
    code: 'SPM12_HIV',
    nameId: 'Pelayanan kesehatan orang dengan risiko terinfeksi HIV',
    nameEn: 'HIV testing of at-risk people',
    short: 'SPM Berisiko HIV',
    klaster: 'K4',
    group: 'SPM',
    numeratorDef:
      'Orang berisiko terinfeksi HIV (ibu hamil, pasien TB, pasien IMS, penjaja seks, LSL, waria, penasun, WBP) yang mendapat pemeriksaan HIV sesuai standar',
    denominator: { kind: 'sasaran', group: 'berisiko_hiv' },
    target: 100,
    band: null,
    targetSource: SPM_TARGET,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: SPM_REF,
    confidence: 'V',
    sourceSystem: 'SIHA, kohort ibu, SITB',
    notServedText: 'orang berisiko HIV belum dites HIV',
    note: null,
    privacy: {
      class: 'sensitive',
      reasonId:
        'Tes HIV pada kelompok berisiko (penjaja seks, LSL, waria, penasun, WBP, pasien IMS/TBC, ibu hamil): angka per desa dapat mengungkap keanggotaan kelompok yang distigma atau dikriminalisasi; penyebutnya (jumlah orang berisiko) sama pekanya.',
      reasonEn:
        'HIV testing of at-risk groups (sex workers, MSM, transgender women, people who inject drugs, prisoners, STI/TB patients, pregnant women): village counts can reveal membership of stigmatised or criminalised groups; the denominator (people at risk) is as sensitive.',
    },
  },

  // ---------------------------------------------------------------- PWS KIA (§4.3, §8)
  {
    code: 'KIA_K1',
    nameId: 'Cakupan K1 akses',
    nameEn: 'ANC first visit',
    short: 'K1 akses',
    klaster: 'K2',
    group: 'PWS KIA',
    numeratorDef:
      'Ibu hamil yang pertama kali kontak pelayanan antenatal dengan tenaga kesehatan (umur kehamilan berapa pun)',
    denominator: { kind: 'sasaran', group: 'bumil' },
    target: 95,
    band: null,
    targetSource: `${LOCAL}; 95 % seperti contoh §4.4`,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: PWS_REF,
    confidence: 'V',
    sourceSystem: 'kohort ibu',
    notServedText: 'ibu hamil belum K1',
    note: null,
  },
  {
    code: 'KIA_K1_MURNI',
    nameId: 'Cakupan K1 murni (trimester 1)',
    nameEn: 'ANC first visit in trimester 1',
    short: 'K1 murni',
    klaster: 'K2',
    group: 'PWS KIA',
    numeratorDef: 'Ibu hamil yang kontak pertama dengan tenaga kesehatan pada trimester 1',
    denominator: { kind: 'sasaran', group: 'bumil' },
    target: 90,
    band: null,
    targetSource: LOCAL,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: PWS_REF,
    confidence: 'V',
    sourceSystem: 'kohort ibu',
    notServedText: 'ibu hamil belum K1 trimester 1',
    note: null,
  },
  {
    code: 'KIA_K4',
    nameId: 'Cakupan K4',
    nameEn: 'ANC 4+ visits',
    short: 'K4',
    klaster: 'K2',
    group: 'PWS KIA',
    numeratorDef: 'Ibu hamil dengan ≥ 4 kali pelayanan antenatal (1-1-2 per trimester)',
    denominator: { kind: 'sasaran', group: 'bumil' },
    target: 90,
    band: null,
    targetSource: LOCAL,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: PWS_REF,
    confidence: 'V',
    sourceSystem: 'kohort ibu',
    notServedText: 'ibu hamil belum K4',
    note: 'Standar lama; diganti K6 oleh Juknis ILP/Permenkes 6/2024.',
  },
  {
    code: 'KIA_K6',
    nameId: 'Cakupan K6',
    nameEn: 'ANC 6+ visits incl. 2 by a doctor',
    short: 'K6',
    klaster: 'K2',
    group: 'PWS KIA',
    numeratorDef: 'Ibu hamil dengan ≥ 6 kali pelayanan antenatal (1-2-3), ≥ 2 kali oleh dokter termasuk USG',
    denominator: { kind: 'sasaran', group: 'bumil' },
    target: 90,
    band: null,
    targetSource: LOCAL,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: 'KMK HK.01.07/MENKES/2015/2023 (Juknis ILP); Permenkes 21/2021',
    confidence: 'V',
    sourceSystem: 'kohort ibu, ASIK',
    notServedText: 'ibu hamil belum K6',
    note: null,
  },
  {
    code: 'KIA_PN',
    nameId: 'Persalinan ditolong tenaga kesehatan',
    nameEn: 'Skilled birth attendance',
    short: 'Linakes (PN)',
    klaster: 'K2',
    group: 'PWS KIA',
    numeratorDef: 'Ibu bersalin yang ditolong tenaga kesehatan kompeten',
    denominator: { kind: 'sasaran', group: 'bulin' },
    target: 90,
    band: null,
    targetSource: LOCAL,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: PWS_REF,
    confidence: 'V',
    sourceSystem: 'register persalinan',
    notServedText: 'ibu bersalin belum ditolong nakes',
    note: null,
  },
  {
    code: 'KIA_PF',
    nameId: 'Persalinan di fasilitas pelayanan kesehatan',
    nameEn: 'Facility delivery',
    short: 'Persalinan di fasyankes (PF)',
    klaster: 'K2',
    group: 'PWS KIA',
    numeratorDef: 'Ibu bersalin yang bersalin di fasilitas pelayanan kesehatan',
    denominator: { kind: 'sasaran', group: 'bulin' },
    target: 90,
    band: null,
    targetSource: LOCAL,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: `${PWS_REF}; Juknis ILP`,
    confidence: 'V',
    sourceSystem: 'register persalinan',
    notServedText: 'ibu bersalin belum bersalin di fasyankes',
    note: null,
  },
  {
    code: 'KIA_KF',
    nameId: 'Kunjungan nifas lengkap',
    nameEn: 'Complete postnatal care',
    short: 'KF lengkap',
    klaster: 'K2',
    group: 'PWS KIA',
    numeratorDef:
      'Ibu nifas dengan kunjungan nifas lengkap (KF4: 6 jam–2 hari, 3–7 hari, 8–28 hari, 29–42 hari; standar lama KF3)',
    denominator: { kind: 'sasaran', group: 'bufas' },
    target: 90,
    band: null,
    targetSource: LOCAL,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: `${PWS_REF}; Juknis ILP (KF4)`,
    confidence: 'V',
    sourceSystem: 'kohort ibu',
    notServedText: 'ibu nifas belum KF lengkap',
    note: null,
  },
  {
    code: 'KIA_DRT_MASY',
    nameId: 'Deteksi faktor risiko/komplikasi oleh masyarakat',
    nameEn: 'Risk detection by the community',
    short: 'Deteksi risti (masyarakat)',
    klaster: 'K2',
    group: 'PWS KIA',
    numeratorDef: 'Ibu hamil berisiko/komplikasi yang ditemukan kader, dukun atau masyarakat',
    denominator: { kind: 'sasaran', group: 'bumil_risti' },
    target: 100,
    band: null,
    targetSource: LOCAL,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: PWS_REF,
    confidence: 'V/G',
    sourceSystem: 'kohort ibu',
    notServedText: 'ibu hamil berisiko belum terdeteksi masyarakat',
    note: null,
  },
  {
    code: 'KIA_DRT_NAKES',
    nameId: 'Deteksi faktor risiko/komplikasi oleh tenaga kesehatan',
    nameEn: 'Risk detection by health workers',
    short: 'Deteksi risti (nakes)',
    klaster: 'K2',
    group: 'PWS KIA',
    numeratorDef: 'Ibu hamil berisiko/komplikasi yang ditemukan tenaga kesehatan',
    denominator: { kind: 'sasaran', group: 'bumil_risti' },
    target: 100,
    band: null,
    targetSource: LOCAL,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: PWS_REF,
    confidence: 'V/G',
    sourceSystem: 'kohort ibu',
    notServedText: 'ibu hamil berisiko belum terdeteksi nakes',
    note: null,
  },
  {
    code: 'KIA_PK',
    nameId: 'Penanganan komplikasi kebidanan',
    nameEn: 'Obstetric complications managed',
    short: 'Komplikasi kebidanan ditangani',
    klaster: 'K2',
    group: 'PWS KIA',
    numeratorDef: 'Ibu hamil, bersalin atau nifas dengan komplikasi yang mendapat penanganan definitif',
    denominator: { kind: 'sasaran', group: 'bumil_risti' },
    target: 80,
    band: null,
    targetSource: 'Kepmenkes 828/2008 (SPM lama) 80 % [G]; sesuaikan target daerah',
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: PWS_REF,
    confidence: 'G',
    sourceSystem: 'kohort ibu',
    notServedText: 'komplikasi kebidanan belum tertangani',
    note: null,
  },
  {
    code: 'KIA_KN1',
    nameId: 'Kunjungan neonatal pertama (KN1)',
    nameEn: 'First neonatal visit',
    short: 'KN1',
    klaster: 'K2',
    group: 'PWS KIA',
    numeratorDef: 'Neonatus yang mendapat pelayanan pada umur 6–48 jam',
    denominator: { kind: 'sasaran', group: 'lahir_hidup' },
    target: 90,
    band: null,
    targetSource: LOCAL,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: PWS_REF,
    confidence: 'V',
    sourceSystem: 'kohort bayi',
    notServedText: 'bayi baru lahir belum KN1',
    note: null,
  },
  {
    code: 'KIA_KNL',
    nameId: 'Kunjungan neonatal lengkap',
    nameEn: 'Complete neonatal visits',
    short: 'KN lengkap',
    klaster: 'K2',
    group: 'PWS KIA',
    numeratorDef: 'Neonatus dengan KN1, KN2 dan KN3 (6–48 jam, 3–7 hari, 8–28 hari)',
    denominator: { kind: 'sasaran', group: 'lahir_hidup' },
    target: 90,
    band: null,
    targetSource: LOCAL,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: PWS_REF,
    confidence: 'V',
    sourceSystem: 'kohort bayi',
    notServedText: 'bayi baru lahir belum KN lengkap',
    note: null,
  },
  {
    code: 'KIA_NK',
    nameId: 'Penanganan neonatal komplikasi',
    nameEn: 'Neonatal complications managed',
    short: 'Neonatal komplikasi ditangani',
    klaster: 'K2',
    group: 'PWS KIA',
    numeratorDef: 'Neonatus dengan komplikasi yang mendapat penanganan',
    denominator: { kind: 'sasaran', group: 'neonatal_komplikasi' },
    target: 80,
    band: null,
    targetSource: 'Kepmenkes 828/2008 (SPM lama) 80 % [G]; sesuaikan target daerah',
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: PWS_REF,
    confidence: 'G',
    sourceSystem: 'kohort bayi',
    notServedText: 'neonatus dengan komplikasi belum tertangani',
    note: null,
  },
  {
    code: 'KIA_KBY',
    nameId: 'Pelayanan kesehatan bayi',
    nameEn: 'Infant care (4 visits)',
    short: 'Kunjungan bayi',
    klaster: 'K2',
    group: 'PWS KIA',
    numeratorDef: 'Bayi 29 hari–11 bulan dengan ≥ 4 kali pelayanan (29 hari–2 bulan, 3–5, 6–8, 9–11 bulan)',
    denominator: { kind: 'sasaran', group: 'bayi' },
    target: 90,
    band: null,
    targetSource: LOCAL,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: PWS_REF,
    confidence: 'G',
    sourceSystem: 'kohort bayi',
    notServedText: 'bayi belum mendapat 4 kali pelayanan',
    note: null,
  },
  {
    code: 'KIA_KBAL',
    nameId: 'Pelayanan anak balita',
    nameEn: 'Child (12–59 months) care',
    short: 'Pelayanan anak balita',
    klaster: 'K2',
    group: 'PWS KIA',
    numeratorDef:
      'Anak balita 12–59 bulan yang mendapat pelayanan standar (≥ 8 kali penimbangan, SDIDTK 2 kali, vitamin A 2 kali)',
    denominator: { kind: 'sasaran', group: 'balita_12_59' },
    target: 90,
    band: null,
    targetSource: LOCAL,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: PWS_REF,
    confidence: 'G',
    sourceSystem: 'kohort balita',
    notServedText: 'anak balita belum dilayani sesuai standar',
    note: null,
  },
  {
    code: 'KIA_MTBS',
    nameId: 'Balita sakit dilayani dengan MTBS',
    nameEn: 'Sick children managed with IMCI',
    short: 'MTBS',
    klaster: 'K2',
    group: 'PWS KIA',
    numeratorDef: 'Balita sakit yang ditangani dengan MTBS',
    denominator: { kind: 'counted', labelId: 'balita sakit yang berkunjung' },
    target: 100,
    band: null,
    targetSource: LOCAL,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: PWS_REF,
    confidence: 'G',
    sourceSystem: 'register MTBS',
    notServedText: 'balita sakit belum ditangani dengan MTBS',
    note: null,
  },
  {
    code: 'KIA_CPR',
    nameId: 'Peserta KB aktif',
    nameEn: 'Contraceptive prevalence',
    short: 'KB aktif (CPR)',
    klaster: 'K3',
    group: 'PWS KIA',
    numeratorDef: 'PUS yang sedang memakai kontrasepsi (peserta KB aktif) pada akhir bulan',
    denominator: { kind: 'sasaran', group: 'pus' },
    target: 70,
    band: null,
    targetSource: LOCAL,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'point',
    rollUp: 'sum',
    regulationRef: PWS_REF,
    confidence: 'G',
    sourceSystem: 'register KB',
    notServedText: 'PUS belum ber-KB',
    note: null,
  },

  // ---------------------------------------------------------------- Klaster 2: imunisasi, gizi, remaja (§5, §8)
  {
    code: 'IMM_IDL',
    nameId: 'Imunisasi dasar lengkap',
    nameEn: 'Full basic immunisation',
    short: 'IDL',
    klaster: 'K2',
    group: 'K2',
    numeratorDef:
      'Bayi 0–11 bulan yang mendapat imunisasi dasar lengkap (HB0, BCG, polio, DPT-HB-Hib 3 kali, IPV, MR; kini + PCV, RV)',
    denominator: { kind: 'sasaran', group: 'bayi' },
    target: 90,
    band: null,
    targetSource: 'Renstra Kemenkes 2024: 90 % [G]',
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: 'Juknis ILP (dasbor K2) [V S1]; Renstra Kemenkes 2020–2024',
    confidence: 'G',
    sourceSystem: 'ASIK, register imunisasi',
    notServedText: 'bayi belum imunisasi dasar lengkap',
    note: null,
  },
  {
    code: 'IMM_BADUTA',
    nameId: 'Imunisasi baduta lengkap',
    nameEn: 'Full booster immunisation (under 2)',
    short: 'Imunisasi baduta',
    klaster: 'K2',
    group: 'K2',
    numeratorDef: 'Baduta yang mendapat imunisasi lanjutan lengkap (DPT-HB-Hib 4, MR 2)',
    denominator: { kind: 'sasaran', group: 'baduta' },
    target: 90,
    band: null,
    targetSource: LOCAL,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: 'Juknis ILP (dasbor K2) [V S1]',
    confidence: 'V/G',
    sourceSystem: 'ASIK',
    notServedText: 'baduta belum imunisasi lanjutan lengkap',
    note: null,
  },
  {
    code: 'GZ_DS',
    nameId: 'Balita ditimbang (D/S)',
    nameEn: 'Growth-monitoring participation (D/S)',
    short: 'D/S',
    klaster: 'K2',
    group: 'K2',
    numeratorDef: 'Balita yang ditimbang pada bulan tersebut (D)',
    denominator: { kind: 'sasaran', group: 'balita_0_59' },
    target: 80,
    band: null,
    targetSource: 'target program gizi 80 % [G]; sesuaikan target daerah',
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'month',
    rollUp: 'sum',
    regulationRef: 'Juknis ILP (dasbor K2: S, D, T) [V S1]',
    confidence: 'V/G',
    sourceSystem: 'e-PPGBM, ASIK',
    notServedText: 'balita belum ditimbang',
    note: 'Untuk lebih dari satu bulan: rata-rata bulanan, Σ D ÷ (S × bulan yang dilaporkan).',
  },
  {
    code: 'GZ_TD',
    nameId: 'Balita tidak naik berat badannya (T/D)',
    nameEn: 'Inadequate weight gain (T/D)',
    short: 'T/D',
    klaster: 'K2',
    group: 'K2',
    numeratorDef: 'Balita ditimbang yang berat badannya tidak naik (T)',
    denominator: { kind: 'counted', labelId: 'balita ditimbang (D)' },
    target: 10,
    band: null,
    targetSource: LOCAL,
    polarity: 'lower',
    unit: 'percent',
    periodKind: 'month',
    rollUp: 'sum',
    regulationRef: 'Juknis ILP (dasbor K2) [V S1]',
    confidence: 'V/G',
    sourceSystem: 'e-PPGBM',
    notServedText: null,
    note: null,
  },
  {
    code: 'GZ_STUNTING',
    nameId: 'Prevalensi stunting',
    nameEn: 'Stunting prevalence',
    short: 'Stunting',
    klaster: 'K2',
    group: 'K2',
    numeratorDef: 'Balita dengan TB/U < −2 SD (pendek dan sangat pendek)',
    denominator: { kind: 'counted', labelId: 'balita diukur dengan tinggi dan umur valid' },
    target: 14,
    band: null,
    targetSource: 'Perpres 72/2021: 14 % pada 2024 [V S31]',
    polarity: 'lower',
    unit: 'percent',
    periodKind: 'point',
    rollUp: 'sum',
    regulationRef: 'Perpres 72/2021; Permenkes 2/2020 (standar antropometri)',
    confidence: 'V',
    sourceSystem: 'e-PPGBM',
    notServedText: null,
    note: 'Tampilkan bersama cakupan pengukuran: prevalensi tidak andal bila cakupan < 50 %. Kelas WHO: < 2,5 / 10 / 20 / 30 %.',
  },
  {
    code: 'GZ_WASTING',
    nameId: 'Prevalensi wasting (gizi kurang dan buruk)',
    nameEn: 'Wasting prevalence',
    short: 'Wasting',
    klaster: 'K2',
    group: 'K2',
    numeratorDef: 'Balita dengan BB/TB < −2 SD (gizi kurang dan gizi buruk)',
    denominator: { kind: 'counted', labelId: 'balita diukur' },
    target: 7,
    band: null,
    targetSource: 'RPJMN 2020–2024: 7 % [G]',
    polarity: 'lower',
    unit: 'percent',
    periodKind: 'point',
    rollUp: 'sum',
    regulationRef: 'Permenkes 2/2020 (standar antropometri)',
    confidence: 'V/G',
    sourceSystem: 'e-PPGBM',
    notServedText: null,
    note: null,
  },
  {
    code: 'GZ_CAKUPAN_UKUR',
    nameId: 'Cakupan pengukuran balita',
    nameEn: 'Under-five measurement coverage',
    short: 'Balita diukur',
    klaster: 'K2',
    group: 'K2',
    numeratorDef: 'Balita yang diukur berat dan tinggi/panjang badannya pada bulan tersebut',
    denominator: { kind: 'sasaran', group: 'balita_0_59' },
    target: 90,
    band: null,
    targetSource: LOCAL,
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'point',
    rollUp: 'sum',
    regulationRef: 'e-PPGBM (Kemenkes Gizi)',
    confidence: 'G',
    sourceSystem: 'e-PPGBM',
    notServedText: 'balita belum diukur',
    note: 'Bulan pengukuran serentak biasanya Februari dan Agustus.',
  },
  {
    code: 'RMJ_TTD',
    nameId: 'Remaja putri mengonsumsi tablet tambah darah',
    nameEn: 'Adolescent girls taking iron tablets',
    short: 'Remaja putri TTD',
    klaster: 'K2',
    group: 'K2',
    numeratorDef: 'Remaja putri 12–18 tahun yang mengonsumsi tablet tambah darah',
    denominator: { kind: 'sasaran', group: 'remaja_putri' },
    target: 80,
    band: null,
    targetSource: 'Perpres 72/2021: 80 % pada 2024 [V S47]',
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: 'Perpres 72/2021',
    confidence: 'V',
    sourceSystem: 'ASIK, sekolah',
    notServedText: 'remaja putri belum minum TTD',
    note: null,
  },

  // ---------------------------------------------------------------- Klaster 4: penyakit menular dan kesling (§5, §8)
  {
    code: 'TB_TERDUGA',
    nameId: 'Penemuan orang terduga TBC',
    nameEn: 'Presumptive TB found',
    short: 'Terduga TBC ditemukan',
    klaster: 'K4',
    group: 'K4',
    numeratorDef: 'Orang terduga TBC yang ditemukan dan dicatat',
    denominator: { kind: 'sasaran', group: 'terduga_tb' },
    target: 100,
    band: null,
    targetSource: 'target perencanaan dinkes (perkiraan terduga) [U]',
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: 'Perpres 67/2021 (TBC)',
    confidence: 'V/G',
    sourceSystem: 'SITB',
    notServedText: 'orang terduga TBC belum ditemukan',
    note: null,
    privacy: {
      class: 'sensitive',
      reasonId: 'Menghitung orang terduga TBC: status penyakit menular yang distigma.',
      reasonEn: 'Counts people presumed to have TB: a stigmatised infectious-disease status.',
    },
  },
  {
    code: 'TB_POSITIVITY',
    nameId: 'Proporsi terkonfirmasi bakteriologis di antara terduga TBC diperiksa',
    nameEn: 'Bacteriological positivity among presumptive TB',
    short: 'Positivity TBC',
    klaster: 'K4',
    group: 'K4',
    numeratorDef: 'Terduga TBC dengan hasil bakteriologis positif',
    denominator: { kind: 'counted', labelId: 'terduga TBC yang diperiksa' },
    target: null,
    band: { min: 5, max: 15 },
    targetSource: 'standar program TBC 5–15 % [V S43]',
    polarity: 'band',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: 'Indikator program TBC 2022 [V S43]',
    confidence: 'V',
    sourceSystem: 'SITB',
    notServedText: null,
    note: 'Di bawah 5 %: skrining terlalu longgar; di atas 15 %: penemuan terduga kurang.',
    privacy: {
      class: 'sensitive',
      reasonId: 'Pembilang = orang terkonfirmasi TBC; di desa, satu kasus dikenali tetangga.',
      reasonEn: 'Numerator = people confirmed with TB; in a village a single case is recognised by neighbours.',
    },
  },
  {
    code: 'TB_CNR',
    nameId: 'Angka notifikasi kasus TBC (CNR)',
    nameEn: 'TB case notification rate',
    short: 'CNR TBC',
    klaster: 'K4',
    group: 'K4',
    numeratorDef: 'Kasus TBC ternotifikasi menurut domisili',
    denominator: { kind: 'population', per: 100000 },
    target: null,
    band: null,
    targetSource: 'tanpa target: notifikasi tinggi bisa berarti penemuan baik',
    polarity: 'context',
    unit: 'per100k',
    periodKind: 'annual',
    rollUp: 'sum',
    regulationRef: 'Perpres 67/2021 (TBC)',
    confidence: 'G',
    sourceSystem: 'SITB',
    notServedText: null,
    note: 'Gunakan legenda kuantil.',
    privacy: {
      class: 'sensitive',
      reasonId: 'Pembilang = kasus TBC menurut domisili: per desa praktis menunjuk rumah tangganya.',
      reasonEn: 'Numerator = TB cases by residence: per village it practically points to the household.',
    },
  },
  {
    code: 'TB_SR',
    nameId: 'Angka keberhasilan pengobatan TBC',
    nameEn: 'TB treatment success rate',
    short: 'Keberhasilan pengobatan TBC',
    klaster: 'K4',
    group: 'K4',
    numeratorDef: 'Pasien TBC sembuh ditambah pengobatan lengkap',
    denominator: { kind: 'counted', labelId: 'pasien TBC yang memulai pengobatan (kohort)' },
    target: 90,
    band: null,
    targetSource: 'Perpres 67/2021: 90 % [V S20]',
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'annual',
    rollUp: 'sum',
    regulationRef: 'Perpres 67/2021 (TBC)',
    confidence: 'V',
    sourceSystem: 'SITB',
    notServedText: null,
    note: 'Dicatat pada bulan hasil akhir pengobatan kohort.',
    privacy: {
      class: 'sensitive',
      reasonId:
        'Hasil pengobatan pasien TBC (sembuh, lengkap, gagal, putus obat): data kesehatan orang yang dikenali di desanya.',
      reasonEn:
        'Treatment outcome of TB patients (cured, completed, failed, lost): health data of people known in their village.',
    },
  },
  {
    code: 'TB_TPT',
    nameId: 'Kontak serumah mendapat terapi pencegahan TBC (TPT)',
    nameEn: 'TB preventive therapy, household contacts',
    short: 'TPT kontak serumah',
    klaster: 'K4',
    group: 'K4',
    numeratorDef: 'Kontak serumah yang mendapat TPT',
    denominator: { kind: 'counted', labelId: 'kontak serumah yang memenuhi syarat TPT' },
    target: 70,
    band: null,
    targetSource: 'target nasional 2025: 70 % [V S20]',
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: 'Perpres 67/2021 (TBC)',
    confidence: 'V',
    sourceSystem: 'SITB',
    notServedText: 'kontak serumah belum mendapat TPT',
    note: null,
    privacy: {
      class: 'sensitive',
      reasonId: 'Kontak serumah pasien TBC: angka per desa mengungkap bahwa sebuah rumah tangga memiliki pasien TBC.',
      reasonEn: 'Household contacts of TB patients: a village count reveals that a household has a TB patient.',
    },
  },
  {
    code: 'DBD_IR',
    nameId: 'Angka kesakitan DBD (incidence rate)',
    nameEn: 'Dengue incidence rate',
    short: 'IR DBD',
    klaster: 'K4',
    group: 'K4',
    numeratorDef: 'Kasus DBD menurut domisili',
    denominator: { kind: 'population', per: 100000 },
    target: 47,
    band: null,
    targetSource: 'contoh target daerah ≤ 47 per 100.000 [V S47]; sesuaikan target daerah',
    polarity: 'lower',
    unit: 'per100k',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: 'indikator P2P daerah [V S47]',
    confidence: 'G',
    sourceSystem: 'SKDR, register DBD',
    notServedText: null,
    note: 'Target tahunan; s.d. bulan m dibandingkan dengan target × m/12.',
  },
  {
    code: 'DBD_CFR',
    nameId: 'Angka kematian kasus DBD (CFR)',
    nameEn: 'Dengue case fatality rate',
    short: 'CFR DBD',
    klaster: 'K4',
    group: 'K4',
    numeratorDef: 'Kematian karena DBD',
    denominator: { kind: 'counted', labelId: 'kasus DBD' },
    target: 1,
    band: null,
    targetSource: 'nasional < 1 % [G]; contoh daerah < 2 % [V S47]',
    polarity: 'lower',
    unit: 'percent',
    periodKind: 'ytd_cum',
    rollUp: 'sum',
    regulationRef: 'indikator P2P [V S47]',
    confidence: 'G',
    sourceSystem: 'register DBD',
    notServedText: null,
    note: null,
    privacy: {
      class: 'sensitive',
      reasonId:
        'Kematian karena DBD: di desa sebuah kematian diketahui semua orang, sehingga jumlah kematian menurut sebab mengungkap sebab kematian orang yang dikenal.',
      reasonEn:
        'Deaths from dengue: in a village every death is known, so a count of deaths by cause reveals the cause of death of a known person.',
    },
  },
  {
    code: 'KL_ABJ',
    nameId: 'Angka bebas jentik',
    nameEn: 'Larva-free house index',
    short: 'ABJ',
    klaster: 'K4',
    group: 'K4',
    numeratorDef: 'Rumah yang diperiksa dan bebas jentik',
    denominator: { kind: 'counted', labelId: 'rumah yang diperiksa' },
    target: 95,
    band: null,
    targetSource: 'program DBD ≥ 95 % [G]',
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'month',
    rollUp: 'sum',
    regulationRef: 'program PSN/jumantik',
    confidence: 'G',
    sourceSystem: 'PSN, jumantik',
    notServedText: null,
    note: null,
  },
  {
    code: 'KL_JAMBAN',
    nameId: 'Keluarga dengan akses jamban sehat',
    nameEn: 'Households with improved latrine',
    short: 'Akses jamban sehat',
    klaster: 'K4',
    group: 'K4',
    numeratorDef: 'KK yang memiliki akses jamban sehat',
    denominator: { kind: 'sasaran', group: 'jumlah_kk' },
    target: 100,
    band: null,
    targetSource: 'STBM: 100 % [G]',
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'point',
    rollUp: 'sum',
    regulationRef: 'Permenkes 3/2014 (STBM)',
    confidence: 'G',
    sourceSystem: 'SI STBM',
    notServedText: 'KK belum akses jamban sehat',
    note: null,
  },
  {
    code: 'KL_SBS_DESA',
    nameId: 'Desa/kelurahan SBS (ODF) terverifikasi',
    nameEn: 'Verified open-defecation-free village',
    short: 'Desa SBS',
    klaster: 'K4',
    group: 'K4',
    numeratorDef: 'Desa/kelurahan yang terverifikasi Stop Buang air besar Sembarangan (1 = ya, 0 = belum)',
    denominator: { kind: 'counted', labelId: 'desa/kelurahan yang melapor (1 per desa)' },
    target: 100,
    band: null,
    targetSource: 'STBM: 100 % desa [V S22]',
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'point',
    rollUp: 'sum',
    regulationRef: 'Permenkes 3/2014 (STBM)',
    confidence: 'V',
    sourceSystem: 'SI STBM',
    notServedText: null,
    note: 'Penanda per desa: pembilang 0/1, penyebut 1; di tingkat atas = desa SBS ÷ desa melapor.',
    privacy: {
      class: 'not-personal',
      reasonId: 'Status desa (1 baris per desa), bukan jumlah orang; verifikasi SBS diumumkan resmi.',
      reasonEn:
        'A status of the village (one row per desa), not a count of people; ODF verification is announced publicly.',
    },
  },

  // ---------------------------------------------------------------- Klaster 1: manajemen / UKBM (§5, §8)
  {
    code: 'UKBM_POSY_AKTIF',
    nameId: 'Posyandu aktif',
    nameEn: 'Active posyandu',
    short: 'Posyandu aktif',
    klaster: 'K1',
    group: 'K1',
    numeratorDef: 'Posyandu yang melaksanakan kegiatan rutin dengan cakupan KIA, gizi, imunisasi dan KB ≥ 50 %',
    denominator: { kind: 'counted', labelId: 'jumlah posyandu' },
    target: 80,
    band: null,
    targetSource: 'target program ≥ 80 % [V S23]',
    polarity: 'higher',
    unit: 'percent',
    periodKind: 'point',
    rollUp: 'sum',
    regulationRef: 'Permendagri 13/2024 (Posyandu)',
    confidence: 'V',
    sourceSystem: 'Komdat, dinkes',
    notServedText: null,
    note: null,
    privacy: {
      class: 'not-personal',
      reasonId: 'Menghitung posyandu (lembaga kemasyarakatan), bukan orang.',
      reasonEn: 'Counts posyandu (community institutions), not people.',
    },
  },
] as const satisfies readonly IndicatorDef<string>[];

export type IndicatorCode = (typeof INDICATORS)[number]['code'];
export type Indicator = (typeof INDICATORS)[number];

export const INDICATOR_GROUPS: readonly { code: IndicatorGroup; labelId: string; labelEn: string }[] = [
  { code: 'SPM', labelId: 'Standar Pelayanan Minimal (SPM)', labelEn: 'Minimum Service Standards' },
  { code: 'PWS KIA', labelId: 'PWS KIA', labelEn: 'Local area monitoring, maternal and child health' },
  { code: 'K1', labelId: 'Klaster 1 · Manajemen', labelEn: 'Cluster 1 · Management' },
  { code: 'K2', labelId: 'Klaster 2 · Ibu dan Anak', labelEn: 'Cluster 2 · Mother and child' },
  { code: 'K3', labelId: 'Klaster 3 · Usia Dewasa dan Lanjut Usia', labelEn: 'Cluster 3 · Adults and older people' },
  { code: 'K4', labelId: 'Klaster 4 · Penanggulangan Penyakit Menular', labelEn: 'Cluster 4 · Communicable diseases' },
];

const BY_CODE = new Map<string, IndicatorDef>(INDICATORS.map((d) => [d.code, d]));

export function isIndicatorCode(value: string): value is IndicatorCode {
  return BY_CODE.has(value);
}

/** The definition, or undefined for an unknown code (codes are case-sensitive, upper case). */
export function getIndicator(code: string): IndicatorDef | undefined {
  return BY_CODE.get(code);
}

/** Thrown by requireIndicator; the message is Bahasa Indonesia, for a 400 response as is. */
export class IndicatorError extends Error {
  override name = 'IndicatorError';
}

export function requireIndicator(code: string): IndicatorDef {
  const def = BY_CODE.get(code) ?? BY_CODE.get(code.trim().toUpperCase());
  if (!def) {
    throw new IndicatorError(
      `Indikator tidak dikenal: "${code}". Lihat daftar kode di GET /api/indikator (misalnya KIA_K1, SPM01_BUMIL).`,
    );
  }
  return def;
}

/**
 * The sasaran group an indicator's denominator reads ('penduduk' for rates per 100,000), or null for counted
 * denominators (stored with the values).
 */
export function sasaranGroupOf(def: Pick<IndicatorDef, 'denominator'>): SasaranCode | null {
  if (def.denominator.kind === 'sasaran') return def.denominator.group;
  if (def.denominator.kind === 'population') return 'penduduk';
  return null;
}

/** Human label of the denominator, e.g. "Ibu hamil", "balita ditimbang (D)", "penduduk (per 100.000)". */
export function denominatorLabel(def: Pick<IndicatorDef, 'denominator'>): string {
  const d = def.denominator;
  switch (d.kind) {
    case 'sasaran':
      return getSasaranGroup(d.group).labelId;
    case 'counted':
      return d.labelId;
    case 'population':
      return 'penduduk (per 100.000)';
  }
}

/**
 * Indicators that carry the SAME count of people (issue 18, docs/privacy.md §3.3): the number of one is a numerator
 * or denominator of another, from the same register and month. The small-count rule protects them together (domain
 * privacy/family.ts): hiding a desa in one but not in the other would let a reader subtract across the two — GZ_TD
 * shows desa C's balita ditimbang, GZ_DS hides A and C, and the kecamatan total then gives A's.
 */
export interface CountFamily {
  id: string;
  /** Which measure of each member is the shared count. */
  members: readonly { indicator: IndicatorCode; measure: 'numerator' | 'denominator' }[];
  why: string;
}

export const COUNT_FAMILIES: readonly CountFamily[] = [
  {
    id: 'balita-ditimbang',
    members: [
      { indicator: 'GZ_DS', measure: 'numerator' },
      { indicator: 'GZ_TD', measure: 'denominator' },
    ],
    why: 'D (balita ditimbang bulan itu) adalah pembilang D/S dan penyebut T/D (e-PPGBM, bulan yang sama).',
  },
  {
    id: 'terduga-tbc',
    members: [
      { indicator: 'TB_TERDUGA', measure: 'numerator' },
      { indicator: 'SPM11_TB', measure: 'denominator' },
    ],
    why: 'Orang terduga TBC yang ditemukan (SITB) adalah penyebut SPM terduga TBC.',
  },
  {
    id: 'terduga-tbc-diperiksa',
    members: [
      { indicator: 'SPM11_TB', measure: 'numerator' },
      { indicator: 'TB_POSITIVITY', measure: 'denominator' },
    ],
    why: 'Terduga TBC yang mendapat pemeriksaan penunjang adalah penyebut proporsi terkonfirmasi.',
  },
  {
    id: 'balita-diukur',
    members: [
      { indicator: 'GZ_CAKUPAN_UKUR', measure: 'numerator' },
      { indicator: 'GZ_WASTING', measure: 'denominator' },
      { indicator: 'GZ_STUNTING', measure: 'denominator' },
    ],
    why: 'Balita diukur (e-PPGBM) adalah pembilang cakupan pengukuran dan penyebut wasting dan stunting (stunting: yang tinggi dan umurnya sah — biasanya sama; dilindungi bersama karena dapat sama).',
  },
];

/**
 * The indicators protected together with `code` (itself included, sorted), joining families that share a member
 * (SPM11_TB is in both TB families); [code] for an indicator in none.
 */
export function countFamilyOf(code: string): IndicatorCode[] {
  const out = new Set<string>([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const f of COUNT_FAMILIES)
      if (f.members.some((m) => out.has(m.indicator)))
        for (const m of f.members)
          if (!out.has(m.indicator)) {
            out.add(m.indicator);
            grew = true;
          }
  }
  return [...out].sort() as IndicatorCode[];
}

/** The measures of `code` that are a count shared with another indicator (the moves that must keep the others' views). */
export function sharedMeasures(code: string): { measure: 'numerator' | 'denominator'; family: CountFamily }[] {
  return COUNT_FAMILIES.flatMap((family) =>
    family.members.filter((m) => m.indicator === code).map((m) => ({ measure: m.measure, family })),
  );
}
