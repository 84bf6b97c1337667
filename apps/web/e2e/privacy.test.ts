// Small counts stay private (issue 18), as the demo `pembaca` sees them: on Kecamatan Bilah Hulu the desa whose counts
// are hidden are hatched on white (not coloured, not the grey of "no data"), the table and the hover card say
// "disembunyikan: jumlah kecil", the legend has the hatched item and the privacy line; the desa profile says the same.
import { mkdirSync } from 'node:fs';
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
