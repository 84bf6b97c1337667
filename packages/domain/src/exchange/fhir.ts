// HL7 FHIR R4 Measure and MeasureReport, following IHE mADX (Mobile Aggregate Data Exchange, QRPH), both directions.
// Element names as in the R4 resource definitions (hl7.org/fhir/R4/measure.html, measurereport.html); codes from the
// HL7 terminology code systems measure-population, measure-scoring and measure-improvement-notation.
//   Measure        one per indicator of the catalogue: url <base>/fhir/Measure/<id>, name = our code, one group
//                  whose code is our indicator code, populations numerator and denominator with their definitions.
//   MeasureReport  one per indicator × wilayah × period, type "summary": group.population counts (numerator,
//                  denominator as used) and measureScore in the indicator's unit; the wilayah is a contained Location
//                  carrying the Kemendagri kode the way SATUSEHAT does (address extension administrativeCode with
//                  province/city/district/village, digits only) and is both subject and reporter (mADX requires a
//                  subject, R4 a reporter in a complete report).
// Reading: each MeasureReport group becomes data values keyed by the group code (or, without one, the measure
// canonical) with a `population` disaggregation, so a mapping (mapping.ts) — our own `fhirCatalogueMapping`, or one
// written for another system's Measure — turns them into rows with the same rules as DHIS2 and ADX (assemble.ts).
// Stratifiers are not read: the population counts are the totals.
import { coverageOf } from '../indicators/aggregate.ts';
import { INDICATORS, getIndicator, type IndicatorDef } from '../indicators/catalogue.ts';
import { getSasaranGroup } from '../indicators/sasaran.ts';
import { ancestorAt, TINGKAT } from '../wilayah.ts';
import { DataValueAssembler, type ExchangeRead } from './assemble.ts';
import { isObject, parseJsonFile } from './json-file.ts';
import { exchangeLimits, type ExchangeLimits } from './limits.ts';
import type { DataElementRule, ExchangeMapping } from './mapping.ts';
import { periodDates, periodFromDates, type PeriodReading } from './periods.ts';
import { ExchangeExportError, type ExchangeValue } from './values.ts';

export const MEASURE_POPULATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-population';
export const MEASURE_SCORING_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-scoring';
export const IMPROVEMENT_NOTATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation';
/** SATUSEHAT (Kemenkes) extension on Address carrying the Kemendagri codes of an area. */
export const ADMINISTRATIVE_CODE_EXTENSION = 'https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode';
const UCUM = 'http://unitsofmeasure.org';
/** Sub-extensions of administrativeCode per tingkat, as SATUSEHAT names them. */
const ADMINISTRATIVE_PARTS = {
  provinsi: 'province',
  kabupaten: 'city',
  kecamatan: 'district',
  desa: 'village',
} as const;

export interface FhirOptions {
  /** The dashboard's public address (https://dasbor.contoh.go.id): canonical URLs are <baseUrl>/fhir/…. */
  baseUrl: string;
  /** MeasureReport.date (when the report was generated), injected so output is reproducible. */
  generated: Date;
  /** Measure.publisher. */
  publisher?: string;
}

const canonicalBase = (baseUrl: string) => `${baseUrl.replace(/\/+$/, '')}/fhir`;
/** The code system of our indicator codes (Measure.group.code, MeasureReport.group.code). */
export const indicatorSystem = (baseUrl: string) => `${canonicalBase(baseUrl)}/CodeSystem/indikator`;

/** A FHIR id may hold letters, digits, "-" and "." only: KIA_K4 → KIA-K4. Catalogue codes have no "-", so it reverses. */
export const measureIdOf = (code: string) => code.replace(/_/g, '-');
export const measureUrlOf = (baseUrl: string, code: string) => `${canonicalBase(baseUrl)}/Measure/${measureIdOf(code)}`;

const populationCode = (code: 'numerator' | 'denominator') => ({
  coding: [{ system: MEASURE_POPULATION_SYSTEM, code }],
});

function improvementNotation(def: IndicatorDef) {
  // Band and context indicators are neither "more is better" nor "less is better": no notation rather than a wrong one.
  if (def.polarity !== 'higher' && def.polarity !== 'lower') return {};
  return {
    improvementNotation: {
      coding: [{ system: IMPROVEMENT_NOTATION_SYSTEM, code: def.polarity === 'higher' ? 'increase' : 'decrease' }],
    },
  };
}

function denominatorText(def: IndicatorDef): string {
  switch (def.denominator.kind) {
    case 'counted':
      return def.denominator.labelId;
    case 'sasaran':
      return `Sasaran tahunan: ${getSasaranGroup(def.denominator.group).labelId}`;
    case 'population':
      return 'Jumlah penduduk (per 100.000)';
  }
}

/** The Measure of one indicator. */
export function toMeasure(def: IndicatorDef, options: Pick<FhirOptions, 'baseUrl' | 'publisher'>) {
  const system = indicatorSystem(options.baseUrl);
  const criteria = (text: string) => ({ language: 'text/plain', expression: text });
  return {
    resourceType: 'Measure' as const,
    id: measureIdOf(def.code),
    url: measureUrlOf(options.baseUrl, def.code),
    identifier: [{ system, value: def.code }],
    name: def.code,
    title: def.nameId,
    status: 'active' as const,
    subjectCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/resource-types', code: 'Location' }] },
    publisher: options.publisher ?? 'Peta Situasi Kesehatan Desa',
    description: `${def.nameId}. Pembilang: ${def.numeratorDef}. Penyebut: ${denominatorText(def)}.`,
    scoring: { coding: [{ system: MEASURE_SCORING_SYSTEM, code: def.unit === 'percent' ? 'proportion' : 'ratio' }] },
    ...improvementNotation(def),
    group: [
      {
        code: { coding: [{ system, code: def.code }], text: def.short },
        description: def.nameId,
        population: [
          { code: populationCode('numerator'), description: def.numeratorDef, criteria: criteria(def.numeratorDef) },
          {
            code: populationCode('denominator'),
            description: denominatorText(def),
            criteria: criteria(denominatorText(def)),
          },
        ],
      },
    ],
  };
}

export type FhirMeasure = ReturnType<typeof toMeasure>;

/** The Kemendagri kode as SATUSEHAT's administrativeCode extension: one sub-extension per level, digits only. */
export function administrativeCodeOf(kode: string) {
  const extension = TINGKAT.flatMap((t) => {
    const part = ancestorAt(kode, t);
    return part ? [{ url: ADMINISTRATIVE_PARTS[t], valueCode: part.replace(/\./g, '') }] : [];
  });
  if (!extension.length) throw new ExchangeExportError(`Kode wilayah tidak sah untuk FHIR: "${kode}".`);
  return { url: ADMINISTRATIVE_CODE_EXTENSION, extension };
}

const unitScore = (def: IndicatorDef, value: number) =>
  def.unit === 'percent'
    ? { value, unit: '%', system: UCUM, code: '%' }
    : { value, unit: 'per 100.000 penduduk', system: UCUM, code: '/10*5' };

/** The MeasureReport of one value (one indicator × wilayah × period). */
export function toMeasureReport(v: ExchangeValue, options: FhirOptions) {
  const def = getIndicator(v.indikator);
  if (!def) throw new ExchangeExportError(`Indikator tidak dikenal: ${v.indikator}.`);
  const digits = v.kode.replace(/\./g, '');
  const score = coverageOf(v.pembilang, v.penyebut, def.unit);
  return {
    resourceType: 'MeasureReport' as const,
    id: `${measureIdOf(def.code)}-${digits}-${v.period.code.replace('..', '-')}`,
    contained: [
      {
        resourceType: 'Location' as const,
        id: 'wilayah',
        ...(v.nama ? { name: v.nama } : {}),
        address: { extension: [administrativeCodeOf(v.kode)] },
      },
    ],
    status: 'complete' as const,
    type: 'summary' as const,
    measure: measureUrlOf(options.baseUrl, def.code),
    subject: { reference: '#wilayah', ...(v.nama ? { display: v.nama } : {}) },
    date: options.generated.toISOString(),
    reporter: { reference: '#wilayah' },
    period: periodDates(v.period),
    ...improvementNotation(def),
    group: [
      {
        code: { coding: [{ system: indicatorSystem(options.baseUrl), code: def.code }] },
        population: [
          { code: populationCode('numerator'), count: v.pembilang },
          ...(v.penyebut === null ? [] : [{ code: populationCode('denominator'), count: v.penyebut }]),
        ],
        // Rounded to 2 decimals: a score, not a count; the counts above are exact.
        ...(score === null ? {} : { measureScore: unitScore(def, Math.round(score * 100) / 100) }),
      },
    ],
  };
}

export type FhirMeasureReport = ReturnType<typeof toMeasureReport>;

export interface FhirBundleOptions extends FhirOptions {
  /** Put the Measure of every indicator in the values before the reports (a receiver new to our catalogue needs them). */
  withMeasures?: boolean;
}

/** A Bundle of type "collection": the Measures (optional), then one MeasureReport per value. */
export function writeFhirBundle(values: readonly ExchangeValue[], options: FhirBundleOptions): string {
  const base = canonicalBase(options.baseUrl);
  const entries: { fullUrl: string; resource: FhirMeasure | FhirMeasureReport }[] = [];
  if (options.withMeasures) {
    const codes = [...new Set(values.map((v) => v.indikator))];
    for (const code of codes) {
      const def = getIndicator(code);
      if (!def) throw new ExchangeExportError(`Indikator tidak dikenal: ${code}.`);
      const measure = toMeasure(def, options);
      entries.push({ fullUrl: measure.url, resource: measure });
    }
  }
  for (const v of values) {
    const report = toMeasureReport(v, options);
    entries.push({ fullUrl: `${base}/MeasureReport/${report.id}`, resource: report });
  }
  return `${JSON.stringify({ resourceType: 'Bundle', type: 'collection', timestamp: options.generated.toISOString(), entry: entries }, null, 2)}\n`;
}

/** The Measures of the whole catalogue as a Bundle (GET …/Measure). */
export function writeMeasureBundle(options: Pick<FhirOptions, 'baseUrl' | 'publisher' | 'generated'>): string {
  const entry = INDICATORS.map((def) => {
    const measure = toMeasure(def, options);
    return { fullUrl: measure.url, resource: measure };
  });
  return `${JSON.stringify({ resourceType: 'Bundle', type: 'collection', timestamp: options.generated.toISOString(), entry }, null, 2)}\n`;
}

// ------------------------------------------------------------------------------------------------ read

/**
 * Our own reports read back: group code = indicator code, population numerator → pembilang, denominator → penyebut
 * for counted denominators (a sasaran denominator is annual and travels as sasaran, so it is reported as skipped).
 * orgUnit 'kode': the administrativeCode digits are Kemendagri kode.
 */
export function fhirCatalogueMapping(nama = 'FHIR MeasureReport Peta Desa'): ExchangeMapping {
  const dataElements: DataElementRule[] = [];
  for (const def of INDICATORS) {
    dataElements.push({
      dataElement: def.code,
      disaggregation: { population: 'numerator' },
      indikator: def.code,
      peran: 'pembilang',
    });
    if (def.denominator.kind === 'counted') {
      dataElements.push({
        dataElement: def.code,
        disaggregation: { population: 'denominator' },
        indikator: def.code,
        peran: 'penyebut',
      });
    }
  }
  return { nama, orgUnit: 'kode', dataElements };
}

/** "start|end" of MeasureReport.period → our period. */
const readFhirPeriod = (text: string): PeriodReading => {
  const [start = '', end = ''] = text.split('|');
  return periodFromDates(start, end);
};

/** Reads a MeasureReport, an array of them, or a Bundle whose entries hold them (other resources are skipped). */
export function readFhirMeasureReports(
  text: string,
  mapping: ExchangeMapping,
  limits: Partial<ExchangeLimits> = {},
): ExchangeRead {
  const lim = exchangeLimits(limits);
  const assembler = new DataValueAssembler(mapping, readFhirPeriod, lim.maxDataValues);
  const issues = assembler.issues;
  const parsed = parseJsonFile(text, assembler, lim.maxChars);
  if (!parsed.ok) return parsed.read;
  const doc = parsed.doc;
  const reports: { resource: unknown; at: string }[] = [];
  if (isObject(doc) && doc.resourceType === 'Bundle') {
    if (!Array.isArray(doc.entry)) {
      issues.error(null, 'Bundle.entry', 'EXCHANGE_STRUCTURE', 'Bundle tanpa larik "entry".');
      return assembler.finish();
    }
    doc.entry.forEach((e: unknown, i: number) => {
      const resource = isObject(e) ? e.resource : undefined;
      if (isObject(resource) && resource.resourceType === 'MeasureReport')
        reports.push({ resource, at: `entry[${i}]` });
    });
  } else if (Array.isArray(doc)) {
    doc.forEach((resource, i) => {
      reports.push({ resource, at: `[${i}]` });
    });
  } else if (isObject(doc) && doc.resourceType === 'MeasureReport') {
    reports.push({ resource: doc, at: 'MeasureReport' });
  } else {
    issues.error(
      null,
      null,
      'EXCHANGE_STRUCTURE',
      'Berkas bukan MeasureReport FHIR: harapkan resourceType "MeasureReport" atau "Bundle" berisi MeasureReport.',
    );
    return assembler.finish();
  }
  if (!reports.length) issues.error(null, null, 'EXCHANGE_STRUCTURE', 'Berkas tidak memuat MeasureReport satu pun.');

  reading: for (const { resource: r, at } of reports) {
    if (!isObject(r) || r.resourceType !== 'MeasureReport') {
      issues.error(null, at, 'EXCHANGE_STRUCTURE', `${at} bukan MeasureReport.`);
      continue;
    }
    if (r.status === 'error') {
      issues.warn(null, at, 'EXCHANGE_DELETED', `${at} berstatus "error" dan dilewati.`);
      continue;
    }
    const period = isObject(r.period) ? r.period : null;
    if (!period || typeof period.start !== 'string' || typeof period.end !== 'string') {
      issues.error(null, `${at}.period`, 'EXCHANGE_STRUCTURE', `${at}.period wajib memuat start dan end (tanggal).`);
      continue;
    }
    const orgUnit = subjectKode(r);
    if (orgUnit === null) {
      issues.error(
        null,
        `${at}.subject`,
        'EXCHANGE_STRUCTURE',
        `${at}.subject tidak menyebut wilayah: harapkan Location (contained) dengan ekstensi administrativeCode SATUSEHAT, atau subject.identifier berisi kode Kemendagri.`,
      );
      continue;
    }
    const measure = typeof r.measure === 'string' ? r.measure : '';
    const groups = Array.isArray(r.group) ? r.group : [];
    if (!groups.length) issues.error(null, `${at}.group`, 'EXCHANGE_STRUCTURE', `${at} tanpa group.`);
    for (let g = 0; g < groups.length; g++) {
      const group: unknown = groups[g];
      const gAt = `${at}.group[${g}]`;
      const dataElement = (isObject(group) ? firstCode(group.code) : null) ?? measure;
      if (!isObject(group) || !dataElement) {
        issues.error(
          null,
          gAt,
          'EXCHANGE_STRUCTURE',
          `${gAt} tanpa code dan MeasureReport tanpa measure: indikatornya tidak dapat dikenali.`,
        );
        continue;
      }
      const populations = Array.isArray(group.population) ? group.population : [];
      for (let p = 0; p < populations.length; p++) {
        const pop: unknown = populations[p];
        const pAt = `${gAt}.population[${p}]`;
        const code = isObject(pop) ? firstCode(pop.code) : null;
        if (!isObject(pop) || !code) {
          issues.error(null, pAt, 'EXCHANGE_STRUCTURE', `${pAt} tanpa code (numerator, denominator, …).`);
          continue;
        }
        const count = pop.count === undefined ? '' : typeof pop.count === 'number' ? String(pop.count) : null;
        if (count === null) {
          issues.error(null, `${pAt}.count`, 'EXCHANGE_STRUCTURE', `${pAt}.count harus berupa bilangan bulat.`);
          continue;
        }
        const more = assembler.add({
          dataElement,
          disaggregation: { population: code },
          orgUnit,
          period: `${period.start}|${period.end}`,
          value: count,
          row: null,
          column: pAt,
        });
        if (!more) break reading;
      }
    }
  }
  return assembler.finish();
}

/** The Kemendagri kode (digits) of a report's subject: contained Location's administrativeCode, else an identifier. */
function subjectKode(report: Record<string, unknown>): string | null {
  const subject = isObject(report.subject) ? report.subject : null;
  if (!subject) return null;
  if (typeof subject.reference === 'string' && subject.reference.startsWith('#') && Array.isArray(report.contained)) {
    const id = subject.reference.slice(1);
    const location = report.contained.find((c: unknown) => isObject(c) && c.id === id);
    const fromAddress = isObject(location) ? administrativeCodeIn(location.address) : null;
    if (fromAddress) return fromAddress;
    const fromIdentifier = isObject(location) ? identifierValue(location.identifier) : null;
    if (fromIdentifier) return fromIdentifier;
  }
  return identifierValue(subject.identifier);
}

/** The most detailed level given: village, else district, city, province. */
function administrativeCodeIn(address: unknown): string | null {
  const addresses = Array.isArray(address) ? address : [address];
  for (const a of addresses) {
    if (!isObject(a) || !Array.isArray(a.extension)) continue;
    const ext = a.extension.find((e: unknown) => isObject(e) && e.url === ADMINISTRATIVE_CODE_EXTENSION);
    if (!isObject(ext) || !Array.isArray(ext.extension)) continue;
    for (const part of ['village', 'district', 'city', 'province']) {
      const found = ext.extension.find((e: unknown) => isObject(e) && e.url === part);
      if (isObject(found) && typeof found.valueCode === 'string' && found.valueCode.trim())
        return found.valueCode.trim();
    }
  }
  return null;
}

function identifierValue(identifier: unknown): string | null {
  const list = Array.isArray(identifier) ? identifier : [identifier];
  for (const i of list) if (isObject(i) && typeof i.value === 'string' && i.value.trim()) return i.value.trim();
  return null;
}

function firstCode(concept: unknown): string | null {
  if (!isObject(concept) || !Array.isArray(concept.coding)) return null;
  for (const c of concept.coding) if (isObject(c) && typeof c.code === 'string' && c.code.trim()) return c.code.trim();
  return null;
}
