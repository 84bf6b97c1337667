// HTML → A4 PDF with a real browser engine: playwright-core driving the system Chromium (the same binary and flags
// as the browser tests, docs/toolchain.md). One browser is launched on first use and kept; each PDF gets its own
// page. No Chromium → ChromiumUnavailableError (the route answers 503 with a message).
import { existsSync } from 'node:fs';

export class ChromiumUnavailableError extends Error {
  override name = 'ChromiumUnavailableError';
}

type Browser = import('playwright-core').Browser;

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export interface PdfRenderer {
  render(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

export function chromiumPdfRenderer(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): PdfRenderer {
  let browser: Promise<Browser> | null = null;

  async function launch(): Promise<Browser> {
    if (!existsSync(executablePath)) {
      throw new ChromiumUnavailableError(`Chromium tidak ditemukan di ${executablePath}. Pasang dengan "apt-get install chromium" atau atur CHROMIUM_PATH.`);
    }
    let chromium: typeof import('playwright-core').chromium;
    try {
      ({ chromium } = await import('playwright-core'));
    } catch {
      throw new ChromiumUnavailableError('Paket playwright-core tidak terpasang di server.');
    }
    try {
      const b = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
      b.on('disconnected', () => { browser = null; });
      return b;
    } catch (error) {
      throw new ChromiumUnavailableError(`Chromium tidak dapat dijalankan: ${(error as Error).message.split('\n')[0]}`);
    }
  }

  return {
    async render(html) {
      browser ??= launch().catch((error) => { browser = null; throw error; });
      const b = await browser;
      const context = await b.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        // No network: the document is self-contained (inline SVG and CSS).
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: 'A4', printBackground: true, preferCSSPageSize: true, outline: true, tagged: true,
          displayHeaderFooter: true, headerTemplate: '<span></span>',
          footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#666">Halaman <span class="pageNumber"></span> dari <span class="totalPages"></span></div>',
        });
      } finally {
        await context.close();
      }
    },
    async close() {
      const b = await browser?.catch(() => null);
      browser = null;
      await b?.close();
    },
  };
}
