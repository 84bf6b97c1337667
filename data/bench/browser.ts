// The benchmarks that open the map launch Debian's headless Chromium with WebGL on SwiftShader, as the browser tests do
// (apps/web/e2e/helpers/browser.ts; the flags are docs/toolchain.md's). Never add --disable-software-rasterizer: it
// removes WebGL and the map never loads.
import { chromium, type Browser } from 'playwright-core';

export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}
