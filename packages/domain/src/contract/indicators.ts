// HTTP contract for the indicator catalogue: GET /api/indikator returns the catalogue (INDICATORS in
// src/indicators/catalogue.ts), with targets replaced by local ones where the dinkes set them.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { IndicatorCode } from '../indicators/catalogue.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/**
 * An indicator code of the catalogue (KIA_K4, SPM01_BUMIL…) wherever one travels in an answer: typed IndicatorCode, so
 * the web and the API cannot pass a free string where a code belongs; described as text (GET /api/indikator lists the
 * codes). Requests keep plain text: `indikator=k4` is read case-insensitively, and an unknown code gets a 400
 * INVALID_INDICATOR in Bahasa Indonesia rather than the schema validator's message.
 */
export const IndicatorCodeSchema = Type.Unsafe<IndicatorCode>(
  Type.String({ description: 'Kode indikator katalog, misalnya KIA_K4', examples: ['KIA_K4'] }),
);

export const KlasterSchema = Type.Union([
  Type.Literal('K1'),
  Type.Literal('K2'),
  Type.Literal('K3'),
  Type.Literal('K4'),
]);

export const IndicatorGroupSchema = Type.Union([
  Type.Literal('SPM'),
  Type.Literal('PWS KIA'),
  Type.Literal('K1'),
  Type.Literal('K2'),
  Type.Literal('K3'),
  Type.Literal('K4'),
]);

export const PolaritySchema = Type.Union(
  [Type.Literal('higher'), Type.Literal('lower'), Type.Literal('band'), Type.Literal('context')],
  {
    description:
      'higher: makin tinggi makin baik; lower: makin rendah makin baik (stunting); band: baik di dalam rentang; context: tanpa arah',
  },
);

export const IndicatorUnitSchema = Type.Union([Type.Literal('percent'), Type.Literal('per100k')]);

export const IndicatorPeriodKindSchema = Type.Union(
  [Type.Literal('ytd_cum'), Type.Literal('month'), Type.Literal('point'), Type.Literal('annual')],
  {
    description:
      'ytd_cum: kumulatif Jan..bulan ÷ sasaran tahunan; month: rasio bulanan; point: nilai bulan terakhir; annual: dinilai per tahun',
  },
);

export const DenominatorSchema = Type.Union([
  Type.Object({
    kind: Type.Literal('sasaran'),
    group: Type.String({ description: 'kode kelompok sasaran, misalnya bumil' }),
  }),
  Type.Object({ kind: Type.Literal('counted'), labelId: Type.String() }),
  Type.Object({ kind: Type.Literal('population'), per: Type.Literal(100000) }),
]);

export const IndicatorSchema = Type.Object({
  code: IndicatorCodeSchema,
  nameId: Type.String(),
  nameEn: Type.String(),
  short: Type.String({ description: 'Label pendek untuk tabel dan legenda' }),
  klaster: KlasterSchema,
  group: IndicatorGroupSchema,
  numeratorDef: Type.String(),
  denominator: DenominatorSchema,
  /** Annual target in the unit; null for 'context' and 'band'. */
  target: Nullable(Type.Number()),
  band: Nullable(Type.Object({ min: Type.Number(), max: Type.Number() })),
  targetSource: Type.String(),
  polarity: PolaritySchema,
  unit: IndicatorUnitSchema,
  periodKind: IndicatorPeriodKindSchema,
  rollUp: Type.Literal('sum'),
  regulationRef: Type.String(),
  confidence: Type.Union([
    Type.Literal('V'),
    Type.Literal('G'),
    Type.Literal('U'),
    Type.Literal('V/G'),
    Type.Literal('V/U'),
    Type.Literal('G/U'),
  ]),
  sourceSystem: Type.String(),
  /**
   * "ibu hamil belum K1": the words after the number of people not yet served this year ("14 ibu hamil belum K1");
   * null: the indicator does not count persons served (lower is better, band, rates, non-person denominators).
   * Was `gapText` before issue 15.
   */
  notServedText: Nullable(Type.String()),
  note: Nullable(Type.String()),
  /** Absent: ordinary counts of persons. How counts are shown to readers outside the area, and why (issue 18). */
  privacy: Type.Optional(
    Type.Object({
      class: Type.Union([Type.Literal('sensitive'), Type.Literal('not-personal')]),
      reasonId: Type.String(),
      reasonEn: Type.String(),
    }),
  ),
  /** The database holds at least one value of this indicator (the picker marks the others "belum ada data"). */
  hasData: Type.Optional(Type.Boolean()),
});

export const IndicatorListSchema = Type.Array(IndicatorSchema);

export type IndicatorDto = Static<typeof IndicatorSchema>;
