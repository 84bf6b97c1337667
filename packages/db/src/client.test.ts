import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';

describe('openDatabase on a DATABASE_URL that does not answer', () => {
  it('retries, says so, then refuses to start with a clear message', async () => {
    const lines: string[] = [];
    const started = performance.now();
    await expect(openDatabase({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', connectAttempts: 2, log: (m) => lines.push(m) }))
      .rejects.toThrow(/tidak dapat dihubungi setelah 2 percobaan: .*Periksa bahwa server PostgreSQL berjalan/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Basis data belum dapat dihubungi \(percobaan 1\/2: .*\); mencoba lagi dalam 3 detik…$/);
    expect(performance.now() - started).toBeGreaterThan(2900);
  });
});
