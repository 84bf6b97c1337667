// The puskesmas chosen in the "Wilayah kerja puskesmas" view: a puskesmas is not a wilayah, so a click does not
// drill; it shows its name, its desa, its capaian for the indicator, and the pages about it (the ILP plan of the
// kabupaten/kota, its meetings).
import type { IndicatorDto, ValueRow } from '@peta/domain/contract';
import { useT } from '../../../i18n/i18n.tsx';
import { goToHref } from '../../../url-state.ts';
import { Swatch } from '../../../shared/choropleth/Swatch.tsx';
import { coverageText, fractionText } from '../../../shared/choropleth/value-text.ts';
import { linkClick } from '../../../shared/links/link-click.ts';
import type { PuskesmasItem } from './puskesmas-view.ts';

export interface PuskesmasPanelProps {
  item: PuskesmasItem;
  kabupaten: string;
  /** The indicator's row of this puskesmas; undefined while loading or without values. */
  indicator?: { def: IndicatorDto; periodLabel: string; row: ValueRow | undefined; colour: string };
  onClose: () => void;
}

export function PuskesmasPanel({ item, kabupaten, indicator, onClose }: PuskesmasPanelProps) {
  const t = useT();
  const row = indicator?.row;
  const fraction = row ? fractionText(row) : null;
  const plan = `/rencana-ilp?wilayah=${encodeURIComponent(kabupaten)}`;
  const meeting = `/rapat?puskesmas=${encodeURIComponent(item.kode)}`;
  // The Profil page of this wilayah kerja, for the same period and indicator as the map.
  const current = new URLSearchParams(window.location.search);
  const profileParams = new URLSearchParams({ puskesmas: item.kode });
  for (const key of ['periode', 'indikator']) {
    const v = current.get(key);
    if (v) profileParams.set(key, v);
  }
  const profile = `/profil?${profileParams.toString()}`;
  return (
    <section
      className="desa-panel puskesmas-panel"
      data-testid="puskesmas-panel"
      aria-labelledby="puskesmas-panel-heading"
    >
      <p className="desa-panel__eyebrow">{t('puskesmas.panel.label')}</p>
      <h2 id="puskesmas-panel-heading" className="desa-panel__title" tabIndex={-1} data-testid="puskesmas-panel-title">
        {item.nama}
      </h2>
      <p data-testid="puskesmas-panel-desa">{t('puskesmas.panel.desa', { n: item.desa })}</p>
      {item.unconfirmed > 0 && <p className="note">{t('puskesmas.panel.unconfirmed', { n: item.unconfirmed })}</p>}
      {indicator && (
        <div className="desa-panel__indicator">
          <h3>
            {indicator.def.short} · {indicator.periodLabel}
          </h3>
          {row && (
            <div className="desa-panel__value">
              <p className="desa-panel__coverage">
                <Swatch color={indicator.colour} hatch={false} />
                <strong data-testid="puskesmas-coverage">{coverageText(row, indicator.def, t)}</strong>
                {row.over100 && (
                  <span className="tag tag--flag" title={t('value.over100Title')}>
                    {t('value.over100')}
                  </span>
                )}
              </p>
              {fraction && <p data-testid="puskesmas-fraction">{t('value.fraction', { fraction })}</p>}
            </div>
          )}
        </div>
      )}
      <p className="puskesmas-panel__links">
        <a className="button" href={plan} onClick={linkClick(() => goToHref(plan))} data-testid="puskesmas-plan">
          {t('puskesmas.panel.plan')}
        </a>
        <a
          className="button"
          href={meeting}
          onClick={linkClick(() => goToHref(meeting))}
          data-testid="puskesmas-meeting"
        >
          {t('puskesmas.panel.meeting')}
        </a>
        <a
          className="button"
          href={profile}
          onClick={linkClick(() => goToHref(profile))}
          data-testid="puskesmas-profile"
        >
          {t('puskesmas.panel.profile')}
        </a>
        <button type="button" className="button button--ghost" onClick={onClose} data-testid="puskesmas-panel-close">
          {t('puskesmas.panel.close')}
        </button>
      </p>
    </section>
  );
}
