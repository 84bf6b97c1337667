// Meetings (issue 8) against the real server with Sumatera Utara and the demo data: the A4 PDF pack of Kecamatan
// Bilah Hulu (a page per desa), a meeting run end to end in Chromium — create, meeting mode on a projector,
// an action, offline stepping, the PNG for WhatsApp, and the next meeting showing how the action's indicator moved —
// and a meeting about a puskesmas' wilayah kerja, run by the puskesmas itself.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumberId, formatValue } from '@peta/domain';
import type {
  MeetingDetail,
  Meta,
  MeetingSummary,
  SessionUser,
  ValuesResponse,
  WilayahChild,
} from '@peta/domain/contract';
import { launchBrowser, type Browser, type Page } from './helpers/browser.ts';
import { fetchAs, sessionOf, useAppServer, type AppServer } from './helpers/app-server.ts';
import { openPageAs } from './helpers/session.ts';
import { ARTIFACTS } from './helpers/driver.ts';

const BILAH_HULU = '12.10.09';
/** The camat of Bilah Hulu runs the meeting (role camat: meetings of that kecamatan and its desa only). */
const CAMAT = 'camat.bilahhulu';
let server: AppServer;
let browser: Browser;
let desa: WilayahChild[];

beforeAll(async () => {
  server = useAppServer();
  browser = await launchBrowser();
  desa = await server.api<WilayahChild[]>(`/api/wilayah/${BILAH_HULU}/children`);
  expect(desa.length).toBeGreaterThan(10);
});

afterAll(async () => {
  await browser?.close();
});

/** The PDF pack as the camat's browser would fetch it (a signed-in GET). */
const getAsCamat = async (path: string) => fetchAs(await sessionOf(server.url, CAMAT), `${server.url}${path}`);

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

/** "Periode data" of the new-meeting form: January to `month` of `year`, with the map's period picker. */
async function chooseMeetingPeriod(page: Page, year: number, month: number) {
  const picker = page.getByTestId('rapat-periode');
  await picker.getByTestId('period-kind').selectOption('cumulative');
  await picker.getByTestId('period-year').selectOption(String(year));
  await picker.getByTestId('period-month').selectOption(String(month));
}

describe('the printed meeting pack', () => {
  it('has a cover, the agenda, one A4 page per desa of Bilah Hulu and the actions', async () => {
    const meeting = await server.send<MeetingDetail>('POST', '/api/rapat', {
      jenis: 'lokmin_tribulanan',
      tanggal: '2026-10-07',
      wilayah: BILAH_HULU,
      periode: '2026-01..2026-09',
      peserta: [{ nama: 'dr. Rina', peran: 'Kepala Puskesmas' }],
    });
    expect(meeting.agenda.desa).toHaveLength(desa.length);

    // The HTML the PDF is printed from: one section per desa, in the agenda's order, each ending with a page break.
    const page = await openPageAs(browser, server.url, CAMAT, { width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${server.url}/api/rapat/${meeting.id}/paket.html`);
    const sections = await page.locator('section.desa').evaluateAll((els) =>
      els.map((el) => ({
        kode: el.getAttribute('data-desa'),
        name: el.querySelector('h2')?.textContent,
        breakAfter: getComputedStyle(el).breakAfter,
      })),
    );
    expect(sections.map((s) => s.kode)).toEqual(meeting.agenda.desa.map((d) => d.kode));
    expect(sections.map((s) => s.name).sort()).toEqual(desa.map((d) => d.nama).sort());
    expect(new Set(sections.map((s) => s.breakAfter))).toEqual(new Set(['page']));
    await expect(page.getByText('Data contoh (simulasi)').first().isVisible()).resolves.toBe(true);
    // Each desa page has its PWS chart(s) and trends, and fits the printable area of A4 (210 × 297 mm less the
    // @page margins 11 + 11 and 10 + 12 mm): laid out at 188 mm wide, no section is taller than 275 mm.
    await page.addStyleTag({ content: 'body { width: 188mm; }' });
    const layout = await page.locator('section.desa').evaluateAll((els) =>
      els.map((el) => ({
        kode: el.getAttribute('data-desa'),
        heightMm: ((el as HTMLElement).offsetHeight * 25.4) / 96,
        tableOverflow: el.querySelector('table.ind')!.scrollWidth - (el as HTMLElement).clientWidth,
        charts: el.querySelectorAll('figure.pws-chart').length,
        svgs: el.querySelectorAll('svg.pws-svg').length,
        trends: el.querySelectorAll('td.trends').length,
      })),
    );
    for (const l of layout) {
      expect(l.charts, l.kode!).toBeGreaterThanOrEqual(1);
      expect(l.charts, l.kode!).toBeLessThanOrEqual(2);
      expect(l.trends, l.kode!).toBeGreaterThan(0);
      expect(l.heightMm, l.kode!).toBeLessThanOrEqual(275);
      expect(l.tableOverflow, `${l.kode} table wider than the page`).toBeLessThanOrEqual(1);
    }
    // Two counts of people, each under its own name; the agenda names the shortfall as such; a lower-is-better
    // indicator that worsened reads as a rise against its limit (never "168% → 82% dari target").
    const html = await page.content();
    expect(html).toContain('<th>Kekurangan terhadap target (orang)</th><th>Belum terlayani tahun ini (orang)</th>');
    const behind = await page.locator('section.summary ol').first().locator('li').allTextContents();
    expect(behind.length).toBeGreaterThan(0);
    for (const item of behind)
      expect(item).toMatch(/target s\.d\. periode [\d,]+%( · kekurangan terhadap target: [\d.]+ .+)?$|batas ≤/);
    for (const w of meeting.agenda.worsened.filter((x) => x.indicator === 'GZ_STUNTING')) {
      expect(w.coverage!).toBeGreaterThan(w.previousCoverage!);
      expect(html).toContain(
        `Stunting: ${formatValue(w.previousCoverage, 'percent')} → ${formatValue(w.coverage, 'percent')} (naik; batas ≤ 14,0%)`,
      );
    }
    expect(layout.some((l) => l.svgs > 0)).toBe(true);
    const tallest = layout.reduce((a, b) => (b.heightMm > a.heightMm ? b : a));
    console.log(`[meetings] tallest desa page ${tallest.kode}: ${tallest.heightMm.toFixed(0)} mm of 275`);
    await page
      .locator(`section.desa[data-desa="${tallest.kode}"]`)
      .screenshot({ path: join(ARTIFACTS, 'meetings-pack-desa.png') });
    await page.context().close();

    const t0 = performance.now();
    await getAsCamat(`/api/rapat/${meeting.id}/paket.pdf`); // first one launches Chromium
    const t1 = performance.now();
    const response = await getAsCamat(`/api/rapat/${meeting.id}/paket.pdf`);
    const t2 = performance.now();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    writeFileSync(join(ARTIFACTS, 'meetings-pack.pdf'), bytes);
    console.log(
      `[meetings] PDF pack of Bilah Hulu (${desa.length} desa): ${bytes.length} bytes, first ${Math.round(t1 - t0)} ms (Chromium launch), then ${Math.round(t2 - t1)} ms`,
    );
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = bytes.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
    // Cover + agenda (1–2 pages) + one page per desa (each measured to fit A4) + the list of actions.
    expect(pages).toBeGreaterThanOrEqual(desa.length + 3);
    expect(pages).toBeLessThanOrEqual(desa.length + 5);
    // The document title (UTF-16 in the Info dictionary) names the kecamatan.
    const titles = [...text.matchAll(/\/Title\s*<FEFF([0-9A-F]+)>/gi)].map((m) =>
      Buffer.from(m[1]!, 'hex').swap16().toString('utf16le'),
    );
    expect(titles.some((title) => title.includes('Paket rapat') && title.includes('Bilah Hulu'))).toBe(true);
  });
});

describe('a meeting run end to end', () => {
  it('creates the agenda, steps through it on a projector, records an action, and shows its movement at the next meeting', async () => {
    const page = await openPageAs(browser, server.url, CAMAT, { width: 1920, height: 1080 });
    const what = `Sweeping rumah ke rumah bersama kader (${Date.now().toString(36)})`;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/rapat?wilayah=${BILAH_HULU}`);
    await page.getByTestId('rapat-new').click();
    // The map's period picker, starting on January to the latest month with data (no free text to mistype).
    const latest = (await server.api<Meta>('/api/meta')).latestMonth;
    await expect
      .poll(() => page.getByTestId('rapat-periode').getByTestId('period-month').inputValue())
      .toBe(String(Number(latest.slice(5))));
    expect(await page.getByTestId('rapat-periode').getByTestId('period-kind').inputValue()).toBe('cumulative');
    await chooseMeetingPeriod(page, 2026, 9);
    await page.getByTestId('rapat-tanggal').fill('2026-10-08');
    await page.getByTestId('rapat-peserta').fill('dr. Rina, Kepala Puskesmas\nBapak Camat, Camat Bilah Hulu');
    await page.getByTestId('rapat-create').click();
    await page.getByTestId('rapat-detail').waitFor();
    await expect(page.getByTestId('rapat-title').textContent()).resolves.toMatch(/Bilah Hulu/);
    await page.locator('[data-testid=rapat-map] path').first().waitFor();
    const meetingId = Number(new URL(page.url()).searchParams.get('rapat'));
    const meeting = await server.api<MeetingDetail>(`/api/rapat/${meetingId}`);
    expect(meeting.periode, 'the period chosen in the picker').toBe('2026-01..2026-09');
    await shot(page, 'meetings-1-detail');

    // Meeting mode: the map, then each desa in the agenda's order.
    await page.getByTestId('rapat-start').click();
    await page.getByTestId('meeting-mode').waitFor();
    await page.locator('[data-testid=step-overview] [data-testid=rapat-map] path').first().waitFor();
    expect(
      await page.locator('[data-testid=step-overview] [data-testid=rapat-map] path').count(),
    ).toBeGreaterThanOrEqual(desa.length);
    // Every desa's number is readable: no marker covers another (the crowded ones are moved, with a leader line).
    const markers = await page
      .locator('[data-testid=step-overview] [data-testid=rapat-map-marker] > circle:last-of-type')
      .evaluateAll((els) =>
        els.map((e) => ({
          x: Number(e.getAttribute('cx')),
          y: Number(e.getAttribute('cy')),
          r: Number(e.getAttribute('r')),
        })),
      );
    expect(markers).toHaveLength(meeting.agenda.desa.length);
    for (let i = 0; i < markers.length; i++) {
      for (let j = i + 1; j < markers.length; j++) {
        const [a, b] = [markers[i]!, markers[j]!];
        expect(
          Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y)),
          `markers ${i + 1} and ${j + 1}`,
        ).toBeGreaterThanOrEqual(a.r + b.r);
      }
    }
    await shot(page, 'meetings-2-projector-overview');
    await page.keyboard.press('ArrowRight');
    const first = meeting.agenda.desa[0]!;
    await expect(page.getByTestId('desa-name').textContent()).resolves.toBe(first.nama);
    await page.locator('[data-testid=step-desa] .series svg').waitFor();
    await expect(page.getByTestId('meeting-step').textContent()).resolves.toBe(`Desa 1 dari ${desa.length}`);
    await shot(page, 'meetings-3-projector-desa');

    // An action for the first desa, on its weakest indicator: the form comes into view, focus in its first field, and
    // each button says what it saves.
    await page.getByTestId('action-add').click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('action-indicator');
    await expect
      .poll(
        async () => {
          const box = await page.getByTestId('action-save').boundingBox();
          return !!box && box.y >= 0 && box.y + box.height <= 1080;
        },
        { timeout: 5_000 },
      )
      .toBe(true);
    expect(await page.getByTestId('action-save').textContent()).toBe('Simpan tindak lanjut');
    expect(await page.locator('[data-testid=step-desa] [data-testid=note-save]').textContent()).toBe('Simpan catatan');
    const indicator = await page.getByTestId('action-indicator').inputValue();
    expect(indicator).toBe(first.focusIndicator);
    await page.getByTestId('action-apa').fill(what);
    await page.getByTestId('action-siapa').fill('Bidan desa dan kader Posyandu');
    await page.getByTestId('action-save').click();
    const added = page.locator('[data-testid=step-desa] [data-testid=action-item]', { hasText: what });
    await added.waitFor();
    await expect(added.getByTestId('action-movement').textContent()).resolves.toMatch(/belum ada data periode baru/);

    // Step on with the keyboard and the big button; the page keeps working without a connection once loaded.
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('desa-name').textContent()).resolves.toBe(meeting.agenda.desa[1]!.nama);
    await page.locator('[data-testid=step-desa] .series svg').waitFor();
    await page.context().setOffline(true);
    await page.getByTestId('meeting-next').click();
    await expect(page.getByTestId('desa-name').textContent()).resolves.toBe(meeting.agenda.desa[2]!.nama);
    await page.locator('[data-testid=step-desa] .series svg').waitFor({ timeout: 10_000 });
    await page.context().setOffline(false);
    await page.keyboard.press('End');
    await page.getByTestId('step-actions').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('meeting-mode').waitFor({ state: 'detached' });

    // PNG for WhatsApp: phone-sized, drawn on a canvas.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rapat-png').click()]);
    const pngPath = join(ARTIFACTS, 'meetings-whatsapp.png');
    await download.saveAs(pngPath);
    const png = readFileSync(pngPath);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1080, 1350]);

    // The next meeting, a month later: the action is carried over with how its indicator moved.
    await page.getByText('Semua rapat').click();
    await page.getByTestId('rapat-new').click();
    await chooseMeetingPeriod(page, 2026, 10);
    await page.getByTestId('rapat-tanggal').fill('2026-11-10');
    await page.getByTestId('rapat-create').click();
    await page.getByTestId('rapat-detail').waitFor();
    const carried = page.locator('[data-testid=action-item]', { hasText: what });
    await carried.waitFor();
    const [before, after] = await Promise.all(
      ['2026-01..2026-09', '2026-01..2026-10'].map((p) =>
        server.api<ValuesResponse>(`/api/nilai?indikator=${indicator}&periode=${p}&wilayah=${BILAH_HULU}`),
      ),
    );
    const row = (v: ValuesResponse) => v.rows.find((r) => r.kode === first.kode)!;
    const [a, b] = [row(before!).coverage!, row(after!).coverage!];
    const points = b - a;
    const expected =
      Math.abs(points) < 0.05
        ? `tetap ${formatNumberId(b)}%`
        : `${points > 0 ? 'naik' : 'turun'} ${formatNumberId(Math.abs(points))} poin (dari ${formatNumberId(a)}% ke ${formatNumberId(b)}%)`;
    await expect(carried.getByTestId('action-movement').textContent()).resolves.toContain(expected);
    // It is shown first, above the agenda: "did we do it, and did the numbers move?"
    expect(await page.getByTestId('rapat-earlier').getByText(what).count()).toBe(1);
    await shot(page, 'meetings-4-next-meeting');
    // The next meeting's mode shows it on that desa's step too.
    await page.getByTestId('rapat-start').click();
    await page.getByTestId('meeting-mode').waitFor();
    const step = (
      await server.api<MeetingDetail>(`/api/rapat/${new URL(page.url()).searchParams.get('rapat')}`)
    ).agenda.desa.findIndex((d) => d.kode === first.kode);
    for (let i = 0; i <= step; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('desa-name').textContent()).resolves.toBe(first.nama);
    await expect(
      page
        .locator('[data-testid=step-desa] [data-testid=action-item]', { hasText: what })
        .getByTestId('action-movement')
        .textContent(),
    ).resolves.toContain(expected);
    await page.locator('[data-testid=step-desa] .series svg').waitFor();
    await shot(page, 'meetings-6-projector-followup');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('fits a phone: big buttons, one column', async () => {
    const list = await server.api<{ id: number }[]>(`/api/rapat?wilayah=${BILAH_HULU}`);
    const page = await openPageAs(browser, server.url, CAMAT, { width: 390, height: 844 });
    await page.goto(`${server.url}/rapat?wilayah=${BILAH_HULU}&rapat=${list[0]!.id}`);
    await page.getByTestId('rapat-start').click();
    await page.getByTestId('meeting-next').click();
    await page.locator('[data-testid=step-desa] .series svg').waitFor();
    const box = await page.getByTestId('meeting-next').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The close button stays inside the screen.
    const close = await page.getByTestId('meeting-close').boundingBox();
    expect(close!.x + close!.width).toBeLessThanOrEqual(390);
    await shot(page, 'meetings-5-phone');
  });
});

describe("a meeting about a puskesmas' wilayah kerja", () => {
  /** The demo puskesmas holding the desa of Bilah Hulu: its meetings are about the desa of its wilayah kerja. */
  const PUSKESMAS_USER = 'pkm.perbaungan';
  const SHOTS = '/tmp/e2e-shots';
  const pkmShot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `rapat-pkm-${name}.png`) });

  it('the puskesmas gets its own by default, creates a meeting, steps through only its desa, adds an action and finds it listed', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const users = await server.api<SessionUser[]>('/api/pengguna');
    const kode = users.find((u) => u.username === PUSKESMAS_USER)!.scopePuskesmas!;
    const page = await openPageAs(browser, server.url, PUSKESMAS_USER, { width: 1600, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const run = Date.now().toString(36);
    const what = `Kunjungan rumah ibu hamil bersama kader (${run})`;
    const judul = `Lokmin Puskesmas Perbaungan (${run})`;

    // From its kecamatan, the page opens on "Wilayah kerja puskesmas" with its own puskesmas chosen.
    await page.goto(`${server.url}/rapat?wilayah=${BILAH_HULU}`);
    await expect.poll(() => new URL(page.url()).searchParams.get('puskesmas')).toBe(kode);
    await expect(page.getByTestId('rapat-kind-puskesmas').getAttribute('aria-pressed')).resolves.toBe('true');
    // The picker fills once the kabupaten's puskesmas list arrives; for a reader outside part of the kabupaten the
    // list's need per puskesmas goes through the small-count protection (up to PRIVACY_WAIT_MS on a fresh server).
    await expect.poll(() => page.getByTestId('rapat-puskesmas').inputValue(), { timeout: 10_000 }).toBe(kode);
    await expect(page.getByTestId('rapat-list-title').textContent()).resolves.toMatch(
      /^Rapat wilayah kerja Puskesmas /,
    );
    await pkmShot(page, '1-list');

    await page.getByTestId('rapat-new').click();
    await chooseMeetingPeriod(page, 2026, 9);
    await page.getByTestId('rapat-tanggal').fill('2026-10-09');
    await page.getByTestId('rapat-judul').fill(judul);
    await page.getByTestId('rapat-create').click();
    await page.getByTestId('rapat-detail').waitFor();
    const meetingId = Number(new URL(page.url()).searchParams.get('rapat'));
    const meeting = await server.api<MeetingDetail>(`/api/rapat/${meetingId}`);
    expect(meeting.puskesmasKode).toBe(kode);
    expect(meeting.desaKodes.length).toBeGreaterThan(5);
    // The map draws the meeting's desa only, cut from all desa of the kabupaten.
    const kabupatenDesa = (
      await server.api<{ features: unknown[] }>(
        `/api/geometry/${(await server.api<{ geometryVersion: string }>('/api/meta')).geometryVersion}/${meeting.wilayahKode}/desa.geojson`,
      )
    ).features.length;
    expect(kabupatenDesa).toBeGreaterThan(meeting.desaKodes.length);
    const detailMap = page.locator('.rapat-detail__map [data-testid=rapat-map] path');
    await expect.poll(() => detailMap.count()).toBe(meeting.desaKodes.length);
    await pkmShot(page, '2-detail');

    // Meeting mode: the overview map, then each desa of the wilayah kerja in the agenda's order.
    await page.getByTestId('rapat-start').click();
    await page.getByTestId('meeting-mode').waitFor();
    const overviewMap = page.locator('[data-testid=step-overview] [data-testid=rapat-map] path');
    await expect.poll(() => overviewMap.count()).toBe(meeting.desaKodes.length);
    await pkmShot(page, '3-mode-overview');
    await page.keyboard.press('ArrowRight');
    const first = meeting.agenda.desa[0]!;
    expect(meeting.desaKodes).toContain(first.kode);
    await expect(page.getByTestId('desa-name').textContent()).resolves.toBe(first.nama);
    await expect(page.getByTestId('meeting-step').textContent()).resolves.toBe(
      `Desa 1 dari ${meeting.agenda.desa.length}`,
    );
    await page.locator('[data-testid=step-desa] .series svg').waitFor();
    await page.getByTestId('action-add').click();
    await page.getByTestId('action-apa').fill(what);
    await page.getByTestId('action-siapa').fill('Bidan desa');
    await page.getByTestId('action-save').click();
    await page.locator('[data-testid=step-desa] [data-testid=action-item]', { hasText: what }).waitFor();
    await pkmShot(page, '4-mode-desa');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('desa-name').textContent()).resolves.toBe(meeting.agenda.desa[1]!.nama);
    await page.keyboard.press('End');
    await page.getByTestId('step-actions').getByText(what).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('meeting-mode').waitFor({ state: 'detached' });

    // Back to the list of the puskesmas' meetings: listed with its action.
    await page.getByText('Semua rapat').click();
    expect(meeting.judul).toBe(judul);
    const card = page.getByTestId('rapat-item').filter({ hasText: judul });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('1 tindak lanjut, 1 terbuka');
    const listed = await server.api<MeetingSummary[]>(`/api/rapat?puskesmas=${kode}`);
    expect(listed.find((m) => m.id === meetingId)?.actionCount).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("fits a 360 px phone, and the camat may read the puskesmas' meetings but not create one", async () => {
    const users = await server.api<SessionUser[]>('/api/pengguna');
    const kode = users.find((u) => u.username === PUSKESMAS_USER)!.scopePuskesmas!;
    const [latest] = await server.api<MeetingSummary[]>(`/api/rapat?puskesmas=${kode}`);
    const phone = await openPageAs(browser, server.url, PUSKESMAS_USER, { width: 360, height: 780 });
    await phone.goto(`${server.url}/rapat?wilayah=${BILAH_HULU}`);
    await phone.getByTestId('rapat-item').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await pkmShot(phone, '5-phone-list');
    await phone.getByTestId('rapat-item').filter({ hasText: latest!.judul }).first().click();
    await phone.getByTestId('rapat-start').click();
    await phone.getByTestId('meeting-next').click();
    await phone.locator('[data-testid=step-desa] .series svg').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await pkmShot(phone, '6-phone-mode');
    await phone.context().close();

    const camat = await openPageAs(browser, server.url, CAMAT, { width: 1280, height: 800 });
    await camat.goto(`${server.url}/rapat?wilayah=${BILAH_HULU}&puskesmas=${kode}`);
    await camat.getByTestId('rapat-item').first().waitFor();
    await camat.getByTestId('rapat-not-allowed').waitFor();
    expect(await camat.getByTestId('rapat-new').count()).toBe(0);
    // Switching back to the kecamatan drops the puskesmas from the address.
    await camat.getByTestId('rapat-kind-kecamatan').click();
    await expect.poll(() => new URL(camat.url()).searchParams.get('puskesmas')).toBeNull();
    await camat.getByTestId('rapat-new').waitFor();
    await camat.context().close();
  });
});
