// "Semua desa": every desa of the provinsi (and of Indonesia) coloured at once from the vector tiles, in real
// Chromium against the real server (demo data of Sumatera Utara, simulated). Expected colours come from the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASS_OF_LETTER, desaKodesOf, type DesaValuesResponse, type Wilayah } from '@peta/domain/contract';
import { PALETTE } from '@peta/domain';
import { launchBrowser, type Browser } from './helpers/browser.ts';
import { openPageAs } from './helpers/session.ts';
import { useAppServer, type AppServer } from './helpers/app-server.ts';
import { createDriver, type Driver } from './helpers/driver.ts';

const SUMUT = '12';
const K4 = 'KIA_K4';
const BUMIL = 'SPM01_BUMIL';
const YTD = '2026-01..2026-10';
/** Sees the exact counts of every desa of Sumatera Utara (the admin's answer): the colours checked one by one. */
const PROVINSI_STAFF = 'dinkes.sumaterautara';

let server: AppServer;
let browser: Browser;

const desaValues = (indicator: string, parent: string | null) =>
  server.api<DesaValuesResponse>(
    `/api/nilai/desa?indikator=${indicator}&periode=${encodeURIComponent(YTD)}${parent ? `&wilayah=${parent}` : ''}`,
  );
/** The colour the target legend gives a desa of the answer. */
const colourOf = (answer: DesaValuesResponse, kode: string) =>
  PALETTE.attainment[CLASS_OF_LETTER[answer.kelas[desaKodesOf(answer).indexOf(kode)]!]!];

/**
 * Tile requests and bytes received since the page opened. A tile's bytes are read after its response event, so
 * `settled()` waits for every read begun: a count taken before it could miss the bytes of a tile already answered
 * and add them later, as if they had travelled after the count (a busy machine reads them late).
 */
function countTiles(d: Driver) {
  const reads = new Set<Promise<void>>();
  const seen = {
    requests: 0,
    bytes: 0,
    async settled() {
      while (reads.size > 0) await Promise.all(reads);
      return { requests: seen.requests, bytes: seen.bytes };
    },
  };
  d.page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/tiles/')) return;
    seen.requests++;
    const read = response
      .body()
      .catch(() => Buffer.alloc(0))
      .then((body) => {
        seen.bytes += body.length;
        reads.delete(read);
      });
    reads.add(read);
  });
  return seen;
}

beforeAll(async () => {
  server = useAppServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('Semua desa (1280×800)', () => {
  it('colours every desa of Sumatera Utara from the tiles, recolours on an indicator switch without tile bytes, and drills into a clicked desa', async () => {
    const answer = await desaValues(K4, SUMUT);
    expect(answer.kelas.length).toBeGreaterThan(5000);
    const d = createDriver(
      await openPageAs(browser, server.url, PROVINSI_STAFF, { width: 1280, height: 800 }),
      server.url,
    );
    const tiles = countTiles(d);
    await d.openUrl(`?wilayah=${SUMUT}&indikator=${K4}&periode=${YTD}`);
    await d.waitForView(SUMUT);
    await d.page.getByTestId('view-all-desa').click();
    expect(await d.param('tampilan')).toBe('semua-desa');
    await d.waitForAllDesa(answer.kelas.length);
    expect(await d.textOf('all-desa-count')).toBe(`${answer.kelas.length.toLocaleString('id-ID')} desa`);

    // Every desa drawn on screen has its colour, and a sample has exactly the API's.
    await expect.poll(async () => (await d.desaRendered()).features, { timeout: 30_000 }).toBeGreaterThan(2000);
    const rendered = await d.desaRendered();
    expect(rendered.coloured).toBe(rendered.features);
    const sample = desaKodesOf(answer).filter((_, i) => i % 997 === 0);
    for (const kode of sample) expect((await d.desaFeatureState(kode)).fillColor, kode).toBe(colourOf(answer, kode));
    expect(tiles.requests).toBeGreaterThan(0);
    expect(await d.page.getByTestId('legend-item').count()).toBe(5);
    await d.screenshot('all-desa-1-sumut');

    // Another indicator: only the values JSON travels; every desa gets its new colour.
    const bumil = await desaValues(BUMIL, SUMUT);
    const before = await tiles.settled();
    const mark = d.apiRequests.length;
    await d.chooseIndicator(BUMIL, 'ibu hamil');
    await d.waitForAllDesa(bumil.kelas.length);
    const changed = desaKodesOf(bumil).find((kode) => colourOf(bumil, kode) !== colourOf(answer, kode))!;
    await expect
      .poll(async () => (await d.desaFeatureState(changed)).fillColor, { timeout: 30_000 })
      .toBe(colourOf(bumil, changed));
    const now = await tiles.settled();
    expect(now.requests - before.requests).toBe(0);
    expect(now.bytes - before.bytes).toBe(0);
    expect(d.requestsSince(mark).filter((r) => r.startsWith('/api/nilai/desa'))).toHaveLength(1);
    expect(d.requestsSince(mark).some((r) => r.startsWith('/api/geometry/'))).toBe(false);

    // Hover a desa on the map: the card shows its name and capaian; a click goes to the desa in the drill-down.
    const desa = await server.api<Wilayah>(`/api/wilayah/${changed}`);
    await d.pointMapAt(desa.label!);
    await expect
      .poll(
        async () =>
          (await d.page
            .getByTestId('hover-card-name')
            .textContent()
            .catch(() => '')) ?? '',
        { timeout: 20_000 },
      )
      .not.toBe('');
    const hovered = await d.page.getByTestId('hover-card-name').textContent();
    expect(hovered!.length).toBeGreaterThan(0);
    await d.page.mouse.down();
    await d.page.mouse.up();
    await expect.poll(() => d.param('wilayah'), { timeout: 20_000 }).toMatch(/^12\.\d{2}\.\d{2}\.\d{4}$/);
    expect(await d.param('tampilan')).toBeNull();
    expect(d.pageErrors).toEqual([]);
    expect(d.externalRequests).toEqual([]);
  });

  it('shows the desa of Indonesia (here: the loaded provinsi, Sumatera Utara and DI Yogyakarta) coloured on the national view', async () => {
    const answer = await desaValues(K4, null);
    // As the provinsi's dinkes: the pembaca's national view first computes the small-count protection of every
    // kabupaten (issue 18), which on the demo takes longer than this test waits (see docs/privacy.md §3.5).
    const d = createDriver(
      await openPageAs(browser, server.url, PROVINSI_STAFF, { width: 1280, height: 800 }),
      server.url,
    );
    await d.openUrl(`?tampilan=semua-desa&indikator=${K4}&periode=${YTD}`);
    await d.waitForAllDesa(answer.kelas.length);
    await expect.poll(async () => (await d.desaRendered()).features, { timeout: 30_000 }).toBeGreaterThan(1000);
    const rendered = await d.desaRendered();
    expect(rendered.coloured).toBe(rendered.features);
    await d.screenshot('all-desa-2-indonesia');
  });
});
