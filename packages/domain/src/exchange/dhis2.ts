// DHIS2 dataValueSets, JSON and CSV, both directions. The shapes follow the DHIS2 developer documentation, Web API
// "Data" → "Sending data values" and "CSV data value format" (docs.dhis2.org; source dhis2/dhis2-docs,
// src/developer/web-api/data.md):
//   JSON  { "dataSet", "completeDate", "period", "orgUnit", "attributeOptionCombo",
//           "dataValues": [ { "dataElement", "categoryOptionCombo", "period", "orgUnit", "value", "comment" } ] }
//         period/orgUnit/attributeOptionCombo on a data value override the set's; "deleted": true marks a deleted value.
//   CSV   positional columns dataelement, period, orgunit, catoptcombo, attroptcombo, value, storedby, lastupdated,
//         comment, followup, deleted; the first row is a header (DHIS2 skips it; we skip it when it looks like one,
//         so a file without header loses no value).
import { csvLine } from '../imports/spreadsheet-cells.ts';
import { DataValueAssembler, type DataValueIn, type ExchangeRead } from './assemble.ts';
import { readCsv } from './csv-reader.ts';
import { isObject, parseJsonFile } from './json-file.ts';
import { exchangeLimits, type ExchangeLimits } from './limits.ts';
import { exportRulesFor, orgUnitWriter, type ExchangeMapping } from './mapping.ts';
import { dhis2PeriodOf, parseDhis2Period } from './periods.ts';
import { ExchangeExportError, type ExchangeValue } from './values.ts';

// ------------------------------------------------------------------------------------------------ read JSON

export function readDhis2Json(
  text: string,
  mapping: ExchangeMapping,
  limits: Partial<ExchangeLimits> = {},
): ExchangeRead {
  const lim = exchangeLimits(limits);
  const assembler = new DataValueAssembler(mapping, parseDhis2Period, lim.maxDataValues);
  const issues = assembler.issues;
  const parsed = parseJsonFile(text, assembler, lim.maxChars);
  if (!parsed.ok) return parsed.read;
  const doc = parsed.doc;
  if (!isObject(doc) || !Array.isArray(doc.dataValues)) {
    issues.error(
      null,
      null,
      'EXCHANGE_STRUCTURE',
      'Berkas JSON bukan dataValueSet DHIS2: objek dengan larik "dataValues" tidak ditemukan.',
    );
    return assembler.finish();
  }
  const set = {
    period: optionalText(doc.period),
    orgUnit: optionalText(doc.orgUnit),
    attributeOptionCombo: optionalText(doc.attributeOptionCombo),
  };
  for (let i = 0; i < doc.dataValues.length; i++) {
    const dv: unknown = doc.dataValues[i];
    const column = `dataValues[${i}]`;
    if (!isObject(dv)) {
      issues.error(null, column, 'EXCHANGE_STRUCTURE', `${column} bukan objek data value.`);
      continue;
    }
    const dataElement = optionalText(dv.dataElement);
    const period = optionalText(dv.period) ?? set.period;
    const orgUnit = optionalText(dv.orgUnit) ?? set.orgUnit;
    const missing = [!dataElement && 'dataElement', !period && 'period', !orgUnit && 'orgUnit'].filter(Boolean);
    if (missing.length) {
      issues.error(
        null,
        column,
        'EXCHANGE_STRUCTURE',
        `${column} tanpa ${missing.join(', ')} (tidak juga di tingkat dataValueSet).`,
      );
      continue;
    }
    const value =
      dv.value === undefined || dv.value === null
        ? ''
        : typeof dv.value === 'string' || typeof dv.value === 'number'
          ? String(dv.value)
          : null;
    if (value === null) {
      issues.error(null, `${column}.value`, 'EXCHANGE_STRUCTURE', `${column}.value harus berupa teks atau angka.`);
      continue;
    }
    const more = assembler.add({
      dataElement: dataElement!,
      categoryOptionCombo: optionalText(dv.categoryOptionCombo),
      attributeOptionCombo: optionalText(dv.attributeOptionCombo) ?? set.attributeOptionCombo,
      orgUnit: orgUnit!,
      period: period!,
      value,
      deleted: dv.deleted === true || dv.deleted === 'true',
      row: null,
      column,
    });
    if (!more) break;
  }
  return assembler.finish();
}

// ------------------------------------------------------------------------------------------------ read CSV

const CSV_HEADER_FIRST = new Set(['dataelement', 'de', 'dataelementid', 'dataelementuid']);

export function readDhis2Csv(
  text: string,
  mapping: ExchangeMapping,
  limits: Partial<ExchangeLimits> = {},
): ExchangeRead {
  const lim = exchangeLimits(limits);
  const assembler = new DataValueAssembler(mapping, parseDhis2Period, lim.maxDataValues);
  const issues = assembler.issues;
  const csv = readCsv(text, { maxChars: lim.maxChars, maxRecords: lim.maxDataValues + 1, maxFields: 16 });
  if (!csv.ok) {
    issues.error(csv.line, null, csv.kind === 'too-large' ? 'EXCHANGE_TOO_LARGE' : 'EXCHANGE_SYNTAX', csv.message);
    return assembler.finish();
  }
  const records = csv.records;
  if (!records.length) {
    issues.error(null, null, 'EXCHANGE_STRUCTURE', 'Berkas CSV kosong.');
    return assembler.finish();
  }
  const first = records[0]!;
  const hasHeader = CSV_HEADER_FIRST.has((first.fields[0] ?? '').trim().toLowerCase().replace(/[\s_]/g, ''));
  if (!hasHeader && first.fields.length === 1 && first.fields[0]!.includes(';')) {
    issues.error(
      first.line,
      null,
      'EXCHANGE_STRUCTURE',
      'Kolom dipisah titik koma (;): CSV DHIS2 memakai koma. Simpan ulang sebagai CSV dengan pemisah koma.',
    );
    return assembler.finish();
  }
  for (const rec of records.slice(hasHeader ? 1 : 0)) {
    const f = (i: number) => (rec.fields[i] ?? '').trim();
    if (rec.fields.length < 3 || !f(0) || !f(1) || !f(2)) {
      issues.error(
        rec.line,
        null,
        'EXCHANGE_STRUCTURE',
        `Baris ${rec.line}: kolom dataelement, period dan orgunit wajib diisi (urutan kolom DHIS2: dataelement, period, orgunit, catoptcombo, attroptcombo, value).`,
      );
      continue;
    }
    const more = assembler.add({
      dataElement: f(0),
      period: f(1),
      orgUnit: f(2),
      categoryOptionCombo: f(3) || null,
      attributeOptionCombo: f(4) || null,
      value: f(5),
      deleted: f(10).toLowerCase() === 'true',
      row: rec.line,
      column: 'value',
    } satisfies DataValueIn);
    if (!more) break;
  }
  return assembler.finish();
}

// ------------------------------------------------------------------------------------------------ write

/** One DHIS2 data value per numerator and counted denominator of each value. */
export interface Dhis2DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo?: string;
  attributeOptionCombo?: string;
  value: string;
}

export interface Dhis2DataValueSet {
  dataSet?: string;
  idScheme?: 'code' | 'uid';
  dataValues: Dhis2DataValue[];
}

/** The data values of `values` under `mapping`; throws ExchangeExportError for what the mapping or DHIS2 cannot say. */
export function toDhis2DataValues(values: readonly ExchangeValue[], mapping: ExchangeMapping): Dhis2DataValue[] {
  const orgUnitOf = orgUnitWriter(mapping);
  const out: Dhis2DataValue[] = [];
  for (const v of values) {
    const period = dhis2PeriodOf(v.period);
    if (period === null) {
      throw new ExchangeExportError(
        `Periode ${v.period.label} tidak ada padanannya di DHIS2 (bulan, triwulan atau tahun); ekspor per bulan.`,
      );
    }
    const { numerator, denominator } = exportRulesFor(mapping, v);
    const base = {
      period,
      orgUnit: orgUnitOf(v.kode),
      ...(mapping.attributeOptionCombo ? { attributeOptionCombo: mapping.attributeOptionCombo } : {}),
    };
    out.push({
      dataElement: numerator.dataElement,
      ...base,
      ...(numerator.categoryOptionCombo ? { categoryOptionCombo: numerator.categoryOptionCombo } : {}),
      value: String(v.pembilang),
    });
    if (denominator && v.penyebut !== null) {
      out.push({
        dataElement: denominator.dataElement,
        ...base,
        ...(denominator.categoryOptionCombo ? { categoryOptionCombo: denominator.categoryOptionCombo } : {}),
        value: String(v.penyebut),
      });
    }
  }
  return out;
}

/** The "bulk" form of the DHIS2 documentation: period and orgUnit on each data value. */
export function writeDhis2Json(values: readonly ExchangeValue[], mapping: ExchangeMapping): string {
  const set: Dhis2DataValueSet = {
    ...(mapping.dataSet ? { dataSet: mapping.dataSet } : {}),
    ...(mapping.idScheme ? { idScheme: mapping.idScheme } : {}),
    dataValues: toDhis2DataValues(values, mapping),
  };
  return `${JSON.stringify(set, null, 2)}\n`;
}

export const DHIS2_CSV_HEADER = ['dataelement', 'period', 'orgunit', 'catoptcombo', 'attroptcombo', 'value'] as const;

/** DHIS2 CSV with its header row; cells that a spreadsheet would run as formulas are neutralised (csvLine). */
export function writeDhis2Csv(values: readonly ExchangeValue[], mapping: ExchangeMapping): string {
  const lines = [csvLine([...DHIS2_CSV_HEADER])];
  for (const dv of toDhis2DataValues(values, mapping)) {
    lines.push(
      csvLine([
        dv.dataElement,
        dv.period,
        dv.orgUnit,
        dv.categoryOptionCombo ?? '',
        dv.attributeOptionCombo ?? '',
        dv.value,
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

// ------------------------------------------------------------------------------------------------ helpers

function optionalText(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}
