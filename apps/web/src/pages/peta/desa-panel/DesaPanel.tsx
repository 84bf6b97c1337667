// Profile of the chosen leaf (a desa/kelurahan, or a wilayah whose children are not loaded here): where it is,
// the selected indicator — its value for the period (the same row as the map and the table), how it compares with
// the same period last year, and its year month by month with the PWS status — and a desa's Pustu and Posyandu.
import type { IndicatorDto, Meta, ValueRow, Wilayah } from '@peta/domain/contract';
import { useMemo } from 'react';
import { ancestorAt, seriesUpTo, type Period } from '@peta/domain';
import { useSeries } from '../../../api/queries.ts';
import { useLang, useT } from '../../../i18n/i18n.tsx';
import { FacilitiesSection } from '../../../shared/facilities/FacilitiesSection.tsx';
import { LastYearLine } from './LastYearLine.tsx';
import { Swatch } from '../../../shared/choropleth/Swatch.tsx';
import {
  classLine,
  coverageText,
  fractionText,
  notYetServedLine,
  reportsText,
  shortOfTargetLine,
  targetText,
} from '../../../shared/choropleth/value-text.ts';
import { Loading } from '../../../shared/status/StatusMessage.tsx';
import { SeriesChart } from '../../../shared/series-chart/SeriesChart.tsx';
import './desa-panel.css';
import { hrefFor } from '../../../url-state.ts';
import { ProfileLink } from '../../../shared/links/ProfileLink.tsx';
import { linkClick } from '../../../shared/links/link-click.ts';
import { tingkatLabel, withTingkat } from '../../../shared/wilayah/wilayah-text.ts';

export interface PanelIndicator {
  def: IndicatorDto;
  period: Period;
  periodLabel: string;
  /** The leaf's row among its siblings' values; undefined while loading. */
  row: ValueRow | undefined;
  colour: string;
}

export interface DesaPanelProps {
  wilayah: Wilayah;
  meta: Meta | undefined;
  indicator?: PanelIndicator;
  onNavigate: (kode: string | null) => void;
}

export function DesaPanel({ wilayah, meta, indicator, onNavigate }: DesaPanelProps) {
  const t = useT();
  const level = tingkatLabel(wilayah.kode, wilayah.tingkat, t);
  const parent = wilayah.parents.at(-1);
  const provinsi = ancestorAt(wilayah.kode, 'provinsi') ?? wilayah.kode;
  const childrenNotLoaded =
    wilayah.tingkat !== 'desa' &&
    meta !== undefined &&
    !meta.desaProvinsi.includes('all') &&
    !meta.desaProvinsi.includes(provinsi);

  return (
    <section className="desa-panel" data-testid="desa-panel" aria-labelledby="desa-panel-heading">
      <p className="desa-panel__eyebrow">{t('panel.heading', { tingkat: level })}</p>
      <h2 id="desa-panel-heading" className="desa-panel__title" tabIndex={-1} data-testid="desa-panel-title">
        {wilayah.nama}
      </h2>
      <dl className="desa-panel__facts">
        <div>
          <dt>{t('panel.kode')}</dt>
          <dd data-testid="desa-panel-kode">{wilayah.kode}</dd>
        </div>
        <div>
          <dt>{t('panel.tingkat')}</dt>
          <dd>{level}</dd>
        </div>
        {wilayah.parents.length > 0 && (
          <div>
            <dt>{t('panel.parents')}</dt>
            <dd>
              {[...wilayah.parents]
                .reverse()
                .map((p) => withTingkat(p.kode, p.tingkat, p.nama, t))
                .join(', ')}
            </dd>
          </div>
        )}
      </dl>
      {!wilayah.hasGeometry && (
        <p className="note" data-testid="desa-panel-no-geometry">
          {t('panel.noGeometry')}
        </p>
      )}
      {wilayah.tingkat !== 'desa' && (
        <p className="note" data-testid="desa-panel-no-children">
          {childrenNotLoaded ? t('panel.childrenNotLoaded') : t('panel.noChildren', { nama: wilayah.nama })}
        </p>
      )}
      {indicator && <IndicatorSection kode={wilayah.kode} parentKode={parent?.kode ?? null} indicator={indicator} />}
      {wilayah.tingkat === 'desa' && <FacilitiesSection key={wilayah.kode} kode={wilayah.kode} />}
      {/* Every indicator of the desa on one page. */}
      <ProfileLink label={t('panel.profileLink')} className="button desa-panel__profile" testId="desa-panel-profile" />
      {parent && (
        <a
          className="button button--ghost"
          href={hrefFor({ wilayah: parent.kode })}
          onClick={linkClick(() => onNavigate(parent.kode))}
        >
          {t('panel.back', { nama: parent.nama })}
        </a>
      )}
    </section>
  );
}

function IndicatorSection({
  kode,
  parentKode,
  indicator,
}: {
  kode: string;
  parentKode: string | null;
  indicator: PanelIndicator;
}) {
  const t = useT();
  const [lang] = useLang();
  const { def, period, periodLabel, row, colour } = indicator;
  const series = useSeries(kode, def.code, period.year);
  // The chart ends at the period's last month, so its PWS status is the period's (as on the Profil page).
  const upTo = useMemo(
    () => series.data && { ...series.data, months: seriesUpTo(series.data.months, period.toMonth) },
    [series.data, period.toMonth],
  );
  const short = row && shortOfTargetLine(row, def, t);
  const unserved = row && notYetServedLine(row, def, t);
  const target = row && targetText(row, def, t);
  const fraction = row && fractionText(row);
  return (
    <section className="desa-panel__indicator" data-testid="desa-indicator" aria-labelledby="desa-indicator-heading">
      <h3 id="desa-indicator-heading">{t('panel.indicatorHeading', { indikator: def.short, period: periodLabel })}</h3>
      {row ? (
        <div className="desa-panel__value">
          <p className="desa-panel__coverage">
            <Swatch color={colour} />
            <strong data-testid="desa-coverage">{coverageText(row, def, t)}</strong>
            {row.over100 && (
              <span className="tag tag--flag" title={t('value.over100Title')}>
                {t('value.over100')}
              </span>
            )}
          </p>
          <p className="desa-panel__judged" data-testid="desa-judged">
            {classLine(row, def, period, t, lang)}
          </p>
          {fraction && <p>{t('value.fraction', { fraction })}</p>}
          {target && <p>{target}</p>}
          {short && (
            <p className="desa-panel__gap" data-testid="desa-short">
              {short}
            </p>
          )}
          {unserved && (
            <p className="desa-panel__gap" data-testid="desa-unserved">
              {unserved}
            </p>
          )}
          {row.coverage !== null && row.reported < row.expectedReports && (
            <p className="muted">{reportsText(row, t)}</p>
          )}
          <LastYearLine kode={kode} parentKode={parentKode} def={def} period={period} current={row.coverage} />
        </div>
      ) : (
        <Loading message={t('value.loading')} />
      )}
      {series.isPending && <Loading message={t('panel.series.loading')} />}
      {upTo && <SeriesChart series={upTo} def={def} month={period.toMonth} />}
    </section>
  );
}
