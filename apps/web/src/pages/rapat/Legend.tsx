import { PALETTE } from '@peta/domain';
import type { MeetingsT } from './messages.ts';

export const legendItems = (t: MeetingsT) => [
  { color: PALETTE.attainment.baik, label: t('classBaik') },
  { color: PALETTE.attainment.cukup, label: t('classCukup') },
  { color: PALETTE.attainment.kurang, label: t('classKurang') },
  { color: PALETTE.attainment['no-data'], label: t('classNoData') },
];

export function Legend({ t }: { t: MeetingsT }) {
  return (
    <ul className="rapat-legend">
      {legendItems(t).map((i) => <li key={i.label}><span style={{ background: i.color }} aria-hidden="true" />{i.label}</li>)}
      <li className="rapat-muted">{t('criteria')}</li>
    </ul>
  );
}
