import { describe, expect, it } from 'vitest';
import { gapText, getIndicator } from '@peta/domain';
import { translate, type TFunction } from '../../i18n/i18n.tsx';
import { coverageText, fractionText, gapLine, targetText } from './value-text.ts';

const tId: TFunction = (key, params) => translate('id', key, params);
const tEn: TFunction = (key, params) => translate('en', key, params);
const K4 = getIndicator('KIA_K4')!;
const STUNTING = getIndicator('GZ_STUNTING')!;

describe('value texts', () => {
  it('shows coverage above 100 % as it is', () => {
    expect(coverageText({ coverage: 104.46 }, K4, tId)).toBe('104,5%');
  });

  it('says "tidak ada data" for a row without reports, never 0', () => {
    expect(coverageText({ coverage: null }, K4, tId)).toBe('tidak ada data');
    expect(fractionText({ coverage: null, numerator: null, denominator: null })).toBeNull();
  });

  it('gives numerator/denominator', () => {
    expect(fractionText({ coverage: 72.5, numerator: 1351, denominator: 1863.22 })).toBe('1.351/1.863,2');
  });

  it('words the gap in people like the domain gapText', () => {
    expect(gapLine({ gap: 37 }, K4, tId)).toBe('37 ibu hamil belum K4');
    expect(gapLine({ gap: 37 }, K4, tId)).toBe(gapText(K4, 37));
    expect(gapLine({ gap: 1234 }, K4, tEn)).toBe('1.234 not yet reached (ibu hamil belum K4)');
    expect(gapLine({ gap: null }, K4, tId)).toBeNull();
    expect(gapLine({ gap: 5 }, STUNTING, tId), 'stunting has no gap in persons').toBeNull();
  });

  it('shows the expected value next to the target when the period is part of the year', () => {
    expect(targetText({ target: 90, expected: 75 }, K4, tId)).toBe('Target 90,0% · s.d. periode ini 75,0%');
    expect(targetText({ target: 90, expected: 90 }, K4, tId)).toBe('Target 90,0%');
    expect(targetText({ target: null, expected: null }, K4, tId)).toBeNull();
  });
});
