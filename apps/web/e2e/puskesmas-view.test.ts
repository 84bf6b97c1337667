// The main map's "Wilayah kerja puskesmas" view of a kabupaten (issue 7) in real Chromium against the real server:
// polygons and table from the API, the roll-up per puskesmas equal to the kabupaten's sum of its desa, a chosen
// puskesmas' panel, and an indicator switch that refetches values only. Screenshots: /tmp/e2e-shots/puskesmas-view-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFraction, formatValue } from '@peta/domain';
import type { PuskesmasValuesResponse, ValuesResponse, WilayahChild, WilayahProfile } from '@peta/domain/contract';
import { launchBrowser, type Browser } from './helpers/browser.ts';
import { openPageAs } from './helpers/session.ts';
import { useAppServer, type AppServer } from './helpers/app-server.ts';
import { createDriver } from './helpers/driver.ts';

const DELI_SERDANG = '12.07';
const VIEW = `${DELI_SERDANG}/wilayah-kerja`;
/**
 * Sees the exact counts of Deli Serdang (the admin's answer), which the first two tests compare with the page; the
 * pembaca sees small counts hidden (issue 18, privacy.test.ts) and is the reader of the phone test.
 */
const STAFF = 'dinkes.sumaterautara';
const READER = 'pembaca';
const K4 = 'KIA_K4';
const BUMIL = 'SPM01_BUMIL';
const YTD = '2026-01..2026-10';
const SHOTS = '/tmp/e2e-shots';

interface WilayahKerja {
  features: { properties: { kode: string; nama: string; desa: number; unconfirmed: number } }[];
}

let server: AppServer;
let browser: Browser;
let wilayahKerja: WilayahKerja;

const puskesmasValues = (indicator: string) =>
  server.api<PuskesmasValuesResponse>(
    `/api/nilai/puskesmas?indikator=${indicator}&periode=${encodeURIComponent(YTD)}&kabupaten=${DELI_SERDANG}`,
  );
const search = `?wilayah=${DELI_SERDANG}&indikator=${K4}&periode=${YTD}`;

beforeAll(async () => {
  server = useAppServer();
  browser = await launchBrowser();
  wilayahKerja = await server.api<WilayahKerja>(`/api/rencana-ilp/wilayah-kerja.geojson?kabupaten=${DELI_SERDANG}`);
  expect(wilayahKerja.features.length).toBeGreaterThan(0);
});

afterAll(async () => {
  await browser?.close();
});

describe('values per wilayah kerja puskesmas', () => {
  it('draws the wilayah kerja, lists their values (summing to the kabupaten), selects a puskesmas and switches indicator without geometry', async () => {
    const d = createDriver(await openPageAs(browser, server.url, STAFF, { width: 1280, height: 800 }), server.url);
    await d.openUrl(search);
    await d.waitForView(DELI_SERDANG);
    expect(await d.page.getByTestId('group-by-kecamatan').getAttribute('aria-pressed')).toBe('true');

    await d.page.getByTestId('group-by-puskesmas').click();
    await d.waitForView(VIEW);
    expect(await d.param('menurut')).toBe('puskesmas');
    expect(await d.page.getByTestId('group-by-puskesmas').getAttribute('aria-pressed')).toBe('true');

    // One polygon per feature of the API.
    const drawn = await d.page.evaluate(() => window.__mapState?.featureCount);
    expect(drawn).toBe(wilayahKerja.features.length);

    // The table: one row per puskesmas (and "Tanpa puskesmas"), numerator/denominator as the API says.
    const answer = await puskesmasValues(K4);
    expect(answer.rows.length).toBeGreaterThan(0);
    const polygonKodes = new Set(wilayahKerja.features.map((f) => f.properties.kode));
    const expectedRows = new Set([...polygonKodes, ...answer.rows.map((r) => r.kode)]);
    await expect.poll(() => d.page.getByTestId('child-row').count()).toBe(expectedRows.size);
    await expect.poll(() => d.textOf('table-caption')).toBe('K4, Januari–Oktober 2026');
    for (const row of answer.rows) {
      const tr = d.page.locator(`[data-testid="child-row"][data-kode="${row.kode}"]`);
      if (row.coverage === null) {
        expect(await tr.getByTestId('child-fraction').count(), row.nama).toBe(0);
        continue;
      }
      expect(await tr.getByTestId('child-coverage').textContent(), row.nama).toBe(formatValue(row.coverage, 'percent'));
      expect(await tr.getByTestId('child-fraction').textContent(), row.nama).toBe(
        formatFraction(row.numerator, row.denominator),
      );
    }
    if (answer.rows.some((r) => r.kode === '')) {
      expect(
        await d.page.locator('[data-testid="child-row"][data-kode=""] [data-testid="child-name"]').textContent(),
      ).toBe('Tanpa puskesmas');
    }

    // Roll-up: the puskesmas rows (desa without one included) add up to the kabupaten, the sum of its desa.
    const kabupaten = (
      await server.api<ValuesResponse>(`/api/nilai?indikator=${K4}&periode=${encodeURIComponent(YTD)}&wilayah=12`)
    ).rows.find((r) => r.kode === DELI_SERDANG)!;
    const sum = answer.rows.reduce((s, r) => s + (r.numerator ?? 0), 0);
    expect(sum).toBeCloseTo(kabupaten.numerator ?? 0, 6);

    // Heading: the number of puskesmas, and the proposal note when any desa is unconfirmed.
    const puskesmasCount = [...expectedRows].filter((k) => k !== '').length;
    expect(await d.listHeading()).toMatch(new RegExp(`^${puskesmasCount} wilayah kerja puskesmas di `));
    const unconfirmed = wilayahKerja.features.some((f) => f.properties.unconfirmed > 0);
    expect(await d.page.getByTestId('child-list-note').count()).toBe(unconfirmed ? 1 : 0);
    if (unconfirmed) expect(await d.textOf('child-list-note')).toContain('usulan, belum dikonfirmasi dinkes');

    // A puskesmas is chosen, not drilled into: the panel, the same kabupaten in the URL and the breadcrumb.
    const crumbs = await d.breadcrumbNames();
    const chosen = answer.rows.find((r) => r.kode !== '' && r.coverage !== null && polygonKodes.has(r.kode))!;
    await d.clickRow(chosen.kode);
    await d.page.getByTestId('puskesmas-panel').waitFor();
    expect(await d.textOf('puskesmas-panel-title')).toBe(chosen.nama);
    const feature = wilayahKerja.features.find((f) => f.properties.kode === chosen.kode)!;
    expect(await d.textOf('puskesmas-panel-desa')).toBe(`${feature.properties.desa} desa di wilayah kerjanya`);
    expect(await d.textOf('puskesmas-coverage')).toBe(formatValue(chosen.coverage, 'percent'));
    expect(await d.textOf('puskesmas-fraction')).toContain(formatFraction(chosen.numerator, chosen.denominator)!);
    expect(await d.page.getByTestId('puskesmas-plan').getAttribute('href')).toBe(
      `/rencana-ilp?wilayah=${DELI_SERDANG}`,
    );
    expect(await d.page.getByTestId('puskesmas-meeting').getAttribute('href')).toBe(`/rapat?puskesmas=${chosen.kode}`);
    const profileHref = await d.page.getByTestId('puskesmas-profile').getAttribute('href');
    expect(profileHref).toMatch(new RegExp(`^/profil\\?puskesmas=${chosen.kode}&periode=`));
    expect(await d.wilayahParam()).toBe(DELI_SERDANG);
    expect(await d.breadcrumbNames()).toEqual(crumbs);
    await expect.poll(async () => (await d.featureState(chosen.kode)).selected).toBe(true);

    // Hover from the table: the same card as for a kecamatan.
    await d.hoverRow(chosen.kode);
    expect(await d.textOf('hover-card-name')).toBe(chosen.nama);
    await d.page.getByTestId('side-pane').evaluate((el) => el.scrollTo(0, 0));
    await d.screenshot('puskesmas-view-desktop', SHOTS);

    // "PNG untuk WhatsApp" draws the wilayah kerja too.
    const [download] = await Promise.all([d.page.waitForEvent('download'), d.page.getByTestId('share-png').click()]);
    expect(download.suggestedFilename()).toBe(`peta-${DELI_SERDANG}-puskesmas-${K4}-${YTD}.png`);

    // Another indicator: values only, no geometry and no wilayah kerja polygons again.
    const mark = d.apiRequests.length;
    await d.chooseIndicator(BUMIL, 'ibu hamil');
    await expect.poll(() => d.textOf('table-caption')).toBe('SPM Ibu hamil, Januari–Oktober 2026');
    const bumil = (await puskesmasValues(BUMIL)).rows.find((r) => r.kode === chosen.kode)!;
    await expect.poll(() => d.tableCoverage(chosen.kode)).toBe(formatValue(bumil.coverage, 'percent'));
    const after = d.requestsSince(mark);
    expect(
      after.filter((u) => u.includes('wilayah-kerja.geojson') || u.includes('/api/geometry/')),
      'no geometry on a switch',
    ).toEqual([]);
    expect(after).toContain(`/api/nilai/puskesmas?indikator=${BUMIL}&periode=${YTD}&kabupaten=${DELI_SERDANG}`);
    expect(await d.param('menurut')).toBe('puskesmas');

    // Back to the kecamatan: the mode is left, the kecamatan are drawn again.
    await d.page.getByTestId('group-by-kecamatan').click();
    await d.waitForView(DELI_SERDANG);
    expect(await d.param('menurut')).toBeNull();
    expect(d.pageErrors).toEqual([]);
    expect(d.externalRequests).toEqual([]);
  });

  it('a puskesmas wilayah kerja has its Profil: the cards of GET /api/puskesmas/{kode}/profil, without a chart', async () => {
    const chosen = wilayahKerja.features[0]!.properties;
    const profile = await server.api<WilayahProfile>(
      `/api/puskesmas/${chosen.kode}/profil?periode=${encodeURIComponent(YTD)}`,
    );
    const d = createDriver(await openPageAs(browser, server.url, STAFF, { width: 1280, height: 800 }), server.url);
    await d.page.goto(`${server.url}/profil?puskesmas=${chosen.kode}&periode=${YTD}`);
    await d.page.getByTestId('profil-card').first().waitFor();
    expect(await d.page.getByTestId('profil-title').textContent()).toBe(profile.nama);
    const shown = await d.page
      .getByTestId('profil-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-indicator')));
    expect(shown).toEqual(profile.indicators.map((i) => i.indicator).filter((code) => shown.includes(code)));
    expect(shown.length).toBeGreaterThan(3);
    const first = profile.indicators[0]!;
    const card = d.page.locator(`[data-testid="profil-card"][data-indicator="${first.indicator}"]`);
    expect(await card.getByTestId('profil-card-value').textContent()).toBe(formatValue(first.row.coverage, 'percent'));
    expect(await d.page.getByTestId('profil-map').count()).toBe(0);
    await d.screenshot('puskesmas-profile', SHOTS);
    expect(d.pageErrors).toEqual([]);
  });

  it('fits a 360 px phone, and going to a kecamatan leaves the mode', async () => {
    const d = createDriver(await openPageAs(browser, server.url, READER, { width: 360, height: 780 }), server.url);
    await d.openUrl(`${search}&menurut=puskesmas`);
    await d.waitForView(VIEW);
    expect(await d.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await d.screenshot('puskesmas-view-phone', SHOTS);
    // On a phone "Kelompokkan menurut" is in the folded options, with the period.
    await d.page.getByTestId('controls-toggle').click();
    await d.page.getByTestId('group-by').waitFor();
    await d.page.getByTestId('group-by').scrollIntoViewIfNeeded();

    // A kecamatan link carrying menurut=puskesmas (e.g. hand-edited): the kecamatan view, the param rewritten away.
    const kecamatan = (await server.api<WilayahChild[]>(`/api/wilayah/${DELI_SERDANG}/children`)).find(
      (c) => c.hasGeometry,
    )!.kode;
    const href = await d.page.evaluate((kode) => {
      const url = new URL(window.location.href);
      url.searchParams.set('wilayah', kode);
      return url.pathname + url.search;
    }, kecamatan);
    await d.page.goto(`${server.url}${href}`);
    await d.waitForView(kecamatan);
    await expect.poll(() => d.param('menurut')).toBeNull();
    expect(await d.page.getByTestId('group-by').count()).toBe(0);
    expect(d.pageErrors).toEqual([]);
  });
});
