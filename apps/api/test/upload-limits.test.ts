// Hostile uploads (issue 14, item 3) against lowered limits: every file a little over one limit is refused with one
// error naming the limit and its variable, in bounded time, while /api/health keeps answering; a full parse queue
// answers 503 with Retry-After; a parse over its time or memory is stopped. The files are generated
// (packages/server-core/src/testing/hostile-files.ts); the benchmark runs the full-size ones against a real server.
import { describe, expect, it } from 'vitest';
import { bombXlsx, denseXlsx, longCsv, longXlsx, sparseXlsx, wideCsv } from '@peta/server-core/testing/hostile-files';
import type { UploadLimits } from '../src/config.ts';
import { DEFAULT_UPLOAD_LIMITS } from '../src/config.ts';
import { buildTestApp, signIn, useApp, type TestUser } from './helper.ts';
import { loadTinyValues } from './fixtures/tiny-values.ts';

const LOW: UploadLimits = {
  maxUploadBytes: 256 * 1024,
  read: { maxRows: 50, maxColumns: 20, maxCells: 400, maxUnzippedBytes: 64 * 1024 },
  parse: { workers: 1, queue: 1, timeoutMs: 30_000, memoryMb: 256 },
  preview: DEFAULT_UPLOAD_LIMITS.preview,
};
const ctx = useApp(loadTinyValues, { uploads: LOW });
type App = typeof ctx.app;

async function preview(name: string, body: Buffer, app: App = ctx.app, user: TestUser = ctx.admin) {
  const started = performance.now();
  const res = await app.inject({
    method: 'POST',
    url: `/api/impor/pratinjau?berkas=${encodeURIComponent(name)}`,
    headers: { ...user.headers, 'content-type': 'application/octet-stream' },
    body,
  });
  return { status: res.statusCode, body: res.json(), headers: res.headers, ms: performance.now() - started };
}

/** The one error of a refused file. */
async function refusal(name: string, body: Buffer) {
  const res = await preview(name, body);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ status: 'invalid', previewId: null, errorCount: 1 });
  expect(res.ms).toBeLessThan(10_000);
  return res.body.errors[0];
}

const SPLIT = 'Bagi berkas menjadi beberapa bagian lalu unggah satu per satu.';

describe('files over a read limit are refused with one error naming it', () => {
  it('a CSV with a row past IMPORT_MAX_ROWS (the header is row 1)', async () => {
    expect(await refusal('baris.csv', longCsv(60))).toEqual({
      row: null,
      column: null,
      code: 'FILE_TOO_LARGE',
      message: `Berkas melebihi batas 50 baris (IMPORT_MAX_ROWS) (baris 51 berisi data). ${SPLIT}`,
    });
    // 49 data rows + the header fit: the file is read and judged on its content (these kode are not in the tiny wilayah).
    const fits = await preview('cukup.csv', longCsv(49));
    expect(fits.body.errors.map((e: { code: string }) => e.code)).not.toContain('FILE_TOO_LARGE');
    expect(fits.body.errors[0]).toMatchObject({ row: 2, code: 'KODE_UNKNOWN' });
  });

  it('a CSV with thousands of columns stops at the first column past IMPORT_MAX_COLUMNS', async () => {
    expect((await refusal('kolom.csv', wideCsv(10_000))).message).toBe(
      `Berkas melebihi batas 20 kolom (IMPORT_MAX_COLUMNS) (baris 1 berisi data di kolom ke-21). ${SPLIT}`,
    );
  });

  it('an .xlsx with a row past IMPORT_MAX_ROWS, read as a stream', async () => {
    expect((await refusal('baris.xlsx', await longXlsx(60))).message).toBe(
      `Berkas melebihi batas 50 baris (IMPORT_MAX_ROWS) (baris 51 berisi data). ${SPLIT}`,
    );
  });

  it('an .xlsx within rows and columns but over IMPORT_MAX_CELLS', async () => {
    expect((await refusal('padat.xlsx', await denseXlsx(40, 15))).message).toBe(
      `Berkas melebihi batas 400 sel (IMPORT_MAX_CELLS) (sampai baris 27). ${SPLIT}`,
    );
  });

  it('an .xlsx with a value in the last cell of a sheet (XFD1048576)', async () => {
    expect((await refusal('jarang.xlsx', await sparseXlsx())).message).toBe(
      `Berkas melebihi batas 20 kolom (IMPORT_MAX_COLUMNS) (baris 1.048.576 berisi data di kolom ke-16.384). ${SPLIT}`,
    );
  });

  it('a zip bomb is refused by its declared size before anything is inflated', async () => {
    const bomb = await bombXlsx(1); // 1 MB of zeros in a few KB
    expect(bomb.length).toBeLessThan(16 * 1024);
    expect((await refusal('bom.xlsx', bomb)).message).toBe(
      `Berkas melebihi batas 64 KB setelah diekstrak (IMPORT_MAX_UNZIPPED_MB). ${SPLIT}`,
    );
  });

  it('a zip bomb that lies about its size is stopped once it inflates past the size it declared', async () => {
    expect(await refusal('bom-bohong.xlsx', await bombXlsx(1, 1000))).toMatchObject({ code: 'FILE_FORMAT' });
  });

  it('the wilayah kerja CSV goes through the same reader', async () => {
    const lines = [
      'kode_puskesmas,nama,kode_desa',
      ...Array.from({ length: 60 }, () => '1010453,PUSKESMAS X,99.01.01.2001'),
    ];
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/wilayah-kerja/pratinjau?kabupaten=99.01&mulai=2026-12-01',
      headers: { ...ctx.admin.headers, 'content-type': 'text/csv' },
      payload: lines.join('\n'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'invalid',
      errors: [
        {
          code: 'FILE_TOO_LARGE',
          message: `Berkas melebihi batas 50 baris (IMPORT_MAX_ROWS) (baris 51 berisi data). ${SPLIT}`,
        },
      ],
    });
  });

  it('a body over IMPORT_MAX_UPLOAD_MB is refused with 413 and the limit', async () => {
    const res = await preview('besar.csv', longCsv(20_000));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      statusCode: 413,
      code: 'BODY_TOO_LARGE',
      error: 'Payload Too Large',
      message: `Berkas melebihi batas unggah 256 KB (IMPORT_MAX_UPLOAD_MB). ${SPLIT}`,
    });
  });
});

describe('parsing is bounded in time, memory and number, and off the event loop', () => {
  /** A second app on the same database with other parse limits. */
  async function appWith(limits: Partial<UploadLimits>) {
    const app = await buildTestApp(ctx.database, { uploads: { ...LOW, ...limits } });
    return { app, user: await signIn(app, ctx.database, 'admin') };
  }

  it('/api/health answers at once while a large file is parsed', async () => {
    const { app, user } = await appWith({
      read: { ...LOW.read, maxRows: 150_000, maxCells: 1_000_000 },
      maxUploadBytes: 20 * 1024 * 1024,
    });
    try {
      const file = longCsv(200_000); // 6.5 MB: read up to row 150,001 in the worker, then refused
      const upload = preview('besar.csv', file, app, user);
      let done = false;
      void upload.finally(() => {
        done = true;
      });
      const health: number[] = [];
      while (!done) {
        const started = performance.now();
        expect((await app.inject('/api/health')).statusCode).toBe(200);
        health.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const res = await upload;
      expect(res.body.errors[0].message).toContain('batas 150.000 baris (IMPORT_MAX_ROWS)');
      expect(health.length).toBeGreaterThan(5);
      expect(Math.max(...health)).toBeLessThan(500);
    } finally {
      await app.close();
    }
  });

  it('uploads beyond what the parse pool holds are refused with 503 and Retry-After before their body is read', async () => {
    const { app, user } = await appWith({ parse: { ...LOW.parse, workers: 1, queue: 1 } });
    try {
      // Two uploads are admitted (one parsing, one waiting); the others arrive meanwhile.
      const answers = await Promise.all(Array.from({ length: 5 }, () => preview('kecil.csv', longCsv(3), app, user)));
      const busy = answers.filter((a) => a.status === 503);
      expect(answers.filter((a) => a.status === 200)).toHaveLength(2);
      expect(busy.length).toBe(3);
      for (const b of busy) {
        expect(b.headers['retry-after']).toBe('5');
        expect(b.body).toMatchObject({
          code: 'IMPORT_BUSY',
          message:
            'Server sedang menerima atau memeriksa 2 berkas lain (batas IMPORT_PARSE_WORKERS + IMPORT_PARSE_QUEUE = 2). Coba lagi dalam 5 detik.',
        });
      }
      // Answered uploads free their place.
      expect((await preview('kecil.csv', longCsv(3), app, user)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('a parse over IMPORT_PARSE_TIMEOUT_SECONDS is stopped and named', async () => {
    const { app, user } = await appWith({ parse: { ...LOW.parse, timeoutMs: 100 } }); // a worker needs longer to start
    try {
      const res = await preview('lambat.csv', longCsv(3), app, user);
      expect(res.body).toMatchObject({
        status: 'invalid',
        errors: [
          {
            code: 'FILE_TOO_LARGE',
            message: `Pemeriksaan berkas melebihi batas waktu 0,1 detik (IMPORT_PARSE_TIMEOUT_SECONDS). ${SPLIT}`,
          },
        ],
      });
    } finally {
      await app.close();
    }
  });

  it('a parse over IMPORT_WORKER_MEMORY_MB is stopped and named, and the server stays up', async () => {
    const { app, user } = await appWith({ parse: { ...LOW.parse, memoryMb: 4 } });
    try {
      const res = await preview('rakus.csv', longCsv(3), app, user);
      expect(res.body).toMatchObject({
        status: 'invalid',
        errors: [
          {
            code: 'FILE_TOO_LARGE',
            message: `Berkas terlalu besar untuk diperiksa: pemeriksaan melebihi batas memori 4 MB (IMPORT_WORKER_MEMORY_MB). ${SPLIT}`,
          },
        ],
      });
      expect((await app.inject('/api/health')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
