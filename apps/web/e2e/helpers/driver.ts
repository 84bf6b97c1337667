// Domain steps for the drill-down, in the user's words. Specs call these, never raw selectors.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from './browser.ts';
import { repoRoot } from './app-server.ts';

export const ARTIFACTS = join(repoRoot, 'artifacts');
const ROOT_VIEW = 'indonesia';
/** Background of the map style (COLOURS.background in src/map/base-style.ts). */
const BACKGROUND = [0xe2, 0xe5, 0xe6] as const;

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('id');

export function createDriver(page: Page, baseUrl: string) {
  const origin = new URL(baseUrl).origin;
  /** Requests that left our own server: the map must need none. */
  const externalRequests: string[] = [];
  const pageErrors: string[] = [];
  /** Every /api/ request of the page (path and query), in order: a test marks a point and reads what followed. */
  const apiRequests: string[] = [];
  /** Geometry requests made by the app since the page was (re)loaded, per path (browser-cache hits included). */
  const geometryRequests = new Map<string, number>();
  page.on('request', (request) => {
    const url = request.url();
    const path = new URL(url).pathname;
    if (path.startsWith('/api/')) apiRequests.push(decodeURIComponent(path + new URL(url).search));
    if (path.startsWith('/api/geometry/')) geometryRequests.set(path, (geometryRequests.get(path) ?? 0) + 1);
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) externalRequests.push(url);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));

  const rows = () => page.getByTestId('child-row');

  async function rowNames(): Promise<string[]> {
    return page.getByTestId('child-name').allTextContents();
  }

  const driver = {
    externalRequests,
    pageErrors,
    geometryRequests,
    apiRequests,

    /** API requests made after `mark` (an index from apiRequests.length). */
    requestsSince(mark: number): string[] {
      return apiRequests.slice(mark);
    },

    async openUrl(search: string) {
      await page.goto(`${baseUrl}/${search}`);
    },

    /** The map's feature-state of a child kode (fillColor, flag…), read from MapLibre itself. */
    async featureState(kode: string): Promise<Record<string, unknown>> {
      return page.evaluate((k) => window.__mapFeatureState?.(k) ?? {}, kode);
    },

    /** Waits until the map has coloured `kode` with `fillColor` (values arrive after the geometry). */
    async waitForFill(kode: string, fillColor: string) {
      await expect.poll(async () => (await driver.featureState(kode)).fillColor, { timeout: 30_000 }).toBe(fillColor);
    },

    /** The capaian cell text of the table row of `kode`. */
    async tableCoverage(kode: string): Promise<string> {
      return (
        (await page
          .locator(`[data-testid="child-row"][data-kode="${kode}"] [data-testid="child-coverage"]`)
          .textContent()) ?? ''
      );
    },

    async clickRow(kode: string) {
      await page.locator(`[data-testid="child-row"][data-kode="${kode}"]`).click();
    },

    async hoverRow(kode: string) {
      await page.locator(`[data-testid="child-row"][data-kode="${kode}"]`).hover();
    },

    /** Opens the indicator picker, searches and picks the option with `code`. */
    async chooseIndicator(code: string, search: string) {
      await page.getByTestId('indicator-button').click();
      await page.getByTestId('indicator-search').fill(search);
      await page.locator(`[data-testid="indicator-option"][data-code="${code}"]`).click();
    },

    async choosePeriod(kind: 'month' | 'quarter' | 'year' | 'cumulative', month?: number, year?: number) {
      await page.getByTestId('period-kind').selectOption(kind);
      if (year !== undefined) await page.getByTestId('period-year').selectOption(String(year));
      if (month !== undefined) await page.getByTestId('period-month').selectOption(String(month));
    },

    async param(name: string): Promise<string | null> {
      return new URL(page.url()).searchParams.get(name);
    },

    async openHome() {
      await page.goto(`${baseUrl}/`);
      await driver.waitForView(ROOT_VIEW);
    },

    async open(kode: string) {
      await page.goto(`${baseUrl}/?wilayah=${kode}`);
    },

    /**
     * Waits until the map has drawn the children of `viewKode` ('indonesia' for the provinces) and is idle,
     * and the list beside it is loaded.
     */
    async waitForView(viewKode: string) {
      await page.waitForFunction(
        (kode) => {
          const s = window.__mapState;
          return !!s && s.loaded && s.viewKode === kode && s.viewReady;
        },
        viewKode,
        { timeout: 60_000 },
      );
      await page.getByTestId('child-list').waitFor();
    },

    /** Clicks the list row whose name is `name` (case and spacing ignored; the first exact match). */
    async clickListItem(name: string) {
      const names = await rowNames();
      const index = names.findIndex((n) => normalise(n) === normalise(name));
      expect(index, `"${name}" in the list: ${names.join(', ')}`).toBeGreaterThanOrEqual(0);
      await rows().nth(index).click();
    },

    async hoverListItem(name: string) {
      const names = await rowNames();
      await rows()
        .nth(names.findIndex((n) => normalise(n) === normalise(name)))
        .hover();
    },

    async clickBreadcrumb(name: string) {
      await page.getByTestId('breadcrumb').getByRole('link', { name, exact: true }).click();
    },

    /** On a phone the display settings fold behind one header button: unfold them when they are. */
    async openSettings() {
      const toggle = page.getByTestId('settings-toggle');
      if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    },

    async chooseLanguage(lang: 'id' | 'en') {
      await driver.openSettings();
      await page.getByTestId(`lang-${lang}`).click();
    },

    async toggleLargeText() {
      await driver.openSettings();
      await page.getByTestId('toggle-large-text').click();
    },

    /** The phone's bottom sheet to `snap` (peek, half, full) with its buttons, as a user without dragging would. */
    async sheetTo(snap: 'peek' | 'half' | 'full') {
      const pane = page.getByTestId('side-pane');
      const order = ['peek', 'half', 'full'];
      for (let i = 0; i < 3; i++) {
        const now = await pane.getAttribute('data-snap');
        if (now === null || now === snap) return;
        await page.getByTestId(order.indexOf(now) < order.indexOf(snap) ? 'sheet-expand' : 'sheet-collapse').click();
      }
      await expect.poll(() => pane.getAttribute('data-snap')).toBe(snap);
    },

    async listHeading(): Promise<string> {
      return (await page.getByTestId('child-list').getByRole('heading').first().textContent()) ?? '';
    },

    async textOf(testId: string): Promise<string> {
      return (await page.getByTestId(testId).textContent()) ?? '';
    },

    async listNames() {
      return rowNames();
    },

    async expectListContains(names: string[]) {
      const shown = (await rowNames()).map(normalise);
      for (const name of names) expect(shown, `list should contain "${name}"`).toContain(normalise(name));
    },

    async breadcrumbNames(): Promise<string[]> {
      // The crumbs' names only (a kecamatan's crumb also carries a "Profil kecamatan" link).
      const crumbs = page
        .getByTestId('breadcrumb')
        .locator('[data-testid="breadcrumb-link"], [data-testid="breadcrumb-current"]');
      return (await crumbs.allTextContents()).map((s) => s.trim());
    },

    async wilayahParam(): Promise<string | null> {
      return new URL(page.url()).searchParams.get('wilayah');
    },

    async reload() {
      geometryRequests.clear();
      await page.reload();
    },
    async back() {
      await page.goBack();
    },
    async forward() {
      await page.goForward();
    },

    /** Names of the list rows marked hovered (normally one). */
    async hoveredRows(): Promise<string[]> {
      return page.locator('[data-testid="child-row"].is-hover [data-testid="child-name"]').allTextContents();
    },

    /** Names of the map labels marked hovered. */
    async hoveredMapLabels(): Promise<string[]> {
      return page.locator('[data-testid="map-label"].is-hover').allTextContents();
    },

    /** Moves the pointer onto the map at the label point of `name` (the label lets the pointer through). */
    async hoverMapAt(name: string) {
      const labels = page.getByTestId('map-label');
      const texts = await labels.allTextContents();
      const box = await labels.nth(texts.findIndex((n) => normalise(n) === normalise(name))).boundingBox();
      if (!box) throw new Error(`no map label for ${name}`);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    },

    async visibleMapLabels(): Promise<string[]> {
      return page
        .locator('[data-testid="map-label"]')
        .evaluateAll((els) =>
          els.filter((e) => (e as HTMLElement).style.visibility !== 'hidden').map((e) => e.textContent ?? ''),
        );
    },

    async mapBox() {
      const box = await page.getByTestId('map').boundingBox();
      if (!box) throw new Error('map not visible');
      return box;
    },

    /**
     * Share of the map area that is not the plain background, from a real screenshot (WebGL canvas and
     * HTML labels as the user sees them). A blank or failed map gives ~0.
     */
    async mapNonBackgroundRatio(): Promise<number> {
      const png = await page.getByTestId('map').screenshot();
      return page.evaluate(
        async ({ b64, bg }) => {
          const image = new Image();
          image.src = `data:image/png;base64,${b64}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.width;
          canvas.height = image.height;
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(image, 0, 0);
          const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
          let other = 0;
          for (let i = 0; i < data.length; i += 4) {
            const d = Math.abs(data[i]! - bg[0]) + Math.abs(data[i + 1]! - bg[1]) + Math.abs(data[i + 2]! - bg[2]);
            if (d > 24) other++;
          }
          return other / (data.length / 4);
        },
        { b64: png.toString('base64'), bg: [...BACKGROUND] as [number, number, number] },
      );
    },

    /** Waits until "Semua desa" is drawn: tiles loaded, every desa value pushed, the map idle. */
    async waitForAllDesa(minValues = 1) {
      await page.waitForFunction(
        (min) => {
          const s = window.__mapState;
          return !!s && s.desaShown && s.desaReady && s.desaValueCount >= min;
        },
        minValues,
        { timeout: 90_000 },
      );
    },

    /** The desa drawn on screen and how many of them carry their colour. */
    async desaRendered(): Promise<{ features: number; coloured: number }> {
      return page.evaluate(() => window.__mapDesaRendered?.() ?? { features: 0, coloured: 0 });
    },

    /** The feature-state of one desa of the vector tiles ("Semua desa"). */
    async desaFeatureState(kode: string): Promise<Record<string, unknown>> {
      return page.evaluate((k) => window.__mapDesaFeatureState?.(k) ?? {}, kode);
    },

    /** Points the mouse at [lng, lat] on the map. */
    async pointMapAt(lngLat: [number, number]) {
      const [x, y] = await page.evaluate((p) => window.__mapProject!(p), lngLat);
      await page.mouse.move(x, y);
      return [x, y] as const;
    },

    async screenshot(name: string, dir = ARTIFACTS) {
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },

    page,
  };
  return driver;
}

export type Driver = ReturnType<typeof createDriver>;
