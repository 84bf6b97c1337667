// The map page by keyboard alone (issue 15, "What the hand does"; WCAG 2.2 AA focus): a skip link first, a visible
// focus ring everywhere (also on the dark header), Indonesia → provinsi → kabupaten → kecamatan → desa by Tab and Enter
// with focus on the new list's heading after each drill-down (never on <body>), the next Tab after choosing a desa
// inside its profile, Enter in the indicator search taking the first match, and the table's order kept in the URL.
// Also on a desktop: a desa clicked on the map scrolls the side pane to its profile, the legend covers no wilayah at
// Indonesia level, the hover card stays clear of the legend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meta, WilayahChild } from '@peta/domain/contract';
import { launchBrowser, type Browser, type Page } from './helpers/browser.ts';
import { openPageAs } from './helpers/session.ts';
import { useAppServer, type AppServer } from './helpers/app-server.ts';
import { createDriver } from './helpers/driver.ts';

const READER = 'pembaca';
const SUMUT = '12';
const LABUHANBATU = '12.10';
const BILAH_HULU = '12.10.09';

let server: AppServer;
let browser: Browser;
let sumut: WilayahChild;
let labuhanbatu: WilayahChild;
let bilahHulu: WilayahChild;
let desa: WilayahChild[];

beforeAll(async () => {
  server = useAppServer();
  browser = await launchBrowser();
  sumut = (await server.api<WilayahChild[]>('/api/wilayah')).find((c) => c.kode === SUMUT)!;
  labuhanbatu = (await server.api<WilayahChild[]>(`/api/wilayah/${SUMUT}/children`)).find(
    (c) => c.kode === LABUHANBATU,
  )!;
  bilahHulu = (await server.api<WilayahChild[]>(`/api/wilayah/${LABUHANBATU}/children`)).find(
    (c) => c.kode === BILAH_HULU,
  )!;
  desa = await server.api<WilayahChild[]>(`/api/wilayah/${BILAH_HULU}/children`);
});

afterAll(async () => {
  await browser?.close();
});

interface Focus {
  tag: string;
  id: string;
  testId: string;
  text: string;
  outline: string;
  outlineWidth: number;
  outlineColor: string;
  background: string;
  onScreen: boolean;
}

/** What has focus, and how its focus ring is drawn (the ring must be there and wide enough to see). */
function focused(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body)
      return {
        tag: 'body',
        id: '',
        testId: '',
        text: '',
        outline: 'none',
        outlineWidth: 0,
        outlineColor: '',
        background: '',
        onScreen: false,
      };
    const style = getComputedStyle(el);
    // The colour behind the element: the first ancestor with an opaque background.
    let bg = '';
    for (let n: HTMLElement | null = el.parentElement; n && !bg; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') bg = c;
    }
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      testId: el.getAttribute('data-testid') ?? '',
      text: (el.textContent ?? '').trim().slice(0, 80),
      outline: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
      background: bg,
      onScreen: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
    };
  });
}

/** Contrast ratio of two CSS rgb() colours (WCAG relative luminance). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? [])
      .slice(0, 3)
      .map(Number)
      .map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** The focus ring is drawn, at least 2 px, in a colour that stands out from what is behind it (≥ 3:1). */
function expectVisibleFocus(f: Focus, what: string) {
  expect(f.tag, `${what}: focus is on an element, not <body>`).not.toBe('body');
  expect(f.outline, `${what}: outline of ${f.tag}#${f.id || f.testId}`).not.toBe('none');
  expect(f.outlineWidth, `${what}: outline width`).toBeGreaterThanOrEqual(2);
  if (f.background)
    expect(
      contrast(f.outlineColor, f.background),
      `${what}: ring ${f.outlineColor} on ${f.background}`,
    ).toBeGreaterThanOrEqual(3);
  expect(f.onScreen, `${what}: focused element on screen`).toBe(true);
}

/** Tab until the focused element's text is `text` (at most `max` presses); returns how many it took. */
/** Types into the list's filter and waits, as the eye does, until the list shows only the matching rows: the filter
 * renders deferred (useDeferredValue), so a Tab pressed at once could still land on a row about to go. */
async function typeFilter(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  const needle = text.toLocaleLowerCase('id');
  await expect
    .poll(() =>
      page
        .locator('[data-testid="child-row"] [data-testid="child-name"]')
        .allTextContents()
        .then((names) => names.length > 0 && names.every((n) => n.toLocaleLowerCase('id').includes(needle))),
    )
    .toBe(true);
}

async function tabTo(page: Page, text: string, max = 40): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).text === text) return i;
  }
  throw new Error(`"${text}" not reached in ${max} Tabs (at ${JSON.stringify(await focused(page))})`);
}

describe('the drill-down by keyboard alone (1280×800)', () => {
  it('skip link, Indonesia → provinsi → kabupaten → kecamatan → desa, focus visible and never on <body>', async () => {
    const page = await openPageAs(browser, server.url, READER, { width: 1280, height: 800 });
    const d = createDriver(page, server.url);
    await d.openHome();

    // The first Tab stop is the skip link, visible when focused; Enter lands on the list's heading.
    await page.keyboard.press('Tab');
    let f = await focused(page);
    expect(f.testId).toBe('skip-link');
    expect(f.text).toBe('Langsung ke daftar wilayah');
    expectVisibleFocus(f, 'skip link');
    await page.keyboard.press('Enter');
    f = await focused(page);
    expect(f.id).toBe('child-list-heading');
    expectVisibleFocus(f, 'list heading after the skip link');
    await d.screenshot('keyboard-1-skip-link-target');

    // Indonesia: filter the 38 provinsi by typing, Tab to the row's link, Enter.
    await page.keyboard.press('Tab');
    expect((await focused(page)).testId).toBe('child-filter');
    await typeFilter(page, sumut.nama);
    const presses = await tabTo(page, sumut.nama);
    expect(presses, 'from the filter past the three sort buttons to the row').toBeLessThanOrEqual(4);
    expectVisibleFocus(await focused(page), 'row link');
    await page.keyboard.press('Enter');
    await d.waitForView(SUMUT);
    await expect.poll(async () => (await focused(page)).id).toBe('child-list-heading');
    f = await focused(page);
    expect(f.text).toContain(sumut.nama);
    expectVisibleFocus(f, 'heading after provinsi');

    for (const [target, view] of [
      [labuhanbatu, LABUHANBATU],
      [bilahHulu, BILAH_HULU],
    ] as const) {
      await page.keyboard.press('Tab');
      if ((await focused(page)).testId === 'child-filter') await typeFilter(page, target.nama);
      await tabTo(page, target.nama);
      await page.keyboard.press('Enter');
      await d.waitForView(view);
      await expect.poll(async () => (await focused(page)).id).toBe('child-list-heading');
      f = await focused(page);
      expect(f.text).toContain(target.nama);
      expectVisibleFocus(f, `heading after ${target.nama}`);
    }
    await d.screenshot('keyboard-2-kecamatan-heading');

    // A desa: its profile opens and takes focus; the next Tab stays inside it.
    const chosen = desa[2]!;
    await page.keyboard.press('Tab');
    await typeFilter(page, chosen.nama);
    await tabTo(page, chosen.nama);
    await page.keyboard.press('Enter');
    await expect.poll(() => d.wilayahParam()).toBe(chosen.kode);
    await expect.poll(async () => (await focused(page)).id).toBe('desa-panel-heading');
    expectVisibleFocus(await focused(page), 'desa profile heading');
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => !!document.activeElement?.closest('[data-testid="desa-panel"]'));
    expect(inside, `the next Tab goes into the profile (now ${JSON.stringify(await focused(page))})`).toBe(true);
    expectVisibleFocus(await focused(page), 'first stop in the profile');
    await d.screenshot('keyboard-3-desa-profile');
    expect(d.pageErrors).toEqual([]);
  });

  it('shows a focus ring that stands out on the dark header (language, large text, OSM, account menu)', async () => {
    const page = await openPageAs(browser, server.url, READER, { width: 1280, height: 800 });
    const d = createDriver(page, server.url);
    await d.open(LABUHANBATU);
    await d.waitForView(LABUHANBATU);
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      const inHeader = await page.evaluate(() => !!document.activeElement?.closest('.app-header'));
      if (!inHeader) continue;
      expectVisibleFocus(f, `header ${f.testId || f.text}`);
      seen.push(f.testId || f.tag);
    }
    expect(seen).toEqual(
      expect.arrayContaining(['lang-id', 'lang-en', 'toggle-large-text', 'toggle-basemap', 'summary']),
    );
    await page.getByTestId('lang-en').focus();
    await page.getByTestId('lang-en').press('Tab');
    await d.screenshot('keyboard-4-header-focus');
  });

  it('"K4" and Enter in the indicator search show K4', async () => {
    const page = await openPageAs(browser, server.url, READER, { width: 1280, height: 800 });
    const d = createDriver(page, server.url);
    await d.open(LABUHANBATU);
    await d.waitForView(LABUHANBATU);
    await page.getByTestId('indicator-button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).testId).toBe('indicator-search');
    await page.keyboard.type('K4');
    await page.keyboard.press('Enter');
    await expect.poll(() => d.param('indikator')).toBe('KIA_K4');
    expect((await focused(page)).testId, 'focus back on the picker button').toBe('indicator-button');
    await expect.poll(() => d.textOf('indicator-current')).toBe('K4');
  });

  it('keeps the order of the table in the URL; a link without it opens in name order', async () => {
    const page = await openPageAs(browser, server.url, READER, { width: 1280, height: 800 });
    const d = createDriver(page, server.url);
    await d.open(LABUHANBATU);
    await d.waitForView(LABUHANBATU);
    await page.getByTestId('sort-capaian').click();
    await expect.poll(() => d.param('urut')).toBe('capaian-naik');
    await page.getByTestId('sort-capaian').click();
    await expect.poll(() => d.param('urut')).toBe('capaian-turun');
    const order = await d.listNames();
    await d.reload();
    await d.waitForView(LABUHANBATU);
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => d.listNames()).toEqual(order);
    // The sort stays while drilling down: the kecamatan's desa, lowest capaian last.
    await d.clickListItem(bilahHulu.nama);
    await d.waitForView(BILAH_HULU);
    expect(await d.param('urut')).toBe('capaian-turun');
    // An old link (no urut): names A→Z.
    await d.open(LABUHANBATU);
    await d.waitForView(LABUHANBATU);
    const names = await d.listNames();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'id', { sensitivity: 'base', numeric: true })));
  });
});

describe('the desktop map (1280×800)', () => {
  it('a desa clicked on the map scrolls the side pane to its profile', async () => {
    const page = await openPageAs(browser, server.url, READER, { width: 1280, height: 800 });
    const d = createDriver(page, server.url);
    await d.open(BILAH_HULU);
    await d.waitForView(BILAH_HULU);
    // The user has scrolled the list down, then clicks a desa on the map.
    await page.getByTestId('side-pane-body').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    const shown = await d.visibleMapLabels();
    const target = desa.find((c) => shown.includes(c.nama))!;
    const labels = page.getByTestId('map-label');
    const box = (await labels.nth((await labels.allTextContents()).indexOf(target.nama)).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height + 5);
    await expect.poll(() => d.wilayahParam()).toBe(target.kode);
    await page.getByTestId('desa-panel').waitFor();
    // The pane scrolls in an effect after the profile has rendered (its data arrive after the click): wait for it.
    await expect
      .poll(
        async () => {
          const pane = (await page.getByTestId('side-pane-body').boundingBox())!;
          const title = (await page.getByTestId('desa-panel-title').boundingBox())!;
          return title.y >= pane.y && title.y + title.height <= pane.y + pane.height
            ? 'in view'
            : `title at ${title.y}–${title.y + title.height}, pane ${pane.y}–${pane.y + pane.height}`;
        },
        { message: 'the profile is at the top of the pane, in view' },
      )
      .toBe('in view');
    await d.screenshot('desktop-desa-from-map');
  });

  it('at Indonesia level the legend covers no provinsi, and the hover card stays clear of the legend', async () => {
    const page = await openPageAs(browser, server.url, READER, { width: 1280, height: 800 });
    const d = createDriver(page, server.url);
    await d.openHome();
    await page.getByTestId('legend').waitFor();
    const legend = (await page.getByTestId('legend').boundingBox())!;
    // Indonesia's extent, where the map draws it now: west of it (Aceh, western Sumatra) must be right of the legend
    // or above it.
    const meta = await server.api<Meta>('/api/meta');
    const [w, s] = meta.bbox!;
    await expect
      .poll(
        async () => {
          const [x, y] = await page.evaluate((sw) => window.__mapProject?.(sw) ?? [NaN, NaN], [w, s] as [
            number,
            number,
          ]);
          // Indonesia's south-west corner (the Indian Ocean off Sumatra and Java) is right of the legend or above it.
          return x >= legend.x + legend.width || y <= legend.y
            ? 'clear'
            : `covered: south-west corner at ${Math.round(x)}, ${Math.round(y)}`;
        },
        { timeout: 10_000 },
      )
      .toBe('clear');
    await d.screenshot('desktop-indonesia-legend');

    // Hover a provinsi: the card is away from the legend.
    await d.hoverMapAt(sumut.nama);
    await page.getByTestId('hover-card').waitFor();
    const card = (await page.getByTestId('hover-card').boundingBox())!;
    const overlap =
      card.x < legend.x + legend.width &&
      legend.x < card.x + card.width &&
      card.y < legend.y + legend.height &&
      legend.y < card.y + card.height;
    expect(overlap, 'hover card over the legend').toBe(false);
    await d.screenshot('desktop-hover-card');
  });
});
