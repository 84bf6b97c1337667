import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../indicators/catalogue.ts';
import {
  catalogueMapping,
  orgUnitReader,
  orgUnitWriter,
  ruleFor,
  ruleMatcher,
  validateMapping,
  type ExchangeMapping,
} from './mapping.ts';

const mapping: ExchangeMapping = {
  nama: 'DHIS2 Dinkes Contoh',
  orgUnit: 'tabel',
  orgUnits: { DiszpKrYNg8: '12.10.09.2001', FNnj3jKGS7i: '12.10.09.2002' },
  dataElements: [
    { dataElement: 'K4', indikator: 'KIA_K4', peran: 'pembilang' },
    { dataElement: 'MTBS', categoryOptionCombo: 'dilayani', indikator: 'KIA_MTBS', peran: 'pembilang' },
    { dataElement: 'MTBS', categoryOptionCombo: 'berkunjung', indikator: 'KIA_MTBS', peran: 'penyebut' },
    { dataElement: 'VCCT_0', disaggregation: { GENDER: 'FMLE' }, indikator: 'SPM12_HIV', peran: 'pembilang' },
  ],
};

describe('validateMapping', () => {
  it('accepts a valid mapping, normalising kode and indicator codes', () => {
    const r = validateMapping({
      ...mapping,
      orgUnits: { A: '1210092001' },
      dataElements: [{ dataElement: ' K4 ', indikator: 'kia_k4', peran: 'pembilang' }],
    });
    expect(r).toEqual({
      ok: true,
      mapping: {
        nama: 'DHIS2 Dinkes Contoh',
        orgUnit: 'tabel',
        orgUnits: { A: '12.10.09.2001' },
        dataElements: [{ dataElement: 'K4', indikator: 'KIA_K4', peran: 'pembilang' }],
      },
    });
  });

  it('names every wrong field in Bahasa Indonesia', () => {
    const r = validateMapping({
      nama: '',
      orgUnit: 'uid',
      orgUnits: { A: '12.10' },
      idScheme: 'name',
      dataElements: [
        { dataElement: 'X', indikator: 'TIDAK_ADA', peran: 'pembilang' },
        { dataElement: 'Y', indikator: 'KIA_K4', peran: 'penyebut' },
        { dataElement: 'Z', indikator: 'KIA_K4', peran: 'jumlah' },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.column)).toEqual([
      'nama',
      'orgUnit',
      'orgUnits.A',
      'idScheme',
      'dataElements[0].indikator',
      'dataElements[1].peran',
      'dataElements[2].peran',
    ]);
    expect(r.errors[4]!.message).toContain('Indikator tidak dikenal');
    expect(r.errors[5]!.message).toContain('sasaran tahunan');
  });

  it('refuses one data element mapped to two different targets', () => {
    const r = validateMapping({
      nama: 'x',
      orgUnit: 'kode',
      dataElements: [
        { dataElement: 'A', indikator: 'KIA_K4', peran: 'pembilang' },
        { dataElement: 'A', indikator: 'KIA_K1', peran: 'pembilang' },
      ],
    });
    expect(r.ok ? [] : r.errors.map((e) => e.column)).toEqual(['dataElements[1]']);
  });

  it('asks for an orgUnits table with orgUnit "tabel" and refuses what is not an object', () => {
    expect(
      validateMapping({
        nama: 'x',
        orgUnit: 'tabel',
        dataElements: [{ dataElement: 'A', indikator: 'KIA_K4', peran: 'pembilang' }],
      }),
    ).toMatchObject({ ok: false, errors: [{ column: 'orgUnits' }] });
    expect(validateMapping([])).toMatchObject({
      ok: false,
      errors: [{ message: 'Pemetaan harus berupa objek JSON.' }],
    });
  });

  it('keeps an orgUnit named __proto__ as data', () => {
    const r = validateMapping(
      JSON.parse(
        '{"nama":"x","orgUnit":"tabel","orgUnits":{"__proto__":"12.10.09.2001"},"dataElements":[{"dataElement":"A","indikator":"KIA_K4","peran":"pembilang"}]}',
      ),
    );
    expect(r.ok && orgUnitReader(r.mapping)('__proto__')).toBe('12.10.09.2001');
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
});

describe('ruleMatcher', () => {
  const match = ruleMatcher(mapping);
  it('takes the most specific rule and skips what is not mapped', () => {
    expect(match({ dataElement: 'K4', categoryOptionCombo: 'any' })).toMatchObject({ rule: { indikator: 'KIA_K4' } });
    expect(match({ dataElement: 'MTBS', categoryOptionCombo: 'berkunjung' })).toMatchObject({
      rule: { peran: 'penyebut' },
    });
    expect(match({ dataElement: 'MTBS', categoryOptionCombo: 'lain' })).toBeNull();
    expect(match({ dataElement: 'VCCT_0', disaggregation: { GENDER: 'FMLE', HIV_AGE: 'AGE0-14' } })).toMatchObject({
      rule: { indikator: 'SPM12_HIV' },
    });
    expect(match({ dataElement: 'VCCT_0', disaggregation: { GENDER: 'MLE' } })).toBeNull();
    expect(match({ dataElement: 'ASING' })).toBeNull();
  });

  it('reports two equally specific rules with different targets as ambiguous', () => {
    const m = ruleMatcher({
      dataElements: [
        { dataElement: 'A', disaggregation: { SEX: 'F' }, indikator: 'KIA_K4', peran: 'pembilang' },
        { dataElement: 'A', disaggregation: { AGE: '1' }, indikator: 'KIA_K1', peran: 'pembilang' },
      ],
    });
    expect(m({ dataElement: 'A', disaggregation: { SEX: 'F', AGE: '1' } })).toMatchObject({
      rule: null,
      ambiguous: [{ indikator: 'KIA_K4' }, { indikator: 'KIA_K1' }],
    });
  });
});

describe('orgUnit reader and writer', () => {
  it('reads the table first, then (orgUnit "kode") a Kemendagri kode with or without dots', () => {
    const read = orgUnitReader({ orgUnit: 'kode', orgUnits: { X: '12.10.09.2002' } });
    expect([read('X'), read('1210092001'), read(' 12.10.09.2003 '), read('DiszpKrYNg8')]).toEqual([
      '12.10.09.2002',
      '12.10.09.2001',
      '12.10.09.2003',
      null,
    ]);
    expect(orgUnitReader(mapping)('1210092001')).toBeNull();
  });

  it('writes the table backwards, else the kode (digits only when asked)', () => {
    expect(orgUnitWriter(mapping)('12.10.09.2002')).toBe('FNnj3jKGS7i');
    expect(orgUnitWriter(mapping)('12.10.09.2003')).toBe('12.10.09.2003');
    expect(orgUnitWriter({ kodeTanpaTitik: true })('12.10.09.2003')).toBe('1210092003');
  });
});

describe('catalogueMapping', () => {
  it('names a numerator per indicator and a denominator per counted one, and is itself a valid mapping', () => {
    const m = catalogueMapping();
    const counted = INDICATORS.filter((d) => d.denominator.kind === 'counted').length;
    expect(m.dataElements).toHaveLength(INDICATORS.length + counted);
    expect(ruleFor(m, 'KIA_MTBS', 'penyebut')?.dataElement).toBe('KIA_MTBS_PENYEBUT');
    expect(ruleFor(m, 'KIA_K4', 'penyebut')).toBeNull();
    expect(validateMapping(m)).toEqual({ ok: true, mapping: m });
  });
});
