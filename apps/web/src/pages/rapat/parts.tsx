// Pieces shared by the meeting page and meeting mode: action list, action form, notes, agenda lists.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { EarlierAction, MeetingAction, MeetingDetail } from '@peta/domain/contract';
import { ApiRequestError } from '../../api/client.ts';
import { NotAllowed, usePermission } from '../../shared/session/use-permission.tsx';
import { areaOfMeeting, targetOfArea } from './meeting-area.ts';
import { useAddAction, useAddNote, useUpdateAction } from './meetings-api.ts';
import type { TFunction } from '../../i18n/i18n.tsx';
import { shortName, shortOfText, targetOf, valueText, worsenedText } from './agenda-text.ts';

export { pwsText, shortName, shortOfText, targetOf, valueText, worsenedText } from './agenda-text.ts';

export function dateText(iso: string | null, lang: string): string {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString(lang === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiRequestError && error.status === 0) return t('rapat.offline');
  if (error instanceof ApiRequestError) return t('rapat.error', { message: error.apiMessage ?? error.code });
  return t('rapat.error', { message: (error as Error)?.message ?? String(error) });
}

const STATUS_KEY = {
  terbuka: 'rapat.statusTerbuka',
  selesai: 'rapat.statusSelesai',
  batal: 'rapat.statusBatal',
} as const;

export function ActionList({
  actions,
  meetingId,
  t,
  lang,
  withDesa = true,
}: {
  actions: (MeetingAction | EarlierAction)[];
  meetingId: number;
  t: TFunction;
  lang: string;
  withDesa?: boolean;
}) {
  const update = useUpdateAction(meetingId);
  // An action is about one desa: a kepala desa may close the actions of their desa in the kecamatan's meeting.
  const may = usePermission();
  if (!actions.length) return <p className="rapat-muted">{t('rapat.noActions')}</p>;
  return (
    <ul className="rapat-actions" data-testid="action-list">
      {actions.map((a) => (
        <li key={a.id} className={`rapat-action rapat-action--${a.status}`} data-testid="action-item">
          <div className="rapat-action__what">
            {withDesa && <b>{a.desaNama} · </b>}
            <span className="rapat-action__ind">{shortName(a.indicator)}</span>
            <p className="rapat-action__apa">{a.apa}</p>
            <p className="rapat-muted">
              {a.siapa}
              {a.tenggat ? ` · ${t('rapat.tenggat')} ${dateText(a.tenggat, lang)}` : ''}
              {'meetingTanggal' in a ? ` · ${t('rapat.since', { tanggal: dateText(a.meetingTanggal, lang) })}` : ''}
            </p>
          </div>
          <div className={`rapat-move rapat-move--${a.movement.direction}`} data-testid="action-movement">
            <span>
              <span aria-hidden="true">
                {a.movement.direction === 'naik' ? '▲ ' : a.movement.direction === 'turun' ? '▼ ' : ''}
              </span>
              {a.movement.text}
            </span>
            {a.movement.numeratorText && <small>{a.movement.numeratorText}</small>}
          </div>
          <div className="rapat-action__status">
            <span className={`rapat-status rapat-status--${a.status}`}>{t(STATUS_KEY[a.status])}</span>
            {a.status === 'terbuka' && may('rapat', { wilayah: a.desaKode }).ok && (
              <button
                type="button"
                className="rapat-btn rapat-btn--small"
                disabled={update.isPending}
                onClick={() => update.mutate({ id: a.id, status: 'selesai' })}
              >
                {t('rapat.markDone')}
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function ActionForm({
  meeting,
  desaKode,
  indicators,
  defaultIndicator,
  t,
  onDone,
}: {
  meeting: MeetingDetail;
  desaKode: string;
  indicators: string[];
  defaultIndicator: string | null;
  t: TFunction;
  onDone: () => void;
}) {
  const add = useAddAction(meeting.id);
  const form = useRef<HTMLFormElement>(null);
  // Opened by "+ Tindak lanjut" at the bottom of a slide: bring the form into view and start in its first field.
  useEffect(() => {
    const el = form.current;
    if (!el) return;
    el.scrollIntoView({
      block: 'nearest',
      behavior: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
    });
    el.querySelector<HTMLElement>('select, input')?.focus({ preventScroll: true });
  }, []);
  const [indicator, setIndicator] = useState(defaultIndicator ?? indicators[0] ?? '');
  const [apa, setApa] = useState('');
  const [siapa, setSiapa] = useState('');
  const [tenggat, setTenggat] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ desaKode, indicator, apa, siapa, tenggat: tenggat || null }, { onSuccess: onDone });
  };
  return (
    <form ref={form} className="rapat-form rapat-form--action" onSubmit={submit} data-testid="action-form">
      <label>
        {t('rapat.indikator')}
        <select value={indicator} onChange={(e) => setIndicator(e.target.value)} data-testid="action-indicator">
          {indicators.map((c) => (
            <option key={c} value={c}>
              {shortName(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('rapat.apa')}
        <input required value={apa} onChange={(e) => setApa(e.target.value)} data-testid="action-apa" />
      </label>
      <div className="rapat-form__row">
        <label>
          {t('rapat.siapa')}
          <input required value={siapa} onChange={(e) => setSiapa(e.target.value)} data-testid="action-siapa" />
        </label>
        <label>
          {t('rapat.tenggat')}
          <input
            type="date"
            value={tenggat}
            onChange={(e) => setTenggat(e.target.value)}
            data-testid="action-tenggat"
          />
        </label>
      </div>
      <FormFoot
        t={t}
        error={add.error}
        busy={add.isPending}
        label={add.isPending ? t('rapat.saving') : t('rapat.saveAction')}
        testId="action-save"
        onCancel={onDone}
      />
    </form>
  );
}

/** The foot of a meeting form: what its request answered wrong, then submit (idle while it runs) and cancel. */
export function FormFoot({
  t,
  error,
  busy,
  label,
  testId,
  onCancel,
}: {
  t: TFunction;
  error: unknown;
  busy: boolean;
  label: string;
  testId: string;
  onCancel: () => void;
}) {
  return (
    <>
      {error != null && (
        <p className="rapat-error" role="alert">
          {errorText(error, t)}
        </p>
      )}
      <div className="rapat-form__buttons">
        <button type="submit" className="rapat-btn rapat-btn--primary" disabled={busy} data-testid={testId}>
          {label}
        </button>
        <button type="button" className="rapat-btn" onClick={onCancel}>
          {t('rapat.cancel')}
        </button>
      </div>
    </>
  );
}

export function NoteBox({ meeting, itemKey, t }: { meeting: MeetingDetail; itemKey: string; t: TFunction }) {
  const current = meeting.notes.find((n) => n.itemKey === itemKey) ?? null;
  const [text, setText] = useState(current?.text ?? '');
  const add = useAddNote(meeting.id);
  // Notes are about the meeting's area: its kecamatan, or its puskesmas (as the server checks them).
  const permission = usePermission()('rapat', targetOfArea(areaOfMeeting(meeting)));
  const dirty = text !== (current?.text ?? '');
  return (
    <div className="rapat-note">
      <label htmlFor={`note-${itemKey}`}>
        {t('rapat.notes')}
        {current?.history.length ? (
          <span className="rapat-muted"> · {t('rapat.notesHistory', { n: current.history.length })}</span>
        ) : null}
      </label>
      <textarea
        id={`note-${itemKey}`}
        value={text}
        rows={3}
        placeholder={permission.ok ? t('rapat.notesPlaceholder') : ''}
        onChange={(e) => setText(e.target.value)}
        readOnly={!permission.ok}
        data-testid="note-text"
      />
      {permission.ok ? (
        <div className="rapat-form__buttons">
          <button
            type="button"
            className="rapat-btn"
            disabled={!dirty || add.isPending}
            data-testid="note-save"
            onClick={() => add.mutate({ itemKey, text, supersedes: current?.id })}
          >
            {add.isPending
              ? t('rapat.saving')
              : dirty
                ? t('rapat.saveNote')
                : current
                  ? t('rapat.saved')
                  : t('rapat.saveNote')}
          </button>
          {add.error && (
            <span className="rapat-error" role="alert">
              {errorText(add.error, t)}
            </span>
          )}
        </div>
      ) : (
        <NotAllowed permission={permission} capability="rapat" testId="note-not-allowed" />
      )}
    </div>
  );
}

export function AgendaLists({ meeting, t, limit }: { meeting: MeetingDetail; t: TFunction; limit?: number }) {
  const a = meeting.agenda;
  const cut = <T,>(list: T[]) => (limit ? list.slice(0, limit) : list);
  const none = <p className="rapat-muted">{t('rapat.none')}</p>;
  return (
    <div className="rapat-lists">
      <section>
        <h3>{t('rapat.behind')}</h3>
        {a.behind.length ? (
          <ol data-testid="agenda-behind">
            {cut(a.behind).map((b) => (
              <li key={`${b.desaKode}${b.indicator}`}>
                <b>{b.desaNama}</b> — {shortName(b.indicator)}:{' '}
                <span className="rapat-num">{valueText(b.coverage, b.indicator)}</span>{' '}
                <span className="rapat-muted">{targetOf(b.indicator, b.expected, t)}</span>
                {shortOfText(b.indicator, b.shortOfTarget, t) && (
                  <span className="rapat-gap"> · {shortOfText(b.indicator, b.shortOfTarget, t)}</span>
                )}
              </li>
            ))}
          </ol>
        ) : (
          none
        )}
      </section>
      <section>
        <h3>{t('rapat.worsened', { periode: a.previousPeriodeLabel ?? '–' })}</h3>
        {a.worsened.length ? (
          <ol data-testid="agenda-worsened">
            {cut(a.worsened).map((w) => (
              <li key={`${w.desaKode}${w.indicator}`}>
                <b>{w.desaNama}</b> — {shortName(w.indicator)}: {worsenedText(w, t)}
              </li>
            ))}
          </ol>
        ) : (
          none
        )}
      </section>
      <section>
        <h3>{t('rapat.dataQuality')}</h3>
        {a.dataQuality.length ? (
          <ol>
            {cut(a.dataQuality).map((d) => {
              const first = d.indicators[0]!;
              const same = d.indicators.every(
                (i) => i.reported === first.reported && i.expectedReports === first.expectedReports,
              );
              return (
                <li key={`${d.desaKode}${d.kind}`}>
                  <b>{d.desaNama}</b> —{' '}
                  {d.kind === 'laporan'
                    ? same && d.indicators.length > 1
                      ? t('rapat.missingReports', {
                          reported: first.reported,
                          expected: first.expectedReports,
                          n: d.indicators.length,
                        })
                      : d.indicators
                          .map((i) =>
                            t('rapat.missingReportsOne', {
                              indikator: shortName(i.indicator),
                              reported: i.reported,
                              expected: i.expectedReports,
                            }),
                          )
                          .join('; ')
                    : t('rapat.over100', {
                        list: d.indicators
                          .map((i) => `${shortName(i.indicator)} ${valueText(i.coverage, i.indicator)}`)
                          .join(', '),
                      })}
                </li>
              );
            })}
          </ol>
        ) : (
          none
        )}
      </section>
    </div>
  );
}
