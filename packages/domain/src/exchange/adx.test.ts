import { describe, expect, it } from 'vitest';
import { monthPeriod, rangePeriod } from '../indicators/period.ts';
import { readAdx, writeAdx } from './adx.ts';
import { catalogueMapping, type ExchangeMapping } from './mapping.ts';
import type { ExchangeValue } from './values.ts';

const rowsOf = (r: ReturnType<typeof readAdx>) =>
  r.rows.map((x) => `${x.kode_wilayah} ${x.periode} ${x.indikator} ${x.pembilang}/${x.penyebut}`);

// Shortened from the ADX example of the DHIS2 documentation (Web API → "ADX data format"): codes as identifiers,
// disaggregations as attributes, an xsi:schemaLocation and a completeDate passed through.
const DOC_EXAMPLE = `<adx xmlns="urn:ihe:qrph:adx:2015" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="urn:ihe:qrph:adx:2015 ../schema/adx_loose.xsd"
  exported="2015-02-08T19:30:00Z">
  <group orgUnit="OU_559" period="2015-06-01/P1M"
    completeDate="2015-07-01" dataSet="(TB/HIV)VCCT">
    <dataValue dataElement="VCCT_0" GENDER="FMLE" HIV_AGE="AGE0-14" value="32"/>
    <dataValue dataElement="VCCT_1" GENDER="FMLE" HIV_AGE="AGE0-14" value="20"/>
    <dataValue dataElement="VCCT_0" GENDER="MLE" HIV_AGE="AGE0-14" value="32"/>
    <dataValue dataElement="VCCT_1" GENDER="MLE" HIV_AGE="AGE0-14" value="20"/>

    <dataValue dataElement="VCCT_0" GENDER="FMLE" HIV_AGE="AGE15-24" value="32"/>
    <dataValue dataElement="VCCT_1" GENDER="FMLE" HIV_AGE="AGE15-24" value="20"/>
  </group>
</adx>`;

const docMapping: ExchangeMapping = {
  nama: 'VCCT',
  orgUnit: 'tabel',
  orgUnits: { OU_559: '12.10.09.2001' },
  dataElements: [
    // Tested for HIV (VCCT_1) among those counselled (VCCT_0), women only: SPM12_HIV has a sasaran denominator, so
    // KIA_MTBS (counted) stands in to show a numerator/denominator pair built from disaggregated values.
    { dataElement: 'VCCT_1', disaggregation: { GENDER: 'FMLE' }, indikator: 'KIA_MTBS', peran: 'pembilang' },
    { dataElement: 'VCCT_0', disaggregation: { GENDER: 'FMLE' }, indikator: 'KIA_MTBS', peran: 'penyebut' },
  ],
};

describe('readAdx', () => {
  it("reads the documentation's example: disaggregations summed, other combinations reported unmapped", () => {
    const r = readAdx(DOC_EXAMPLE, docMapping);
    expect(r.errors).toEqual([]);
    expect(rowsOf(r)).toEqual(['12.10.09.2001 2015-06 KIA_MTBS 40/64']);
    expect(r.rows[0]!.sumber).toEqual({ row: 7, column: '<dataValue dataElement="VCCT_1">' });
    expect(r.summary).toMatchObject({ dataValues: 6, used: 4, unmapped: 2 });
    expect(r.warnings.map((w) => w.message)).toEqual([
      '1 data value VCCT_0, GENDER=MLE, HIV_AGE=AGE0-14 tidak ada dalam pemetaan "VCCT" dan dilewati.',
      '1 data value VCCT_1, GENDER=MLE, HIV_AGE=AGE0-14 tidak ada dalam pemetaan "VCCT" dan dilewati.',
    ]);
  });

  it('refuses the wrong root, unknown elements, missing attributes and a quarter, naming the line', () => {
    expect(readAdx('<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0"/>', docMapping).errors[0]!.message).toContain(
      'Elemen akar harus <adx xmlns="urn:ihe:qrph:adx:2015">',
    );
    const bad = readAdx(
      `<adx xmlns="urn:ihe:qrph:adx:2015" exported="2026-11-01T00:00:00Z">
  <group period="2026-10-01/P1M" dataSet="X"><dataValue dataElement="VCCT_1" GENDER="FMLE" value="1"/></group>
  <group orgUnit="OU_559" period="2026-07-01/P3M" dataSet="X"><dataValue dataElement="VCCT_1" GENDER="FMLE" value="1"/></group>
  <group orgUnit="OU_559" period="2026-10-01/P1M" dataSet="X"><dataValue GENDER="FMLE" value="1"/></group>
  <group orgUnit="OU_559" period="2026-10-01/P1M" dataSet="X"><row/></group>
</adx>`,
      docMapping,
    );
    expect(bad.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'EXCHANGE_STRUCTURE'],
      [3, 'EXCHANGE_PERIOD'],
      [4, 'EXCHANGE_STRUCTURE'],
      [5, 'EXCHANGE_STRUCTURE'],
    ]);
    expect(bad.errors[0]!.message).toBe('<group> ke-1 tanpa atribut orgUnit.');
    expect(bad.rows).toEqual([]);
  });

  it('refuses a DOCTYPE before reading anything (entity expansion, external entities)', () => {
    const r = readAdx(
      '<?xml version="1.0"?>\n<!DOCTYPE adx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<adx xmlns="urn:ihe:qrph:adx:2015">&x;</adx>',
      docMapping,
    );
    expect(r.errors).toMatchObject([{ code: 'EXCHANGE_XML_FORBIDDEN', row: 2 }]);
  });

  it('ignores elements of other namespaces and reports a file without groups', () => {
    expect(
      readAdx('<adx xmlns="urn:ihe:qrph:adx:2015" xmlns:o="urn:other"><o:note>x</o:note></adx>', docMapping).errors[0]!
        .message,
    ).toBe('Berkas ADX tidak memuat <group> satu pun.');
  });
});

describe('writeAdx', () => {
  const values: ExchangeValue[] = [
    { kode: '12.10.09.2001', indikator: 'KIA_K4', period: monthPeriod(2026, 10), pembilang: 12, penyebut: null },
    { kode: '12.10.09.2001', indikator: 'KIA_MTBS', period: monthPeriod(2026, 10), pembilang: 3, penyebut: 4 },
    { kode: '12.10.09.2002', indikator: 'KIA_K4', period: monthPeriod(2026, 9), pembilang: 0, penyebut: null },
  ];
  const exported = new Date('2026-11-05T08:00:00Z');

  it('writes one group per orgUnit and period, with the data set ADX requires', () => {
    expect(writeAdx(values, catalogueMapping(), { exported })).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<adx xmlns="urn:ihe:qrph:adx:2015" exported="2026-11-05T08:00:00.000Z">
  <group orgUnit="12.10.09.2001" period="2026-10-01/P1M" dataSet="PETA_DESA">
    <dataValue dataElement="KIA_K4_PEMBILANG" value="12"/>
    <dataValue dataElement="KIA_MTBS_PEMBILANG" value="3"/>
    <dataValue dataElement="KIA_MTBS_PENYEBUT" value="4"/>
  </group>
  <group orgUnit="12.10.09.2002" period="2026-09-01/P1M" dataSet="PETA_DESA">
    <dataValue dataElement="KIA_K4_PEMBILANG" value="0"/>
  </group>
</adx>
`);
  });

  it('writes disaggregations as attributes and escapes identifiers', () => {
    const m: ExchangeMapping = {
      nama: 'x',
      orgUnit: 'tabel',
      orgUnits: { 'A&B': '12.10.09.2001' },
      dataSet: '(TB/HIV)VCCT',
      dataElements: docMapping.dataElements,
    };
    const xml = writeAdx([values[1]!], m, { exported });
    expect(xml).toContain('<group orgUnit="A&amp;B" period="2026-10-01/P1M" dataSet="(TB/HIV)VCCT">');
    expect(xml).toContain('<dataValue dataElement="VCCT_1" GENDER="FMLE" value="3"/>');
    expect(rowsOf(readAdx(xml, m))).toEqual(['12.10.09.2001 2026-10 KIA_MTBS 3/4']);
  });

  it('refuses an indicator whose numerator the mapping does not name, as the DHIS2 writer does', () => {
    const m: ExchangeMapping = { nama: 'Hanya penyebut', orgUnit: 'kode', dataElements: [docMapping.dataElements[1]!] };
    expect(() => writeAdx([values[1]!], m, { exported })).toThrow(
      'Pemetaan "Hanya penyebut" tidak memuat data element untuk pembilang KIA_MTBS.',
    );
  });

  it('writes a PWS range as a duration; an import refuses it (values are stored per month)', () => {
    const xml = writeAdx([{ ...values[0]!, period: rangePeriod(2026, 1, 10) }], catalogueMapping(), { exported });
    expect(xml).toContain('period="2026-01-01/P10M"');
    expect(readAdx(xml, catalogueMapping()).errors[0]!.message).toContain('lebih dari satu bulan');
  });

  it('round-trips: export → import gives the same values', () => {
    const m = catalogueMapping();
    expect(rowsOf(readAdx(writeAdx(values, m, { exported }), m))).toEqual([
      '12.10.09.2001 2026-10 KIA_K4 12/',
      '12.10.09.2001 2026-10 KIA_MTBS 3/4',
      '12.10.09.2002 2026-09 KIA_K4 0/',
    ]);
  });
});
