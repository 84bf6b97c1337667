// "Dibanding periode yang sama tahun lalu (Januari–September 2025): naik 4,1 poin (dari 54,0% ke 58,1%)" under the
// value of the period. Last year's value is the desa's row of GET /api/nilai for that period among its siblings
// (the same request the map makes for that period), so it is computed exactly as the value above it.
import { formatNumberId, formatValue, type Period } from '@peta/domain';
import type { IndicatorDto } from '@peta/domain/contract';
import { useValues } from '../../../api/queries.ts';
import { useLang, useT } from '../../../i18n/i18n.tsx';
import { periodLabel } from '../../../shared/indicator/period-label.ts';
import { lastYearChange, lastYearPeriod } from './last-year.ts';

export function LastYearLine({
  kode,
  parentKode,
  def,
  period,
  current,
}: {
  kode: string;
  parentKode: string | null;
  def: IndicatorDto;
  period: Period;
  current: number | null;
}) {
  const t = useT();
  const [lang] = useLang();
  const earlier = lastYearPeriod(period);
  const values = useValues(def.code, earlier.code, parentKode);
  // Rows kept from another period while this one loads would compare with the wrong year.
  if (!values.data || values.isPlaceholderData) return null;
  const change = lastYearChange(current, values.data.rows.find((r) => r.kode === kode)?.coverage ?? null, def);
  if (change.kind === 'no-current') return null;
  const label = periodLabel(earlier, lang, t);
  const unit = t(def.unit === 'percent' ? 'panel.lastYear.unit.percent' : 'panel.lastYear.unit.per100k');
  const text =
    change.kind === 'no-last-year'
      ? t('panel.lastYear.none', { period: label })
      : change.kind === 'tetap'
        ? t('panel.lastYear.tetap', { period: label, value: formatValue(change.value, def.unit) })
        : t(`panel.lastYear.${change.kind}`, {
            period: label,
            points: formatNumberId(change.points),
            unit,
            from: formatValue(change.from, def.unit),
            to: formatValue(change.to, def.unit),
          });
  const tone =
    change.kind === 'naik' || change.kind === 'turun'
      ? change.better === null
        ? ''
        : change.better
          ? ' is-better'
          : ' is-worse'
      : '';
  return (
    <p className={`desa-panel__last-year${tone}`} data-testid="desa-last-year" data-direction={change.kind}>
      {change.kind === 'naik' && <span aria-hidden="true">▲ </span>}
      {change.kind === 'turun' && <span aria-hidden="true">▼ </span>}
      {text}
    </p>
  );
}
