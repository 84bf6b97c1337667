// Drill-down provinsi → kabupaten/kota → kecamatan → desa in real Chromium against the real server
// (boundaries of Sumatera Utara imported on first start). Expected names come from the API itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WilayahChild } from '@peta/domain/contract';
import { launchBrowser, type Browser } from './helpers/browser.ts';
import { openPageAs } from './helpers/session.ts';
import { fetchAs, sessionOf, useAppServer, type AppServer } from './helpers/app-server.ts';
import { createDriver } from './helpers/driver.ts';

const SUMUT = '12';
const LABUHANBATU = '12.10';
/** Reading is for signed-in users; the viewer role (pembaca) only reads, which is all this file does. */
const READER = 'pembaca';
const BILAH_HULU_NAME = /bilah hulu/i;

let server: AppServer;
let browser: Browser;
let sumut: WilayahChild;
let labuhanbatu: WilayahChild;
let kecamatan: WilayahChild;
let desa: WilayahChild[];

beforeAll(async () => {
  server = useAppServer();
  browser = await launchBrowser();
  const find = (list: WilayahChild[], test: (c: WilayahChild) => boolean, what: string) => {
    const found = list.find(test);
    if (!found) throw new Error(`${what} not in API answer: ${list.map((c) => `${c.kode} ${c.nama}`).join(', ')}`);
    return found;
  };
  sumut = find(await server.api<WilayahChild[]>('/api/wilayah'), (c) => c.kode === SUMUT, 'Sumatera Utara');
  labuhanbatu = find(
    await server.api<WilayahChild[]>(`/api/wilayah/${SUMUT}/children`),
    (c) => c.kode === LABUHANBATU,
    'Labuhanbatu',
  );
  const kecamatanList = await server.api<WilayahChild[]>(`/api/wilayah/${LABUHANBATU}/children`);
  kecamatan = find(kecamatanList, (c) => BILAH_HULU_NAME.test(c.nama), 'Bilah Hulu');
  desa = await server.api<WilayahChild[]>(`/api/wilayah/${kecamatan.kode}/children`);
  expect(desa.length).toBeGreaterThan(2);
});

afterAll(async () => {
  await browser?.close();
});

describe('drill-down on a desktop screen', () => {
  it('goes from Indonesia down to the desa of a kecamatan, and back up', async () => {
    const d = createDriver(await openPageAs(browser, server.url, READER, { width: 1280, height: 800 }), server.url);

    await d.openHome();
    await d.expectListContains([sumut.nama]);
    // Islands in a wide sea: land is ~9 % of the map at 1280×800; a blank map gives 0.
    expect(await d.mapNonBackgroundRatio()).toBeGreaterThan(0.04);
    await d.screenshot('drilldown-1-indonesia');

    await d.clickListItem(sumut.nama);
    await d.waitForView(SUMUT);
    expect(await d.wilayahParam()).toBe(SUMUT);
    await d.expectListContains([labuhanbatu.nama]);
    await d.screenshot('drilldown-2-provinsi');

    await d.clickListItem(labuhanbatu.nama);
    await d.waitForView(LABUHANBATU);
    await d.expectListContains([kecamatan.nama]);

    await d.clickListItem(kecamatan.nama);
    await d.waitForView(kecamatan.kode);
    expect(await d.wilayahParam()).toBe(kecamatan.kode);
    await d.expectListContains(desa.slice(0, 3).map((c) => c.nama));
    expect(await d.listNames()).toHaveLength(desa.length);
    expect(await d.breadcrumbNames()).toEqual(['Indonesia', sumut.nama, labuhanbatu.nama, kecamatan.nama]);
    const ratio = await d.mapNonBackgroundRatio();
    expect(ratio, 'desa polygons fill the map').toBeGreaterThan(0.3);
    expect((await d.visibleMapLabels()).length, 'some desa names on the map').toBeGreaterThan(0);
    await d.screenshot('drilldown-3-kecamatan');

    await d.reload();
    await d.waitForView(kecamatan.kode);
    await d.expectListContains(desa.slice(0, 3).map((c) => c.nama));
    expect(await d.breadcrumbNames()).toEqual(['Indonesia', sumut.nama, labuhanbatu.nama, kecamatan.nama]);

    await d.back();
    await d.waitForView(LABUHANBATU);
    expect(await d.wilayahParam()).toBe(LABUHANBATU);
    await d.forward();
    await d.waitForView(kecamatan.kode);

    await d.clickBreadcrumb(sumut.nama);
    await d.waitForView(SUMUT);
    expect(await d.wilayahParam()).toBe(SUMUT);
    await d.clickBreadcrumb('Indonesia');
    await d.waitForView('indonesia');
    expect(await d.wilayahParam()).toBeNull();

    expect(d.externalRequests, 'the map needs no request outside our server').toEqual([]);
    expect(d.pageErrors).toEqual([]);
    // Since the reload: down, back, forward and up again — the app asked for each geometry once.
    const requests = [...d.geometryRequests];
    expect(requests.length).toBeGreaterThanOrEqual(4);
    expect(
      requests.filter(([, n]) => n !== 1),
      'geometry asked for more than once',
    ).toEqual([]);
  });

  it('rewrites a kode typed without dots into its canonical form', async () => {
    const d = createDriver(await openPageAs(browser, server.url, READER, { width: 1280, height: 800 }), server.url);
    await d.open(LABUHANBATU.replace('.', ''));
    await d.waitForView(LABUHANBATU);
    expect(await d.wilayahParam()).toBe(LABUHANBATU);
  });

  it('selects a desa: its panel opens, the URL holds it, and it stays among its siblings', async () => {
    const d = createDriver(await openPageAs(browser, server.url, READER, { width: 1280, height: 800 }), server.url);
    await d.open(kecamatan.kode);
    await d.waitForView(kecamatan.kode);
    const chosen = desa.find((c) => c.hasGeometry) ?? desa[0]!;

    await d.clickListItem(chosen.nama);
    await d.page.getByTestId('desa-panel').waitFor();
    expect(await d.wilayahParam()).toBe(chosen.kode);
    expect(await d.page.getByTestId('desa-panel-title').textContent()).toBe(chosen.nama);
    expect(await d.page.getByTestId('desa-panel-kode').textContent()).toBe(chosen.kode);
    expect(await d.listNames(), 'the siblings stay listed').toHaveLength(desa.length);
    expect(await d.breadcrumbNames()).toEqual(['Indonesia', sumut.nama, labuhanbatu.nama, kecamatan.nama, chosen.nama]);
    await d.screenshot('drilldown-4-desa');
  });

  it('shares hover between the list and the map', async () => {
    const d = createDriver(await openPageAs(browser, server.url, READER, { width: 1280, height: 800 }), server.url);
    await d.open(kecamatan.kode);
    await d.waitForView(kecamatan.kode);
    const [first, second] = desa.filter((c) => c.hasGeometry && c.label);
    if (!first || !second) throw new Error('need two desa with a boundary');

    // Hover reaches the other side through a render and the map's effect, not within the pointer event: wait for it.
    await d.hoverListItem(first.nama);
    await expect.poll(() => d.hoveredMapLabels()).toEqual([first.nama]);

    await d.hoverMapAt(second.nama);
    await expect.poll(() => d.hoveredRows()).toEqual([second.nama]);
    await expect.poll(() => d.hoveredMapLabels()).toEqual([second.nama]);
  });
});

describe('messages and settings', () => {
  it('explains an unknown kode in Bahasa Indonesia and offers the way back', async () => {
    const d = createDriver(await openPageAs(browser, server.url, READER, { width: 1280, height: 800 }), server.url);
    const response = await fetchAs(await sessionOf(server.url, READER), `${server.url}/api/wilayah/99.99`);
    expect(response.status).toBe(404);
    const { message } = (await response.json()) as { message: string };

    await d.open('99.99');
    await d.page.getByTestId('wilayah-error').waitFor();
    expect(await d.textOf('wilayah-error')).toContain(message);
    await d.page.getByRole('link', { name: 'Kembali ke peta Indonesia' }).click();
    await d.waitForView('indonesia');
  });

  it('shows a kecamatan of a provinsi without loaded desa as a leaf with a note', async () => {
    const d = createDriver(await openPageAs(browser, server.url, READER, { width: 1280, height: 800 }), server.url);
    const [acehKab] = await server.api<WilayahChild[]>('/api/wilayah/11/children');
    const [acehKec] = await server.api<WilayahChild[]>(`/api/wilayah/${acehKab!.kode}/children`);
    expect(acehKec!.childCount).toBe(0);

    await d.open(acehKec!.kode);
    await d.page.getByTestId('desa-panel').waitFor();
    await d.waitForView(acehKab!.kode);
    expect(await d.textOf('desa-panel-title')).toBe(acehKec!.nama);
    await d.page.getByTestId('desa-panel-no-children').waitFor();
  });

  it('switches to English and keeps the choice after a reload', async () => {
    const d = createDriver(await openPageAs(browser, server.url, READER, { width: 1280, height: 800 }), server.url);
    await d.open(LABUHANBATU);
    await d.waitForView(LABUHANBATU);
    expect(await d.listHeading()).toContain(' di ');

    await d.chooseLanguage('en');
    expect(await d.listHeading()).toContain(' in ');
    await d.toggleLargeText();
    await d.reload();
    await d.waitForView(LABUHANBATU);
    expect(await d.listHeading()).toContain(' in ');
    expect(await d.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await d.screenshot('drilldown-6-en-large-text');
  });
});

describe('drill-down on a phone (360×740)', () => {
  it('shows the map over the screen and the list in a bottom sheet, and drills from a shared link', async () => {
    const d = createDriver(await openPageAs(browser, server.url, READER, { width: 360, height: 740 }), server.url);
    await d.open(LABUHANBATU);
    await d.waitForView(LABUHANBATU);

    // The map takes most of the screen; the sheet peeks at its bottom (phone-layout.test.ts checks the rest).
    const map = await d.mapBox();
    expect(map.width).toBeGreaterThan(340);
    expect(map.height).toBeGreaterThan(400);
    expect(await d.page.getByTestId('side-pane').getAttribute('data-snap')).toBe('peek');

    await d.sheetTo('full');
    await d.clickListItem(kecamatan.nama);
    await d.waitForView(kecamatan.kode);
    await d.expectListContains(desa.slice(0, 3).map((c) => c.nama));
    await d.sheetTo('peek');
    expect(await d.mapNonBackgroundRatio()).toBeGreaterThan(0.3);
    await d.screenshot('drilldown-5-phone');
    expect(d.externalRequests).toEqual([]);
  });
});
