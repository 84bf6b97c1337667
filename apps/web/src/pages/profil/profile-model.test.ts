import { describe, expect, it } from 'vitest';
import { getIndicator, parsePeriod, type IndicatorCode } from '@peta/domain';
import type { ProfileIndicator, ValueRow } from '@peta/domain/contract';
import { translate, type TFunction } from '../../i18n/i18n.tsx';
import { dateText, denominatorNoun, indicatorCard, indicatorCards } from './profile-model.ts';

const tId: TFunction = (key, params) => translate('id', key, params);
const tEn: TFunction = (key, params) => translate('en', key, params);
const BUMIL = getIndicator('SPM01_BUMIL')!;
const K4 = getIndicator('KIA_K4')!;
const STUNTING = getIndicator('GZ_STUNTING')!;

const JAN_OCT = parsePeriod('2026-01..2026-10');

const row = (over: Partial<ValueRow>): ValueRow => ({
  kode: '12.10.09.2001',
  nama: 'Lingga Tiga',
  numerator: 64,
  denominator: 118.3,
  coverage: 54.1,
  target: 100,
  expected: 83.3,
  notYetServed: 55,
  shortOfTarget: 35,
  class: 'kurang',
  attainment: 64.9,
  over100: false,
  simulated: true,
  reported: 10,
  expectedReports: 10,
  ...over,
});

const month = (
  direction: 'naik' | 'turun' | 'tetap' | 'tidak-ada-data',
  coverage: number | null,
  previousCoverage: number | null,
) => ({
  direction,
  points: coverage !== null && previousCoverage !== null ? coverage - previousCoverage : null,
  better: direction === 'naik' ? true : direction === 'turun' ? false : null,
  text: '',
  month: '2026-10',
  previousMonth: '2026-09',
  coverage,
  previousCoverage,
});

// `indicator` as text: one test sends a code this catalogue does not know (a newer server's).
const item = (
  indicator: string,
  over: Partial<ValueRow> = {},
  rest: Partial<ProfileIndicator> = {},
): ProfileIndicator => ({
  indicator: indicator as IndicatorCode,
  row: row(over),
  trendMonth: month('naik', 6.5, 6),
  trendYear: { direction: 'turun', points: -3.25, better: false, text: '↓ 3,3 poin dari tahun lalu' },
  pwsStatus: 'cukup',
  pwsApplies: true,
  ...rest,
});

describe('indicator card', () => {
  it('reads like a sentence for a kepala desa: big number, people, target, class and basis, two counts, trends, PWS', () => {
    const card = indicatorCard(item('SPM01_BUMIL'), BUMIL, JAN_OCT, tId);
    expect(card).toEqual({
      code: 'SPM01_BUMIL',
      shortName: 'SPM Ibu hamil',
      name: 'Pelayanan kesehatan ibu hamil',
      hasData: true,
      value: '54,1%',
      // The denominator as used: an estimated 118,3 pregnant women (not rounded to 118, which did not add up to 54,1 %).
      count: '64 dari 118,3 ibu hamil',
      target: 'Target 100,0% · s.d. periode ini 83,3%',
      judged: 'Kelas peta: Kurang — dinilai dari capaian Januari–Oktober 2026 dibanding target s.d. Oktober (83,3%)',
      shortOfTarget: 'Kekurangan terhadap target periode ini: 35 ibu hamil',
      notYetServed: 'Belum terlayani tahun ini: 55 ibu hamil belum ANC sesuai standar',
      // October alone against September alone — the comparison the PWS status makes.
      trendMonth: { text: '▲ Oktober saja 6,5%: naik 0,5 poin dari September', tone: 'good' },
      // |−3,25| is shown with one decimal: 3,3 (Intl rounds half away from zero).
      trendYear: { text: '▼ turun 3,3 poin dari tahun lalu', tone: 'bad' },
      pws: {
        status: 'cukup',
        text: 'Status PWS Oktober: Cukup',
        explain: 'kumulatif s.d. Oktober di bawah garis target; cakupan Oktober saja naik dari September',
      },
      over100: false,
      simulated: true,
    });
  });

  it("a month of an annual sasaran counts the month and names the sasaran as the year's (IDL Oktober 3 of 35)", () => {
    const card = indicatorCard(
      item(
        'IMM_IDL',
        {
          numerator: 3,
          denominator: 35,
          coverage: 8.57,
          expected: 7.5,
          class: 'baik',
          notYetServed: null,
          shortOfTarget: 0,
        },
        { pwsApplies: false, pwsStatus: null },
      ),
      getIndicator('IMM_IDL')!,
      parsePeriod('2026-10'),
      tId,
    );
    expect(card).toMatchObject({
      count: '3 bayi dalam Oktober 2026 · sasaran setahun 35',
      judged: 'Kelas peta: Baik — dinilai dari capaian Oktober 2026 saja dibanding 1/12 target tahunan (7,5%)',
      // never "0 bayi belum imunisasi": the month has no "this year" count, and its shortfall is named as such
      shortOfTarget: 'Kekurangan terhadap target periode ini: tercapai',
      notYetServed: null,
      pws: null,
    });
  });

  it('says why the PWS status cannot be given: no report in September', () => {
    const card = indicatorCard(
      item('KIA_K4', {}, { trendMonth: month('tidak-ada-data', 6.5, null), pwsStatus: null }),
      K4,
      JAN_OCT,
      tId,
    );
    expect(card.trendMonth).toEqual({
      text: '– Oktober dibanding September: tidak ada laporan September',
      tone: 'neutral',
    });
    expect(card.pws).toEqual({
      status: null,
      text: 'Status PWS Oktober: tidak dapat dihitung — tidak ada laporan September',
      explain: null,
    });
  });

  it('"Baik" beside "Status PWS: Kurang" says why: above the line, the month fell', () => {
    const card = indicatorCard(
      item(
        'KIA_K4',
        { class: 'baik', coverage: 80, expected: 75, shortOfTarget: -2 },
        { trendMonth: month('turun', 5, 7), pwsStatus: 'kurang' },
      ),
      K4,
      JAN_OCT,
      tId,
    );
    expect(card.judged).toBe(
      'Kelas peta: Baik — dinilai dari capaian Januari–Oktober 2026 dibanding target s.d. Oktober (75,0%)',
    );
    expect(card.trendMonth?.text).toBe('▼ Oktober saja 5,0%: turun 2,0 poin dari September');
    expect(card.pws?.explain).toBe(
      'kumulatif s.d. Oktober di atas garis target; cakupan Oktober saja turun dari September',
    );
  });

  it('has no month line where there is no month pair, and says when last year has no data', () => {
    const card = indicatorCard(
      item(
        'KIA_K4',
        {},
        {
          trendMonth: null,
          trendYear: { direction: 'tidak-ada-data', points: null, better: null, text: '–' },
          pwsStatus: null,
          pwsApplies: false,
        },
      ),
      K4,
      parsePeriod('2026-Q3'),
      tId,
    );
    expect(card.trendMonth).toBeNull();
    expect(card.trendYear).toEqual({ text: '– tidak ada data tahun lalu', tone: 'neutral' });
    expect(card.pws).toBeNull();
  });

  it('a fall is good for a lower-is-better indicator (the server says better), and "tetap" is neutral', () => {
    const card = indicatorCard(
      item(
        'GZ_STUNTING',
        { notYetServed: null, shortOfTarget: null, expected: 14, coverage: 17 },
        {
          trendMonth: month('tetap', 17, 17.01),
          pwsApplies: false,
          pwsStatus: null,
          trendYear: { direction: 'turun', points: -2, better: true, text: '↓ 2,0 poin dari tahun lalu' },
        },
      ),
      STUNTING,
      JAN_OCT,
      tId,
    );
    expect(card.trendMonth).toEqual({ text: '= Oktober saja 17,0%: sama dengan September', tone: 'neutral' });
    expect(card.trendYear).toEqual({ text: '▼ turun 2,0 poin dari tahun lalu', tone: 'good' });
    expect(card.judged).toBe(
      'Kelas peta: Kurang — dinilai dari nilai Januari–Oktober 2026 dibanding batas ≤ 14,0% (makin rendah makin baik)',
    );
    expect(card.shortOfTarget, 'stunting does not count people served').toBeNull();
    expect(card.notYetServed).toBeNull();
  });

  it('a row without data says "belum ada data" and nothing else', () => {
    const card = indicatorCard(
      item(
        'KIA_K4',
        {
          coverage: null,
          numerator: null,
          denominator: null,
          notYetServed: null,
          shortOfTarget: null,
          class: 'no-data',
        },
        { pwsStatus: null },
      ),
      K4,
      JAN_OCT,
      tId,
    );
    expect(card).toMatchObject({
      hasData: false,
      value: 'belum ada data',
      count: null,
      target: null,
      judged: null,
      shortOfTarget: null,
      notYetServed: null,
      trendMonth: null,
      trendYear: null,
      pws: null,
    });
  });

  it('English words, Indonesian nouns of the sasaran', () => {
    const card = indicatorCard(item('SPM01_BUMIL'), BUMIL, JAN_OCT, tEn, 'en');
    expect(card.count).toBe('64 of 118,3 ibu hamil');
    expect(card.trendMonth?.text).toBe('▲ October alone 6,5%: up 0,5 points from September');
    expect(card.name).toBe(BUMIL.nameEn);
  });
});

describe('indicator cards', () => {
  it('keep the server order (weakest first) and move those without data last', () => {
    const profile = {
      period: '2026-01..2026-10',
      indicators: [
        item('KIA_K4', { attainment: 40 }),
        item('KIA_K1', { coverage: null, numerator: null, denominator: null, class: 'no-data', attainment: null }),
        item('SPM01_BUMIL', { attainment: 64.9 }),
        item('UNKNOWN_CODE'),
        item('GZ_STUNTING', { attainment: null, class: 'netral' }),
      ],
    };
    const defs = [BUMIL, K4, STUNTING, getIndicator('KIA_K1')!];
    expect(indicatorCards(profile, defs, tId).map((c) => c.code)).toEqual([
      'KIA_K4',
      'SPM01_BUMIL',
      'GZ_STUNTING',
      'KIA_K1',
    ]);
  });
});

describe('small texts', () => {
  it('names who the denominator counts', () => {
    expect(denominatorNoun(BUMIL)).toBe('ibu hamil');
    expect(denominatorNoun({ denominator: { kind: 'counted', labelId: 'rumah yang diperiksa' } })).toBe(
      'rumah yang diperiksa',
    );
    expect(denominatorNoun({ denominator: { kind: 'population', per: 100000 } })).toBe('penduduk');
  });

  it('writes dates in full', () => {
    expect(dateText('2026-11-05', 'id')).toBe('5 November 2026');
    expect(dateText('2026-11-05T10:00:00Z', 'en')).toBe('5 November 2026');
    expect(dateText('bukan tanggal', 'id')).toBe('bukan tanggal');
  });
});
