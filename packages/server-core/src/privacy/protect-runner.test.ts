// The privacy worker thread computes exactly what the in-process runner computes (the domain's protectYear), one job
// at a time; a full queue is refused (the table then stays hidden) rather than waited for.
import { afterAll, describe, expect, it } from 'vitest';
import { inProcessRunner, privacyWorkerPool, ProtectBusy } from './protect-runner.ts';
import { getIndicator, periodsOfYear, protectYear } from '@peta/domain';
import { resultCell, runProtectJob, type ProtectJob } from './worker/protect-job.ts';

const month = (m: number, numerator: number) => ({ month: m, numerator, denominator: null });
/** Two kecamatan of two desa each; 12.10.01.2001 reports 3 (small), the others 40..60. */
const JOB: ProtectJob = {
  indicator: 'KIA_K1',
  year: 2026,
  threshold: 10,
  exact: [],
  register: false,
  desa: [
    { kode: '12.10.01.2001', months: [month(1, 3)], sasaran: 120 },
    { kode: '12.10.01.2002', months: [month(1, 40)], sasaran: 300 },
    { kode: '12.10.02.2001', months: [month(1, 50)], sasaran: 300 },
    { kode: '12.10.02.2002', months: [month(1, 60)], sasaran: 300 },
  ],
  groups: [
    { id: '12.10.01', level: 'kecamatan', desa: ['12.10.01.2001', '12.10.01.2002'] },
    { id: '12.10.02', level: 'kecamatan', desa: ['12.10.02.2001', '12.10.02.2002'] },
    {
      id: 'pkm:1',
      level: 'puskesmas',
      byMonth: Array.from({ length: 12 }, () => ['12.10.01.2001', '12.10.01.2002', '12.10.02.2001', '12.10.02.2002']),
    },
    { id: '12.10', level: 'kabupaten', desa: ['12.10.01.2001', '12.10.01.2002', '12.10.02.2001', '12.10.02.2002'] },
  ],
};

const pool = privacyWorkerPool({ queue: 1, timeoutMs: 30_000 });
afterAll(() => pool.close());

describe('protect runners', () => {
  it('the worker thread answers exactly what the domain rule computes in process', { timeout: 30_000 }, async () => {
    const expected = runProtectJob(JOB);
    expect(expected.hidden).toContain('12.10.01.2001');
    expect(await pool.run(JOB, true)).toEqual(expected);
    expect(await inProcessRunner().run(JOB, false)).toEqual(expected);
  });

  it('the answer as numbers gives every hidden cell of every period exactly as protectYear gives it', () => {
    const result = runProtectJob(JOB);
    const direct = protectYear({
      def: getIndicator(JOB.indicator)!,
      year: JOB.year,
      threshold: JOB.threshold,
      desa: JOB.desa,
      groups: JOB.groups.map((g) => ({
        id: g.id,
        level: g.level,
        desaIn: (m: number) => (g.byMonth ? g.byMonth[m - 1]! : g.desa!),
      })),
    });
    expect(result.hidden).toEqual([...direct.hidden]);
    const index = new Map(result.hidden.map((id, i) => [id, i]));
    const table = { indicator: JOB.indicator, threshold: JOB.threshold, register: false };
    let cells = 0;
    for (const id of direct.hidden)
      for (const p of periodsOfYear(JOB.year)) {
        expect(resultCell(table, result, index, id, p)).toEqual(direct.cell(id, p));
        if (direct.cell(id, p)) cells++;
      }
    expect(cells).toBeGreaterThan(0);
    // A shown area is not in the result (the lens shows it as it is).
    expect(resultCell(table, result, index, '12.10.02.2002', periodsOfYear(JOB.year)[0]!)).toBeUndefined();
  });

  it('refuses a job when the queue is full (one running, one waiting)', { timeout: 30_000 }, async () => {
    const running = pool.run(JOB, false);
    const waiting = pool.run(JOB, false);
    await expect(pool.run(JOB, false)).rejects.toBeInstanceOf(ProtectBusy);
    await Promise.all([running, waiting]);
  });
});
