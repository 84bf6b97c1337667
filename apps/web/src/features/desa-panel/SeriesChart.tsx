// The desa's year at a glance: monthly coverage bars, the cumulative line and the target line, in inline SVG.
import type { IndicatorDto, SeriesResponse } from '@peta/domain/contract';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { monthName } from '../indicator/period-label.ts';
import { formatNumberId, latestPws, SERIES_CHART as CHART, seriesChartModel } from '@peta/domain';

export function SeriesChart({ series, def }: { series: SeriesResponse; def: IndicatorDto }) {
  const t = useT();
  const [lang] = useLang();
  const model = seriesChartModel(series.months);
  const pws = latestPws(series.months);
  const cumulativeKind = def.periodKind === 'ytd_cum' || def.periodKind === 'annual';
  if (model.bars.length === 0) {
    return <p className="note note--muted" data-testid="series-none">{t('panel.series.none', { indikator: def.shortId, year: series.year })}</p>;
  }
  return (
    <figure className="series" data-testid="series-chart">
      <figcaption className="series__title">{t('panel.series.title', { year: series.year })}</figcaption>
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={t('panel.series.desc', { indikator: def.shortId, year: series.year })}>
        {model.ticks.map((tick) => (
          <g key={tick.value} className="series__tick">
            <line x1={CHART.left} x2={CHART.width - CHART.right} y1={tick.y} y2={tick.y} />
            <text x={CHART.left - 4} y={tick.y + 3}>{formatNumberId(tick.value, 0)}</text>
          </g>
        ))}
        {model.bars.map((b) => (
          <rect key={b.month} className="series__bar" x={b.x} y={b.y} width={b.width} height={b.height}>
            <title>{`${monthName(b.month, lang)}: ${formatNumberId(b.value)}%`}</title>
          </rect>
        ))}
        {model.targetPath && <path className="series__target" d={model.targetPath} />}
        {cumulativeKind && model.cumulativePath && <path className="series__cumulative" d={model.cumulativePath} />}
        {cumulativeKind && model.cumulativePoints.map((p) => <circle key={p.month} className="series__point" cx={p.x} cy={p.y} r={2} />)}
        {model.monthX.map((x, i) => (
          <text key={i} className="series__month" x={x} y={CHART.height - 6}>{monthName(i + 1, lang).slice(0, 1)}</text>
        ))}
      </svg>
      <ul className="series__key">
        <li><span className="key key--bar" aria-hidden="true" />{t('panel.series.bar')}</li>
        {cumulativeKind && <li><span className="key key--cumulative" aria-hidden="true" />{t('panel.series.cumulative')}</li>}
        <li><span className="key key--target" aria-hidden="true" />{t(cumulativeKind ? 'panel.series.target' : 'panel.series.targetFlat')}</li>
      </ul>
      {pws?.pwsStatus && (
        <p className={`pws pws--${pws.pwsStatus}`} title={t(`pws.desc.${pws.pwsStatus}`)} data-testid="pws-status">
          {t('panel.pws', { month: monthName(pws.month, lang), status: t(`pws.${pws.pwsStatus}`) })}
          <span className="pws__desc"> — {t(`pws.desc.${pws.pwsStatus}`)}</span>
        </p>
      )}
    </figure>
  );
}
