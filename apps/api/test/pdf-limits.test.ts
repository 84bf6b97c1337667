// Meeting packs are printed within bounds (issue 14, item 4): 50 parallel pack.pdf with the real Chromium — every
// request answered in bounded time (PDFs or 503 + Retry-After), Chromium processes bounded, /api/health answering
// meanwhile; a page that takes too long is stopped at PDF_TIMEOUT_SECONDS, also while waiting, and frees its slot.
import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, useApp } from './helper.ts';
import { loadTinyValues } from './fixtures/tiny-values.ts';
import type { PdfRenderer } from '@peta/server-core';

const ctx = useApp(
  async (database) => {
    await loadTinyValues(database);
    await database.pool.query(
      'delete from meeting_action_change; delete from meeting_action; delete from meeting_note; delete from meeting',
    );
  },
  { pdf: { concurrency: 2, queue: 4, timeoutMs: 60_000 } },
);

let meetingId = 0;
beforeAll(async () => {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/rapat',
    headers: ctx.admin.headers,
    payload: { jenis: 'lokmin_bulanan', tanggal: '2026-10-10', wilayah: '99.01.01', periode: '2026-01..2026-09' },
  });
  expect(res.statusCode).toBe(201);
  meetingId = res.json().id;
});

/**
 * Chromium processes started by this test process: the browser with its helpers (zygotes, GPU, utility) and the
 * renderers (one per open page, plus pages still closing and a spare Chromium keeps ready).
 */
function chromiumProcesses(): { total: number; renderers: number } {
  const parent = new Map<number, number>();
  const chromium = new Map<number, string>();
  for (const pid of readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (/chrom/i.test(stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))))
        chromium.set(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      /* ended meanwhile */
    }
  }
  const ours = (pid: number) => {
    for (let p = parent.get(pid); p; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  const mine = [...chromium].filter(([pid]) => ours(pid));
  return { total: mine.length, renderers: mine.filter(([, cmd]) => cmd.includes('--type=renderer')).length };
}

describe('50 parallel meeting packs with the real Chromium', () => {
  it('answers every request in bounded time, with bounded Chromium processes and /api/health answering', async () => {
    const url = `/api/rapat/${meetingId}/paket.pdf`;
    expect((await ctx.app.inject(url)).statusCode).toBe(200); // the browser is launched once, before the flood

    const peak = { total: 0, renderers: 0 };
    const health: number[] = [];
    let done = false;
    const watch = (async () => {
      while (!done) {
        const now = chromiumProcesses();
        peak.total = Math.max(peak.total, now.total);
        peak.renderers = Math.max(peak.renderers, now.renderers);
        const started = performance.now();
        expect((await ctx.app.inject('/api/health')).statusCode).toBe(200);
        health.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 50 }, () => ctx.app.inject(url)));
    const elapsed = performance.now() - started;
    done = true;
    await watch;

    const ok = answers.filter((a) => a.statusCode === 200);
    const busy = answers.filter((a) => a.statusCode === 503);
    expect(ok.length + busy.length).toBe(50);
    expect(ok.length).toBe(6); // 2 printing + 4 waiting
    for (const a of ok) expect(a.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    for (const a of busy) {
      expect(a.headers['retry-after']).toBe('10');
      expect(a.json()).toMatchObject({
        code: 'PDF_BUSY',
        message: expect.stringContaining('batas PDF_CONCURRENCY dan PDF_QUEUE'),
      });
    }
    expect(elapsed).toBeLessThan(60_000);
    // One browser. Renderers: the two pages printing, pages whose renderer is still exiting, one spare — measured 5;
    // unbounded, the same 50 requests started 124 Chromium processes.
    expect(peak.renderers).toBeLessThanOrEqual(3 * 2 + 1);
    expect(peak.total).toBeLessThanOrEqual(16);
    expect(health.length).toBeGreaterThan(3);
    expect(Math.max(...health)).toBeLessThan(1000);
  });
});

describe('a page that takes too long', () => {
  /** Never finishes on its own: only an abort ends it, as closing a Chromium page does. */
  const stuck: PdfRenderer = {
    render: (_html, signal) =>
      new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('page closed')))),
    close: async () => undefined,
  };

  it('is stopped at PDF_TIMEOUT_SECONDS, also while waiting, and its slot is freed', async () => {
    const app = await buildTestApp(ctx.database, {
      pdf: { concurrency: 1, queue: 1, timeoutMs: 300 },
      pdfRenderer: stuck,
    });
    try {
      await signIn(app, ctx.database, 'admin');
      const url = `/api/rapat/${meetingId}/paket.pdf`;
      const started = performance.now();
      // One prints, one waits, the third is refused at once.
      const [printing, waiting, refused] = await Promise.all([app.inject(url), app.inject(url), app.inject(url)]);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(refused.statusCode).toBe(503);
      expect(refused.json().code).toBe('PDF_BUSY');
      for (const res of [printing, waiting]) {
        expect(res.statusCode).toBe(503);
        expect(res.headers['retry-after']).toBe('30');
        expect(res.json()).toMatchObject({
          code: 'PDF_TIMEOUT',
          message: 'Pembuatan PDF melebihi batas waktu 0,3 detik (PDF_TIMEOUT_SECONDS). Coba lagi nanti.',
        });
      }
      // The slots are free again: the next request times out too, it is not refused as busy.
      expect((await app.inject(url)).json().code).toBe('PDF_TIMEOUT');
    } finally {
      await app.close();
    }
  });
});
