// HTTP contract for indicator values: GET /api/nilai and GET /api/wilayah/{kode}/series.
// Rows come from rollUpDesa + evaluateValue, series from seriesOf (src/indicators/evaluate.ts).
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { parentOf } from '../wilayah.ts';
import { IndicatorCodeSchema } from './indicators.ts';
import { HIDDEN_VALUE_ROW_EXAMPLE, ProtectionSchema } from './privacy.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ValuesQuerySchema = Type.Object({
  indikator: Type.String({ description: 'Kode indikator, misalnya KIA_K1', examples: ['KIA_K1'] }),
  periode: Type.String({
    description: 'Bulan 2026-06, triwulan 2026-Q2, tahun 2026, atau kumulatif 2026-01..2026-06',
    examples: ['2026-06', '2026-Q2', '2026', '2026-01..2026-06'],
  }),
  wilayah: Type.Optional(
    Type.String({ description: 'Kode wilayah induk; tanpa wilayah: daftar provinsi', examples: ['12.10'] }),
  ),
});

export const AttainmentClassSchema = Type.Union(
  [
    Type.Literal('baik'),
    Type.Literal('cukup'),
    Type.Literal('kurang'),
    Type.Literal('no-data'),
    Type.Literal('netral'),
    Type.Literal('disembunyikan'),
  ],
  {
    description:
      'Kelas capaian terhadap target (kriteria dashboard, bukan ketentuan resmi); netral: indikator tanpa target; ' +
      'disembunyikan: angka disembunyikan untuk pembaca di luar wilayah (jumlah kecil, lihat `protection`)',
  },
);

export const ValueRowSchema = Type.Object(
  {
    kode: Type.String(),
    nama: Type.String(),
    /** Σ numerators of the desa that reported; null: no data. */
    numerator: Nullable(Type.Number()),
    /** Σ denominators of the same desa (annual sasaran for ytd_cum). */
    denominator: Nullable(Type.Number()),
    /** Percent or per 100,000 (indicator unit), not rounded, never clamped; null: no data. */
    coverage: Nullable(Type.Number()),
    target: Nullable(Type.Number()),
    /** target × fraction of the year (ytd_cum), the value the class is judged against. */
    expected: Nullable(Type.Number()),
    /**
     * Belum terlayani tahun ini: denominator (annual sasaran or counted register) − persons served, for a year or
     * January..m of indicators counting persons (people.ts); ≤ 0 when all were served (negative: more than the sasaran);
     * null otherwise. Replaces `gap` (until issue 15 the gap to the ANNUAL target, neither of these two numbers).
     */
    notYetServed: Nullable(Type.Integer()),
    /**
     * Kekurangan terhadap target periode ini: persons short of `expected` (expected/100 × denominator − served); > 0 exactly when
     * the class is cukup or kurang, ≤ 0 when reached; null where persons are not counted.
     */
    shortOfTarget: Nullable(Type.Integer()),
    class: AttainmentClassSchema,
    /** coverage ÷ expected × 100 (higher) or expected ÷ coverage × 100 (lower); null otherwise. */
    attainment: Nullable(Type.Number()),
    /** Coverage above 100 %: shown as is, drawn hatched. */
    over100: Type.Boolean(),
    simulated: Type.Boolean(),
    /** Desa-month reports received. */
    reported: Type.Integer(),
    /** Desa under this row × months in the period. */
    expectedReports: Type.Integer(),
    /**
     * Null (or absent) when the counts are shown as they are; else why they are hidden from this reader (issue 18):
     * numerator, the person counts, attainment are null, class 'disembunyikan'.
     */
    protection: Type.Optional(Nullable(ProtectionSchema)),
  },
  { examples: [HIDDEN_VALUE_ROW_EXAMPLE] },
);

export const ValuesResponseSchema = Type.Object({
  indicator: IndicatorCodeSchema,
  /** Normalised period code, e.g. 2026-Q2. */
  period: Type.String(),
  /** Bahasa Indonesia, e.g. "Triwulan II 2026". */
  periodLabel: Type.String(),
  parent: Nullable(Type.String()),
  /** Any row built from simulated data. */
  simulated: Type.Boolean(),
  rows: Type.Array(ValueRowSchema),
});

export const SeriesQuerySchema = Type.Object({
  indikator: Type.String({ description: 'Kode indikator, misalnya KIA_K1', examples: ['KIA_K1'] }),
  tahun: Type.Integer({ minimum: 1900, maximum: 2999, description: 'Tahun, misalnya 2026', examples: [2026] }),
});

export const PwsStatusSchema = Type.Union([
  Type.Literal('baik'),
  Type.Literal('kurang'),
  Type.Literal('cukup'),
  Type.Literal('jelek'),
]);

export const SeriesMonthSchema = Type.Object({
  month: Type.Integer({ minimum: 1, maximum: 12 }),
  /** Month alone: numerator, denominator (annual sasaran for ytd_cum), coverage ("cakupan bulan ini"). */
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  coverage: Nullable(Type.Number()),
  /** Jan..month ("s.d. bulan ini"); null when that month has no report (the line stops). */
  cumulativeNumerator: Nullable(Type.Number()),
  cumulativeDenominator: Nullable(Type.Number()),
  cumulativeCoverage: Nullable(Type.Number()),
  /** Target line: target × month/12 (ytd_cum) or the target. */
  expected: Nullable(Type.Number()),
  /** PWS KIA status (higher-is-better ytd_cum indicators); null when either line is hidden. */
  pwsStatus: Nullable(PwsStatusSchema),
  /** Why the month alone is hidden from this reader (issue 18); null or absent: shown. */
  protection: Type.Optional(Nullable(ProtectionSchema)),
  /** Why the "s.d. bulan ini" line is hidden at this month; null or absent: shown. */
  cumulativeProtection: Type.Optional(Nullable(ProtectionSchema)),
});

export const SeriesResponseSchema = Type.Object({
  kode: Type.String(),
  nama: Type.String(),
  indicator: IndicatorCodeSchema,
  year: Type.Integer(),
  target: Nullable(Type.Number()),
  months: Type.Array(SeriesMonthSchema),
  simulated: Type.Boolean(),
});

export type ValuesQuery = Static<typeof ValuesQuerySchema>;
export type ValueRow = Static<typeof ValueRowSchema>;
export type ValuesResponse = Static<typeof ValuesResponseSchema>;
export type SeriesQuery = Static<typeof SeriesQuerySchema>;
export type SeriesMonthDto = Static<typeof SeriesMonthSchema>;
export type SeriesResponse = Static<typeof SeriesResponseSchema>;

// ---- The profile of one wilayah (issue 8: "one page per desa and per kecamatan"): every indicator with data ----

export const TrendSchema = Type.Object({
  direction: Type.Union([
    Type.Literal('naik'),
    Type.Literal('turun'),
    Type.Literal('tetap'),
    Type.Literal('tidak-ada-data'),
  ]),
  points: Nullable(Type.Number()),
  /** Good for the indicator's polarity (true), bad (false), or neither. */
  better: Nullable(Type.Boolean()),
  /** "↑ 4,1 poin dari bulan lalu". */
  text: Type.String(),
});

/** Month m alone against month m − 1 alone (monthPair): the trend the PWS status reads too. */
export const MonthTrendSchema = Type.Composite([
  TrendSchema,
  Type.Object({
    /** 2026-10 and 2026-09. */
    month: Type.String(),
    previousMonth: Type.String(),
    /** Coverage of each month alone (persons of the month ÷ annual sasaran for cumulative indicators). */
    coverage: Nullable(Type.Number()),
    previousCoverage: Nullable(Type.Number()),
  }),
]);

export const ProfileIndicatorSchema = Type.Object({
  indicator: IndicatorCodeSchema,
  /** The wilayah's row among its siblings, the same as GET /api/nilai for its parent. */
  row: ValueRowSchema,
  /** Month m alone vs month m − 1 alone, for a month or January..m (null otherwise). */
  trendMonth: Nullable(MonthTrendSchema),
  /** Against the same period last year. */
  trendYear: TrendSchema,
  /**
   * PWS status at the period's last month: higher-is-better cumulative indicators in a January..m period (pwsApplies);
   * its position is the row's class, its trend is `trendMonth`. Null where it does not apply or a month has no report.
   */
  pwsStatus: Nullable(PwsStatusSchema),
  /** True where the PWS status applies (then a null status means a month without report: see trendMonth). */
  pwsApplies: Type.Boolean(),
});

export const ProfileActionSchema = Type.Object({
  id: Type.Integer(),
  meetingId: Type.Integer(),
  meetingTanggal: Type.String(),
  meetingJudul: Type.String(),
  desaKode: Type.String(),
  indicator: Type.String(),
  apa: Type.String(),
  siapa: Type.String(),
  tenggat: Nullable(Type.String()),
});

export const WilayahProfileSchema = Type.Object({
  kode: Type.String(),
  nama: Type.String(),
  tingkat: Type.String(),
  period: Type.String(),
  periodLabel: Type.String(),
  simulated: Type.Boolean(),
  /** Indicators with data anywhere, weakest attainment first (no data last). */
  indicators: Type.Array(ProfileIndicatorSchema),
  /** Open actions (rencana tindak lanjut) of the desa, or of the desa under the wilayah. */
  openActions: Type.Array(ProfileActionSchema),
});

export type WilayahProfile = Static<typeof WilayahProfileSchema>;
export type ProfileIndicator = Static<typeof ProfileIndicatorSchema>;
export type MonthTrend = Static<typeof MonthTrendSchema>;

// ---- Every desa under a provinsi or Indonesia at once ("Semua desa"): one compact answer, columns not objects ----

export const DesaValuesQuerySchema = Type.Object({
  indikator: Type.String({ description: 'Kode indikator, misalnya KIA_K4', examples: ['KIA_K4'] }),
  periode: Type.String({ description: 'Bulan 2026-06, triwulan 2026-Q2, tahun 2026, atau kumulatif 2026-01..2026-06' }),
  wilayah: Type.Optional(
    Type.String({
      description: 'Kode provinsi (atau kabupaten/kecamatan); tanpa wilayah: semua desa Indonesia',
      examples: ['35'],
    }),
  ),
});

/** One letter per attainment class, so 83,762 classes travel as one short string; upper case: coverage above 100 %. */
export const CLASS_LETTER = {
  baik: 'b',
  cukup: 'c',
  kurang: 'k',
  netral: 'n',
  'no-data': '-',
  disembunyikan: 'h',
} as const;
export type ClassLetter = (typeof CLASS_LETTER)[keyof typeof CLASS_LETTER];
export const CLASS_OF_LETTER: Record<string, Static<typeof AttainmentClassSchema>> = Object.fromEntries(
  Object.entries(CLASS_LETTER).flatMap(([cls, letter]) => [
    [letter, cls],
    [letter.toUpperCase(), cls],
  ]),
) as Record<string, Static<typeof AttainmentClassSchema>>;

export const DesaValuesResponseSchema = Type.Object({
  indicator: IndicatorCodeSchema,
  period: Type.String(),
  periodLabel: Type.String(),
  parent: Nullable(Type.String()),
  /** Any desa value built from simulated data. */
  simulated: Type.Boolean(),
  /** The value every class is judged against (target × fraction of the period); null without target. */
  expected: Nullable(Type.Number()),
  /**
   * Every desa under parent, in kode order, grouped by kecamatan: [kecamatan kode, "2001,2002,…"] (the last segment
   * of each desa kode). Sorted kode prefixes repeat, so this is a quarter of the size of the full kode list.
   */
  kecamatan: Type.Array(Type.Tuple([Type.String(), Type.String()])),
  /**
   * One letter per desa in that order (CLASS_LETTER): b baik, c cukup, k kurang, n netral, - no data, h disembunyikan
   * (counts hidden from this reader, issue 18: drawn with the privacy pattern); upper case (B, C, K, N) when coverage
   * is above 100 % (drawn hatched).
   */
  kelas: Type.String(),
  /** Coverage per desa in the indicator's unit, rounded to 0.1; null: no data. Details (nama, pembilang…) come from /api/nilai for the desa's kecamatan. */
  coverage: Type.Array(Nullable(Type.Number())),
});

/**
 * Desa kode in kode order → the `kecamatan` column of a DesaValuesResponse: [kecamatan kode, "2001,2002,…"], one entry
 * per run of desa of one kecamatan. desaKodesOf reads it back.
 */
export function kecamatanColumn(desaKodes: readonly string[]): [string, string][] {
  const groups: [string, string[]][] = [];
  for (const kode of desaKodes) {
    const kecamatan = parentOf(kode) ?? '';
    const own = kode.slice(kecamatan.length + 1); // the desa's own segment, as desaKodesOf joins it back
    const last = groups[groups.length - 1];
    if (last?.[0] === kecamatan) last[1].push(own);
    else groups.push([kecamatan, [own]]);
  }
  return groups.map(([kecamatan, suffixes]) => [kecamatan, suffixes.join(',')]);
}

/** The desa kode of a DesaValuesResponse, in its order. */
export function desaKodesOf(response: Pick<DesaValuesResponse, 'kecamatan'>): string[] {
  return response.kecamatan.flatMap(([kecamatan, suffixes]) => suffixes.split(',').map((s) => `${kecamatan}.${s}`));
}

export type DesaValuesQuery = Static<typeof DesaValuesQuerySchema>;
export type DesaValuesResponse = Static<typeof DesaValuesResponseSchema>;
