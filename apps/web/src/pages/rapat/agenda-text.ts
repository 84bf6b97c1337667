// How agenda items read on the meeting page, in meeting mode and (the same rules) in the printed pack: the persons short
// of the target under that name, targets in the indicator's own terms (a limit for lower is better), and a worsened item
// as a rise of the prevalence for lower is better. Pure; unit-tested (agenda-text.test.ts).
import { formatNumberId, formatValue, getIndicator, personNoun, PWS_STATUS_LABELS, type PwsStatus } from '@peta/domain';
import type { TFunction } from '../../i18n/i18n.tsx';

export const shortName = (code: string) => getIndicator(code)?.short ?? code;
export const valueText = (v: number | null, code: string) => formatValue(v, getIndicator(code)?.unit ?? 'percent');
/** "kekurangan terhadap target: 5 ibu hamil": the persons short of the target for the period, only when there are some. */
export const shortOfText = (code: string, n: number | null, t: TFunction) => {
  const noun = getIndicator(code) ? personNoun(getIndicator(code)!) : null;
  return n !== null && n > 0 && noun ? t('rapat.shortOf', { n: formatNumberId(n, 0), noun }) : null;
};
/** "target 75,0%"; for lower is better "batas ≤ 14,0%". */
export const targetOf = (code: string, expected: number, t: TFunction) =>
  t(getIndicator(code)?.polarity === 'lower' ? 'rapat.targetLower' : 'rapat.target', {
    value: valueText(expected, code),
  });
/** "Status PWS Jelek" (the status's own label). */
export const pwsText = (status: PwsStatus, t: TFunction) =>
  t('rapat.pws', { status: PWS_STATUS_LABELS[status].labelId });
/**
 * A worsened item in the indicator's own terms: higher is better "95% → 82% dari target s.d. periode"; lower is better the
 * values themselves, "12,0% → 17,0% (naik; batas ≤ 14,0%)" — never "168% → 82% dari target", which reads as a fall.
 */
export function worsenedText(
  w: {
    indicator: string;
    previousAttainment: number;
    attainment: number;
    previousCoverage: number | null;
    coverage: number | null;
  },
  t: TFunction,
): string {
  const def = getIndicator(w.indicator);
  if (def?.polarity === 'lower' && def.target !== null && w.previousCoverage !== null && w.coverage !== null) {
    return t('rapat.worsenedLower', {
      from: valueText(w.previousCoverage, w.indicator),
      to: valueText(w.coverage, w.indicator),
      limit: valueText(def.target, w.indicator),
    });
  }
  return t('rapat.attainmentFall', {
    from: `${formatNumberId(w.previousAttainment, 0)}%`,
    to: `${formatNumberId(w.attainment, 0)}%`,
  });
}
