// The only file that imports Playwright. Debian's /usr/bin/chromium, headless, WebGL on SwiftShader.
import { chromium, type Browser, type Page } from 'playwright-core';

export type { Browser, Page };

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// From docs/toolchain.md. Never add --disable-software-rasterizer: it removes WebGL and the map never loads.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface PageOptions {
  width: number;
  height: number;
  locale?: string;
}

/**
 * PETA_E2E_CPU_SLOWDOWN=6 runs the pages' work that many times slower (Chromium's CPU throttling), as a busy CI
 * machine does: a test that reads the page before the state the user would see has rendered fails here first.
 */
const CPU_SLOWDOWN = Number(process.env.PETA_E2E_CPU_SLOWDOWN ?? 1);

/** Every page of a test comes through here (slowed down when PETA_E2E_CPU_SLOWDOWN asks for it). */
export async function preparePage(page: Page): Promise<Page> {
  if (CPU_SLOWDOWN > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  }
  return page;
}

/** A fresh context (empty storage) per page, so settings from one test never leak into another. */
export async function openPage(browser: Browser, { width, height, locale = 'id-ID' }: PageOptions): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    locale,
    reducedMotion: 'reduce',
  });
  return preparePage(await context.newPage());
}
