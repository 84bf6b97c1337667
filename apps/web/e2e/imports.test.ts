// "Impor data" in real Chromium against the real server (issue 6, "Done when"): download the template for Kecamatan
// Bilah Hulu through the page, fill five desa, upload, preview, commit, see the map show those numbers (and the API
// mark them real), undo from the history and see the old numbers back; a bad file is refused with row and column.
// The server is shared with the other e2e files: this file imports KIA_KF for 2026-09 only (no other file asserts on
// it) and undoes every import it made, also when a test fails (afterAll). It imports as the demo puskesmas account
// whose wilayah kerja is Bilah Hulu: the server records that name with every import.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatValue } from '@peta/domain';
import type { LoadRecordDto, ValueRow, ValuesResponse, WilayahChild } from '@peta/domain/contract';
import { launchBrowser, type Browser, type Page } from './helpers/browser.ts';
import { openPageAs } from './helpers/session.ts';
import { useAppServer, type AppServer } from './helpers/app-server.ts';
import { createDriver, type Driver } from './helpers/driver.ts';

const BILAH_HULU = '12.10.09';
const INDICATOR = 'KIA_KF';
const MONTH = '2026-09';
/** Demo account of the puskesmas holding the desa of Bilah Hulu (role puskesmas: may import, there only). */
const IMPORTER = 'pkm.perbaungan';
/** The numbers typed into the template for the first five desa. */
const FILLED = [11, 12, 13, 14, 15];
/** The corrected numbers of a second import of the same cells (for the refused undo). */
const CORRECTED = [21, 22, 23, 24, 25];

let server: AppServer;
let browser: Browser;
let desa: WilayahChild[];
let before: ValueRow[];
const work = mkdtempSync(join(tmpdir(), 'peta-impor-e2e-'));

const values = (parent = BILAH_HULU) =>
  server.api<ValuesResponse>(`/api/nilai?indikator=${INDICATOR}&periode=${MONTH}&wilayah=${parent}`);
const rowsOf = (answer: ValuesResponse, kodes: string[]) =>
  kodes.map((k) => {
    const row = answer.rows.find((r) => r.kode === k);
    if (!row) throw new Error(`${k} not in the values answer`);
    return row;
  });
const history = () => server.api<LoadRecordDto[]>('/api/impor?limit=1000');
const ownImports = async () =>
  (await history()).filter((l) => l.kind === 'import' && l.oleh === IMPORTER && l.status === 'done');

const undoViaApi = (id: number) => server.send('POST', `/api/impor/${id}/batalkan`);

beforeAll(async () => {
  server = useAppServer();
  browser = await launchBrowser();
  desa = await server.api<WilayahChild[]>(`/api/wilayah/${BILAH_HULU}/children`);
  expect(desa.length).toBeGreaterThan(5);
  before = rowsOf(
    await values(),
    desa.slice(0, 5).map((d) => d.kode),
  );
  // The demo data is there and simulated, and differs from what the test imports (else nothing would change).
  for (const [i, row] of before.entries()) {
    expect(row.simulated).toBe(true);
    expect(row.numerator).not.toBe(FILLED[i]);
  }
});

afterAll(async () => {
  // Leave the shared server as it was: undo this file's imports that are still in effect, newest first.
  if (server) for (const load of await ownImports()) await undoViaApi(load.id);
  await browser?.close();
});

/** Steps of the import page, in the user's words. */
function importSteps(page: Page, d: Driver) {
  const result = page.getByTestId('import-result');
  return {
    result,
    async openFromNav() {
      await page.getByTestId('nav-impor').click();
      await page.getByTestId('template-section').waitFor();
    },
    async upload(path: string) {
      await page.getByTestId('upload-input').setInputFiles(path);
    },
    async waitForStatus(status: 'preview' | 'unchanged' | 'invalid' | 'imported') {
      await expect.poll(() => result.getAttribute('data-status'), { timeout: 30_000 }).toBe(status);
    },
    async headline() {
      return (await page.getByTestId('import-headline').textContent())?.trim() ?? '';
    },
    async count(name: 'added' | 'changed' | 'unchanged' | 'warnings') {
      return Number(await page.getByTestId(`count-${name}`).textContent());
    },
    async shot(name: string, testId?: string) {
      // The page scrolls inside <main>: bring the part shown to the top of the screen.
      if (testId) await page.getByTestId(testId).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      return d.screenshot(name);
    },
  };
}

/** The CSV template with `numbers` typed into the indicator column of the first desa rows. */
function fill(template: string, numbers: number[]): string {
  const lines = template.split('\r\n');
  let filled = 0;
  const out = lines.map((line) => {
    const i = desa.findIndex((d) => line.startsWith(`${d.kode},`));
    if (i < 0 || i >= numbers.length) return line;
    // kode, nama, then the indicator column: empty, written as "kode,nama" or "kode,nama,".
    const fields = line.split(',');
    expect(
      fields.slice(2).every((f) => f === ''),
      `empty ${INDICATOR} cell in "${line}"`,
    ).toBe(true);
    filled++;
    return `${fields.slice(0, 2).join(',')},${numbers[i]}`;
  });
  expect(filled).toBe(numbers.length);
  return out.join('\r\n');
}

describe('Impor data: template → fill five desa → preview → commit → map → undo', () => {
  it('round-trips a filled template of Kecamatan Bilah Hulu and undoes it', async () => {
    const page = await openPageAs(browser, server.url, IMPORTER, { width: 1280, height: 900 });
    const d = createDriver(page, server.url);
    const imp = importSteps(page, d);
    const five = desa.slice(0, 5);

    // The map of Bilah Hulu with KF for the month, before: the demo numbers, cached by the page.
    await d.openUrl(`?wilayah=${BILAH_HULU}&indikator=${INDICATOR}&periode=${MONTH}`);
    await d.waitForView(BILAH_HULU);
    await expect.poll(() => d.tableCoverage(five[0]!.kode)).toBe(formatValue(before[0]!.coverage, 'percent'));

    // The page takes wilayah, indicator and month from the map's URL.
    await imp.openFromNav();
    expect(await page.getByTestId('wilayah-kecamatan').inputValue()).toBe(BILAH_HULU);
    expect(await page.getByTestId('template-month').inputValue()).toBe('9');
    expect(await page.getByTestId('template-year').inputValue()).toBe('2026');
    await expect
      .poll(() => page.locator(`[data-testid="template-indicator"][data-code="${INDICATOR}"] input`).isChecked())
      .toBe(true);
    expect(await page.getByTestId('template-indicator-count').textContent()).toBe('1 dipilih');
    await expect.poll(() => d.textOf('template-desa-count')).toBe(`Templat memuat ${desa.length} desa/kelurahan.`);
    // No "Nama Anda" any more: the page says who imports, for which wilayah.
    expect(await d.textOf('impor-who')).toContain(IMPORTER);
    expect(await page.getByTestId('impor-who').textContent()).toContain('Puskesmas Perbaungan');
    await imp.shot('imports-desktop-1-page');

    // Download the CSV template through the page: header block and one row per desa of Bilah Hulu.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('template-download-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`templat-${BILAH_HULU}-${MONTH}.csv`);
    const templatePath = join(work, download.suggestedFilename());
    await download.saveAs(templatePath);
    const template = readFileSync(templatePath, 'utf8').replace(/^\ufeff/, '');
    const lines = template.split('\r\n');
    expect(lines[0]).toBe('versi_templat,peta-desa-templat-1');
    expect(lines[1]).toMatch(new RegExp(`^wilayah,${BILAH_HULU.replace(/\./g, '\\.')},`));
    expect(lines[2]).toBe(`periode,${MONTH},September 2026`);
    expect(lines).toContain(`kode_wilayah,nama_desa,${INDICATOR}`);
    expect(lines.filter((l) => /^\d{2}\.\d{2}\.\d{2}\.\d{4},/.test(l)).map((l) => l.split(',')[0])).toEqual(
      desa.map((x) => x.kode),
    );
    expect(await d.textOf('template-downloaded')).toContain(download.suggestedFilename());

    // Fill five desa and upload: a preview, nothing written yet.
    const filledPath = join(work, 'kf-september-bilah-hulu.csv');
    writeFileSync(filledPath, `\ufeff${fill(template, FILLED)}`);
    const loadsBefore = (await history()).length;
    await imp.upload(filledPath);
    await imp.waitForStatus('preview');
    expect(await imp.headline()).toBe('Berkas lolos pemeriksaan');
    expect(await imp.count('changed')).toBe(5); // simulated cells replaced by real ones
    expect(await imp.count('added')).toBe(0);
    const sample = page.getByTestId('sample-row');
    await expect.poll(() => sample.count()).toBe(5);
    for (const [i, x] of five.entries()) {
      const row = page.locator(`[data-testid="sample-row"][data-kode="${x.kode}"]`);
      await expect.poll(() => row.textContent()).toContain(x.nama); // desa name, not only its kode
      expect(await row.getByTestId('sample-baru').textContent()).toContain(String(FILLED[i]));
      expect((await row.getByTestId('sample-lama').textContent())?.replace(/\s+/g, ' ')).toBe(
        `${before[i]!.numerator}simulasi`,
      );
    }
    expect(await page.getByTestId('import-commit').isEnabled()).toBe(true);
    expect((await history()).length, 'a preview writes nothing').toBe(loadsBefore);
    expect(rowsOf(await values(), [five[0]!.kode])[0]!.numerator).toBe(before[0]!.numerator);
    // Focus lands on the result, for keyboard and screen-reader users (moved in an effect after the answer rendered).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('import-headline');
    await imp.shot('imports-desktop-2-preview', 'import-result');

    // Commit.
    await page.getByTestId('import-commit').click();
    await imp.waitForStatus('imported');
    const first = (await ownImports())[0]!;
    expect(first).toMatchObject({
      fileName: 'kf-september-bilah-hulu.csv',
      changed: 5,
      oleh: IMPORTER,
      status: 'done',
    });
    expect(await imp.headline()).toBe(`Impor #${first.id} tersimpan`);
    await expect.poll(() => page.locator(`[data-testid="history-row"][data-load="${first.id}"]`).count()).toBe(1);
    await imp.shot('imports-desktop-3-imported', 'import-result');

    // The same file again: "Tidak ada perubahan", nothing to save.
    await page.getByTestId('import-reset').click();
    await imp.upload(filledPath);
    await imp.waitForStatus('unchanged');
    expect(await imp.headline()).toBe('Tidak ada perubahan');
    expect(await imp.count('unchanged')).toBe(5);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await page.getByTestId('import-reset').click();

    // The API: those five desa hold the imported numbers and are real (not simulated) for this month.
    const after = rowsOf(
      await values(),
      five.map((x) => x.kode),
    );
    expect(after.map((r) => r.numerator)).toEqual(FILLED);
    expect(after.map((r) => r.simulated)).toEqual([false, false, false, false, false]);
    const sixth = rowsOf(await values(), [desa[5]!.kode])[0]!;
    expect(sixth.simulated, 'a desa not in the file stays simulated').toBe(true);

    // A second import corrects the same cells, so the first cannot be undone before it.
    const correctedPath = join(work, 'kf-september-koreksi.csv');
    writeFileSync(correctedPath, `\ufeff${fill(template, CORRECTED)}`);
    await imp.upload(correctedPath);
    await imp.waitForStatus('preview');
    expect(await imp.count('changed')).toBe(5);
    await page.getByTestId('import-commit').click();
    await imp.waitForStatus('imported');
    const second = (await ownImports())[0]!;
    expect(second.id).toBeGreaterThan(first.id);

    // "Lihat di peta": the map of Bilah Hulu for KF September 2026, in the same page (no reload), shows the new numbers
    // at once although the page had the old ones cached.
    await page.getByTestId('import-map-link').click();
    await d.waitForView(BILAH_HULU);
    expect(new URL(page.url()).search).toBe(`?wilayah=${BILAH_HULU}&indikator=${INDICATOR}&periode=${MONTH}`);
    const corrected = rowsOf(
      await values(),
      five.map((x) => x.kode),
    );
    expect(corrected.map((r) => r.numerator)).toEqual(CORRECTED);
    for (const [i, x] of five.entries()) {
      await expect.poll(() => d.tableCoverage(x.kode)).toBe(formatValue(corrected[i]!.coverage, 'percent'));
      const fraction = await page
        .locator(`[data-testid="child-row"][data-kode="${x.kode}"] .child-row__fraction`)
        .textContent();
      expect(fraction).toMatch(new RegExp(`^${CORRECTED[i]}/`));
    }
    // The other desa of the kecamatan are still demo numbers: the badge says "partly", the imported rows lose their
    // "simulasi" tag and the others keep it.
    expect((await values()).simulated).toBe(true);
    expect(await d.textOf('simulated-badge')).toContain('Sebagian data contoh (simulasi)');
    for (const x of five)
      expect(
        await page.locator(`[data-testid="child-row"][data-kode="${x.kode}"] [data-testid="child-simulated"]`).count(),
      ).toBe(0);
    const view = await values();
    const reportedOther = desa.find(
      (x) => !five.some((f) => f.kode === x.kode) && view.rows.find((r) => r.kode === x.kode)?.coverage !== null,
    )!;
    expect(
      await page
        .locator(`[data-testid="child-row"][data-kode="${reportedOther.kode}"] [data-testid="child-simulated"]`)
        .count(),
    ).toBe(1);
    await d.screenshot('imports-desktop-4-map');

    // History: undoing the first import is refused while the correction holds the same cells (409 LATER_CHANGES).
    await imp.openFromNav();
    const undoFirst = page.locator(`[data-testid="undo-button"][data-load="${first.id}"]`);
    await undoFirst.click();
    expect(await page.getByTestId('undo-confirm').textContent()).toContain(`Batalkan impor #${first.id}?`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('undo-confirm-yes');
    await page.getByTestId('undo-confirm-yes').click();
    await expect.poll(() => d.textOf('undo-error'), { timeout: 30_000 }).toContain(`#${second.id}`);
    expect((await ownImports()).map((l) => l.id).sort()).toEqual([first.id, second.id].sort());
    await imp.shot('imports-desktop-5-undo-refused', 'history-section');

    // Undo the correction, then the first import (confirm step; "Tidak" first to check that it leaves it alone).
    await page.locator(`[data-testid="undo-button"][data-load="${second.id}"]`).click();
    await page.getByTestId('undo-confirm-no').click();
    expect(await page.getByTestId('undo-confirm').count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-load')))
      .toBe(String(second.id));
    expect((await ownImports()).length).toBe(2);
    await page.locator(`[data-testid="undo-button"][data-load="${second.id}"]`).click();
    await page.getByTestId('undo-confirm-yes').click();
    await expect
      .poll(() => d.textOf('undo-done'), { timeout: 30_000 })
      .toBe(`Impor #${second.id} dibatalkan: 5 sel dikembalikan ke nilai sebelumnya.`);
    await undoFirst.click();
    await page.getByTestId('undo-confirm-yes').click();
    await expect.poll(() => d.textOf('undo-done'), { timeout: 30_000 }).toContain(`Impor #${first.id} dibatalkan`);
    await expect
      .poll(() => page.locator(`[data-testid="history-row"][data-load="${first.id}"]`).getAttribute('data-status'))
      .toBe('undone');
    expect(
      await page
        .locator(`[data-testid="history-row"][data-load="${first.id}"] [data-testid="history-status"]`)
        .textContent(),
    ).toMatch(/^Dibatalkan \(#\d+\)$/);
    expect(await ownImports()).toEqual([]);
    await imp.shot('imports-desktop-6-history', 'history-section');

    // The old numbers are back, simulated as before, on the API and on the map (cache invalidated by the undo).
    const restored = rowsOf(
      await values(),
      five.map((x) => x.kode),
    );
    expect(restored.map((r) => [r.numerator, r.simulated])).toEqual(before.map((r) => [r.numerator, true]));
    await page.getByTestId('nav-peta').click();
    await d.waitForView(BILAH_HULU);
    for (const [i, x] of five.entries())
      await expect.poll(() => d.tableCoverage(x.kode)).toBe(formatValue(before[i]!.coverage, 'percent'));

    // The history names who imported and undid: the signed-in account, recorded by the server (also after a reload).
    await page.reload();
    await imp.openFromNav();
    const firstRow = page.locator(`[data-testid="history-row"][data-load="${first.id}"]`);
    await expect.poll(() => firstRow.textContent()).toContain(IMPORTER);
    expect(d.pageErrors).toEqual([]);
  });
});

describe('Impor data on a phone (390×844)', () => {
  it('refuses a bad file dropped on the page with row and column, and writes nothing', async () => {
    const page = await openPageAs(browser, server.url, IMPORTER, { width: 390, height: 844 });
    const d = createDriver(page, server.url);
    const imp = importSteps(page, d);
    await d.openUrl(`impor?wilayah=${BILAH_HULU}`);
    await page.getByTestId('template-section').waitFor();
    await expect.poll(() => d.textOf('template-desa-count')).toBe(`Templat memuat ${desa.length} desa/kelurahan.`);
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await d.screenshot('imports-phone-1-page');

    // Long format: row 2 fine, row 3 an unknown kode, row 4 a value that is not a whole number.
    const bad = [
      'kode_wilayah,periode,indikator,pembilang,penyebut',
      `${desa[0]!.kode},${MONTH},${INDICATOR},7,`,
      `${BILAH_HULU}.9999,${MONTH},${INDICATOR},4,`,
      `${desa[1]!.kode},${MONTH},${INDICATOR},"12,5",`,
    ].join('\r\n');
    const loadsBefore = (await history()).length;
    // Drag and drop onto the upload zone.
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'kf-salah.csv', { type: 'text/csv' }));
      return dt;
    }, bad);
    await page.getByTestId('upload-drop').dispatchEvent('drop', { dataTransfer });
    await imp.waitForStatus('invalid');
    expect(await imp.headline()).toBe('Berkas ditolak: 2 kesalahan');
    expect(await d.textOf('import-explain')).toContain('Tidak ada data yang disimpan');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    const errors = page.getByTestId('import-errors').getByTestId('issue-row');
    expect(await errors.count()).toBe(2);
    const cells = async (i: number) => ({
      baris: await errors.nth(i).getByTestId('issue-baris').textContent(),
      kolom: await errors.nth(i).getByTestId('issue-kolom').textContent(),
      pesan: await errors.nth(i).getByTestId('issue-pesan').textContent(),
    });
    expect(await cells(0)).toMatchObject({
      baris: '3',
      kolom: 'kode_wilayah',
      pesan: expect.stringContaining(`${BILAH_HULU}.9999`),
    });
    expect(await cells(1)).toMatchObject({ baris: '4', kolom: 'pembilang', pesan: expect.stringContaining('12,5') });
    expect((await history()).length, 'an invalid file writes nothing').toBe(loadsBefore);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await imp.shot('imports-phone-2-invalid', 'import-result');
    await page.getByTestId('history-table').waitFor();
    await imp.shot('imports-phone-3-history', 'history-section');

    // English: the page's words change, the API's messages stay in Bahasa Indonesia (and say so in the column header).
    await d.chooseLanguage('en');
    expect(await imp.headline()).toBe('File refused: 2 errors');
    expect(await d.textOf('import-explain')).toContain('Nothing was saved');
    expect(await page.getByTestId('import-errors').locator('th').allTextContents()).toEqual([
      'Row',
      'Column',
      'Message (Bahasa Indonesia)',
    ]);
    expect(d.pageErrors).toEqual([]);
  });
});

describe('Impor data speaks of wilayah by name (issue 15)', () => {
  it("starts on the user's own area, and names the areas a refused row lies outside of", async () => {
    // A dinkes of Labuhanbatu opens the page from the navigation, with no wilayah in the URL.
    const page = await openPageAs(browser, server.url, 'dinkes.labuhanbatu', { width: 1280, height: 900 });
    const d = createDriver(page, server.url);
    const imp = importSteps(page, d);
    await d.openUrl('impor');
    await page.getByTestId('template-section').waitFor();
    await expect.poll(() => page.getByTestId('wilayah-kabupaten').inputValue()).toBe('12.10');
    expect(await page.getByTestId('wilayah-provinsi').inputValue()).toBe('12');
    await expect
      .poll(() => page.getByTestId('wilayah-kabupaten').locator('option:checked').textContent())
      .toMatch(/Labuhanbatu/);

    // A template of Bilah Hulu holding a desa of another kecamatan of Labuhanbatu, and a row of Deli Serdang (12.07).
    const otherKecamatan = (await server.api<WilayahChild[]>('/api/wilayah/12.10/children')).find(
      (k) => k.kode !== BILAH_HULU && k.childCount > 0,
    )!;
    const stranger = (await server.api<WilayahChild[]>(`/api/wilayah/${otherKecamatan.kode}/children`))[0]!;
    const template = [
      'versi_templat,peta-desa-templat-1',
      `wilayah,${BILAH_HULU},Bilah Hulu`,
      `periode,${MONTH},September 2026`,
      'petunjuk,isi',
      `,,KF`,
      `kode_wilayah,nama_desa,${INDICATOR}`,
      `${desa[0]!.kode},${desa[0]!.nama},3`,
      `${stranger.kode},${stranger.nama},4`,
    ].join('\r\n');
    const path = join(work, 'templat-salah.csv');
    writeFileSync(path, template);
    await imp.upload(path);
    await imp.waitForStatus('invalid');
    const message = await page.getByTestId('import-errors').getByTestId('issue-pesan').first().textContent();
    expect(message).toContain(`tidak termasuk wilayah templat, Kecamatan Bilah Hulu (${BILAH_HULU})`);
    // The stable code stays, small, for support.
    expect(await page.getByTestId('import-errors').locator('.imp-code').first().textContent()).toBe(
      'KODE_OUTSIDE_WILAYAH',
    );
    await expect.poll(() => d.textOf('import-template-of')).toContain('Kecamatan Bilah Hulu');

    const deliSerdangKec = (await server.api<WilayahChild[]>('/api/wilayah/12.07/children')).find(
      (k) => k.childCount > 0,
    )!;
    const outside = (await server.api<WilayahChild[]>(`/api/wilayah/${deliSerdangKec.kode}/children`))[0]!;
    const long = ['kode_wilayah,periode,indikator,pembilang,penyebut', `${outside.kode},${MONTH},${INDICATOR},2,`].join(
      '\r\n',
    );
    const longPath = join(work, 'di-luar.csv');
    writeFileSync(longPath, long);
    await page.getByTestId('import-reset').click();
    await imp.upload(longPath);
    await expect
      .poll(() => page.getByTestId('import-errors').getByTestId('issue-pesan').first().textContent(), {
        timeout: 30_000,
      })
      .toContain('di luar wilayah Anda (Kabupaten Labuhanbatu)');
    expect(await page.getByTestId('import-errors').getByTestId('issue-pesan').first().textContent()).not.toContain(
      'kode 12.10',
    );
    await d.screenshot('imports-named-areas');
    expect(d.pageErrors).toEqual([]);
  });
});
