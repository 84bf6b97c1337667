// HTML → A4 PDF with a real browser engine: playwright-core driving the system Chromium (the same binary and flags
// as the browser tests, docs/toolchain.md). One browser is launched on first use and kept; each PDF gets its own
// page. No Chromium → ChromiumUnavailableError (pack-service answers "unavailable": 503 with a message). Printing is bounded
// (pdfPrinter): PDF_CONCURRENCY pages at once, PDF_QUEUE waiting, PDF_TIMEOUT_SECONDS for the whole request — so the
// number of Chromium renderer processes and the time a request can take are bounded too.
import { existsSync } from 'node:fs';
import { formatCountId } from '@peta/domain';
import { QueueFull, boundedQueue } from '../bounded-queue.ts';

/** How much printing one server does: pages at once, requests waiting, and the whole request's deadline. */
export interface PdfLimits {
  concurrency: number;
  queue: number;
  timeoutMs: number;
}

export class ChromiumUnavailableError extends Error {
  override name = 'ChromiumUnavailableError';
}

type Browser = import('playwright-core').Browser;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PdfRenderer {
  /** Prints the page; when `signal` aborts, the page is closed and the promise rejects. */
  render(html: string, signal?: AbortSignal): Promise<Buffer>;
  close(): Promise<void>;
}

export function chromiumPdfRenderer(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): PdfRenderer {
  let browser: Promise<Browser> | null = null;

  async function launch(): Promise<Browser> {
    if (!existsSync(executablePath)) {
      throw new ChromiumUnavailableError(
        `Chromium tidak ditemukan di ${executablePath}. Pasang dengan "apt-get install chromium" atau atur CHROMIUM_PATH.`,
      );
    }
    let chromium: typeof import('playwright-core').chromium;
    try {
      ({ chromium } = await import('playwright-core'));
    } catch {
      throw new ChromiumUnavailableError('Paket playwright-core tidak terpasang di server.');
    }
    try {
      const b = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
      b.on('disconnected', () => {
        browser = null;
      });
      return b;
    } catch (error) {
      throw new ChromiumUnavailableError(`Chromium tidak dapat dijalankan: ${(error as Error).message.split('\n')[0]}`);
    }
  }

  return {
    async render(html, signal) {
      browser ??= launch().catch((error) => {
        browser = null;
        throw error;
      });
      const b = await browser;
      signal?.throwIfAborted();
      const context = await b.newContext({ javaScriptEnabled: false });
      // Closing the context ends its renderer process and makes the pending page calls reject at once.
      const stop = () => void context.close().catch(() => undefined);
      signal?.addEventListener('abort', stop, { once: true });
      try {
        const page = await context.newPage();
        // No network: the document is self-contained (inline SVG and CSS).
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          outline: true,
          tagged: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate:
            '<div style="font-size:8px;width:100%;text-align:center;color:#666">Halaman <span class="pageNumber"></span> dari <span class="totalPages"></span></div>',
        });
      } finally {
        signal?.removeEventListener('abort', stop);
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

export interface PdfPrinter {
  /** Builds the page (`build`, once a slot is free) and prints it. Throws QueueFull (busy) or PdfTimeout. */
  print(build: () => Promise<string>): Promise<Buffer>;
}

/** The whole request took longer than PDF_TIMEOUT_SECONDS (waiting included). */
export class PdfTimeout extends QueueFull {
  constructor(timeoutMs: number) {
    super(
      'PDF_TIMEOUT',
      `Pembuatan PDF melebihi batas waktu ${formatCountId(timeoutMs / 1000)} detik (PDF_TIMEOUT_SECONDS). Coba lagi nanti.`,
      30,
    );
  }
}

/** One renderer, bounded: a slot is taken before the page is even built, so a refused request costs nothing. */
export function pdfPrinter(renderer: PdfRenderer, limits: PdfLimits): PdfPrinter {
  const retryAfter = 10;
  const queue = boundedQueue({
    concurrency: limits.concurrency,
    queue: limits.queue,
    full: ({ running, waiting }) =>
      new QueueFull(
        'PDF_BUSY',
        `Server sedang mencetak paket rapat lain (${running} dicetak, ${waiting} menunggu; batas PDF_CONCURRENCY dan PDF_QUEUE). Coba lagi dalam ${retryAfter} detik.`,
        retryAfter,
      ),
  });
  return {
    print(build) {
      const signal = AbortSignal.timeout(limits.timeoutMs);
      return new Promise<Buffer>((resolve, reject) => {
        // The answer leaves at the deadline; the slot is freed once the aborted page has really closed.
        const onTimeout = () => reject(new PdfTimeout(limits.timeoutMs));
        signal.addEventListener('abort', onTimeout, { once: true });
        queue
          .run(async () => {
            const html = await build();
            signal.throwIfAborted();
            return renderer.render(html, signal);
          }, signal)
          .then(resolve, (error: unknown) => (signal.aborted ? onTimeout() : reject(error)))
          .finally(() => signal.removeEventListener('abort', onTimeout));
      });
    },
  };
}
