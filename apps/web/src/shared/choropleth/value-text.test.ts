import { describe, expect, it } from 'vitest';
import {
  getIndicator,
  notYetServedText as domainNotYetServedText,
  parsePeriod,
  shortOfTargetText as domainShortOfTargetText,
} from '@peta/domain';
import type { ValueRow } from '@peta/domain/contract';
import { translate, type TFunction } from '../../i18n/i18n.tsx';
import {
  classLine,
  coverageText,
  fractionText,
  judgedOnText,
  missingMonthText,
  notYetServedLine,
  notYetServedText,
  pwsExplainText,
  reportsText,
  shortOfTargetLine,
  shortOfTargetText,
  targetText,
} from './value-text.ts';

const tId: TFunction = (key, params) => translate('id', key, params);
const tEn: TFunction = (key, params) => translate('en', key, params);
const K4 = getIndicator('KIA_K4')!;
const KN1 = getIndicator('KIA_KN1')!;
const IDL = getIndicator('IMM_IDL')!;
const STUNTING = getIndicator('GZ_STUNTING')!;
const JAN_OCT = parsePeriod('2026-01..2026-10');

const row = (over: Partial<ValueRow>): ValueRow => ({
  kode: '12.10.09.2001',
  nama: 'Lingga Tiga',
  numerator: 25,
  denominator: 39,
  coverage: 64.1,
  target: 90,
  expected: 75,
  notYetServed: 14,
  shortOfTarget: 5,
  class: 'cukup',
  attainment: 85.5,
  over100: false,
  simulated: true,
  reported: 10,
  expectedReports: 10,
  ...over,
});

describe('value texts', () => {
  it('shows coverage above 100 % as it is', () => {
    expect(coverageText({ coverage: 104.46 }, K4, tId)).toBe('104,5%');
  });

  it('says "tidak ada data" for a row without reports, never 0', () => {
    expect(coverageText({ coverage: null }, K4, tId)).toBe('tidak ada data');
    expect(fractionText({ coverage: null, numerator: null, denominator: null })).toBeNull();
  });

  it('gives numerator/denominator as used: thousands with a dot, an estimated sasaran with its decimal (KN1 101,0 % is 21/20,8)', () => {
    expect(fractionText({ coverage: 72.5, numerator: 1351, denominator: 1863.22 })).toBe('1.351/1.863,2');
    expect(fractionText({ coverage: 101, numerator: 21, denominator: 20.79 })).toBe('21/20,8');
  });

  it('shows the expected value next to the target when the period is part of the year', () => {
    expect(targetText({ target: 90, expected: 75 }, K4, tId)).toBe('Target 90,0% · s.d. periode ini 75,0%');
    expect(targetText({ target: 90, expected: 90 }, K4, tId)).toBe('Target 90,0%');
    expect(targetText({ target: null, expected: null }, K4, tId)).toBeNull();
  });

  it('writes report counts with thousands separators (59.484 dari 61.100)', () => {
    expect(reportsText({ reported: 59484, expectedReports: 61100 }, tId)).toBe('59.484 dari 61.100 laporan desa-bulan');
  });
});

describe('the two counts of people, each under its own name', () => {
  it('belum terlayani tahun ini: the domain words, after their name', () => {
    expect(notYetServedLine(row({}), K4, tId)).toBe('Belum terlayani tahun ini: 14 ibu hamil belum K4');
    expect(notYetServedText(row({}), K4, tId)).toBe(domainNotYetServedText(K4, 14, 25, 39));
    expect(notYetServedText(row({ notYetServed: 0, numerator: 21, denominator: 20.79 }), KN1, tId)).toBe(
      'melebihi sasaran (21 terlayani dari 20,8)',
    );
    expect(notYetServedText(row({ notYetServed: 0, numerator: 21, denominator: 20.79 }), KN1, tId)).toBe(
      domainNotYetServedText(KN1, 0, 21, 20.79),
    );
    expect(notYetServedText(row({ notYetServed: 0, numerator: 21, denominator: 21 }), KN1, tId)).toBe(
      'semua sasaran terlayani',
    );
    expect(notYetServedLine(row({ notYetServed: null }), K4, tId), 'a month: no "this year" count').toBeNull();
    expect(notYetServedLine(row({}), K4, tEn)).toBe('Not yet served this year: 14 (ibu hamil belum K4)');
  });
  it('kekurangan terhadap target periode ini: persons, or reached', () => {
    expect(shortOfTargetLine(row({}), K4, tId)).toBe('Kekurangan terhadap target periode ini: 5 ibu hamil');
    for (const n of [5, 0, -3])
      expect(shortOfTargetText(row({ shortOfTarget: n }), K4, tId)).toBe(domainShortOfTargetText(K4, n));
    expect(shortOfTargetText(row({ shortOfTarget: 0 }), K4, tId)).toBe('tercapai');
    expect(shortOfTargetText(row({ shortOfTarget: -3 }), K4, tId)).toBe('tercapai, lebih 3 ibu hamil');
    expect(
      shortOfTargetLine(row({ shortOfTarget: 5 }), STUNTING, tId),
      'stunting does not count people served',
    ).toBeNull();
  });
  it('never uses one name for the other', () => {
    expect(shortOfTargetLine(row({}), K4, tId)).not.toContain('belum');
    expect(notYetServedLine(row({}), K4, tId)).not.toContain('Kurang');
  });
});

describe('what the class is judged on', () => {
  it('January..October: the cumulative capaian against the target line to October', () => {
    expect(classLine(row({}), K4, JAN_OCT, tId, 'id')).toBe(
      'Kelas peta: Cukup — dinilai dari capaian Januari–Oktober 2026 dibanding target s.d. Oktober (75,0%)',
    );
    expect(classLine(row({}), K4, JAN_OCT, tEn, 'en')).toBe(
      'Map class: Fair — judged on coverage January–October 2026 against the target to October (75,0%)',
    );
  });
  it('a month: the month alone against 1/12 of the annual target (IDL October 3 of 35)', () => {
    const october = row({
      numerator: 3,
      denominator: 35,
      coverage: 8.57,
      expected: 7.5,
      class: 'baik',
      notYetServed: null,
      shortOfTarget: 0,
    });
    expect(judgedOnText(october, IDL, parsePeriod('2026-10'), tId, 'id')).toBe(
      'capaian Oktober 2026 saja dibanding 1/12 target tahunan (7,5%)',
    );
    expect(judgedOnText(october, IDL, parsePeriod('2026-Q3'), tId, 'id')).toBe(
      'capaian Triwulan III 2026 saja dibanding 3/12 target tahunan (7,5%)',
    );
  });
  it('the year, and lower is better', () => {
    expect(judgedOnText(row({ expected: 90 }), K4, parsePeriod('2026'), tId, 'id')).toBe(
      'capaian 2026 dibanding target tahunan (90,0%)',
    );
    expect(judgedOnText(row({ coverage: 17, expected: 14, class: 'kurang' }), STUNTING, JAN_OCT, tId, 'id')).toBe(
      'nilai Januari–Oktober 2026 dibanding batas ≤ 14,0% (makin rendah makin baik)',
    );
  });
  it('says nothing to judge without data or without a target', () => {
    expect(classLine(row({ coverage: null, class: 'no-data' }), K4, JAN_OCT, tId, 'id')).toBe('Tidak ada laporan');
  });
});

describe('PWS words', () => {
  it('say what the status is made of, in the words of the class and the month line', () => {
    expect(pwsExplainText({ aboveTarget: true, trend: 'turun' }, 10, tId, 'id')).toBe(
      'kumulatif s.d. Oktober di atas garis target; cakupan Oktober saja turun dari September',
    );
    expect(pwsExplainText({ aboveTarget: false, trend: 'tetap' }, 1, tId, 'id')).toBe(
      'kumulatif s.d. Januari di bawah garis target; cakupan Januari saja sama dengan Desember tahun lalu',
    );
  });
  it('name the month without a report', () => {
    expect(missingMonthText('last', 10, tId, 'id')).toBe('September');
    expect(missingMonthText('this', 10, tId, 'id')).toBe('Oktober');
  });
});
