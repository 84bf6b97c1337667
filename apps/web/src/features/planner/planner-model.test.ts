import { describe, expect, it } from 'vitest';
import type { DesaAssignment, PuskesmasSummary } from '@peta/domain/contract';
import { desaColours, FADED_COLOUR, firstOfMonth, formatDate, kabupatenFromWilayah, NO_PUSKESMAS_COLOUR, STAGE_COLOURS } from './planner-model.ts';

describe('planner model', () => {
  it('colours each desa by the stage of its puskesmas, and desa without one apart', () => {
    const desa = [
      { kode: 'D1', nama: 'A', puskesmas: 'P1', validFrom: '2025-01-01', confirmed: false },
      { kode: 'D2', nama: 'B', puskesmas: null, validFrom: null, confirmed: false },
    ] as DesaAssignment[];
    const puskesmas = [{ kode: 'P1', stage: 'implementasi' }] as PuskesmasSummary[];
    expect(desaColours(desa, puskesmas)).toEqual({ D1: { fillColor: STAGE_COLOURS.implementasi }, D2: { fillColor: NO_PUSKESMAS_COLOUR } });
    expect(desaColours(desa, puskesmas, 'P1')).toEqual({ D1: { fillColor: STAGE_COLOURS.implementasi }, D2: { fillColor: FADED_COLOUR } });
  });

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
