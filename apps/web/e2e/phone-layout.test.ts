// The map page on a phone (issue 15, "What the eye reads"): upright at 360×740 and 412×915 the map fills the screen and
// the list and the desa profile live in a bottom sheet (peek, half, full: buttons, keys, a drag); tapping a desa opens
// its profile in the sheet, with no hover card left over the map; every target is at least 44 px. Held sideways
// (740×360, 915×412) the list stands in a column beside the map. Screenshots go to artifacts/ (phone-*.png).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PALETTE } from '@peta/domain';
import type { ValuesResponse, WilayahChild } from '@peta/domain/contract';
import { launchBrowser, preparePage, type Browser, type Page } from './helpers/browser.ts';
import { repoRoot, useAppServer, type AppServer } from './helpers/app-server.ts';
import { createDriver } from './helpers/driver.ts';
import { signInAs } from './helpers/session.ts';

const LABUHANBATU = '12.10';
const BILAH_HULU = '12.10.09';
const READER = 'pembaca';
const PERIOD = '2026-01..2026-09';
/** WCAG 2.5.5 target size, as the phone layout promises it. */
const TARGET = 44;

let server: AppServer;
let browser: Browser;
let desa: WilayahChild[];

beforeAll(async () => {
  server = useAppServer();
  browser = await launchBrowser();
  desa = await server.api<WilayahChild[]>(`/api/wilayah/${BILAH_HULU}/children`);
});

afterAll(async () => {
  await browser?.close();
});

/** A phone: touch, a fresh context, signed in as the viewer. */
async function phone(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    locale: 'id-ID',
    hasTouch: true,
    isMobile: true,
    reducedMotion: 'reduce',
  });
  const page = await preparePage(await context.newPage());
  await signInAs(page, server.url, READER);
  return page;
}

/** Visible interactive elements smaller than 44 px in either direction (with what they are). */
async function smallTargets(page: Page, scope = 'body'): Promise<string[]> {
  return page.locator(scope).evaluate((root, min) => {
    const selector = 'a[href], button, select, input, summary, [role="button"]';
    return [...root.querySelectorAll<HTMLElement>(selector)].flatMap((el) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const folded = el.closest('details:not([open])') && el.tagName !== 'SUMMARY';
      const hidden =
        r.width === 0 || r.height === 0 || style.visibility === 'hidden' || el.closest('[hidden], [inert]') || folded;
      if (hidden || r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) return [];
      // A link inside a table row: the whole row is the target (it selects on a tap).
      const row = el.closest('tr[data-testid="child-row"]');
      const box = row ? row.getBoundingClientRect() : r;
      if (box.height >= min - 0.5 && box.width >= min - 0.5) return [];
      return [
        `${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20)}] ${Math.round(box.width)}×${Math.round(box.height)}`,
      ];
    });
  }, TARGET);
}

const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the map page on an upright phone', () => {
  for (const [width, height] of [
    [360, 740],
    [412, 915],
  ] as const) {
    it(`${width}×${height}: the map fills the screen, the sheet peeks, every target is 44 px`, async () => {
      const page = await phone(width, height);
      const d = createDriver(page, server.url);
      await d.openUrl(`?wilayah=${LABUHANBATU}&indikator=KIA_K4`);
      await d.waitForView(LABUHANBATU);
      await page.locator('[data-testid="child-row"]').first().waitFor({ state: 'attached' });

      const map = await d.mapBox();
      const controls = (await page.getByTestId('controls').boundingBox())!;
      const crumbs = (await page.getByTestId('breadcrumb').boundingBox())!;
      // Breadcrumb and controls together take a small band, not half the screen; the map most of it.
      expect(controls.height + crumbs.height, 'controls and breadcrumb').toBeLessThan(height * 0.2);
      expect(map.height, 'map height').toBeGreaterThan(height * 0.55);
      const sheet = page.getByTestId('side-pane');
      expect(await sheet.getAttribute('data-snap')).toBe('peek');
      expect((await sheet.boundingBox())!.height).toBeLessThan(130);
      expect(await noSideways(page)).toBeLessThanOrEqual(0);
      expect(await smallTargets(page)).toEqual([]);
      await d.screenshot(`phone-${width}-1-map`);

      // The sheet at half and full: the list's rows are 44 px targets too; the map is out of reach under a full sheet.
      await d.sheetTo('half');
      await d.sheetTo('full');
      expect(await page.locator('.map-pane').getAttribute('inert')).not.toBeNull();
      expect(await smallTargets(page, '[data-testid="side-pane"]')).toEqual([]);
      await d.screenshot(`phone-${width}-2-list`);
      expect(d.pageErrors).toEqual([]);
      await page.context().close();
    });
  }

  it('360×740: the sheet answers its buttons, the arrow keys on its handle and a drag', async () => {
    const page = await phone(360, 740);
    const d = createDriver(page, server.url);
    await d.openUrl(`?wilayah=${LABUHANBATU}`);
    await d.waitForView(LABUHANBATU);
    const sheet = page.getByTestId('side-pane');
    const snap = () => sheet.getAttribute('data-snap');

    await page.getByTestId('sheet-handle').click();
    await expect.poll(snap).toBe('half');
    await page.getByTestId('sheet-expand').click();
    await expect.poll(snap).toBe('full');
    expect(await page.getByTestId('sheet-expand').isDisabled()).toBe(true);
    await page.getByTestId('sheet-handle').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(snap).toBe('half');
    await page.keyboard.press('ArrowDown');
    await expect.poll(snap).toBe('peek');
    await page.keyboard.press('End');
    await expect.poll(snap).toBe('full');
    await page.keyboard.press('Home');
    await expect.poll(snap).toBe('peek');

    // Dragging the handle up most of the screen leaves the sheet full; down again, folded.
    const handle = (await page.getByTestId('sheet-handle').boundingBox())!;
    const x = handle.x + handle.width / 2;
    await page.mouse.move(x, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(x, 200, { steps: 12 });
    await page.mouse.up();
    await expect.poll(snap).toBe('full');
    const top = (await page.getByTestId('sheet-handle').boundingBox())!;
    await page.mouse.move(x, top.y + top.height / 2);
    await page.mouse.down();
    await page.mouse.move(x, 720, { steps: 12 });
    await page.mouse.up();
    await expect.poll(snap).toBe('peek');
    await page.context().close();
  });

  it('360×740: tapping a desa opens its profile in the sheet, and no hover card is left over the map', async () => {
    const page = await phone(360, 740);
    const d = createDriver(page, server.url);
    await d.openUrl(`?wilayah=${BILAH_HULU}&indikator=KIA_K4&periode=${PERIOD}`);
    await d.waitForView(BILAH_HULU);
    // A desa whose name is on the map: tap just below its name (the label lets taps through to the polygon).
    const shown = await d.visibleMapLabels();
    const target = desa.find((c) => shown.includes(c.nama) && c.label)!;
    const labels = page.getByTestId('map-label');
    const box = (await labels.nth((await labels.allTextContents()).indexOf(target.nama)).boundingBox())!;
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height + 6);

    await expect.poll(() => d.wilayahParam()).toBe(target.kode);
    await expect.poll(() => page.getByTestId('side-pane').getAttribute('data-snap')).toBe('half');
    const title = page.getByTestId('desa-panel-title');
    await expect.poll(() => title.textContent()).toBe(target.nama);
    // The profile's name is on screen, inside the visible part of the sheet.
    const sheet = (await page.getByTestId('side-pane').boundingBox())!;
    const name = (await title.boundingBox())!;
    expect(name.y).toBeGreaterThanOrEqual(sheet.y);
    expect(name.y + name.height).toBeLessThanOrEqual(740);
    expect(await page.getByTestId('hover-card').count(), 'no hover card on a touch screen').toBe(0);
    // The chosen desa is outlined, never painted in a legend colour: its fill stays its own class colour — the class of
    // the viewer's own answer (a desa whose small counts are hidden from the pembaca stays hatched on white, issue 18).
    const row = (
      await server.apiAs<ValuesResponse>(READER, `/api/nilai?indikator=KIA_K4&periode=${PERIOD}&wilayah=${BILAH_HULU}`)
    ).rows.find((r) => r.kode === target.kode)!;
    // The map outlines the choice in an effect after the profile has rendered: wait for it.
    await expect.poll(async () => (await d.featureState(target.kode)).selected).toBe(true);
    expect((await d.featureState(target.kode)).fillColor).toBe(PALETTE.attainment[row.class]);
    await d.screenshot('phone-360-3-desa');
    // The README's phone picture, refreshed on request only (a test run never changes a committed file):
    // UPDATE_README_IMAGE=1 pnpm exec vitest run --project web-e2e e2e/phone-layout.test.ts
    if (process.env.UPDATE_README_IMAGE) await d.screenshot('phone', join(repoRoot, 'docs/img'));

    // The same desa from a shared link: the sheet opens half way on its profile.
    await d.reload();
    await d.waitForView(BILAH_HULU);
    await expect.poll(() => title.textContent()).toBe(target.nama);
    expect(await page.getByTestId('side-pane').getAttribute('data-snap')).toBe('half');
    expect(d.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('keeps the README phone screenshot small', () => {
    expect(statSync(join(repoRoot, 'docs/img/phone.png')).size).toBeLessThan(150_000);
  });
});

describe('the map page on a phone held sideways', () => {
  for (const [width, height] of [
    [740, 360],
    [915, 412],
  ] as const) {
    it(`${width}×${height}: the map on the left, the list in a column beside it`, async () => {
      const page = await phone(width, height);
      const d = createDriver(page, server.url);
      await d.openUrl(`?wilayah=${BILAH_HULU}`);
      await d.waitForView(BILAH_HULU);
      const map = await d.mapBox();
      const list = (await page.getByTestId('side-pane').boundingBox())!;
      expect(map.height, 'the map keeps the height of the screen below one bar').toBeGreaterThan(height * 0.75);
      expect(list.x, 'the list beside the map').toBeGreaterThanOrEqual(map.x + map.width - 1);
      expect(await page.getByTestId('side-pane').getAttribute('data-snap'), 'no sheet sideways').toBeNull();
      expect(await noSideways(page)).toBeLessThanOrEqual(0);
      expect(await smallTargets(page)).toEqual([]);
      await d.clickListItem(desa[0]!.nama);
      await page.getByTestId('desa-panel').waitFor();
      await d.screenshot(`phone-${width}x${height}-landscape`);
      expect(d.pageErrors).toEqual([]);
      await page.context().close();
    });
  }
});
