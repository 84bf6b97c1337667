// The choropleth and its table in real Chromium against the real server (demo data of Sumatera Utara, simulated).
// Expected numbers and classes come from the API itself and are formatted with the domain helpers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DASHBOARD_CRITERIA_NOTE,
  PALETTE,
  formatNumberId,
  formatValue,
  getIndicator,
  notYetServedText,
  PEOPLE_LABELS,
  quantileColors,
  shortOfTargetText,
} from '@peta/domain';
import type { IndicatorDto, ValueRow, ValuesResponse, WilayahChild } from '@peta/domain/contract';
import { launchBrowser, type Browser } from './helpers/browser.ts';
import { openPageAs } from './helpers/session.ts';
import { repoRoot, useAppServer, type AppServer } from './helpers/app-server.ts';
import { createDriver } from './helpers/driver.ts';
import { join } from 'node:path';
import { readFileSync, statSync } from 'node:fs';

const LABUHANBATU = '12.10';
/**
 * The file checks the exact numbers of Labuhanbatu (the admin's answer) on the page: it reads as the kabupaten's dinkes,
 * who sees them; the pembaca's protected view of small counts (issue 18) is privacy.test.ts.
 */
const READER = 'dinkes.labuhanbatu';
const K4 = 'KIA_K4';
const BUMIL = 'SPM01_BUMIL';
const YTD = '2026-01..2026-10';
const JUNE = '2026-06';
const k4 = getIndicator(K4)!;

let server: AppServer;
let browser: Browser;
let kecamatan: ValueRow;

const values = (indicator: string, period: string, parent: string) =>
  server.api<ValuesResponse>(
    `/api/nilai?indikator=${indicator}&periode=${encodeURIComponent(period)}&wilayah=${parent}`,
  );
const rowOf = (response: ValuesResponse, kode: string) => {
  const row = response.rows.find((r) => r.kode === kode);
  if (!row) throw new Error(`${kode} not in the values answer`);
  return row;
};
const percent = (row: ValueRow) => formatValue(row.coverage, 'percent');
const search = (indicator: string, period: string) =>
  `?wilayah=${LABUHANBATU}&indikator=${indicator}&periode=${period}`;

beforeAll(async () => {
  server = useAppServer();
  browser = await launchBrowser();
  const catalogue = await server.api<IndicatorDto[]>('/api/indikator');
  expect(catalogue.find((d) => d.code === K4)?.hasData).toBe(true);
  const answer = await values(K4, YTD, LABUHANBATU);
  expect(answer.simulated).toBe(true);
  // A kecamatan with data and a polygon, preferably Bilah Hulu (used by the drill-down test too).
  const withData = answer.rows.filter((r) => r.coverage !== null);
  kecamatan = withData.find((r) => /bilah hulu/i.test(r.nama)) ?? withData[0]!;
});

afterAll(async () => {
  await browser?.close();
});

describe('choropleth on a desktop screen (1280×800)', () => {
  it('colours the map and fills the table from the values, and switches indicator and period without geometry', async () => {
    const d = createDriver(await openPageAs(browser, server.url, READER, { width: 1280, height: 800 }), server.url);
    await d.openUrl(search(K4, YTD));
    await d.waitForView(LABUHANBATU);
    await d.waitForFill(kecamatan.kode, PALETTE.attainment[kecamatan.class]);

    // Table and map say the same as the API.
    expect(await d.tableCoverage(kecamatan.kode)).toBe(percent(kecamatan));
    expect(await d.featureState(kecamatan.kode)).toMatchObject({
      fillColor: PALETTE.attainment[kecamatan.class],
      flag: kecamatan.over100,
    });
    expect(await d.textOf('table-caption')).toBe('K4, Januari–Oktober 2026');
    expect(await d.textOf('legend-title')).toBe('K4: capaian terhadap target');
    expect(await d.textOf('legend-note')).toContain(DASHBOARD_CRITERIA_NOTE);
    expect(await d.page.getByTestId('legend-item').count()).toBe(5);

    // Hover a row: the card shows name, capaian, the class with what it is judged on, and the two counts of people,
    // each under its own name (issue 15) — the same numbers as the API's row and the table's column.
    await d.hoverRow(kecamatan.kode);
    expect(await d.textOf('hover-card-name')).toBe(kecamatan.nama);
    expect(await d.textOf('hover-card-coverage')).toBe(percent(kecamatan));
    expect(await d.textOf('hover-card-basis')).toBe(
      `capaian Januari–Oktober 2026 dibanding target s.d. Oktober (${formatValue(kecamatan.expected, 'percent')})`,
    );
    expect(await d.textOf('hover-card-short')).toBe(
      `${PEOPLE_LABELS.shortOfTarget}: ${shortOfTargetText(k4, kecamatan.shortOfTarget)}`,
    );
    expect(await d.textOf('hover-card-unserved')).toBe(
      `${PEOPLE_LABELS.notYetServed}: ${notYetServedText(k4, kecamatan.notYetServed, kecamatan.numerator, kecamatan.denominator)}`,
    );
    expect(
      await d.page
        .locator(`[data-testid="child-row"][data-kode="${kecamatan.kode}"] [data-testid="child-gap"]`)
        .textContent(),
    ).toBe(kecamatan.shortOfTarget! > 0 ? formatNumberId(kecamatan.shortOfTarget!, 0) : 'tercapai');
    expect(await d.page.getByTestId('sort-kurang').textContent()).toContain('Kekurangan (orang)');
    expect(await d.page.locator('th.child-table__gap').getAttribute('title')).toMatch(
      /^Kekurangan terhadap target periode ini: /,
    );
    await d.screenshot('choropleth-1-desktop');

    // "PNG untuk WhatsApp": the current view as a phone-sized picture (1080 × 1350), downloaded on a desktop.
    const [download] = await Promise.all([d.page.waitForEvent('download'), d.page.getByTestId('share-png').click()]);
    expect(download.suggestedFilename()).toBe(`peta-${LABUHANBATU}-${k4.code}-${YTD}.png`);
    const pngPath = join(repoRoot, 'artifacts', 'choropleth-whatsapp.png');
    await download.saveAs(pngPath);
    const png = readFileSync(pngPath);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1080, 1350]);
    // Read the picture's pixels: the names of the kecamatan are written on the map (their ink #10243e), and the
    // hatch legend item is lines on white, not a solid black box (runs of dark pixels stay short).
    const pixels = await d.page.evaluate(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const near = (d: Uint8ClampedArray, i: number, [r, g, b]: number[]) =>
        Math.abs(d[i]! - r!) + Math.abs(d[i + 1]! - g!) + Math.abs(d[i + 2]! - b!) < 40;
      const map = ctx.getImageData(40, 270, 1000, 780).data;
      let nameInk = 0;
      for (let i = 0; i < map.length; i += 4) if (near(map, i, [0x10, 0x24, 0x3e])) nameInk++;
      const legend = ctx.getImageData(0, 1050, 1080, 250);
      let longestDarkRun = 0;
      for (let y = 0; y < legend.height; y++) {
        let run = 0;
        for (let x = 0; x < legend.width; x++) {
          run = near(legend.data, (y * legend.width + x) * 4, [0x25, 0x25, 0x25]) ? run + 1 : 0;
          longestDarkRun = Math.max(longestDarkRun, run);
        }
      }
      return { nameInk, longestDarkRun };
    }, png.toString('base64'));
    expect(pixels.nameInk, 'desa/kecamatan names written on the PNG map').toBeGreaterThan(500);
    expect(pixels.longestDarkRun, 'the hatch swatch is lines, not a black box').toBeLessThan(20);
    // The README image is refreshed on request only, so a test run never changes a committed file:
    // UPDATE_README_IMAGE=1 pnpm exec vitest run --project web-e2e
    if (process.env.UPDATE_README_IMAGE) await d.screenshot('choropleth', join(repoRoot, 'docs/img'));

    // The simulated-data badge and its explanation.
    await d.page.getByTestId('simulated-badge').click();
    expect(await d.textOf('simulated-explain')).toMatch(/bukan dari laporan/);

    // Switch indicator: values only, recoloured in place.
    const mark = d.apiRequests.length;
    const bumil = rowOf(await values(BUMIL, YTD, LABUHANBATU), kecamatan.kode);
    await d.page.getByTestId('indicator-button').click();
    expect(
      await d.page
        .locator(`[data-testid="indicator-option"][data-code="KIA_K6"] [data-testid="indicator-no-data"]`)
        .textContent(),
    ).toBe('belum ada data');
    await d.page.getByTestId('indicator-button').click();
    await d.chooseIndicator(BUMIL, 'ibu hamil');
    await expect.poll(() => d.textOf('table-caption')).toBe('SPM Ibu hamil, Januari–Oktober 2026');
    await d.waitForFill(kecamatan.kode, PALETTE.attainment[bumil.class]);
    await expect.poll(() => d.tableCoverage(kecamatan.kode)).toBe(percent(bumil));
    expect(await d.textOf('legend-title')).toBe('SPM Ibu hamil: capaian terhadap target');
    expect(await d.param('indikator')).toBe(BUMIL);

    // Switch period to June 2026 (a month).
    const june = rowOf(await values(BUMIL, JUNE, LABUHANBATU), kecamatan.kode);
    await d.choosePeriod('month', 6, 2026);
    await expect.poll(() => d.param('periode')).toBe(JUNE);
    await expect.poll(() => d.textOf('table-caption')).toBe('SPM Ibu hamil, Juni 2026');
    await expect.poll(() => d.tableCoverage(kecamatan.kode)).toBe(percent(june));
    await d.waitForFill(kecamatan.kode, PALETTE.attainment[june.class]);
    expect(await d.page.getByTestId('legend').textContent()).toContain('Juni 2026');

    // Quantile legend: same values, other colours.
    await d.page.getByTestId('legend-mode-kuantil').click();
    await expect.poll(() => d.page.getByTestId('legend').getAttribute('data-mode')).toBe('kuantil');
    expect(await d.param('legenda')).toBe('kuantil');
    // The map is recoloured in an effect after the legend has rendered: wait for the colour, as the eye does.
    const viridis = quantileColors(5);
    await expect
      .poll(async () => (await d.featureState(kecamatan.kode)).fillColor, {
        message: 'the kecamatan gets a quantile colour',
      })
      .toBeOneOf([...viridis]);

    const after = d.requestsSince(mark);
    expect(
      after.filter((u) => u.includes('/api/geometry/')),
      'no geometry on a switch',
    ).toEqual([]);
    expect(after).toContain(`/api/nilai?indikator=${BUMIL}&periode=${YTD}&wilayah=${LABUHANBATU}`);
    expect(after).toContain(`/api/nilai?indikator=${BUMIL}&periode=${JUNE}&wilayah=${LABUHANBATU}`);
    expect(d.pageErrors).toEqual([]);
    expect(d.externalRequests).toEqual([]);
  });

  it('drills kabupaten → kecamatan → desa from the table; the desa panel shows its value and its year', async () => {
    const d = createDriver(await openPageAs(browser, server.url, READER, { width: 1280, height: 800 }), server.url);
    await d.openUrl(search(K4, YTD));
    await d.waitForView(LABUHANBATU);
    await d.clickRow(kecamatan.kode);
    await d.waitForView(kecamatan.kode);
    expect(await d.param('indikator'), 'the indicator stays when drilling').toBe(K4);
    expect(await d.param('periode')).toBe(YTD);

    const desaValues = await values(K4, YTD, kecamatan.kode);
    const desaList = await server.api<WilayahChild[]>(`/api/wilayah/${kecamatan.kode}/children`);
    const desa = desaValues.rows.find(
      (r) => r.coverage !== null && desaList.find((c) => c.kode === r.kode)?.hasGeometry,
    )!;
    await d.waitForFill(desa.kode, PALETTE.attainment[desa.class]);
    expect(await d.tableCoverage(desa.kode)).toBe(percent(desa));

    await d.clickRow(desa.kode);
    await d.page.getByTestId('desa-panel').waitFor();
    expect(await d.wilayahParam()).toBe(desa.kode);
    expect(await d.textOf('desa-coverage')).toBe(percent(desa));
    await d.page.getByTestId('series-chart').waitFor();
    // Bars for the reported months of 2026 (January–October in the demo).
    expect(await d.page.locator('[data-testid="series-chart"] rect.series__bar').count()).toBeGreaterThanOrEqual(1);
    expect(await d.page.locator('[data-testid="series-chart"] path.series__target').count()).toBe(1);
    // The class says what it is judged on, and the PWS status under the chart is October's (the period's month) with
    // what it is made of — or says which report is missing; "above the line" there is the class "Baik" here.
    const classLabel = {
      baik: 'Baik',
      cukup: 'Cukup',
      kurang: 'Kurang',
      netral: 'Tanpa target',
      'no-data': 'Tidak ada laporan',
      disembunyikan: 'Disembunyikan',
    }[desa.class];
    expect(await d.textOf('desa-judged')).toBe(
      `Kelas peta: ${classLabel} — dinilai dari capaian Januari–Oktober 2026 dibanding target s.d. Oktober (${formatValue(desa.expected, 'percent')})`,
    );
    expect(await d.textOf('desa-short')).toBe(
      `${PEOPLE_LABELS.shortOfTarget}: ${shortOfTargetText(k4, desa.shortOfTarget)}`,
    );
    const pws = await d.textOf('pws-status');
    expect(pws).toMatch(/^Status PWS Oktober: /);
    if (!/tidak dapat dihitung/.test(pws))
      expect(pws).toContain(desa.class === 'baik' ? 'di atas garis target' : 'di bawah garis target');
    await d.screenshot('choropleth-2-desa');
    expect(d.pageErrors).toEqual([]);
  });

  it('keeps every column of the table inside the side pane, also with long names and counts (a provinsi)', async () => {
    const d = createDriver(await openPageAs(browser, server.url, READER, { width: 1280, height: 800 }), server.url);
    await d.openUrl(`?wilayah=12&indikator=${BUMIL}&periode=${YTD}`);
    await d.waitForView('12');
    await d.page.locator('.child-table tbody tr').first().waitFor();
    const overflow = await d.page.evaluate(() => {
      const table = document.querySelector('.child-table')!;
      const pane = table.closest('.side-pane') ?? table.parentElement!;
      const right = pane.getBoundingClientRect().right;
      return [...table.querySelectorAll('thead th')]
        .map((th) => ({ text: th.textContent, past: th.getBoundingClientRect().right - right }))
        .filter((c) => c.past > 0.5);
    });
    expect(overflow, 'no heading reaches past the side pane').toEqual([]);
    expect(d.pageErrors).toEqual([]);
  });

  it('shows coverage above 100 % as it is, flagged in the table and hatched on the map', async () => {
    // Demo year 2025 of K1 in a kecamatan has desa above 100 % (sasaran estimates below the persons served).
    const parent = kecamatan.kode;
    const answer = await values('KIA_K1', '2025', parent);
    const over = answer.rows.filter((r) => r.over100);
    expect(over.length, 'the demo has a desa above 100 %').toBeGreaterThan(0);
    const row = over[0]!;
    expect(row.coverage!).toBeGreaterThan(100);

    const d = createDriver(await openPageAs(browser, server.url, READER, { width: 1280, height: 800 }), server.url);
    await d.openUrl(`?wilayah=${parent}&indikator=KIA_K1&periode=2025`);
    await d.waitForView(parent);
    await d.waitForFill(row.kode, PALETTE.attainment[row.class]);
    expect(await d.featureState(row.kode)).toMatchObject({ flag: true });
    expect(await d.tableCoverage(row.kode), 'never clamped').toBe(percent(row));
    expect(
      await d.page.locator(`[data-testid="child-row"][data-kode="${row.kode}"] [data-testid="child-over100"]`).count(),
    ).toBe(1);
    const plain = answer.rows.find((r) => !r.over100 && r.coverage !== null)!;
    expect(await d.featureState(plain.kode)).toMatchObject({ flag: false });
    await d.hoverRow(row.kode);
    await d.page.getByTestId('hover-card-over100').waitFor();
    await d.screenshot('choropleth-5-over100');
  });

  it('keeps a README screenshot small', () => {
    expect(statSync(join(repoRoot, 'docs/img/choropleth.png')).size).toBeLessThan(400_000);
  });
});

describe('choropleth on a phone (390×844), in English with large text', () => {
  it('keeps the table in the bottom sheet, usable', async () => {
    const d = createDriver(await openPageAs(browser, server.url, READER, { width: 390, height: 844 }), server.url);
    await d.openUrl(search(K4, YTD));
    await d.waitForView(LABUHANBATU);
    await d.waitForFill(kecamatan.kode, PALETTE.attainment[kecamatan.class]);
    // The sheet pulled half way: the map above it, the table in it, within the screen's width.
    await d.sheetTo('half');
    const map = await d.mapBox();
    const sheet = (await d.page.getByTestId('side-pane').boundingBox())!;
    expect(sheet.y, 'the sheet covers the lower half of the map').toBeGreaterThan(map.y + map.height * 0.3);
    const table = await d.page.getByTestId('child-table').boundingBox();
    expect(table!.width, 'table fits the screen').toBeLessThanOrEqual(390);
    expect(await d.page.getByTestId('simulated-badge').isVisible()).toBe(true);
    await d.screenshot('choropleth-3-phone');

    await d.chooseLanguage('en');
    await d.toggleLargeText();
    await expect.poll(() => d.textOf('table-caption')).toBe('K4, January–October 2026');
    expect(await d.page.getByTestId('sort-capaian').textContent()).toContain('Coverage');
    await d.page.keyboard.press('Escape');
    await d.page.getByTestId('legend-show').click();
    expect(await d.textOf('legend-title')).toBe('K4: attainment of the target');
    // Nothing wider than the phone, even with large text and longer English words.
    expect(await d.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await d.screenshot('choropleth-4-phone-en-large');

    // Sorting by capaian puts the lowest first, rows without data last.
    await d.page.getByTestId('sort-capaian').click();
    const answer = await values(K4, YTD, LABUHANBATU);
    const lowest = [...answer.rows].filter((r) => r.coverage !== null).sort((a, b) => a.coverage! - b.coverage!)[0]!;
    await expect.poll(() => d.page.getByTestId('child-row').first().getAttribute('data-kode')).toBe(lowest.kode);
    expect(d.pageErrors).toEqual([]);
  });
});
