// An uploaded exchange file: which format it is (from its name and first characters), and its rows. The server
// decodes the bytes (UTF-8) and passes the rows to the long-format import (long-rows.ts); nothing here reads a file.
import type { ExchangeRead } from './assemble.ts';
import { readAdx } from './adx.ts';
import { readDhis2Csv, readDhis2Json } from './dhis2.ts';
import { fhirCatalogueMapping, readFhirMeasureReports } from './fhir.ts';
import type { ExchangeLimits } from './limits.ts';
import { catalogueMapping, type ExchangeMapping } from './mapping.ts';

export type ExchangeFormat = 'dhis2-json' | 'dhis2-csv' | 'adx' | 'fhir';

/** First header cells that mark a DHIS2 CSV (the documentation writes "dataelement"; some exports "de"). */
const DHIS2_CSV_FIRST = new Set(['dataelement', 'de', 'dataelementid', 'dataelementuid']);

/**
 * The exchange format of a file, or null for a spreadsheet of ours: .json is FHIR when it names a resourceType,
 * else DHIS2; .xml is ADX; a .csv whose header starts with "dataelement" is DHIS2. `head` is the start of the text
 * (a few kilobytes are enough).
 */
export function exchangeFormatOf(fileName: string, head: string): ExchangeFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'json') return /"resourceType"\s*:/.test(head) ? 'fhir' : 'dhis2-json';
  if (ext === 'xml') return 'adx';
  if (ext === 'csv' || ext === 'txt') {
    const firstLine =
      head
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .find((l) => l.trim()) ?? '';
    const firstCell = (firstLine.split(',')[0] ?? '').trim().replace(/^"|"$/g, '').toLowerCase().replace(/[\s_]/g, '');
    return DHIS2_CSV_FIRST.has(firstCell) ? 'dhis2-csv' : null;
  }
  return null;
}

/**
 * Reads an exchange file into long rows. Without a mapping, the catalogue's own (data elements <KODE>_PEMBILANG /
 * <KODE>_PENYEBUT, org units = Kemendagri kode; for FHIR the group code = indicator code), which is what our exports
 * write and what a DHIS2 configured with our codes sends.
 */
export function readExchangeFile(
  format: ExchangeFormat,
  text: string,
  options: { mapping?: ExchangeMapping; limits?: Partial<ExchangeLimits> } = {},
): ExchangeRead {
  const mapping = options.mapping ?? (format === 'fhir' ? fhirCatalogueMapping() : catalogueMapping());
  switch (format) {
    case 'dhis2-json':
      return readDhis2Json(text, mapping, options.limits);
    case 'dhis2-csv':
      return readDhis2Csv(text, mapping, options.limits);
    case 'adx':
      return readAdx(text, mapping, options.limits);
    case 'fhir':
      return readFhirMeasureReports(text, mapping, options.limits);
  }
}
