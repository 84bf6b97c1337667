import { PALETTE } from '@peta/domain';
import type { TFunction } from '../../i18n/i18n.tsx';

export const legendItems = (t: TFunction) => [
  { color: PALETTE.attainment.baik, label: t('rapat.classBaik') },
  { color: PALETTE.attainment.cukup, label: t('rapat.classCukup') },
  { color: PALETTE.attainment.kurang, label: t('rapat.classKurang') },
  { color: PALETTE.attainment['no-data'], label: t('rapat.classNoData') },
];

export function Legend({ t }: { t: TFunction }) {
  return (
    <ul className="rapat-legend">
      {legendItems(t).map((i) => (
        <li key={i.label}>
          <span style={{ background: i.color }} aria-hidden="true" />
          {i.label}
        </li>
      ))}
      <li className="rapat-muted">{t('rapat.criteria')}</li>
    </ul>
  );
}
