import { describe, expect, it } from 'vitest';
import { translate, type TFunction } from '../../i18n/i18n.tsx';
import { pwsText, shortOfText, targetOf, worsenedText } from './agenda-text.ts';

const t: TFunction = (key, params) => translate('id', key, params);

describe('agenda texts', () => {
  it('name the persons short of the target as such, only when there are some', () => {
    expect(shortOfText('KIA_K4', 5, t)).toBe('kekurangan terhadap target: 5 ibu hamil');
    expect(shortOfText('KIA_K4', 0, t)).toBeNull();
    expect(shortOfText('GZ_STUNTING', 3, t)).toBeNull();
  });
  it('give a lower-is-better target as a limit', () => {
    expect(targetOf('KIA_K4', 75, t)).toBe('target 75,0%');
    expect(targetOf('GZ_STUNTING', 14, t)).toBe('batas ≤ 14,0%');
  });
  it('read a worsened prevalence as a rise past the limit, never as "168% → 82% dari target"', () => {
    expect(
      worsenedText(
        { indicator: 'GZ_STUNTING', previousAttainment: 116.7, attainment: 82.4, previousCoverage: 12, coverage: 17 },
        t,
      ),
    ).toBe('12,0% → 17,0% (naik; batas ≤ 14,0%)');
    expect(
      worsenedText(
        { indicator: 'KIA_K4', previousAttainment: 95.2, attainment: 82.4, previousCoverage: 60, coverage: 61.8 },
        t,
      ),
    ).toBe('95% → 82% dari target s.d. periode');
  });
  it('write the PWS status with its label', () => {
    expect(pwsText('jelek', t)).toBe('Status PWS Jelek');
  });
});
