// HTTP contract for hidden cells (issue 18): what replaces the counts of an area a reader may not see exactly.
// A row that is shown has `protection: null`; a hidden one has numerator, the person counts and attainment null, class
// 'disembunyikan', and `protection` below (packages/domain/src/privacy/mask.ts builds it).
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { SUPPRESSION_REASONS, type Band, type SuppressionReason } from '../privacy/rule.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const SuppressionReasonSchema = Type.Union(
  [Type.Literal('small-count'), Type.Literal('sensitive'), Type.Literal('complementary')],
  {
    description:
      'small-count: wilayah ini memiliki jumlah kecil (di bawah ambang) pada tahun tersebut; sensitive: indikator ' +
      'sensitif (HIV, TBC, ODGJ, kematian) tidak ditampilkan per desa; complementary: disembunyikan agar jumlah kecil di wilayah lain ' +
      'tidak dapat dihitung dari total.',
  },
);
// The literals above are the domain's list (rule.ts), checked at compile time both ways.
const _reasons: readonly Static<typeof SuppressionReasonSchema>[] = SUPPRESSION_REASONS;
const _reason = (r: Static<typeof SuppressionReasonSchema>): SuppressionReason => r;
void _reasons;
void _reason;

export const BandSchema = Type.Union([Type.Literal('below'), Type.Literal('atLeast')], {
  description:
    'below: kurang dari ambang (0 termasuk), ditulis "< 10"; atLeast: sama dengan atau lebih dari ambang, "≥ 10"',
});
const _band = (b: Static<typeof BandSchema>): Band => b;
void _band;

export const ProtectionSchema = Type.Object(
  {
    suppressed: SuppressionReasonSchema,
    threshold: Type.Integer({ minimum: 1, description: 'Ambang jumlah kecil (SMALL_CELL_THRESHOLD, bawaan 10)' }),
    bands: Nullable(
      Type.Object(
        {
          numerator: BandSchema,
          /** The next three only when the denominator is itself hidden (a register): else they follow from shown numbers. */
          denominator: Nullable(BandSchema),
          notYetServed: Nullable(BandSchema),
          shortOfTarget: Nullable(BandSchema),
        },
        { description: 'Hanya untuk satu bulan; null untuk triwulan, rentang dan tahun' },
      ),
    ),
    text: Type.String({ description: 'Keterangan siap tampil', examples: ['disembunyikan: jumlah kecil · < 10'] }),
  },
  {
    description: 'Angka disembunyikan untuk melindungi data pribadi (UU 27/2022); null bila angka tampil apa adanya',
    examples: [
      {
        suppressed: 'small-count',
        threshold: 10,
        bands: { numerator: 'below', denominator: null, notYetServed: null, shortOfTarget: null },
        text: 'disembunyikan: jumlah kecil · < 10',
      },
    ],
  },
);

export type ProtectionDto = Static<typeof ProtectionSchema>;

/** A hidden desa row of GET /api/nilai as the wiring will send it (OpenAPI example; K1 of an estimated 36 ibu hamil). */
export const HIDDEN_VALUE_ROW_EXAMPLE = {
  kode: '12.10.09.2003',
  nama: 'Contoh',
  numerator: null,
  denominator: 36,
  coverage: null,
  target: 95,
  expected: 79.2,
  notYetServed: null,
  shortOfTarget: null,
  class: 'disembunyikan',
  attainment: null,
  over100: false,
  simulated: true,
  reported: 10,
  expectedReports: 10,
  protection: { suppressed: 'small-count', threshold: 10, bands: null, text: 'disembunyikan: jumlah kecil' },
} as const;
