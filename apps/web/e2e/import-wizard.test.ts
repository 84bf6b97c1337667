// The import wizard in real Chromium against the real server (issue 19): a file of another system, in no known format
// (desa by name, its own column names), is uploaded; the page shows its first rows, the user maps the columns,
// previews, and saves the mapping as an import profile; the same file uploaded again is read with that profile at
// once; the profile is listed under "Profil impor" and deleted there. An export of demo months says why it downloads
// nothing. Nothing is committed (the shared server's data stays as it was). Screenshots: /tmp/peta-wizard-*.png,
// /tmp/peta-export-demo.png.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WilayahChild } from '@peta/domain/contract';
import { launchBrowser, type Browser } from './helpers/browser.ts';
import { openPageAs } from './helpers/session.ts';
import { useAppServer, type AppServer } from './helpers/app-server.ts';

const BILAH_HULU = '12.10.09';
/** Demo account of the puskesmas holding the desa of Bilah Hulu (may import there; its kabupaten is 12.10). */
const IMPORTER = 'pkm.perbaungan';
const PROFILE = `Ekspor ASIK uji ${process.pid}`;

let server: AppServer;
let browser: Browser;
let desa: WilayahChild[];
const work = mkdtempSync(join(tmpdir(), 'peta-wizard-e2e-'));

beforeAll(async () => {
  server = useAppServer();
  browser = await launchBrowser();
  desa = await server.api<WilayahChild[]>(`/api/wilayah/${BILAH_HULU}/children`);
  expect(desa.length).toBeGreaterThan(3);
});
afterAll(async () => {
  await browser?.close();
});

describe('Impor data: the wizard for a file in no known format', () => {
  it('maps the columns, previews, saves the profile; the next file of that shape is read with it', async () => {
    // An export with desa NAMES (upper case, "Desa" prefix: matched by the normalised name), its own column names.
    const three = desa.slice(0, 3);
    const csv = [
      'Nama Desa;Bulan Laporan;Jumlah Kunjungan Nifas',
      ...three.map((d, i) => `DESA ${d.nama.toUpperCase()};2026-08;${30 + i}`),
    ].join('\r\n');
    const path = join(work, 'asik-kf-agustus.csv');
    writeFileSync(path, csv);

    const page = await openPageAs(browser, server.url, IMPORTER, { width: 1280, height: 1000 });
    await page.goto(`${server.url}/impor`);
    await page.getByTestId('upload-input').setInputFiles(path);
    const wizard = page.getByTestId('import-wizard');
    await wizard.waitFor({ timeout: 30_000 });
    // The first rows as the file holds them, and a first guess per column.
    expect(await page.getByTestId('wizard-rows').locator('tr').first().textContent()).toContain('Nama Desa');
    const role = (column: string) => page.locator(`tr[data-column="${column}"] [data-testid="wizard-role"]`);
    expect(await role('Nama Desa').inputValue()).toBe('desa-nama');
    expect(await role('Bulan Laporan').inputValue()).toBe('periode');
    expect(await role('Jumlah Kunjungan Nifas').inputValue()).toBe('pembilang');
    expect(await page.getByTestId('wizard-kabupaten').inputValue()).toBe('12.10');
    // The user says which indicator the numbers are.
    await page
      .locator('tr[data-column="Jumlah Kunjungan Nifas"] [data-testid="wizard-indicator"]')
      .selectOption('KIA_KF');
    await wizard.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: '/tmp/peta-wizard-1-map.png' });

    await page.getByTestId('wizard-preview').click();
    const result = page.getByTestId('import-result');
    await page
      .locator('[data-testid="import-result"], [data-testid="wizard-error"]')
      .first()
      .waitFor({ timeout: 30_000 });
    if (await page.getByTestId('wizard-error').count())
      throw new Error(`wizard: ${await page.getByTestId('wizard-error').textContent()}`);
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 30_000 }).toBe('preview');
    const counted = ['added', 'changed', 'unchanged'].map(async (n) =>
      Number(await page.getByTestId(`count-${n}`).textContent()),
    );
    expect((await Promise.all(counted)).reduce((a, b) => a + b, 0)).toBe(3);

    await page.getByTestId('wizard-profile-name').fill(PROFILE);
    await page.getByTestId('wizard-save-button').click();
    await page.getByTestId('wizard-saved').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('wizard-saved').textContent()).toContain(PROFILE);
    await page.getByTestId('wizard-save').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: '/tmp/peta-wizard-2-saved.png' });

    // The same shape again: read with the saved profile at once, no wizard.
    await page
      .getByTestId('upload-input')
      .setInputFiles({ name: 'asik-kf-agustus-2.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 30_000 }).toBe('preview');
    expect(await page.getByTestId('import-wizard').count()).toBe(0);
    expect(await result.textContent()).toContain('Berkas lain dengan profil impor');
    expect(await page.getByTestId('import-profile').textContent()).toBe(PROFILE);
    await result.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: '/tmp/peta-wizard-3-again.png' });

    // "Profil impor" lists it; deleted there (behind a confirm step), the next file of that shape asks again.
    const item = page.locator('[data-testid="profile-item"]', { hasText: PROFILE });
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    await item.getByTestId('profile-delete').click();
    await item.getByTestId('profile-delete-confirm').click();
    await page.getByTestId('profile-deleted').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('profile-deleted').textContent()).toContain(`Profil impor "${PROFILE}" dihapus`);
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(0);
    await page.getByTestId('profiles-section').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: '/tmp/peta-wizard-4-deleted.png' });
    await page
      .getByTestId('upload-input')
      .setInputFiles({ name: 'asik-kf-agustus-3.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-wizard').waitFor({ timeout: 30_000 });
    await page.close();
  });

  it('an export of months holding only demo values downloads nothing and says why', async () => {
    const page = await openPageAs(browser, server.url, 'dinkes.labuhanbatu', { width: 1280, height: 1000 });
    await page.goto(`${server.url}/impor`);
    const section = page.getByTestId('export-section');
    await section.waitFor({ timeout: 30_000 });
    await section.getByTestId('export-wilayah-kecamatan').selectOption(BILAH_HULU);
    // March–April 2025: demo months no e2e file writes real values into (imports: 2026-09, isian: 2026-07).
    await section.getByTestId('export-year').selectOption('2025');
    await section.getByTestId('export-from').selectOption('3');
    await section.getByTestId('export-to').selectOption('4');
    let downloads = 0;
    page.on('download', () => downloads++);
    await section.getByTestId('export-download').click();
    const said = section.getByTestId('export-result');
    await said.waitFor({ timeout: 30_000 });
    expect(await said.getAttribute('data-downloaded')).toBe('false');
    expect(await said.textContent()).toMatch(
      /^Tidak ada yang diunduh: bulan yang dipilih hanya berisi data contoh \(simulasi\) — [\d.]+ sel — dan data contoh tidak pernah diekspor\./,
    );
    expect(downloads).toBe(0);
    await section.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: '/tmp/peta-export-demo.png' });
    await page.close();
  });
});
