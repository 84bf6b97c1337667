import { describe, expect, it } from 'vitest';
import { PALETTE } from '@peta/domain';
import type { AgendaDesa } from '@peta/domain/contract';
import {
  classFills,
  commandForKey,
  meetingSteps,
  missingReports,
  parsePeserta,
  swipeStep,
  weakestFirst,
} from './meeting-model.ts';

const desa = (kode: string, cls: 'baik' | 'kurang' | null): AgendaDesa => ({
  kode,
  nama: kode,
  simulated: true,
  behindCount: 0,
  mentions: 0,
  focusIndicator: 'KIA_K4',
  values: cls
    ? [
        {
          indicator: 'KIA_K4',
          numerator: 1,
          denominator: 2,
          coverage: 50,
          target: 90,
          expected: 75,
          notYetServed: 1,
          shortOfTarget: 1,
          class: cls,
          attainment: 66.7,
          over100: false,
          reported: 10,
          expectedReports: 10,
          previousCoverage: null,
          previousAttainment: null,
          monthCoverage: null,
          previousMonthCoverage: null,
          pws: null,
        },
      ]
    : [],
});

describe('meeting mode', () => {
  it('steps: overview, each desa in order, the actions', () => {
    const steps = meetingSteps({ desa: [desa('a', 'baik'), desa('b', null)] });
    expect(steps.map((s) => s.key)).toEqual(['ringkasan', 'desa:a', 'desa:b', 'tindak-lanjut']);
  });

  it('moves with arrows, PageUp/PageDown, Home/End, stays within the steps, and leaves with Esc', () => {
    expect(commandForKey('ArrowRight', 0, 4)).toEqual({ go: 1 });
    expect(commandForKey('PageDown', 3, 4)).toEqual({ go: 3 });
    expect(commandForKey('ArrowLeft', 0, 4)).toEqual({ go: 0 });
    expect(commandForKey('End', 1, 4)).toEqual({ go: 3 });
    expect(commandForKey('Escape', 2, 4)).toBe('close');
    // Typing in the action form moves nothing (but Esc still leaves).
    expect(commandForKey('ArrowRight', 0, 4, true)).toBeNull();
    expect(commandForKey('x', 0, 4)).toBeNull();
  });

  it('reads a swipe only when it is long and sideways', () => {
    expect(swipeStep(-120, 10)).toBe(1);
    expect(swipeStep(90, -20)).toBe(-1);
    expect(swipeStep(-40, 0)).toBe(0);
    expect(swipeStep(-100, 90)).toBe(0);
  });
});

describe('form and map helpers', () => {
  it('reads participants one per line, the role after the first comma', () => {
    expect(parsePeserta('dr. Rina, Kepala Puskesmas\n\n  Pak Camat  \nBu Ani, Ketua TP PKK, Desa X')).toEqual([
      { nama: 'dr. Rina', peran: 'Kepala Puskesmas' },
      { nama: 'Pak Camat', peran: '' },
      { nama: 'Bu Ani', peran: 'Ketua TP PKK, Desa X' },
    ]);
  });

  it('colours each desa by its class for the indicator, grey without data', () => {
    const fills = classFills({ desa: [desa('a', 'baik'), desa('b', 'kurang'), desa('c', null)] }, 'KIA_K4');
    expect([...fills.values()]).toEqual([
      PALETTE.attainment.baik,
      PALETTE.attainment.kurang,
      PALETTE.attainment['no-data'],
    ]);
  });

  it('puts the weakest indicator first and no data last', () => {
    expect(
      weakestFirst([{ attainment: 90 }, { attainment: null }, { attainment: 40 }]).map((v) => v.attainment),
    ).toEqual([40, 90, null]);
  });

  it('says how many monthly reports came in when most indicators miss the same months', () => {
    expect(
      missingReports([
        { reported: 5, expectedReports: 10 },
        { reported: 5, expectedReports: 10 },
        { reported: 10, expectedReports: 10 },
      ]),
    ).toEqual({ reported: 5, expected: 10 });
    expect(missingReports([{ reported: 10, expectedReports: 10 }])).toBeNull();
  });
});
