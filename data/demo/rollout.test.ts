import { describe, expect, it } from 'vitest';
import { countsAsIlp, stageOn, targetProgress } from '@peta/domain';
import { generateRollout, type PuskesmasSeed } from './rollout.ts';

const deliSerdang: PuskesmasSeed[] = Array.from({ length: 34 }, (_, i) => ({
  kode: String(1010500 + i),
  nama: i === 27 ? 'Puskesmas Pantai Labu' : `Puskesmas DS ${i}`,
  kabupaten: '12.07',
}));
const tanjungpinang: PuskesmasSeed[] = Array.from({ length: 7 }, (_, i) => ({
  kode: String(1020000 + i),
  nama: `Puskesmas TP ${i}`,
  kabupaten: '21.72',
}));
const manokwari: PuskesmasSeed[] = [
  { kode: '1090001', nama: 'Puskesmas Warmare', kabupaten: '92.02' },
  { kode: '1090002', nama: 'Puskesmas Sp IV Prafi', kabupaten: '92.02' },
];
const all = [...deliSerdang, ...tanjungpinang, ...manokwari];
const desa = ['12.07.01.2001', '12.07.01.2002', '21.72.01.1001', '11.01.01.2001'];

const ilpAt = (r: ReturnType<typeof generateRollout>, list: PuskesmasSeed[], date: string) =>
  list.filter((p) =>
    countsAsIlp(
      stageOn(
        r.stageEvents.filter((e) => e.puskesmas === p.kode),
        date,
      ),
    ),
  );

describe('demo roll-out', () => {
  const r = generateRollout(all, desa, 'test-seed');

  it('reproduces the reported figures: Deli Serdang 17 of 14 with Pantai Labu, Tanjungpinang 3 then 5, Manokwari Prafi', () => {
    const ds = ilpAt(r, deliSerdang, '2025-12-31');
    expect(ds).toHaveLength(17);
    expect(ds.map((p) => p.nama)).toContain('Puskesmas Pantai Labu');
    const dsWave = r.waves.find((w) => w.kabupaten === '12.07')!;
    expect(targetProgress(ds.length, dsWave.target).text).toBe('17 dari target 14 — 121%');
    expect(ilpAt(r, tanjungpinang, '2024-12-31')).toHaveLength(3);
    expect(ilpAt(r, tanjungpinang, '2025-12-31')).toHaveLength(5);
    expect(ilpAt(r, manokwari, '2025-12-31').map((p) => p.nama)).toEqual(['Puskesmas Sp IV Prafi']);
  });

  it('is deterministic and marks what is simulated', () => {
    expect(generateRollout(all, desa, 'test-seed')).toEqual(r);
    expect(r.stageEvents.every((e) => e.evidence.includes('(simulasi)'))).toBe(true);
    expect(r.waves.every((w) => w.note.length > 0)).toBe(true);
  });

  it('gives stage histories in order and Pustu/Posyandu only in the planned kabupaten', () => {
    for (const p of all) {
      const dates = r.stageEvents.filter((e) => e.puskesmas === p.kode).map((e) => e.date);
      expect(dates).toEqual([...dates].sort());
    }
    expect(new Set([...r.pustu, ...r.posyandu].map((x) => x.kodeDesa.slice(0, 5)))).not.toContain('11.01');
    expect(r.posyandu.filter((x) => x.kodeDesa === '12.07.01.2001').length).toBeGreaterThanOrEqual(1);
  });
});
