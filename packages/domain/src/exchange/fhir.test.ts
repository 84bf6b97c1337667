import { describe, expect, it } from 'vitest';
import { getIndicator, INDICATORS } from '../indicators/catalogue.ts';
import { monthPeriod, rangePeriod } from '../indicators/period.ts';
import {
  fhirCatalogueMapping,
  measureIdOf,
  readFhirMeasureReports,
  toMeasure,
  toMeasureReport,
  writeFhirBundle,
  writeMeasureBundle,
} from './fhir.ts';
import type { ExchangeMapping } from './mapping.ts';
import type { ExchangeValue } from './values.ts';

const options = { baseUrl: 'https://dasbor.contoh.go.id/', generated: new Date('2026-11-05T08:00:00Z') };
const rowsOf = (r: ReturnType<typeof readFhirMeasureReports>) =>
  r.rows.map((x) => `${x.kode_wilayah} ${x.periode} ${x.indikator} ${x.pembilang}/${x.penyebut}`);
const mtbs: ExchangeValue = {
  kode: '12.10.09.2001',
  nama: 'Tanjung Siram',
  indikator: 'KIA_MTBS',
  period: monthPeriod(2026, 10),
  pembilang: 3,
  penyebut: 4,
};

describe('toMeasure', () => {
  it('defines one indicator with the HL7 codes for scoring, improvement notation and populations', () => {
    const m = toMeasure(getIndicator('KIA_MTBS')!, options);
    expect(m).toMatchObject({
      resourceType: 'Measure',
      id: 'KIA-MTBS',
      url: 'https://dasbor.contoh.go.id/fhir/Measure/KIA-MTBS',
      name: 'KIA_MTBS',
      status: 'active',
      scoring: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-scoring', code: 'proportion' }] },
      improvementNotation: { coding: [{ code: 'increase' }] },
      group: [
        {
          code: { coding: [{ system: 'https://dasbor.contoh.go.id/fhir/CodeSystem/indikator', code: 'KIA_MTBS' }] },
          population: [
            {
              code: {
                coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-population', code: 'numerator' }],
              },
              criteria: { expression: 'Balita sakit yang ditangani dengan MTBS' },
            },
            { code: { coding: [{ code: 'denominator' }] }, description: 'balita sakit yang berkunjung' },
          ],
        },
      ],
    });
  });

  it('gives every catalogue indicator a valid FHIR id, and no notation where more is neither better nor worse', () => {
    for (const def of INDICATORS) expect(measureIdOf(def.code)).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    const cnr = toMeasure(getIndicator('TB_CNR')!, options);
    expect(cnr.scoring.coding[0]!.code).toBe('ratio');
    expect('improvementNotation' in cnr).toBe(false);
    const bundle = JSON.parse(writeMeasureBundle(options));
    expect(bundle.entry).toHaveLength(INDICATORS.length);
  });
});

describe('toMeasureReport', () => {
  it('reports counts and the score (3 of 4 = 75 %) for a desa and month, the kode as SATUSEHAT writes it', () => {
    expect(toMeasureReport(mtbs, options)).toEqual({
      resourceType: 'MeasureReport',
      id: 'KIA-MTBS-1210092001-2026-10',
      contained: [
        {
          resourceType: 'Location',
          id: 'wilayah',
          name: 'Tanjung Siram',
          address: {
            extension: [
              {
                url: 'https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode',
                extension: [
                  { url: 'province', valueCode: '12' },
                  { url: 'city', valueCode: '1210' },
                  { url: 'district', valueCode: '121009' },
                  { url: 'village', valueCode: '1210092001' },
                ],
              },
            ],
          },
        },
      ],
      status: 'complete',
      type: 'summary',
      measure: 'https://dasbor.contoh.go.id/fhir/Measure/KIA-MTBS',
      subject: { reference: '#wilayah', display: 'Tanjung Siram' },
      date: '2026-11-05T08:00:00.000Z',
      reporter: { reference: '#wilayah' },
      period: { start: '2026-10-01', end: '2026-10-31' },
      improvementNotation: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation', code: 'increase' }],
      },
      group: [
        {
          code: { coding: [{ system: 'https://dasbor.contoh.go.id/fhir/CodeSystem/indikator', code: 'KIA_MTBS' }] },
          population: [
            {
              code: {
                coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-population', code: 'numerator' }],
              },
              count: 3,
            },
            {
              code: {
                coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-population', code: 'denominator' }],
              },
              count: 4,
            },
          ],
          measureScore: { value: 75, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
        },
      ],
    });
  });

  it('reports any wilayah and period: a kecamatan over January–October, 2 of 3 = 66,67 %', () => {
    const r = toMeasureReport(
      { kode: '12.10.09', indikator: 'KIA_K4', period: rangePeriod(2026, 1, 10), pembilang: 2, penyebut: 3 },
      options,
    );
    expect(r.id).toBe('KIA-K4-121009-2026-01-2026-10');
    expect(r.period).toEqual({ start: '2026-01-01', end: '2026-10-31' });
    expect(r.contained[0]!.address.extension[0]!.extension.map((e) => e.url)).toEqual(['province', 'city', 'district']);
    expect(r.group[0]!.measureScore).toMatchObject({ value: 66.67 });
  });

  it('writes no score without a denominator, and a rate per 100.000 (5 of 250.000 = 2)', () => {
    expect('measureScore' in toMeasureReport({ ...mtbs, penyebut: null }, options).group[0]!).toBe(false);
    expect(
      toMeasureReport(
        { kode: '12.10', indikator: 'TB_CNR', period: monthPeriod(2026, 10), pembilang: 5, penyebut: 250_000 },
        options,
      ).group[0]!.measureScore,
    ).toEqual({ value: 2, unit: 'per 100.000 penduduk', system: 'http://unitsofmeasure.org', code: '/10*5' });
  });
});

describe('readFhirMeasureReports', () => {
  const values: ExchangeValue[] = [
    mtbs,
    { kode: '12.10.09.2002', indikator: 'KIA_K4', period: monthPeriod(2026, 9), pembilang: 7, penyebut: 40 },
  ];

  it('round-trips: export → import gives the same values; a sasaran denominator is reported as skipped', () => {
    const r = readFhirMeasureReports(
      writeFhirBundle(values, { ...options, withMeasures: true }),
      fhirCatalogueMapping(),
    );
    expect(r.errors).toEqual([]);
    expect(rowsOf(r)).toEqual(['12.10.09.2001 2026-10 KIA_MTBS 3/4', '12.10.09.2002 2026-09 KIA_K4 7/']);
    expect(r.warnings.map((w) => w.message)).toEqual([
      '1 data value KIA_K4, population=denominator tidak ada dalam pemetaan "FHIR MeasureReport Peta Desa" dan dilewati.',
    ]);
    expect(r.rows[0]!.sumber).toEqual({ row: null, column: 'entry[2].group[0].population[0]' });
  });

  it('reads the IHE mADX example report (its Location given a Kemendagri identifier) through a mapping of its group code', () => {
    const example = {
      resourceType: 'MeasureReport',
      measure: 'http://ohie.org/Measure/madx-hiv-indicators-example',
      contained: [
        {
          resourceType: 'Location',
          id: 'HealthPost12345',
          name: 'Good Health Post',
          identifier: [{ value: '1210092001' }],
        },
      ],
      subject: { reference: '#HealthPost12345' },
      status: 'pending',
      type: 'summary',
      reporter: { reference: '#HealthPost12345' },
      period: { start: '2025-01-01', end: '2025-01-31' },
      improvementNotation: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation', code: 'increase' }],
      },
      group: [
        {
          code: { coding: [{ system: 'http://ihe.net/qrph/madx/', code: 'QRPH_mADX_ART1_N' }] },
          population: [
            {
              code: {
                coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-population', code: 'denominator' }],
              },
              count: 150000,
            },
            {
              code: {
                coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-population', code: 'numerator' }],
              },
              count: 500,
            },
          ],
          stratifier: [
            {
              code: [{ coding: [{ code: 'gender' }] }],
              stratum: [{ value: { coding: [{ code: 'male' }] }, measureScore: { value: 230 } }],
            },
          ],
        },
      ],
    };
    const m: ExchangeMapping = {
      nama: 'mADX ART',
      orgUnit: 'kode',
      dataElements: [
        {
          dataElement: 'QRPH_mADX_ART1_N',
          disaggregation: { population: 'numerator' },
          indikator: 'KIA_MTBS',
          peran: 'pembilang',
        },
        {
          dataElement: 'QRPH_mADX_ART1_N',
          disaggregation: { population: 'denominator' },
          indikator: 'KIA_MTBS',
          peran: 'penyebut',
        },
      ],
    };
    expect(rowsOf(readFhirMeasureReports(JSON.stringify(example), m))).toEqual([
      '12.10.09.2001 2025-01 KIA_MTBS 500/150000',
    ]);
  });

  it('names what is wrong, per report and field', () => {
    const report = toMeasureReport(mtbs, options);
    const r = readFhirMeasureReports(
      JSON.stringify([
        { ...report, period: { start: '2026-10-01', end: '2026-12-31' } },
        { ...report, contained: [], subject: { display: 'Desa X' } },
        { ...report, period: undefined },
        {
          ...report,
          group: [{ ...report.group[0], population: [{ code: report.group[0]!.population[0]!.code, count: '3' }] }],
        },
        { resourceType: 'Patient' },
      ]),
      fhirCatalogueMapping(),
    );
    expect(r.errors.map((e) => [e.column, e.code])).toEqual([
      ['[0].group[0].population[0]', 'EXCHANGE_PERIOD'],
      ['[0].group[0].population[1]', 'EXCHANGE_PERIOD'],
      ['[1].subject', 'EXCHANGE_STRUCTURE'],
      ['[2].period', 'EXCHANGE_STRUCTURE'],
      ['[3].group[0].population[0].count', 'EXCHANGE_STRUCTURE'],
      ['[4]', 'EXCHANGE_STRUCTURE'],
    ]);
    expect(r.errors[0]!.message).toBe(
      'Periode "2026-10-01|2026-12-31" (Triwulan IV 2026) lebih dari satu bulan: nilai disimpan per bulan, kirim data bulanan.',
    );
    expect(readFhirMeasureReports('{"resourceType":"Observation"}', fhirCatalogueMapping()).errors[0]!.code).toBe(
      'EXCHANGE_STRUCTURE',
    );
    expect(
      readFhirMeasureReports('{"resourceType":"Bundle","entry":[]}', fhirCatalogueMapping()).errors[0]!.message,
    ).toBe('Berkas tidak memuat MeasureReport satu pun.');
  });

  it('opens the file as the DHIS2 reader does: a byte-order mark is dropped, a syntax error says its line', () => {
    const bom = readFhirMeasureReports('\ufeff{"resourceType":"Bundle","entry":[]}', fhirCatalogueMapping());
    expect(bom.errors.map((e) => e.code)).toEqual(['EXCHANGE_STRUCTURE']);
    // The stray comma before "}" is character 10, on line 3 (Node 20 says "position 10", Node 22 "line 3").
    const [syntax] = readFhirMeasureReports('{\n"a": 1,\n}', fhirCatalogueMapping()).errors;
    expect([syntax!.code, syntax!.row, syntax!.message.startsWith('Berkas bukan JSON yang sah (baris 3): ')]).toEqual([
      'EXCHANGE_SYNTAX',
      3,
      true,
    ]);
    const large = readFhirMeasureReports('[]'.padEnd(20), fhirCatalogueMapping(), { maxChars: 10 });
    expect(large.errors.map((e) => e.code)).toEqual(['EXCHANGE_TOO_LARGE']);
  });
});
