import { describe, expect, it } from 'vitest';
import { getIndicator } from '@peta/domain';
import type { ProfileIndicator, ValueRow } from '@peta/domain/contract';
import { translate, type TFunction } from '../../i18n/i18n.tsx';
import { dateText, denominatorNoun, indicatorCard, indicatorCards } from './profile-model.ts';

const tId: TFunction = (key, params) => translate('id', key, params);
const tEn: TFunction = (key, params) => translate('en', key, params);
const BUMIL = getIndicator('SPM01_BUMIL')!;
const K4 = getIndicator('KIA_K4')!;
const STUNTING = getIndicator('GZ_STUNTING')!;

const row = (over: Partial<ValueRow>): ValueRow => ({
  kode: '12.10.09.2001', nama: 'Lingga Tiga', numerator: 64, denominator: 118.3, coverage: 54.1, target: 100, expected: 83.3,
  gap: 54, class: 'kurang', attainment: 64.9, over100: false, simulated: true, reported: 10, expectedReports: 10, ...over,
});

const item = (indicator: string, over: Partial<ValueRow> = {}, rest: Partial<ProfileIndicator> = {}): ProfileIndicator => ({
  indicator, row: row(over),
  trendMonth: { direction: 'naik', points: 0.5, better: true, text: '↑ 0,5 poin dari bulan lalu' },
  trendYear: { direction: 'turun', points: -3.25, better: false, text: '↓ 3,3 poin dari tahun lalu' },
  pwsStatus: 'cukup', ...rest,
});

describe('indicator card', () => {
  it('reads like a sentence for a kepala desa: big number, people, target, gap, trends, PWS', () => {
    const card = indicatorCard(item('SPM01_BUMIL'), BUMIL, tId);
    expect(card).toEqual({
      code: 'SPM01_BUMIL', shortName: 'SPM Ibu hamil', name: 'Pelayanan kesehatan ibu hamil', hasData: true,
      value: '54,1%',
      // 118,3 estimated pregnant women read as 118 people.
      count: '64 dari 118 ibu hamil',
      target: 'Target 100,0% · s.d. periode ini 83,3%',
      gap: '54 ibu hamil belum ANC sesuai standar',
      trendMonth: { text: '▲ naik 0,5 poin dari bulan lalu', tone: 'good' },
      // |−3,25| is shown with one decimal: 3,3 (Intl rounds half away from zero).
      trendYear: { text: '▼ turun 3,3 poin dari tahun lalu', tone: 'bad' },
      pws: { status: 'cukup', label: 'Cukup', explain: 'Kumulatif di bawah target tetapi bulan ini naik' },
      over100: false, simulated: true,
    });
  });

  it('says when there is nothing to compare with, and has no month line where there is no last month', () => {
    const card = indicatorCard(item('KIA_K4', {}, {
      trendMonth: null, trendYear: { direction: 'tidak-ada-data', points: null, better: null, text: '–' }, pwsStatus: null,
    }), K4, tId);
    expect(card.trendMonth).toBeNull();
    expect(card.trendYear).toEqual({ text: '– tidak ada data tahun lalu', tone: 'neutral' });
    expect(card.pws).toBeNull();
  });

  it('a fall is good for a lower-is-better indicator (the server says better), and "tetap" is neutral', () => {
    const card = indicatorCard(item('GZ_STUNTING', { gap: null }, {
      trendMonth: { direction: 'tetap', points: 0.01, better: null, text: '= tetap dari bulan lalu' },
      trendYear: { direction: 'turun', points: -2, better: true, text: '↓ 2,0 poin dari tahun lalu' },
    }), STUNTING, tId);
    expect(card.trendMonth).toEqual({ text: '= sama dengan bulan lalu', tone: 'neutral' });
    expect(card.trendYear).toEqual({ text: '▼ turun 2,0 poin dari tahun lalu', tone: 'good' });
    expect(card.gap, 'stunting has no gap in people').toBeNull();
  });

  it('a row without data says "belum ada data" and nothing else', () => {
    const card = indicatorCard(item('KIA_K4', { coverage: null, numerator: null, denominator: null, gap: null, class: 'no-data' }, { pwsStatus: null }), K4, tId);
    expect(card).toMatchObject({ hasData: false, value: 'belum ada data', count: null, target: null, gap: null, trendMonth: null, trendYear: null, pws: null });
  });

  it('English words, Indonesian nouns of the sasaran', () => {
    const card = indicatorCard(item('SPM01_BUMIL'), BUMIL, tEn, 'en');
    expect(card.count).toBe('64 of 118 ibu hamil');
    expect(card.trendMonth?.text).toBe('▲ up 0,5 points from last month');
    expect(card.name).toBe(BUMIL.nameEn);
  });
});

describe('indicator cards', () => {
  it('keep the server order (weakest first) and move those without data last', () => {
    const profile = {
      indicators: [
        item('KIA_K4', { attainment: 40 }),
        item('KIA_K1', { coverage: null, numerator: null, denominator: null, class: 'no-data', attainment: null }),
        item('SPM01_BUMIL', { attainment: 64.9 }),
        item('UNKNOWN_CODE'),
        item('GZ_STUNTING', { attainment: null, class: 'netral' }),
      ],
    };
    const defs = [BUMIL, K4, STUNTING, getIndicator('KIA_K1')!];
    expect(indicatorCards(profile, defs, tId).map((c) => c.code)).toEqual(['KIA_K4', 'SPM01_BUMIL', 'GZ_STUNTING', 'KIA_K1']);
  });
});

describe('small texts', () => {
  it('names who the denominator counts', () => {
    expect(denominatorNoun(BUMIL)).toBe('ibu hamil');
    expect(denominatorNoun({ denominator: { kind: 'counted', labelId: 'rumah yang diperiksa' } })).toBe('rumah yang diperiksa');
    expect(denominatorNoun({ denominator: { kind: 'population', per: 100000 } })).toBe('penduduk');
  });

  it('writes dates in full', () => {
    expect(dateText('2026-11-05', 'id')).toBe('5 November 2026');
    expect(dateText('2026-11-05T10:00:00Z', 'en')).toBe('5 November 2026');
    expect(dateText('bukan tanggal', 'id')).toBe('bukan tanggal');
  });
});
