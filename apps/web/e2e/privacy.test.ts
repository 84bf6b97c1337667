// Small counts stay private (issue 18), as the demo `pembaca` sees them: on Kecamatan Bilah Hulu the desa whose counts
// are hidden are hatched on white (not coloured, not the grey of "no data"), the table and the hover card say
// "disembunyikan: jumlah kecil", the legend has the hatched item and the privacy line; the desa profile says the same.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PALETTE } from '@peta/domain';
import type { ValuesResponse } from '@peta/domain/contract';
import { launchBrowser, type Browser } from './helpers/browser.ts';
import { useAppServer, type AppServer } from './helpers/app-server.ts';
import { fetchInPage, openPageAs } from './helpers/session.ts';
import { createDriver } from './helpers/driver.ts';

const BILAH_HULU = '12.10.09';
const PERIOD = '2026-01..2026-09';
const INDICATOR = 'SPM10_ODGJ'; // sensitive: never shown per desa to a pembaca
const SHOTS = '/tmp/e2e-shots';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = useAppServer();
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

describe('the protected view of the demo pembaca', () => {
  it('hatches hidden desa on the map, says why in the table, hover card and legend, and on the desa profile', async () => {
    const page = await openPageAs(browser, server.url, 'pembaca', { width: 1280, height: 800 });
    const d = createDriver(page, server.url);
    await d.openUrl(`?wilayah=${BILAH_HULU}&indikator=${INDICATOR}&periode=${PERIOD}`);
    await d.waitForView(BILAH_HULU);
    // What the pembaca's own session is sent: hidden desa rows (the admin's answer has the numbers).
    const mine = (
      await fetchInPage(page, 'GET', `/api/values?indicator=${INDICATOR}&period=${PERIOD}&parent=${BILAH_HULU}`)
    ).body as ValuesResponse;
    const exact = await server.api<ValuesResponse>(
      `/api/values?indicator=${INDICATOR}&period=${PERIOD}&parent=${BILAH_HULU}`,
    );
    const hidden = mine.rows.filter((r) => r.protection);
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of hidden) expect(r.numerator).toBeNull();
    expect(exact.rows.find((r) => r.kode === hidden[0]!.kode)!.numerator).not.toBeNull();

    const desa = hidden[0]!;
    // Hatched on white: the fill is white and the hatch layer is on — never a class colour or the no-data grey.
    await d.waitForFill(desa.kode, PALETTE.attainment.disembunyikan);
    expect((await d.featureState(desa.kode)).flag).toBe(true);
    expect(PALETTE.attainment.disembunyikan).not.toBe(PALETTE.noData);
    const row = page.locator(`[data-testid="child-row"][data-kode="${desa.kode}"]`);
    expect(await row.getByTestId('child-coverage').textContent()).toContain('disembunyikan: indikator sensitif');
    await expect.poll(() => page.getByTestId('legend-privacy').textContent()).toContain('melindungi data pribadi');
    expect(await page.locator('[data-testid="legend-item"][data-key="disembunyikan"]').count()).toBe(1);
    await d.hoverRow(desa.kode);
    await expect.poll(() => page.getByTestId('hover-card-coverage').textContent()).toContain('disembunyikan');
    expect(await page.getByTestId('hover-card-class').textContent()).toBe('Disembunyikan');
    await page.screenshot({ path: join(SHOTS, 'privacy-map.png') });

    // "PNG untuk WhatsApp" is drawn in the browser from the values this reader received: the hidden desa are white
    // and hatched there too — not one pixel of a class colour on the picture's map (the dinkes' picture has them).
    expect(await classPixelsOfPng(page, 'pembaca'), 'class colours on the pembaca PNG map').toBe(0);
    const dinkes = await openPageAs(browser, server.url, 'dinkes.labuhanbatu', { width: 1280, height: 800 });
    const dd = createDriver(dinkes, server.url);
    await dd.openUrl(`?wilayah=${BILAH_HULU}&indikator=${INDICATOR}&periode=${PERIOD}`);
    await dd.waitForView(BILAH_HULU);
    expect(await classPixelsOfPng(dinkes, 'dinkes'), 'class colours on the dinkes PNG map').toBeGreaterThan(1000);
    await dinkes.close();

    // The desa profile: the hidden indicator says why, with no count.
    await d.clickRow(desa.kode);
    await page.getByTestId('desa-panel').waitFor();
    await expect
      .poll(async () => (await page.getByTestId('desa-panel').textContent()) ?? '')
      .toContain('disembunyikan');
    await page.screenshot({ path: join(SHOTS, 'privacy-profile.png') });
    await page.close();
  });
});

/** Downloads the page's "PNG untuk WhatsApp" and counts the pixels of its map box in a class colour (baik, cukup, kurang). */
async function classPixelsOfPng(page: import('playwright-core').Page, who: string): Promise<number> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-png').click()]);
  const path = join(SHOTS, `privacy-whatsapp-${who}.png`);
  await download.saveAs(path);
  const b64 = readFileSync(path).toString('base64');
  const colours = [PALETTE.attainment.baik, PALETTE.attainment.cukup, PALETTE.attainment.kurang].map((hex) => [
    Number.parseInt(hex.slice(1, 3), 16),
    Number.parseInt(hex.slice(3, 5), 16),
    Number.parseInt(hex.slice(5, 7), 16),
  ]);
  return page.evaluate(
    async ({ b64, colours }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const map = ctx.getImageData(40, 270, 1000, 780).data; // SHARE_MAP_BOX
      let n = 0;
      for (let i = 0; i < map.length; i += 4)
        if (
          colours.some(
            ([r, g, b]) => Math.abs(map[i]! - r!) + Math.abs(map[i + 1]! - g!) + Math.abs(map[i + 2]! - b!) < 12,
          )
        )
          n++;
      return n;
    },
    { b64, colours },
  );
}
