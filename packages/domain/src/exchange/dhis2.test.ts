import { describe, expect, it } from 'vitest';
import { monthPeriod, rangePeriod } from '../indicators/period.ts';
import { readDhis2Csv, readDhis2Json, writeDhis2Csv, writeDhis2Json } from './dhis2.ts';
import { catalogueMapping, type ExchangeMapping } from './mapping.ts';
import type { ExchangeValue } from './values.ts';

const rowsOf = (r: ReturnType<typeof readDhis2Json>) =>
  r.rows.map((x) => `${x.kode_wilayah} ${x.periode} ${x.indikator} ${x.pembilang}/${x.penyebut}`);

// The org units and data elements of the DHIS2 documentation's examples (Web API → Data → "Sending bulks of data
// values", "CSV data value format"), mapped to three desa and two indicators of ours.
const docMapping: ExchangeMapping = {
  nama: 'Contoh dokumentasi DHIS2',
  orgUnit: 'tabel',
  orgUnits: {
    DiszpKrYNg8: '12.10.09.2001',
    FNnj3jKGS7i: '12.10.09.2002',
    Jkhdsf8sdf4: '12.10.09.2003',
    gP6hn503KUX: '12.10.09.2001',
    OjTS752GbZE: '12.10.09.2002',
  },
  dataElements: [
    { dataElement: 'f7n9E0hX8qk', indikator: 'KIA_K4', peran: 'pembilang' },
    { dataElement: 'DUSpd8Jq3M7', indikator: 'IMM_IDL', peran: 'pembilang' },
  ],
};

describe('readDhis2Json', () => {
  it("reads the documentation's bulk example (period and orgUnit on each data value)", () => {
    const doc = {
      dataValues: [
        { dataElement: 'f7n9E0hX8qk', period: '201401', orgUnit: 'DiszpKrYNg8', value: '12' },
        { dataElement: 'f7n9E0hX8qk', period: '201401', orgUnit: 'FNnj3jKGS7i', value: '14' },
        { dataElement: 'f7n9E0hX8qk', period: '201402', orgUnit: 'DiszpKrYNg8', value: '16' },
        { dataElement: 'f7n9E0hX8qk', period: '201402', orgUnit: 'Jkhdsf8sdf4', value: '18' },
      ],
    };
    const r = readDhis2Json(JSON.stringify(doc), docMapping);
    expect(r.errors).toEqual([]);
    expect(rowsOf(r)).toEqual([
      '12.10.09.2001 2014-01 KIA_K4 12/',
      '12.10.09.2001 2014-02 KIA_K4 16/',
      '12.10.09.2002 2014-01 KIA_K4 14/',
      '12.10.09.2003 2014-02 KIA_K4 18/',
    ]);
    expect(r.rows[0]!.sumber).toEqual({ row: null, column: 'dataValues[0]' });
  });

  it("reads the set-level period and orgUnit of the documentation's first example; other data elements are reported unmapped", () => {
    const doc = {
      dataSet: 'pBOMPrpg1QX',
      completeDate: '2014-02-03',
      period: '201401',
      orgUnit: 'DiszpKrYNg8',
      dataValues: [
        { dataElement: 'f7n9E0hX8qk', value: '1' },
        { dataElement: 'Ix2HsbDMLea', value: '2' },
        { dataElement: 'eY5ehpbEsB7', value: 3 },
      ],
    };
    const r = readDhis2Json(JSON.stringify(doc), docMapping);
    expect(rowsOf(r)).toEqual(['12.10.09.2001 2014-01 KIA_K4 1/']);
    expect(r.warnings.map((w) => w.column)).toEqual(['dataValues[1]', 'dataValues[2]']);
  });

  it('refuses what is not a dataValueSet or not JSON', () => {
    expect(readDhis2Json('{"dataValues": [\n{"a": 1},\n]}', docMapping).errors).toMatchObject([
      { code: 'EXCHANGE_SYNTAX', message: expect.stringContaining('Berkas bukan JSON yang sah') },
    ]);
    expect(readDhis2Json('{"rows": []}', docMapping).errors).toMatchObject([{ code: 'EXCHANGE_STRUCTURE' }]);
    const r = readDhis2Json(
      JSON.stringify({
        dataValues: [
          7,
          { dataElement: 'f7n9E0hX8qk', value: '1' },
          { dataElement: 'f7n9E0hX8qk', period: '201401', orgUnit: 'DiszpKrYNg8', value: { n: 1 } },
        ],
      }),
      docMapping,
    );
    expect(r.errors.map((e) => [e.column, e.code, e.message])).toEqual([
      ['dataValues[0]', 'EXCHANGE_STRUCTURE', 'dataValues[0] bukan objek data value.'],
      [
        'dataValues[1]',
        'EXCHANGE_STRUCTURE',
        'dataValues[1] tanpa period, orgUnit (tidak juga di tingkat dataValueSet).',
      ],
      ['dataValues[2].value', 'EXCHANGE_STRUCTURE', 'dataValues[2].value harus berupa teks atau angka.'],
    ]);
  });

  it('refuses a file over the character bound without parsing it', () => {
    expect(readDhis2Json('{"dataValues":[]}', docMapping, { maxChars: 10 }).errors).toMatchObject([
      { code: 'EXCHANGE_TOO_LARGE' },
    ]);
  });
});

describe('readDhis2Csv', () => {
  it("reads the documentation's CSV example (header skipped, empty attroptcombo, option combos summed)", () => {
    const csv = [
      '"dataelement","period","orgunit","catoptcombo","attroptcombo","value","storedby","timestamp"',
      '"DUSpd8Jq3M7","201202","gP6hn503KUX","Prlt0C1RF0s",,"7","bombali","2010-04-17"',
      '"DUSpd8Jq3M7","201202","gP6hn503KUX","V6L425pT3A0",,"10","bombali","2010-04-17"',
      '"DUSpd8Jq3M7","201202","OjTS752GbZE","V6L425pT3A0",,"9","bombali","2010-04-06"',
    ].join('\n');
    const r = readDhis2Csv(csv, docMapping);
    expect(r.errors).toEqual([]);
    expect(rowsOf(r)).toEqual(['12.10.09.2001 2012-02 IMM_IDL 17/', '12.10.09.2002 2012-02 IMM_IDL 9/']);
    expect(r.rows[1]!.sumber).toEqual({ row: 4, column: 'value' });
  });

  it('reads a file without header, skips deleted values, and names the line of each error', () => {
    const csv = 'f7n9E0hX8qk,201401,DiszpKrYNg8,,,5\nf7n9E0hX8qk,201401,FNnj3jKGS7i,,,6,admin,2026-01-01,,false,true\n';
    expect(rowsOf(readDhis2Csv(csv, docMapping))).toEqual(['12.10.09.2001 2014-01 KIA_K4 5/']);
    const bad = readDhis2Csv(
      'dataelement,period,orgunit\nf7n9E0hX8qk,,DiszpKrYNg8\nf7n9E0hX8qk,2014W3,DiszpKrYNg8,,,1\n',
      docMapping,
    );
    expect(bad.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'EXCHANGE_STRUCTURE'],
      [3, 'EXCHANGE_PERIOD'],
    ]);
    expect(bad.errors[0]!.message).toContain('Baris 2: kolom dataelement, period dan orgunit wajib diisi');
  });

  it('explains a semicolon-separated file', () => {
    expect(readDhis2Csv('f7n9E0hX8qk;201401;DiszpKrYNg8;;;5\n', docMapping).errors[0]!.message).toContain('titik koma');
  });
});

const values: ExchangeValue[] = [
  { kode: '12.10.09.2001', indikator: 'KIA_K4', period: monthPeriod(2026, 10), pembilang: 12, penyebut: null },
  { kode: '12.10.09.2001', indikator: 'KIA_MTBS', period: monthPeriod(2026, 10), pembilang: 3, penyebut: 4 },
  { kode: '12.10.09.2002', indikator: 'KIA_K4', period: monthPeriod(2026, 9), pembilang: 0, penyebut: null },
];

describe('write DHIS2', () => {
  it('writes JSON data values under the catalogue mapping', () => {
    expect(JSON.parse(writeDhis2Json(values, catalogueMapping()))).toEqual({
      dataSet: 'PETA_DESA',
      idScheme: 'code',
      dataValues: [
        { dataElement: 'KIA_K4_PEMBILANG', period: '202610', orgUnit: '12.10.09.2001', value: '12' },
        { dataElement: 'KIA_MTBS_PEMBILANG', period: '202610', orgUnit: '12.10.09.2001', value: '3' },
        { dataElement: 'KIA_MTBS_PENYEBUT', period: '202610', orgUnit: '12.10.09.2001', value: '4' },
        { dataElement: 'KIA_K4_PEMBILANG', period: '202609', orgUnit: '12.10.09.2002', value: '0' },
      ],
    });
  });

  it("writes CSV with the header and a mapping's own identifiers", () => {
    const m: ExchangeMapping = {
      ...docMapping,
      attributeOptionCombo: 'HllvX50cXC0',
      dataElements: [
        { dataElement: 'f7n9E0hX8qk', categoryOptionCombo: 'bRowv6yZOF2', indikator: 'KIA_K4', peran: 'pembilang' },
      ],
    };
    expect(writeDhis2Csv([values[0]!, values[2]!], m)).toBe(
      'dataelement,period,orgunit,catoptcombo,attroptcombo,value\n' +
        'f7n9E0hX8qk,202610,DiszpKrYNg8,bRowv6yZOF2,HllvX50cXC0,12\nf7n9E0hX8qk,202609,FNnj3jKGS7i,bRowv6yZOF2,HllvX50cXC0,0\n',
    );
  });

  it('refuses what DHIS2 or the mapping cannot say, in Bahasa Indonesia', () => {
    expect(() => writeDhis2Json([{ ...values[0]!, period: rangePeriod(2026, 1, 10) }], catalogueMapping())).toThrow(
      'Januari–Oktober 2026 tidak ada padanannya di DHIS2',
    );
    expect(() => writeDhis2Json([values[1]!], docMapping)).toThrow(
      'tidak memuat data element untuk pembilang KIA_MTBS',
    );
  });

  it('round-trips: export → import gives the same values (JSON and CSV)', () => {
    const m = catalogueMapping();
    const expected = [
      '12.10.09.2001 2026-10 KIA_K4 12/',
      '12.10.09.2001 2026-10 KIA_MTBS 3/4',
      '12.10.09.2002 2026-09 KIA_K4 0/',
    ];
    expect(rowsOf(readDhis2Json(writeDhis2Json(values, m), m))).toEqual(expected);
    expect(rowsOf(readDhis2Csv(writeDhis2Csv(values, m), m))).toEqual(expected);
    const digits = { ...m, kodeTanpaTitik: true };
    expect(rowsOf(readDhis2Json(writeDhis2Json(values, digits), digits))).toEqual(expected);
  });
});
