// The desa profile on the main map (issues 7 and 8): a desa of Bilah Hulu shows its Pustu and Posyandu in plain words
// (the demo seeds them for Labuhanbatu, marked simulasi), the puskesmas holding the desa edits them — a wrong kader
// count is refused with a clear message, the saved change shows who made it — the camat only reads; a desa nobody
// entered says "Belum diisi"; and the indicator's value is compared with the same period last year.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumberId, formatValue } from '@peta/domain';
import type { Facilities, FacilitiesBody, ValuesResponse, WilayahChild } from '@peta/domain/contract';
import { launchBrowser, type Browser, type Page } from './helpers/browser.ts';
import { useAppServer, type AppServer } from './helpers/app-server.ts';
import { openPageAs } from './helpers/session.ts';
import { createDriver } from './helpers/driver.ts';

const BILAH_HULU = '12.10.09';
const CAMAT = 'camat.bilahhulu';
/** The demo puskesmas holding the desa of Bilah Hulu: may change their Pustu and Posyandu (capability kesiapan). */
const PUSKESMAS = 'pkm.perbaungan';
const PERIOD = '2026-01..2026-09';
const SHOTS = '/tmp/e2e-shots';

let server: AppServer;
let browser: Browser;
let desa: WilayahChild;
let before: Facilities;

beforeAll(async () => {
  server = useAppServer();
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
  const children = await server.api<WilayahChild[]>(`/api/wilayah/${BILAH_HULU}/children`);
  // A desa with a Pustu and a Posyandu as the demo seeded them (simulasi), so both lines have something to say; a
  // rerun against a kept server (PETA_E2E_URL) may find only desa already saved by a person.
  const found: [WilayahChild, Facilities][] = [];
  for (const c of children) {
    const f = await server.api<Facilities>(`/api/desa/${c.kode}/fasilitas`);
    if (f.known && f.pustu.length > 0 && f.posyandu.length > 0) found.push([c, f]);
  }
  [desa, before] = found.find(([, f]) => f.simulated) ?? found[0] ?? [undefined!, undefined!];
  expect(desa, 'a desa of Bilah Hulu with Pustu and Posyandu in the demo').toBeDefined();
});

afterAll(async () => {
  // Leave the desa as the demo had it (other files read Labuhanbatu's readiness).
  if (desa && before)
    await server.send('PUT', `/api/desa/${desa.kode}/fasilitas`, {
      pustu: before.pustu,
      posyandu: before.posyandu,
    } satisfies FacilitiesBody);
  await browser?.close();
});

/** The screen with the side pane (it scrolls on its own) scrolled to `testId`, as the user sees it. */
async function shot(page: Page, name: string, testId = 'desa-fasilitas') {
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const pustuLine = (f: FacilitiesBody) =>
  `${f.pustu.length} Pustu: ${sum(f.pustu.map((p) => p.perawat))} perawat, ${sum(f.pustu.map((p) => p.bidan))} bidan`;
const posyanduLine = (f: FacilitiesBody) =>
  `${f.posyandu.length} Posyandu, ${f.posyandu.filter((p) => p.sk).length} ber-SK LKD, ` +
  `${sum(f.posyandu.map((p) => p.kader))} kader (${sum(f.posyandu.map((p) => p.kaderTersertifikasi))} tersertifikasi)`;

/** Opens the main map on Bilah Hulu and clicks the desa in the list, as a user does. */
async function openDesa(username: string, viewport: { width: number; height: number }, period = PERIOD) {
  const page = await openPageAs(browser, server.url, username, viewport);
  const d = createDriver(page, server.url);
  await d.openUrl(`?wilayah=${BILAH_HULU}&indikator=KIA_K4&periode=${period}`);
  await d.waitForView(BILAH_HULU);
  await d.clickRow(desa.kode);
  await page.getByTestId('desa-panel').waitFor();
  await page.getByTestId('desa-fasilitas').getByTestId('fasilitas-posyandu').waitFor();
  return { page, d };
}

describe('Pustu and Posyandu on the desa profile', () => {
  it('the camat reads them in plain words, marked simulasi, and is offered no "Ubah"', async () => {
    const { page, d } = await openDesa(CAMAT, { width: 1366, height: 900 });
    const section = page.getByTestId('desa-fasilitas');
    await expect(section.getByTestId('fasilitas-pustu').textContent()).resolves.toBe(pustuLine(before));
    await expect(section.getByTestId('fasilitas-posyandu').textContent()).resolves.toBe(posyanduLine(before));
    if (before.simulated)
      await expect(section.getByTestId('fasilitas-simulated').textContent()).resolves.toBe('simulasi');
    expect(await section.getByTestId('fasilitas-edit').count()).toBe(0);
    await shot(page, 'desa-1-camat-desktop');
    expect(d.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('the puskesmas edits them: a wrong kader count is refused with a clear message, the saved change shows who made it', async () => {
    const { page, d } = await openDesa(PUSKESMAS, { width: 1366, height: 900 });
    const section = page.getByTestId('desa-fasilitas');
    await section.getByTestId('fasilitas-edit').click();
    await section.getByTestId('fasilitas-form').waitFor();
    expect(await section.getByTestId('fasilitas-posyandu-row').count()).toBe(before.posyandu.length);
    await section.getByTestId('fasilitas-add-posyandu').click();
    const added = section.getByTestId('fasilitas-posyandu-row').last();
    await added.getByTestId('fasilitas-kader').fill('5');
    await added.getByTestId('fasilitas-kaderTersertifikasi').fill('8');
    await added.getByTestId('fasilitas-sk').check();
    await section.getByTestId('fasilitas-save').click();
    const n = before.posyandu.length + 1;
    await expect(section.getByTestId('fasilitas-problems').textContent()).resolves.toBe(
      `Posyandu ${n}: kader tersertifikasi (8) tidak boleh lebih banyak dari jumlah kader (5).`,
    );
    await shot(page, 'desa-2-pkm-form-refused', 'fasilitas-problems');
    // Nothing was sent: the stored lists are unchanged.
    expect((await server.api<Facilities>(`/api/desa/${desa.kode}/fasilitas`)).posyandu).toHaveLength(
      before.posyandu.length,
    );

    await added.getByTestId('fasilitas-kaderTersertifikasi').fill('4');
    await expect.poll(() => section.getByTestId('fasilitas-problems').count()).toBe(0);
    await section.getByTestId('fasilitas-save').click();
    await section.getByTestId('fasilitas-form').waitFor({ state: 'detached' });
    const expected: FacilitiesBody = {
      pustu: before.pustu,
      posyandu: [...before.posyandu, { nama: null, lokasi: null, sk: true, kader: 5, kaderTersertifikasi: 4 }],
    };
    await expect.poll(() => section.getByTestId('fasilitas-posyandu').textContent()).toBe(posyanduLine(expected));
    await expect(section.getByTestId('fasilitas-last-change').textContent()).resolves.toMatch(
      new RegExp(`^Terakhir diubah oleh ${PUSKESMAS}, `),
    );
    const stored = await server.api<Facilities>(`/api/desa/${desa.kode}/fasilitas`);
    expect(stored.posyandu).toEqual(expected.posyandu);
    expect(stored.lastChange?.oleh).toBe(PUSKESMAS);
    await shot(page, 'desa-3-pkm-saved');
    expect(d.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('fits a 360 px phone, form included', async () => {
    const { page } = await openDesa(PUSKESMAS, { width: 360, height: 780 });
    await shot(page, 'desa-4-phone');
    await page.getByTestId('fasilitas-edit').click();
    await page.getByTestId('fasilitas-form').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const save = await page.getByTestId('fasilitas-save').boundingBox();
    expect(save!.height).toBeGreaterThanOrEqual(40);
    await shot(page, 'desa-5-phone-form', 'fasilitas-add-posyandu');
    await page.context().close();
  });

  it('a desa nobody entered says "Belum diisi" (unknown, not zero)', async () => {
    const medan = (await server.api<WilayahChild[]>('/api/wilayah/12.71.01/children'))[0]!;
    expect((await server.api<Facilities>(`/api/desa/${medan.kode}/fasilitas`)).known).toBe(false);
    const page = await openPageAs(browser, server.url, CAMAT, { width: 1366, height: 900 });
    const d = createDriver(page, server.url);
    await d.openUrl('?wilayah=12.71.01');
    await d.waitForView('12.71.01');
    await d.clickRow(medan.kode);
    await expect(page.getByTestId('fasilitas-unknown').textContent()).resolves.toMatch(/^Belum diisi — /);
    expect(await page.getByTestId('fasilitas-pustu').count()).toBe(0);
    await page.context().close();
  });
});

describe('the indicator against the same period last year', () => {
  const coverageOf = async (period: string) =>
    (await server.api<ValuesResponse>(`/api/nilai?indikator=KIA_K4&periode=${period}&wilayah=${BILAH_HULU}`)).rows.find(
      (r) => r.kode === desa.kode,
    )!.coverage;

  it('says how far it moved since Januari–September 2025, in points', async () => {
    const [now, earlier] = [await coverageOf(PERIOD), await coverageOf('2025-01..2025-09')];
    expect(now).not.toBeNull();
    expect(earlier).not.toBeNull();
    const points = now! - earlier!;
    const expected =
      Math.abs(points) < 0.05
        ? `tetap ${formatValue(now!, 'percent')}`
        : `${points > 0 ? 'naik' : 'turun'} ${formatNumberId(Math.abs(points))} poin (dari ${formatValue(earlier!, 'percent')} ke ${formatValue(now!, 'percent')})`;
    const { page } = await openDesa(CAMAT, { width: 1366, height: 900 });
    await expect(page.getByTestId('desa-last-year').textContent()).resolves.toContain(
      `Dibanding periode yang sama tahun lalu (Januari–September 2025): ${expected}`,
    );
    await shot(page, 'desa-6-last-year', 'desa-indicator');
    await page.context().close();
  });

  it('says "tidak ada data tahun lalu" when last year has no reports (2024 in the demo)', async () => {
    expect(await coverageOf('2024-01..2024-09')).toBeNull();
    const { page } = await openDesa(CAMAT, { width: 1366, height: 900 }, '2025-01..2025-09');
    await expect(page.getByTestId('desa-last-year').textContent()).resolves.toBe(
      'Dibanding periode yang sama tahun lalu (Januari–September 2024): tidak ada data tahun lalu',
    );
    await page.context().close();
  });
});
