// Data from and for other systems through the HTTP API, on the tiny wilayah with its simulated values
// (fixtures/tiny-values.ts): a DHIS2 dataValueSet (uploaded as application/json, as a browser labels a .json file),
// an ADX file and a FHIR Bundle go through preview → commit → undo like any import; the same months leave as DHIS2
// JSON, ADX and FHIR MeasureReport, and what leaves comes back in unchanged. The app's clock is 2026-11-15.
import { describe, expect, it } from 'vitest';
import { ImportOutcomeSchema } from '@peta/domain/contract';
import { INDICATORS } from '@peta/domain';
import { expectSchema, useApp } from './helper.ts';
import { loadTinyValues } from './fixtures/tiny-values.ts';

const ctx = useApp(loadTinyValues, { readAs: 'admin' }); // exact counts: the staff's view (anonymous readers get the protected one)
const upload = async (name: string, contentType: string, body: string) => {
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/impor/pratinjau?berkas=${encodeURIComponent(name)}`,
    headers: { ...ctx.admin.headers, 'content-type': contentType },
    body,
  });
  return { status: res.statusCode, body: res.json() };
};
const commit = async (previewId: string) =>
  (await ctx.app.inject({ method: 'POST', url: `/api/impor/${previewId}/simpan`, headers: ctx.admin.headers })).json();
const get = (url: string) => ctx.app.inject({ url });
const value = async (indicator: string, period: string, parent: string, kode: string) =>
  (await get(`/api/nilai?indikator=${indicator}&periode=${period}&wilayah=${parent}`))
    .json()
    .rows.find((r: { kode: string }) => r.kode === kode);

const DHIS2 = JSON.stringify({
  dataSet: 'PETA_DESA',
  dataValues: [
    { dataElement: 'KIA_K1_PEMBILANG', period: '202609', orgUnit: '9901012001', value: '5' },
    { dataElement: 'SPM11_TB_PEMBILANG', period: '202610', orgUnit: '99.01.01.2002', value: '3' },
    { dataElement: 'SPM11_TB_PENYEBUT', period: '202610', orgUnit: '99.01.01.2002', value: '4' },
  ],
});

describe('exchange formats through the API', () => {
  let dhis2Load = 0;

  it('previews a DHIS2 dataValueSet sent as application/json, then commits it', async () => {
    const { status, body } = await upload('dhis2.json', 'application/json', DHIS2);
    expect(status).toBe(200);
    expectSchema(ImportOutcomeSchema, body);
    expect(body).toMatchObject({
      status: 'preview',
      format: 'dhis2-json',
      target: 'nilai',
      counts: { added: 1, changed: 1, unchanged: 0 },
      errors: [],
    });
    const done = await commit(body.previewId);
    expect(done).toMatchObject({ status: 'imported' });
    dhis2Load = done.loadId;
    expect(await value('KIA_K1', '2026-09', '99.01.01', '99.01.01.2001')).toMatchObject({
      numerator: 5,
      simulated: false,
    });
    expect(await value('SPM11_TB', '2026-10', '99.01.01', '99.01.01.2002')).toMatchObject({
      numerator: 3,
      denominator: 4,
    });
  });

  it('names the data value in the errors of a refused exchange file', async () => {
    const { body } = await upload(
      'salah.json',
      'application/json',
      JSON.stringify({
        dataValues: [{ dataElement: 'KIA_K1_PEMBILANG', period: '202609', orgUnit: '99.01.01.2999', value: '1' }],
      }),
    );
    expect(body).toMatchObject({
      status: 'invalid',
      previewId: null,
      format: 'dhis2-json',
      errors: [{ row: null, column: 'dataValues[0] (kode_wilayah)', code: 'KODE_UNKNOWN' }],
    });
  });

  it('reads an ADX file sent as application/xml: disaggregations summed', async () => {
    const adx = `<adx xmlns="urn:ihe:qrph:adx:2015" exported="2026-11-05T08:00:00Z">
  <group orgUnit="99.01.02.2001" period="2026-10-01/P1M" dataSet="PETA_DESA">
    <dataValue dataElement="SPM11_TB_PEMBILANG" SEX="F" value="1"/><dataValue dataElement="SPM11_TB_PEMBILANG" SEX="M" value="2"/>
    <dataValue dataElement="SPM11_TB_PENYEBUT" value="5"/>
  </group>
</adx>`;
    const { body } = await upload('laporan.xml', 'application/xml', adx);
    expect(body).toMatchObject({ status: 'preview', format: 'adx', counts: { added: 1 } });
    expect(body.sample).toMatchObject([
      { kode: '99.01.02.2001', item: 'SPM11_TB', period: '2026-10', newNumerator: 3, newDenominator: 5 },
    ]);
  });

  it('exports the real desa months as DHIS2 JSON (simulated months stay home), and the file comes back in unchanged', async () => {
    const res = await get('/api/exchange/dhis2.json?wilayah=99.01&periode=2026-09..2026-10&indikator=KIA_K1,SPM11_TB');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="dhis2-json-99.01-2026-09_2026-10.json"');
    // Two real cells; KIA_K1 of September is still simulated for 99.01.01.2002 and 99.01.02.2001: left out, and said.
    expect([res.headers['x-sel-nyata'], res.headers['x-sel-simulasi']]).toEqual(['2', '2']);
    expect(res.json()).toEqual({
      dataSet: 'PETA_DESA',
      idScheme: 'code',
      dataValues: [
        { dataElement: 'KIA_K1_PEMBILANG', period: '202609', orgUnit: '99.01.01.2001', value: '5' },
        { dataElement: 'SPM11_TB_PEMBILANG', period: '202610', orgUnit: '99.01.01.2002', value: '3' },
        { dataElement: 'SPM11_TB_PENYEBUT', period: '202610', orgUnit: '99.01.01.2002', value: '4' },
      ],
    });
    expect((await upload('kembali.json', 'application/json', res.body)).body).toMatchObject({
      status: 'unchanged',
      counts: { unchanged: 2 },
    });
  });

  it('a month holding only simulated demo values exports as an empty, valid file, and the headers say why', async () => {
    const res = await get('/api/exchange/dhis2.json?wilayah=99.01.02&periode=2026-08&indikator=KIA_K1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ dataSet: 'PETA_DESA', idScheme: 'code', dataValues: [] });
    // 99.01.02.2001 reported 0 in August (simulated); 99.01.02.2002 has no report at all (nothing to leave out).
    expect([res.headers['x-sel-nyata'], res.headers['x-sel-simulasi']]).toEqual(['0', '1']);
  });

  it('exports the same months as DHIS2 CSV and ADX', async () => {
    const csv = await get('/api/exchange/dhis2.csv?wilayah=99.01.01&periode=2026-09&indikator=KIA_K1');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe(
      'dataelement,period,orgunit,catoptcombo,attroptcombo,value\nKIA_K1_PEMBILANG,202609,99.01.01.2001,,,5\n',
    );
    const adx = await get('/api/exchange/adx?wilayah=99.01.01&periode=2026-09&indikator=KIA_K1');
    expect(adx.headers['content-type']).toBe('application/adx+xml; charset=utf-8');
    expect(adx.body).toContain('<group orgUnit="99.01.01.2001" period="2026-09-01/P1M" dataSet="PETA_DESA">');
    expect((await upload('kembali.xml', 'application/xml', adx.body)).body).toMatchObject({ status: 'unchanged' });
  });

  it('exports FHIR MeasureReports of the children with real data, numbers as the dashboard shows them', async () => {
    const res = await get('/api/exchange/fhir/MeasureReport?wilayah=99.01.01&periode=2026-09&indikator=KIA_K1');
    expect(res.statusCode).toBe(200);
    const bundle = res.json();
    expect(
      bundle.entry.map(
        (e: { resource: { resourceType: string; id: string } }) => `${e.resource.resourceType}/${e.resource.id}`,
      ),
    ).toEqual(['Measure/KIA-K1', 'MeasureReport/KIA-K1-9901012001-2026-09']); // 99.01.01.2002's September is simulated
    expect([res.headers['x-sel-nyata'], res.headers['x-sel-simulasi']]).toEqual(['1', '1']);
    const report = bundle.entry[1].resource;
    // KIA_K1 in one month: 5 of the annual sasaran of 40 = 12,5 % (as GET /api/nilai says).
    expect(report.group[0].population.map((p: { count: number }) => p.count)).toEqual([5, 40]);
    expect(report.group[0].measureScore).toMatchObject({ value: 12.5, code: '%' });
    expect(await value('KIA_K1', '2026-09', '99.01.01', '99.01.01.2001')).toMatchObject({
      numerator: 5,
      denominator: 40,
      coverage: 12.5,
    });
    expect(report.measure).toBe('http://localhost:80/fhir/Measure/KIA-K1'); // the host the request came to (inject: localhost:80)
    // Read back: the numerator is the same (the sasaran denominator travels as sasaran, and is reported as skipped).
    const back = await upload('laporan-fhir.json', 'application/fhir+json', res.body);
    expect(back.body).toMatchObject({ status: 'unchanged', format: 'fhir', warnings: [{ code: 'EXCHANGE_UNMAPPED' }] });
  });

  it('serves the Measures of the catalogue', async () => {
    const res = await get('/api/exchange/fhir/Measure');
    expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    expect(res.json().entry).toHaveLength(INDICATORS.length);
  });

  it('refuses a bad period, an unknown indicator and an unknown wilayah', async () => {
    expect((await get('/api/exchange/adx?wilayah=99.01&periode=Oktober')).statusCode).toBe(400);
    expect((await get('/api/exchange/adx?wilayah=99.01&periode=2026-10&indikator=KIA_K9')).statusCode).toBe(400);
    expect((await get('/api/exchange/dhis2.json?wilayah=99.09&periode=2026-10')).statusCode).toBe(404);
    expect((await get('/api/exchange/dhis2.json?wilayah=99.01.x&periode=2026-10')).statusCode).toBe(400);
  });

  it('undoes the DHIS2 import like any other', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/impor/${dhis2Load}/batalkan`,
      headers: ctx.admin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(await value('KIA_K1', '2026-09', '99.01.01', '99.01.01.2001')).toMatchObject({
      numerator: 3,
      simulated: true,
    });
    expect(
      (await get('/api/exchange/dhis2.json?wilayah=99.01&periode=2026-09&indikator=KIA_K1')).json().dataValues,
    ).toEqual([]);
  });
});
