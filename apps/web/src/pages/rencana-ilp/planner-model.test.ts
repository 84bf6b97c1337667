import { describe, expect, it } from 'vitest';
import { firstOfMonth, formatDate, kabupatenFromWilayah, needText } from './planner-model.ts';

describe('planner model', () => {
  it('reads the kabupaten from the URL wilayah and proposes the 1st of this month', () => {
    expect(kabupatenFromWilayah('12.07.01.2001')).toBe('12.07');
    expect(kabupatenFromWilayah('12')).toBe('12.07');
    expect(kabupatenFromWilayah(null, '21.72')).toBe('21.72');
    expect(firstOfMonth(new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-01');
    expect(firstOfMonth(new Date('2026-12-31T23:00:00Z'))).toBe('2026-12-01');
    expect(formatDate('2026-07-01', 'id')).toBe('1 Jul 2026');
    expect(formatDate('2026-05-09', 'id')).toBe('9 Mei 2026');
  });
});

describe('need cell', () => {
  const t = (key: 'rencana.needNoDesa' | 'rencana.needNoData' | 'rencana.needAllServed') =>
    ({
      'rencana.needNoDesa': 'belum ada desa',
      'rencana.needNoData': 'belum ada laporan',
      'rencana.needAllServed': 'semua terlayani',
    })[key];
  const part = (n: number | null, text = 'ibu hamil belum ANC sesuai standar') => ({
    indicator: 'SPM01_BUMIL' as const,
    notYetServed: n,
    text,
  });
  it('shows the largest "belum terlayani tahun ini" with thousands separators', () => {
    expect(
      needText(
        { desaCount: 12, need: [part(37), part(6917, 'penderita hipertensi belum dilayani sesuai standar')] },
        t,
      ),
    ).toBe('6.917 penderita hipertensi belum dilayani sesuai standar');
  });
  it('says "no data" — not "no need" — without desa or without reports (Dalu Sepuluh, Bandar Khalifah)', () => {
    expect(needText({ desaCount: 0, need: [] }, t)).toBe('belum ada desa');
    expect(needText({ desaCount: 4, need: [part(null)] }, t)).toBe('belum ada laporan');
    expect(needText({ desaCount: 4, need: [part(0)] }, t)).toBe('semua terlayani');
  });
});
