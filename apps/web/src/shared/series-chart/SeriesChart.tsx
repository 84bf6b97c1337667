// The desa's year at a glance: monthly coverage bars, the cumulative line and the target line, in inline SVG, and the
// PWS status of the period's month — that month's, or why there is none (never an earlier month's shown as current).
import type { IndicatorDto, SeriesResponse } from '@peta/domain/contract';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { monthName } from '../indicator/period-label.ts';
import { formatNumberId, hasPwsStatus, pwsReadingAt, SERIES_CHART as CHART, seriesChartModel } from '@peta/domain';
import { missingMonthText, pwsExplainText } from '../choropleth/value-text.ts';

/** `month`: the period's last month (the series is blank after it): its PWS status is reported. */
export function SeriesChart({ series, def, month }: { series: SeriesResponse; def: IndicatorDto; month: number }) {
  const t = useT();
  const [lang] = useLang();
  const model = seriesChartModel(series.months);
  const pws = hasPwsStatus(def) ? pwsReadingAt(series.months, month) : null;
  const cumulativeKind = def.periodKind === 'ytd_cum' || def.periodKind === 'annual';
  if (model.bars.length === 0) {
    return (
      <p className="note note--muted" data-testid="series-none">
        {t('panel.series.none', { indikator: def.short, year: series.year })}
      </p>
    );
  }
  return (
    <figure className="series" data-testid="series-chart">
      <figcaption className="series__title">{t('panel.series.title', { year: series.year })}</figcaption>
      <svg
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        role="img"
        aria-label={t('panel.series.desc', { indikator: def.short, year: series.year })}
      >
        {model.ticks.map((tick) => (
          <g key={tick.value} className="series__tick">
            <line x1={CHART.left} x2={CHART.width - CHART.right} y1={tick.y} y2={tick.y} />
            <text x={CHART.left - 4} y={tick.y + 3}>
              {formatNumberId(tick.value, 0)}
            </text>
          </g>
        ))}
        {model.bars.map((b) => (
          <rect key={b.month} className="series__bar" x={b.x} y={b.y} width={b.width} height={b.height}>
            <title>{`${monthName(b.month, lang)}: ${formatNumberId(b.value)}%`}</title>
          </rect>
        ))}
        {model.targetPath && <path className="series__target" d={model.targetPath} />}
        {cumulativeKind && model.cumulativePath && <path className="series__cumulative" d={model.cumulativePath} />}
        {cumulativeKind &&
          model.cumulativePoints.map((p) => <circle key={p.month} className="series__point" cx={p.x} cy={p.y} r={2} />)}
        {model.monthX.map((x, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the index is the month.
          <text key={i} className="series__month" x={x} y={CHART.height - 6}>
            {monthName(i + 1, lang).slice(0, 1)}
          </text>
        ))}
      </svg>
      <ul className="series__key">
        <li>
          <span className="key key--bar" aria-hidden="true" />
          {t('panel.series.bar')}
        </li>
        {cumulativeKind && (
          <li>
            <span className="key key--cumulative" aria-hidden="true" />
            {t('panel.series.cumulative')}
          </li>
        )}
        <li>
          <span className="key key--target" aria-hidden="true" />
          {t(cumulativeKind ? 'panel.series.target' : 'panel.series.targetFlat')}
        </li>
      </ul>
      {pws?.status && (
        <p className={`pws pws--${pws.status}`} data-testid="pws-status">
          {t('panel.pws', { month: monthName(month, lang), status: t(`pws.${pws.status}`) })}
          <span className="pws__desc"> — {pwsExplainText(pws, month, t, lang)}</span>
        </p>
      )}
      {pws && !pws.status && pws.missing && (
        <p className="pws pws--none" data-testid="pws-status">
          {t('panel.pwsMissing', {
            month: monthName(month, lang),
            missing: missingMonthText(pws.missing, month, t, lang),
          })}
          {pws.lastKnown && (
            <span className="pws__desc">
              {' '}
              —{' '}
              {t('panel.pwsLastKnown', {
                month: monthName(pws.lastKnown.month, lang),
                status: t(`pws.${pws.lastKnown.status}`),
              })}
            </span>
          )}
        </p>
      )}
    </figure>
  );
}
