// How the privacy service reads and computes (issue 18): a kabupaten's table is read once per change version (not on
// every request of a provinsi map), a new data load or roll-out event reads it again, and a reader who does not wait
// gets the deny-by-default lens until the result is computed in the background.
import { describe, expect, it } from 'vitest';
import { getIndicator } from '@peta/domain';
import { privacyService, type PrivacySources } from './privacy-service.ts';
import type { ProtectRunner } from './protect-runner.ts';
import type { ProtectResult } from './worker/protect-job.ts';

const K1 = getIndicator('KIA_K1')!;
const PEMBACA = { role: 'viewer' as const, scope: { kind: 'wilayah' as const, kode: '' } };
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

function fakeSources(version: { value: string }, ofKabupaten: Record<string, string> = {}) {
  const reads: string[] = [];
  const sources: PrivacySources = {
    threshold: 10,
    tableVersion: async (_def, kabupaten) => `${version.value}|${ofKabupaten[kabupaten] ?? ''}`,
    dataVersion: async () => version.value,
    desaYears: async (_def, kabupaten) => {
      reads.push(kabupaten);
      return [];
    },
    wilayahKerjaHistory: async () => [],
    sasaranIsRegister: async () => false,
    sasaranTotals: async () => new Map(),
  };
  return { sources, reads };
}

describe('privacy service', () => {
  it('reads a kabupaten table once per change version, and again after a data load or a wilayah kerja move', async () => {
    const version = { value: '1.1' };
    const { sources, reads } = fakeSources(version);
    const privacy = privacyService(sources);
    for (let i = 0; i < 3; i++) await privacy.lens(PEMBACA, K1, 2026, '12.10');
    expect(reads).toEqual(['12.10']);
    version.value = '1.2'; // a roll-out event (e.g. a desa moved to another puskesmas)
    await privacy.lens(PEMBACA, K1, 2026, '12.10');
    expect(reads).toEqual(['12.10', '12.10']);
  });

  it('reads again only the kabupaten whose own version changed (an import elsewhere keeps a table)', async () => {
    const ofKabupaten = { '12.10': '5', '12.11': '7' };
    const { sources, reads } = fakeSources({ value: '' }, ofKabupaten);
    const privacy = privacyService(sources);
    await privacy.lens(PEMBACA, K1, 2026, '12.10');
    await privacy.lens(PEMBACA, K1, 2026, '12.11');
    ofKabupaten['12.10'] = '9'; // a load into 12.10 only
    await privacy.lens(PEMBACA, K1, 2026, '12.10');
    await privacy.lens(PEMBACA, K1, 2026, '12.11');
    expect(reads).toEqual(['12.10', '12.11', '12.10']);
  });

  it('answers a reader who does not wait with the deny-by-default lens, then with the computed one', async () => {
    const { sources } = fakeSources({ value: '1.1' });
    const privacy = privacyService(sources);
    const first = await privacy.lens(PEMBACA, K1, 2026, '12.10', { wait: false });
    expect(first?.complete).toBe(false);
    await turns(3);
    expect((await privacy.lens(PEMBACA, K1, 2026, '12.10', { wait: false }))?.complete).toBe(true);
    // A reader who sees the whole kabupaten exactly needs no lens at all.
    expect(
      await privacy.lens({ role: 'dinkes_kabupaten', scope: { kind: 'wilayah', kode: '12.10' } }, K1, 2026, '12.10'),
    ).toBeNull();
  });

  it('answers a waiting reader with every small area hidden after maxWaitMs, and keeps computing for the next request', async () => {
    const { sources } = fakeSources({ value: '1.1' });
    let finish: (r: ProtectResult) => void = () => {};
    const slow: ProtectRunner = {
      run: () =>
        new Promise((resolve) => {
          finish = resolve;
        }),
      load: () => ({ running: 1, waiting: 0 }),
      warm() {},
      async close() {},
    };
    const privacy = privacyService({ ...sources, runner: slow, maxWaitMs: 20 });
    const started = Date.now();
    const first = await privacy.lens(PEMBACA, K1, 2026, '12.10');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(first?.complete).toBe(false);
    finish({ hidden: [], detail: 'bands', reasons: [], counts: new Float64Array() });
    await turns(2);
    expect((await privacy.lens(PEMBACA, K1, 2026, '12.10'))?.complete).toBe(true);
  });

  it("waits no longer than the request's deadline (`until`), however long maxWaitMs is", async () => {
    const { sources } = fakeSources({ value: '1.1' });
    const never: ProtectRunner = {
      run: () => new Promise(() => {}),
      load: () => ({ running: 1, waiting: 0 }),
      warm() {},
      async close() {},
    };
    const privacy = privacyService({ ...sources, runner: never, maxWaitMs: 60_000 });
    const started = Date.now();
    const lens = await privacy.lens(PEMBACA, K1, 2026, '12.10', { until: Date.now() + 30 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(lens?.complete).toBe(false); // hidden while computed: deny by default
    // A deadline already past answers at once.
    const late = await privacy.lens(PEMBACA, K1, 2025, '12.10', { until: Date.now() - 1 });
    expect(late?.complete).toBe(false);
  });
});
