import { describe, expect, it } from 'vitest';
import { monthPeriod } from '../indicators/period.ts';
import { writeAdx } from './adx.ts';
import { writeDhis2Csv, writeDhis2Json } from './dhis2.ts';
import { writeFhirBundle } from './fhir.ts';
import { exchangeFormatOf, readExchangeFile } from './files.ts';
import { catalogueMapping } from './mapping.ts';
import type { ExchangeValue } from './values.ts';

describe('exchangeFormatOf', () => {
  it.each([
    ['data.json', '{"dataValues": []}', 'dhis2-json'],
    ['laporan.json', '{\n  "resourceType": "Bundle"', 'fhir'],
    ['data.xml', '<adx/>', 'adx'],
    ['dvs.csv', '\uFEFF"dataelement","period","orgunit"\n', 'dhis2-csv'],
    ['dvs.CSV', 'Data_Element,period\n', 'dhis2-csv'],
    ['nilai.csv', 'kode_wilayah,periode,indikator,pembilang,penyebut\n', null],
    ['nilai.xlsx', 'PK…', null],
  ] as const)('%s → %s', (name, head, format) => expect(exchangeFormatOf(name, head)).toBe(format));
});

describe('readExchangeFile', () => {
  const v: ExchangeValue[] = [
    { kode: '99.01.01.2001', indikator: 'KIA_MTBS', period: monthPeriod(2026, 10), pembilang: 3, penyebut: 4 },
  ];
  it('reads each format with the catalogue mapping by default', () => {
    const m = catalogueMapping();
    const texts = {
      'dhis2-json': writeDhis2Json(v, m),
      'dhis2-csv': writeDhis2Csv(v, m),
      adx: writeAdx(v, m, { exported: new Date(0) }),
      fhir: writeFhirBundle(v, { baseUrl: 'https://contoh', generated: new Date(0) }),
    } as const;
    for (const [format, text] of Object.entries(texts)) {
      const r = readExchangeFile(format as keyof typeof texts, text);
      expect(r.rows.map((x) => [x.kode_wilayah, x.periode, x.indikator, x.pembilang, x.penyebut])).toEqual([
        ['99.01.01.2001', '2026-10', 'KIA_MTBS', '3', '4'],
      ]);
    }
  });
});
