// Stored previews are bounded (issue 14, item 6): per user (the user's oldest pending previews make room) and in total
// (a new preview is refused with 503 and the limit when the store is full of others'), expired ones are purged, a
// committed one lets its file go, and two API processes sharing the database keep the bounds (the store's advisory
// lock), with a preview made through one committed through the other.
import { beforeAll, describe, expect, it } from 'vitest';
import { PreviewStoreFull, savePreview, type ImportOutcome } from '@peta/server-core';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../src/config.ts';
import { buildTestApp, signIn, useApp, type TestUser } from './helper.ts';
import { loadTinyValues } from './fixtures/tiny-values.ts';

const ctx = useApp(loadTinyValues);
type App = typeof ctx.app;

/** A valid file that changes one cell (KIA_K1 January of 99.01.01.2001 is 4) and carries `padding` bytes of notes. */
const fileOf = (numerator: number, padding = 20_000) =>
  Buffer.from(
    'kode_wilayah,periode,indikator,pembilang,penyebut,keterangan\n' +
      `99.01.01.2001,2026-01,KIA_K1,${numerator},,${'x'.repeat(padding)}\n`,
  );

async function preview(app: App, user: TestUser, body: Buffer) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/impor/pratinjau?berkas=catatan.csv',
    headers: { ...user.headers, 'content-type': 'text/csv' },
    body,
  });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}
const stored = async () =>
  (
    await ctx.database.pool.query<{ id: string; oleh: string; size: number }>(
      `select id, oleh, octet_length(bytes) + pg_column_size(summary) as size from import_preview where committed_load_id is null order by created_at`,
    )
  ).rows;
const clear = () => ctx.database.pool.query('delete from import_preview');

let cost = 0;
let limits: UploadLimits;
beforeAll(async () => {
  // What one of these previews costs in the store, measured: the caps below are counted in previews.
  await clear();
  expect((await preview(ctx.app, ctx.admin, fileOf(101))).body.status).toBe('preview');
  cost = (await stored())[0]!.size;
  await clear();
  limits = {
    ...DEFAULT_UPLOAD_LIMITS,
    preview: { maxBytesPerUser: Math.round(2.5 * cost), maxBytesTotal: Math.round(4.5 * cost) },
  };
});

describe('the preview store is bounded per user and in total', () => {
  let app: App;
  const users: Record<string, TestUser> = {};
  beforeAll(async () => {
    app = await buildTestApp(ctx.database, { uploads: limits });
    for (const name of ['a', 'b', 'c']) users[name] = await signIn(app, ctx.database, 'admin');
    return () => app.close();
  });

  it("a user's third preview drops their oldest: two fit in the user's share", async () => {
    const first = (await preview(app, users.a!, fileOf(101))).body.previewId;
    const second = (await preview(app, users.a!, fileOf(102))).body.previewId;
    const third = (await preview(app, users.a!, fileOf(103))).body.previewId;
    expect((await stored()).map((p) => p.id)).toEqual([second, third]);
    const commit = await app.inject({ method: 'POST', url: `/api/impor/${first}/simpan`, headers: users.a!.headers });
    expect(commit.statusCode).toBe(404);
    expect(commit.json().message).toBe('Pratinjau tidak ditemukan atau sudah kedaluwarsa. Unggah ulang berkasnya.');
  });

  it('a full store refuses a new preview with 503, the limit and Retry-After, and keeps nothing of it', async () => {
    expect((await preview(app, users.b!, fileOf(104))).status).toBe(200);
    expect((await preview(app, users.b!, fileOf(105))).status).toBe(200); // 4 previews stored: a 5th would pass 4.5
    const res = await preview(app, users.c!, fileOf(106));
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('600');
    expect(res.body.code).toBe('PREVIEW_STORAGE_FULL');
    expect(res.body.message).toMatch(
      /^Ruang penyimpanan pratinjau di server penuh \(batas [\d,]+ KB, IMPORT_PREVIEW_MAX_MB_TOTAL\)\. /,
    );
    expect((await stored()).filter((p) => p.oleh === users.c!.username)).toEqual([]);
  });

  it('expired previews are purged by the next one, which then fits', async () => {
    await ctx.database.pool.query(
      `update import_preview set expires_at = now() - interval '1 minute' where oleh = $1`,
      [users.a!.username],
    );
    expect((await preview(app, users.c!, fileOf(106))).status).toBe(200);
    expect((await stored()).map((p) => p.oleh)).toEqual([users.b!.username, users.b!.username, users.c!.username]);
  });

  it("a file larger than a user's share is refused with 413", async () => {
    const res = await preview(app, users.c!, fileOf(107, 3 * cost));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'PREVIEW_TOO_LARGE' });
    expect(res.body.message).toMatch(
      /melebihi ruang pratinjau per pengguna [\d,]+ KB \(IMPORT_PREVIEW_MAX_MB_PER_USER\)/,
    );
  });

  it('a committed preview lets its file go, and answers a second commit with 409', async () => {
    const id = (await stored())[0]!.id;
    expect(
      (await app.inject({ method: 'POST', url: `/api/impor/${id}/simpan`, headers: users.b!.headers })).statusCode,
    ).toBe(200);
    const {
      rows: [row],
    } = await ctx.database.pool.query(
      'select octet_length(bytes) as bytes, committed_load_id from import_preview where id = $1',
      [id],
    );
    expect(row).toMatchObject({ bytes: 0 });
    expect(row.committed_load_id).toBeGreaterThan(0);
    expect(
      (await app.inject({ method: 'POST', url: `/api/impor/${id}/simpan`, headers: users.b!.headers })).statusCode,
    ).toBe(409);
  });
});

describe('two API processes sharing the database keep the same bounds', () => {
  it('saves racing on separate connections (as from several processes) never pass the total', async () => {
    await clear();
    const bytes = fileOf(130);
    const summary = { status: 'preview' } as ImportOutcome;
    const size = bytes.length + JSON.stringify(summary).length;
    const caps = { maxBytesPerUser: 2 * size, maxBytesTotal: 3 * size + 500 }; // stored sizes count the summary as jsonb
    const saves = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        savePreview(ctx.database, { fileName: 'x.csv', fileHash: 'h', oleh: `pengguna-${i}`, bytes, summary }, caps),
      ),
    );
    expect(saves.filter((s) => s.status === 'fulfilled')).toHaveLength(3);
    expect(
      saves
        .filter((s) => s.status === 'rejected')
        .every((s) => (s as PromiseRejectedResult).reason instanceof PreviewStoreFull),
    ).toBe(true);
    expect(await stored()).toHaveLength(3);
  });

  it('concurrent previews through both never pass the caps, and one made here commits there', async () => {
    await clear();
    const [one, two] = [
      await buildTestApp(ctx.database, { uploads: limits }),
      await buildTestApp(ctx.database, { uploads: limits }),
    ];
    try {
      const people = await Promise.all(
        Array.from({ length: 6 }, (_, i) => signIn(i % 2 ? one : two, ctx.database, 'admin')),
      );
      // Six users at once, alternating processes: four previews fit in 4.5, two are refused.
      const answers = await Promise.all(people.map((user, i) => preview(i % 2 ? one : two, user, fileOf(110 + i))));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 503, 503]);
      expect(await stored()).toHaveLength(4);
      expect((await stored()).reduce((sum, p) => sum + p.size, 0)).toBeLessThanOrEqual(limits.preview.maxBytesTotal);

      // One user, three at once through both processes: their share holds two.
      await clear();
      const same = people[0]!;
      await Promise.all([1, 2, 3].map((i) => preview(i % 2 ? one : two, same, fileOf(120 + i))));
      expect(await stored()).toHaveLength(2);

      const previewId = (await stored())[0]!.id;
      const commit = await two.inject({ method: 'POST', url: `/api/impor/${previewId}/simpan`, headers: same.headers });
      expect(commit.statusCode).toBe(200);
      expect(commit.json()).toMatchObject({ status: 'imported' });
    } finally {
      await one.close();
      await two.close();
    }
  });
});
