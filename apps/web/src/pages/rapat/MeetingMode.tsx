// Meeting mode: full screen, projector-friendly, large type. Steps through the agenda — the map of the meeting's desa
// and the lists, then each desa (its indicators weakest first, the PWS chart, its actions, notes), then all actions.
// Keyboard ←/→ (PageUp/PageDown for presenter remotes), Home/End, Esc; touch: swipe or the big buttons.
import { useEffect, useMemo, useRef, useState } from 'react';
import { getIndicator, leadIndicator, parsePeriod, seriesUpTo } from '@peta/domain';
import type { AgendaDesa, IndicatorDto, MeetingDetail } from '@peta/domain/contract';
import { useLang, type TFunction } from '../../i18n/i18n.tsx';
import type { WilayahFeatureCollection } from '../../api/queries.ts';
import { SeriesChart } from '../../shared/series-chart/SeriesChart.tsx';
import { classFills, commandForKey, meetingSteps, missingReports, swipeStep, weakestFirst } from './meeting-model.ts';
import { usePermission } from '../../shared/session/use-permission.tsx';
import { useMeetingSeries } from './meetings-api.ts';
import {
  ActionForm,
  ActionList,
  AgendaLists,
  NoteBox,
  pwsText,
  shortName,
  shortOfText,
  targetOf,
  valueText,
} from './parts.tsx';
import { Legend } from './Legend.tsx';
import { WilayahMap } from '../../shared/wilayah/WilayahMap.tsx';

const SHOWN_INDICATORS = 7;

export function MeetingMode({
  meeting,
  geometry,
  labels,
  t,
  onClose,
}: {
  meeting: MeetingDetail;
  geometry: WilayahFeatureCollection | undefined;
  labels?: ReadonlyMap<string, readonly [number, number] | null>;
  t: TFunction;
  onClose: () => void;
}) {
  const [lang] = useLang();
  const steps = useMemo(() => meetingSteps(meeting.agenda), [meeting.agenda]);
  const [index, setIndex] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const step = steps[Math.min(index, steps.length - 1)]!;
  const lead = useMemo(() => leadIndicator(meeting.agenda), [meeting.agenda]);
  const fills = useMemo(() => classFills(meeting.agenda, lead), [meeting.agenda, lead]);
  const numbers = useMemo(() => new Map(meeting.agenda.desa.map((d, i) => [d.kode, i + 1])), [meeting.agenda]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const inField = !!target?.closest('input, textarea, select, [contenteditable="true"]');
      const command = commandForKey(e.key, index, steps.length, inField);
      if (command === 'close') {
        e.preventDefault();
        onClose();
      } else if (command) {
        e.preventDefault();
        setIndex(command.go);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, steps.length, onClose]);

  // Full screen when the browser allows it (a user gesture opened this); the overlay covers the page either way.
  // Esc in full screen is taken by the browser (no keydown): leaving full screen closes meeting mode too.
  useEffect(() => {
    const el = root.current;
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      else if (entered) onClose();
    };
    document.addEventListener('fullscreenchange', onChange);
    if (el?.requestFullscreen && !document.fullscreenElement) el.requestFullscreen().catch(() => undefined);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    };
  }, [onClose]);

  useEffect(() => {
    root.current?.querySelector<HTMLElement>('.rapat-mode__main')?.scrollTo?.({ top: 0 });
  }, [index]);

  const touch = useRef<{ x: number; y: number } | null>(null);
  const stepLabel =
    step.kind === 'desa'
      ? t('rapat.desaOf', { n: step.index + 1, total: meeting.agenda.desa.length })
      : step.kind === 'overview'
        ? t('rapat.stepOverview')
        : t('rapat.stepActions');

  return (
    <div
      className="rapat-mode"
      ref={root}
      role="dialog"
      aria-modal="true"
      aria-label={meeting.judul}
      data-testid="meeting-mode"
    >
      <header className="rapat-mode__bar">
        <div className="rapat-mode__title">
          <span>{meeting.judul}</span>
          <span className="rapat-muted">{meeting.periodeLabel}</span>
        </div>
        <span className="rapat-mode__step" data-testid="meeting-step">
          {stepLabel}
        </span>
        {meeting.agenda.simulated && <span className="rapat-badge">⚠ {t('rapat.simulated')}</span>}
        <button
          type="button"
          className="rapat-btn rapat-mode__close"
          onClick={onClose}
          aria-label={t('rapat.close')}
          data-testid="meeting-close"
        >
          <span aria-hidden="true" className="rapat-mode__x">
            ✕
          </span>
          <span className="rapat-mode__close-text">{t('rapat.close')}</span>
        </button>
      </header>
      <main
        className="rapat-mode__main"
        onTouchStart={(e) => {
          const p = e.touches[0];
          touch.current = p ? { x: p.clientX, y: p.clientY } : null;
        }}
        onTouchEnd={(e) => {
          const start = touch.current;
          const p = e.changedTouches[0];
          touch.current = null;
          if (!start || !p) return;
          const move = swipeStep(p.clientX - start.x, p.clientY - start.y);
          if (move) setIndex((i) => Math.max(0, Math.min(steps.length - 1, i + move)));
        }}
      >
        {step.kind === 'overview' && (
          <div className="rapat-overview" data-testid="step-overview">
            <figure className="rapat-overview__map">
              <WilayahMap
                geometry={geometry}
                labels={labels}
                fills={fills}
                numbers={numbers}
                label={meeting.agenda.wilayah.nama}
                width={900}
                height={680}
                onPick={(kode) => setIndex(meeting.agenda.desa.findIndex((d) => d.kode === kode) + 1)}
              />
              <figcaption>
                <b>
                  {lead
                    ? t('rapat.mapCaption', { indikator: shortName(lead), periode: meeting.periodeLabel })
                    : meeting.periodeLabel}
                </b>
                <Legend t={t} />
              </figcaption>
            </figure>
            <div className="rapat-overview__lists">
              <h2>{meeting.agenda.wilayah.nama}</h2>
              <AgendaLists meeting={meeting} t={t} limit={5} />
            </div>
          </div>
        )}
        {step.kind === 'desa' && (
          <DesaStep
            key={step.desa.kode}
            meeting={meeting}
            desa={step.desa}
            geometry={geometry}
            fills={fills}
            t={t}
            lang={lang}
          />
        )}
        {step.kind === 'actions' && (
          <div className="rapat-actions-step" data-testid="step-actions">
            <h2>{t('rapat.stepActions')}</h2>
            <h3>{t('rapat.actions')}</h3>
            <ActionList actions={meeting.actions} meetingId={meeting.id} t={t} lang={lang} />
            <h3>{t('rapat.earlier')}</h3>
            <ActionList actions={meeting.earlierActions} meetingId={meeting.id} t={t} lang={lang} />
            <NoteBox key={`${meeting.id}-tindak-lanjut`} meeting={meeting} itemKey="tindak-lanjut" t={t} />
          </div>
        )}
      </main>
      <footer className="rapat-mode__nav">
        <button
          type="button"
          className="rapat-btn rapat-btn--nav"
          disabled={index === 0}
          onClick={() => setIndex(index - 1)}
          data-testid="meeting-prev"
        >
          ← {t('rapat.prev')}
        </button>
        <div className="rapat-mode__progress" aria-hidden="true">
          <div style={{ width: `${((index + 1) / steps.length) * 100}%` }} />
          <span>
            {t('rapat.stepOf', { n: index + 1, total: steps.length })} · {t('rapat.keys')}
          </span>
        </div>
        <button
          type="button"
          className="rapat-btn rapat-btn--nav rapat-btn--primary"
          disabled={index === steps.length - 1}
          onClick={() => setIndex(index + 1)}
          data-testid="meeting-next"
        >
          {t('rapat.next')} →
        </button>
      </footer>
    </div>
  );
}

function DesaStep({
  meeting,
  desa,
  geometry,
  fills,
  t,
  lang,
}: {
  meeting: MeetingDetail;
  desa: AgendaDesa;
  geometry: WilayahFeatureCollection | undefined;
  fills: Map<string, string>;
  t: TFunction;
  lang: string;
}) {
  const [indicator, setIndicator] = useState<string | null>(desa.focusIndicator);
  const [adding, setAdding] = useState(false);
  // An action is about this desa: its kepala desa, the camat, the puskesmas holding it or the dinkes may add one —
  // and only for a desa the meeting is about (a puskesmas meeting: its wilayah kerja on the meeting date).
  const may = usePermission();
  const mayAct = meeting.desaKodes.includes(desa.kode) && may('rapat', { wilayah: desa.kode }).ok;
  const year = Number(meeting.periode.slice(0, 4));
  const series = useMeetingSeries(meeting.id, desa.kode, indicator, year);
  const def = indicator ? getIndicator(indicator) : undefined;
  const ordered = weakestFirst(desa.values);
  const shown = ordered.filter(
    (v, i) => i < SHOWN_INDICATORS && (v.attainment === null || v.attainment < 100 || i < 4),
  );
  const rest = desa.values.length - shown.length;
  const restBelow = ordered.filter((v) => !shown.includes(v) && v.attainment !== null && v.attainment < 100).length;
  const missing = missingReports(desa.values);
  const actions = [...meeting.earlierActions, ...meeting.actions].filter((a) => a.desaKode === desa.kode);
  const locatorFills = new Map(
    [...fills.keys()].map((k) => [k, k === desa.kode ? (fills.get(k) ?? '#444') : '#e6e6e6']),
  );

  return (
    <div className="rapat-desa" data-testid="step-desa" data-kode={desa.kode}>
      <section className="rapat-desa__left">
        <div className="rapat-desa__head">
          <div>
            <h2 data-testid="desa-name">{desa.nama}</h2>
            <p className="rapat-desa__sub">
              {t('rapat.belowTarget', { n: desa.behindCount, total: desa.values.length })}
              {missing && (
                <span className="rapat-warn">
                  {' '}
                  · {t('rapat.reportsMissing', { reported: missing.reported, expected: missing.expected })}
                </span>
              )}
            </p>
          </div>
          <div className="rapat-desa__locator">
            <WilayahMap
              geometry={geometry}
              fills={locatorFills}
              highlight={desa.kode}
              label={desa.nama}
              width={220}
              height={160}
            />
          </div>
        </div>
        <ul className="rapat-ind" aria-label={t('rapat.pickIndicator')}>
          {shown.map((v) => (
            <li key={v.indicator}>
              <button
                type="button"
                className={`rapat-ind__row${v.indicator === indicator ? ' is-selected' : ''}`}
                aria-pressed={v.indicator === indicator}
                onClick={() => setIndicator(v.indicator)}
                data-testid="desa-indicator"
              >
                <span className={`rapat-dot rapat-dot--${v.class}`} aria-hidden="true" />
                <span className="rapat-ind__name">{shortName(v.indicator)}</span>
                <span className="rapat-ind__value">{valueText(v.coverage, v.indicator)}</span>
                <span className="rapat-ind__target">
                  {v.expected !== null ? targetOf(v.indicator, v.expected, t) : ''}
                </span>
                <span className="rapat-ind__gap">
                  {shortOfText(v.indicator, v.shortOfTarget, t) ?? ''}
                  {v.pws ? <b className={`rapat-pws rapat-pws--${v.pws}`}> · {pwsText(v.pws, t)}</b> : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {rest > 0 && <p className="rapat-muted">{t('rapat.moreIndicators', { n: rest, below: restBelow })}</p>}
      </section>
      <section className="rapat-desa__right">
        <div className="rapat-chart">
          <h3>{def ? t('rapat.chartOf', { indikator: def.nameId }) : t('rapat.pickIndicator')}</h3>
          {series.data && def && (
            <SeriesChart
              series={{
                ...series.data,
                months: seriesUpTo(series.data.months, parsePeriod(meeting.periode).toMonth),
              }}
              def={{ ...def, hasData: true } as unknown as IndicatorDto}
              month={parsePeriod(meeting.periode).toMonth}
            />
          )}
        </div>
        <h3>{t('rapat.desaActions')}</h3>
        <ActionList actions={actions} meetingId={meeting.id} t={t} lang={lang} withDesa={false} />
        {!mayAct ? null : adding ? (
          <ActionForm
            meeting={meeting}
            desaKode={desa.kode}
            indicators={meeting.agenda.indicators}
            defaultIndicator={indicator}
            t={t}
            onDone={() => setAdding(false)}
          />
        ) : (
          <button
            type="button"
            className="rapat-btn rapat-btn--primary"
            onClick={() => setAdding(true)}
            data-testid="action-add"
          >
            {t('rapat.addAction')}
          </button>
        )}
        <NoteBox key={`${meeting.id}-${desa.kode}`} meeting={meeting} itemKey={`desa:${desa.kode}`} t={t} />
      </section>
    </div>
  );
}
