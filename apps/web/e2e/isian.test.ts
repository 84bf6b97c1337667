// "Isian data" in real Chromium against the real server (issue 19 item 5, "Done when": enter a month in the grid offline
// and see it land when back online). The demo puskesmas account (wilayah kerja: the desa of Bilah Hulu) types values
// with the keyboard (Enter moves down, Escape cancels), pastes a block as from Excel, goes offline, saves (queued in
// IndexedDB, "n perubahan menunggu koneksi"), comes back online: the save lands as one import, the API and the map
// show the numbers. Then a conflict: the admin changes a cell the puskesmas is typing over; the save is refused with
// both values shown, nothing overwritten. A dinkes kabupaten account first chooses which kecamatan's grid to open.
// The server is shared with the other e2e files: this file writes KIA_KF for 2026-07 only (imports.test.ts uses 2026-09; no other file
// asserts on it) and undoes every save it made (afterAll).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatValue } from '@peta/domain';
import type { LoadRecordDto, ValueRow, ValuesResponse, WilayahChild } from '@peta/domain/contract';
import { launchBrowser, type Browser, type Page } from './helpers/browser.ts';
import { openPageAs } from './helpers/session.ts';
import { useAppServer, type AppServer } from './helpers/app-server.ts';
import { createDriver } from './helpers/driver.ts';

const BILAH_HULU = '12.10.09';
const INDICATOR = 'KIA_KF';
const MONTH = '2026-07';
const PUSKESMAS_USER = 'pkm.perbaungan';
const DINKES_USER = 'dinkes.labuhanbatu';
const SHOTS = process.env.PETA_SHOTS_DIR ?? '/tmp';

let server: AppServer;
let browser: Browser;
let desa: WilayahChild[];
let before: ValueRow[];

const values = () =>
  server.api<ValuesResponse>(`/api/nilai?indikator=${INDICATOR}&periode=${MONTH}&wilayah=${BILAH_HULU}`);
const row = (answer: ValuesResponse, kode: string) => answer.rows.find((r) => r.kode === kode)!;
const gridLoads = async () =>
  (await server.api<LoadRecordDto[]>('/api/impor?limit=1000')).filter(
    (l) => l.kind === 'import' && l.status === 'done' && (l.fileName ?? '').startsWith('isian-'),
  );

beforeAll(async () => {
  server = useAppServer();
  browser = await launchBrowser();
  desa = await server.api<WilayahChild[]>(`/api/wilayah/${BILAH_HULU}/children`);
  expect(desa.length).toBeGreaterThan(5);
  const answer = await values();
  before = desa.map((d) => row(answer, d.kode));
});

afterAll(async () => {
  if (server) for (const load of await gridLoads()) await server.send('POST', `/api/impor/${load.id}/batalkan`);
  await browser?.close();
});

const cell = (page: Page, kode: string, part: 'numerator' | 'denominator' = 'numerator') =>
  page.getByTestId(`cell-${kode}-${INDICATOR}-${part}`);
const stateOf = (page: Page, kode: string) => cell(page, kode).getAttribute('data-state');
const textOfCell = async (page: Page, kode: string) => ((await cell(page, kode).textContent()) ?? '').trim();
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/isian-${name}.png` });

/** The isian page signed in as `username`, reached as a user does: from the map of Bilah Hulu through the nav. */
async function openIsianAs(username: string) {
  const page = await openPageAs(browser, server.url, username, { width: 1366, height: 900 });
  const d = createDriver(page, server.url);
  await d.openUrl(`?wilayah=${BILAH_HULU}`);
  await page.getByTestId('nav-isian').click();
  await page.getByTestId('page-isian').waitFor();
  return { page, d };
}

/** What Excel puts on the clipboard for a column of cells, pasted into the focused cell. */
async function paste(page: Page, text: string) {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

describe('Isian data: keyboard entry, offline queue, landing, conflict', () => {
  it('types a month with the keyboard, saves offline, lands when back online', async () => {
    const { page, d } = await openIsianAs(PUSKESMAS_USER);
    expect(await d.textOf('isian-area-fixed')).toMatch(/Wilayah kerja .*PERBAUNGAN/i);
    await page.getByTestId('isian-month').fill(MONTH);
    await cell(page, desa[0]!.kode).waitFor();
    // The grid shows the stored (simulated) values of the month.
    expect(await stateOf(page, desa[0]!.kode)).toBe(before[0]!.numerator === null ? 'empty' : 'simulated');

    // Keyboard: type into the first desa, Enter moves down; Escape cancels; arrows move; a block pastes down.
    await cell(page, desa[0]!.kode).click();
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await page.keyboard.type('99');
    await page.keyboard.press('Escape');
    expect(await textOfCell(page, desa[2]!.kode)).toBe(
      before[2]!.numerator === null ? '' : before[2]!.numerator.toLocaleString('id-ID'),
    );
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      `cell-${desa[3]!.kode}-${INDICATOR}-numerator`,
    );
    await paste(page, '5\r\n12,0\r\n'); // Indonesian "12,0" is twelve, as in an import
    expect([
      await textOfCell(page, desa[0]!.kode),
      await textOfCell(page, desa[1]!.kode),
      await textOfCell(page, desa[3]!.kode),
      await textOfCell(page, desa[4]!.kode),
    ]).toEqual(['12', '7', '5', '12,0']);
    expect(await stateOf(page, desa[0]!.kode)).toBe('edited');
    await expect.poll(() => d.textOf('isian-unsaved')).toBe('4 sel belum disimpan');
    // A value the import rules refuse is marked at once, with the rule's message, and blocks the save.
    await cell(page, desa[5]!.kode).click();
    await page.keyboard.type('1,5');
    await page.keyboard.press('Enter');
    expect(await stateOf(page, desa[5]!.kode)).toBe('error');
    expect(await d.textOf('isian-problems')).toContain('bilangan bulat');
    expect(await page.getByTestId('isian-save').isDisabled()).toBe(true);
    await shot(page, '1-typed');
    await cell(page, desa[5]!.kode).click();
    await page.keyboard.press('Escape'); // on a cell: back to the stored value, nothing to send for it
    expect(await stateOf(page, desa[5]!.kode)).not.toBe('error');

    // Offline: the save waits in the browser.
    await page.context().setOffline(true);
    await page.getByTestId('isian-offline').waitFor();
    const loadsBefore = (await gridLoads()).length;
    await expect.poll(() => page.getByTestId('isian-save').isEnabled()).toBe(true);
    await page.getByTestId('isian-save').click();
    await expect.poll(() => page.getByTestId('isian-notice').getAttribute('data-kind')).toBe('queued');
    await expect.poll(() => d.textOf('isian-queue')).toBe('4 perubahan menunggu koneksi');
    expect(await page.getByTestId('isian-unsaved').count(), 'queued cells are not "unsaved"').toBe(0);
    expect(await stateOf(page, desa[0]!.kode)).toBe('pending');
    expect((await gridLoads()).length, 'nothing reached the server').toBe(loadsBefore);
    expect(
      await page.evaluate(
        async () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('peta-isian');
            open.onsuccess = () => {
              const r = open.result.transaction('antrean').objectStore('antrean').getAll();
              r.onsuccess = () => resolve(r.result[0].cells.length);
            };
          }),
      ),
    ).toBe(4);
    await shot(page, '2-offline-queued');

    // Back online: the queued save is sent by itself and lands as one import.
    await page.context().setOffline(false);
    await expect
      .poll(() => page.getByTestId('isian-notice').getAttribute('data-kind'), { timeout: 20_000 })
      .toBe('saved');
    await page.getByTestId('isian-queue').waitFor({ state: 'detached' });
    const loads = await gridLoads();
    expect(loads.length).toBe(loadsBefore + 1);
    expect(loads[0]).toMatchObject({
      oleh: PUSKESMAS_USER,
      fileName: `isian-${loads[0]!.fileName!.split('-')[1]}-${MONTH}.json`,
      changed: expect.any(Number),
    });
    expect(loads[0]!.added + loads[0]!.changed).toBe(4);
    const after = await values();
    expect([0, 1, 3, 4].map((i) => row(after, desa[i]!.kode).numerator)).toEqual([12, 7, 5, 12]);
    expect([0, 1, 3, 4].map((i) => row(after, desa[i]!.kode).simulated)).toEqual([false, false, false, false]);
    expect(row(after, desa[2]!.kode).numerator, 'the cancelled edit was not saved').toBe(before[2]!.numerator);
    // Stored now (real, no longer simulated), or flagged with the import's warning at the cell (e.g. a jump).
    await expect.poll(async () => ['stored', 'warning'].includes((await stateOf(page, desa[0]!.kode))!)).toBe(true);
    expect(await d.textOf('isian-notice')).toContain(`Impor #${loads[0]!.id} tersimpan`);
    await shot(page, '3-landed');

    // A conflict: the puskesmas types over 12 while the admin stores 20 in the same cell.
    await cell(page, desa[0]!.kode).click();
    await page.keyboard.type('13');
    await page.keyboard.press('Enter');
    await server.send('POST', '/api/impor/isian', {
      period: MONTH,
      area: BILAH_HULU,
      cells: [
        {
          kode: desa[0]!.kode,
          indicator: INDICATOR,
          numerator: '20',
          denominator: '',
          base: { numerator: 12, denominator: null },
        },
      ],
    });
    await page.getByTestId('isian-save').click();
    await expect.poll(() => page.getByTestId('isian-notice').getAttribute('data-kind')).toBe('conflict');
    expect(await stateOf(page, desa[0]!.kode)).toBe('conflict');
    const conflict = page.getByTestId(`conflict-${desa[0]!.kode}-${INDICATOR}`);
    expect(await conflict.textContent()).toContain('nilai Anda 13; tersimpan sekarang 20 (oleh admin');
    expect(row(await values(), desa[0]!.kode).numerator, 'never overwritten silently').toBe(20);
    await conflict.scrollIntoViewIfNeeded();
    await shot(page, '4-conflict');
    await conflict.getByRole('button', { name: /nilai tersimpan/ }).click();
    await expect.poll(() => textOfCell(page, desa[0]!.kode)).toBe('20');

    // The map shows what landed.
    const landed = row(await values(), desa[1]!.kode);
    await d.openUrl(`?wilayah=${BILAH_HULU}&indikator=${INDICATOR}&periode=${MONTH}`);
    await d.waitForView(BILAH_HULU);
    await expect.poll(() => d.tableCoverage(desa[1]!.kode)).toBe(formatValue(landed.coverage, 'percent'));
    await shot(page, '5-map');
    expect(d.pageErrors).toEqual([]);
  });

  it('asks a dinkes user to choose a kecamatan or puskesmas first (no spinner), then opens its grid', async () => {
    const { page, d } = await openIsianAs(DINKES_USER);
    expect(await d.textOf('isian-area-needed')).toBe('Pilih kecamatan atau puskesmas untuk membuka tabel isiannya.');
    expect(await page.getByTestId('loading').count(), 'no spinner for a grid nobody asked for').toBe(0);
    expect(await page.getByTestId('isian-save').count()).toBe(0);

    await page.getByTestId('isian-area').selectOption(`k:${BILAH_HULU}`);
    await cell(page, desa[0]!.kode).waitFor();
    expect(await page.getByTestId('isian-area-needed').count()).toBe(0);
    expect(await page.locator(`[data-testid$="-${INDICATOR}-numerator"]`).count()).toBe(desa.length);
    expect(d.pageErrors).toEqual([]);
  });
});
