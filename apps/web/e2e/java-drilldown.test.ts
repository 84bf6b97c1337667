// A provinsi of Java in real Chromium against the real server (issue 17: "the browser test drills a province of Java
// to a desa and shows Semua desa for Indonesia with colours"). The e2e server loads the desa of DI Yogyakarta beside
// Sumatera Utara (helpers/app-server.ts); every expected colour comes from the API's answer for the same view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PALETTE } from '@peta/domain';
import {
  CLASS_OF_LETTER,
  desaKodesOf,
  type DesaValuesResponse,
  type ValuesResponse,
  type WilayahChild,
} from '@peta/domain/contract';
import { launchBrowser, type Browser } from './helpers/browser.ts';
import { openPageAs } from './helpers/session.ts';
import { useAppServer, type AppServer } from './helpers/app-server.ts';
import { createDriver, type Driver } from './helpers/driver.ts';

/** DI Yogyakarta: the smallest provinsi of Java (five kabupaten/kota, 438 desa), so the e2e start stays short. */
const YOGYAKARTA = '34';
const K4 = 'KIA_K4';
const YTD = '2026-01..2026-10';
/** Sees every count exactly: the colours below are the admin's answer, compared one by one. */
const READER = 'admin';

let server: AppServer;
let browser: Browser;

/** The admin's answer for the children of `parent` (Indonesia's provinsi without one). */
const values = (parent?: string) =>
  server.api<ValuesResponse>(
    `/api/nilai?indikator=${K4}&periode=${encodeURIComponent(YTD)}${parent ? `&wilayah=${parent}` : ''}`,
  );
const children = (parent: string) => server.api<WilayahChild[]>(`/api/wilayah/${parent}/children`);

/** Waits until the map has every child of the view with data coloured as the API classes it; returns one such child. */
async function expectColoured(d: Driver, parent: string): Promise<ValuesResponse['rows'][number]> {
  const answer = await values(parent);
  const withData = answer.rows.filter((row) => row.coverage !== null);
  expect(withData.length, `children of ${parent} with data`).toBeGreaterThan(0);
  for (const row of withData.slice(0, 5)) await d.waitForFill(row.kode, PALETTE.attainment[row.class]);
  return withData[0]!;
}

beforeAll(async () => {
  server = useAppServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('a provinsi of Java (1280×800)', () => {
  it('drills from Indonesia through DI Yogyakarta to a desa, coloured at every level', async () => {
    const provinsi = (await server.api<WilayahChild[]>('/api/wilayah')).find((c) => c.kode === YOGYAKARTA)!;
    expect(provinsi.nama).toMatch(/yogyakarta/i);
    const d = createDriver(await openPageAs(browser, server.url, READER, { width: 1280, height: 800 }), server.url);
    await d.openUrl(`?indikator=${K4}&periode=${encodeURIComponent(YTD)}`);
    await d.waitForView('indonesia');
    const national = (await values()).rows.find((row) => row.kode === YOGYAKARTA)!;
    await d.waitForFill(YOGYAKARTA, PALETTE.attainment[national.class]);

    await d.clickListItem(provinsi.nama);
    await d.waitForView(YOGYAKARTA);
    const kabupaten = await expectColoured(d, YOGYAKARTA);
    await d.screenshot('java-1-provinsi');

    await d.clickListItem(kabupaten.nama);
    await d.waitForView(kabupaten.kode);
    const kecamatan = await expectColoured(d, kabupaten.kode);

    await d.clickListItem(kecamatan.nama);
    await d.waitForView(kecamatan.kode);
    const desa = await expectColoured(d, kecamatan.kode);
    expect(await d.listNames()).toHaveLength((await children(kecamatan.kode)).length);
    await d.screenshot('java-2-kecamatan');

    await d.clickListItem(desa.nama);
    await d.page.getByTestId('desa-panel').waitFor();
    expect(await d.wilayahParam()).toBe(desa.kode);
    expect(await d.textOf('desa-panel-title')).toBe(desa.nama);
    expect(await d.breadcrumbNames()).toEqual(['Indonesia', provinsi.nama, kabupaten.nama, kecamatan.nama, desa.nama]);
    await d.screenshot('java-3-desa');
    expect(d.pageErrors).toEqual([]);
    expect(d.externalRequests).toEqual([]);
  });

  it('shows "Semua desa" for Indonesia with the desa of Yogyakarta coloured as the API classes them', async () => {
    const answer = await server.api<DesaValuesResponse>(
      `/api/nilai/desa?indikator=${K4}&periode=${encodeURIComponent(YTD)}`,
    );
    const kodes = desaKodesOf(answer);
    const java = kodes.filter((kode) => kode.startsWith(`${YOGYAKARTA}.`));
    expect(java.length).toBeGreaterThan(400);
    const d = createDriver(await openPageAs(browser, server.url, READER, { width: 1280, height: 800 }), server.url);
    await d.openUrl(`?tampilan=semua-desa&indikator=${K4}&periode=${encodeURIComponent(YTD)}`);
    await d.waitForAllDesa(kodes.length);
    expect(await d.textOf('all-desa-count')).toBe(`${kodes.length.toLocaleString('id-ID')} desa`);
    for (const kode of java.filter((_, i) => i % 50 === 0)) {
      const expected = PALETTE.attainment[CLASS_OF_LETTER[answer.kelas[kodes.indexOf(kode)]!]!];
      expect((await d.desaFeatureState(kode)).fillColor, kode).toBe(expected);
    }
    await d.screenshot('java-4-semua-desa-indonesia');
    expect(d.pageErrors).toEqual([]);
  });
});
