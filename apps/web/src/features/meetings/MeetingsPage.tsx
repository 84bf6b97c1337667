// "Rapat": meetings of the current kecamatan (?wilayah=12.10.09). Create one ("Rapat baru": type, date,
// participants, period → the agenda is generated from the data and stored), open one (?rapat=12): the agenda, the
// actions with how their indicator moved since, meeting mode (full screen), the PDF pack and the PNG for WhatsApp.
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { leadIndicator, mapShape } from '@peta/domain';
import { MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingDetail, type MeetingType } from '@peta/domain/contract';
import { useLatestDataMonth, useMeta, useWilayah } from '../../api/queries.ts';
import { useLang } from '../../i18n/i18n.tsx';
import { SHARE_MAP_BOX, shareOrDownload, sharePng } from '../../map/share-png.ts';
import { goToPage, usePageParam, useUrlState } from '../../url-state.ts';
import { monthBefore } from '../indicator/period-choice.ts';
import { classFills, parsePeserta, ytdCode } from './meeting-model.ts';
import { useCreateMeeting, useMeeting, useMeetingGeometry, useMeetingLabels, useMeetingList, usePrefetchMeeting } from './meetings-api.ts';
import { useMeetingsT, type MeetingsT } from './messages.ts';
import { Legend, legendItems } from './Legend.tsx';
import { MeetingMode } from './MeetingMode.tsx';
import { ActionList, AgendaLists, NoteBox, dateText, errorText, shortName } from './parts.tsx';
import { NotAllowed, usePermission } from '../session/use-permission.tsx';
import { WilayahMap } from './WilayahMap.tsx';
import './meetings.css';

export default function MeetingsPage() {
  const t = useMeetingsT();
  const [url] = useUrlState();
  const [rapat, setRapat] = usePageParam('rapat');
  const meetingId = rapat && /^\d+$/.test(rapat) ? Number(rapat) : null;
  const area = useWilayah(url.wilayah);
  const isKecamatan = area.data?.tingkat === 'kecamatan';

  if (meetingId !== null) return <MeetingView id={meetingId} t={t} onBack={() => setRapat(null)} />;
  return (
    <main className="page rapat" data-testid="page-rapat">
      <header className="rapat__head">
        <h2>{t('title')}{area.data ? ` — ${area.data.nama}` : ''}</h2>
        <p className="rapat-muted">{t('intro')}</p>
      </header>
      {url.wilayah && area.isPending && <p>{t('loading')}</p>}
      {(!url.wilayah || (area.data && !isKecamatan)) && (
        <p className="rapat-hint" data-testid="rapat-need-kecamatan">{t('needKecamatan')}{' '}
          <button type="button" className="rapat-btn" onClick={() => goToPage('peta')}>{t('openMap')}</button></p>
      )}
      {isKecamatan && area.data && <MeetingList kode={area.data.kode} nama={area.data.nama} t={t} onOpen={(id) => setRapat(String(id))} />}
    </main>
  );
}

function MeetingList({ kode, nama, t, onOpen }: { kode: string; nama: string; t: MeetingsT; onOpen: (id: number) => void }) {
  const [lang] = useLang();
  const list = useMeetingList(kode);
  const [creating, setCreating] = useState(false);
  const permission = usePermission()('rapat', { wilayah: kode });
  return (
    <section className="rapat-list">
      <div className="rapat-list__head">
        <h3>{t('listTitle', { nama })}</h3>
        {!creating && permission.ok && <button type="button" className="rapat-btn rapat-btn--primary" onClick={() => setCreating(true)} data-testid="rapat-new">{t('newMeeting')}</button>}
      </div>
      <NotAllowed permission={permission} capability="rapat" testId="rapat-not-allowed" />
      {creating && <NewMeetingForm kode={kode} t={t} onCancel={() => setCreating(false)} onCreated={(id) => { setCreating(false); onOpen(id); }} />}
      {list.isPending && <p>{t('loading')}</p>}
      {list.error && <p className="rapat-error">{errorText(list.error, t)}</p>}
      {list.data && (list.data.length === 0 ? <p className="rapat-muted">{t('listEmpty')}</p> : (
        <ul className="rapat-cards" data-testid="rapat-list">
          {list.data.map((m) => (
            <li key={m.id}>
              <button type="button" className="rapat-card" onClick={() => onOpen(m.id)} data-testid="rapat-item">
                <span className="rapat-card__date">{dateText(m.tanggal, lang)}</span>
                <span className="rapat-card__title">{m.judul}</span>
                <span className="rapat-muted">{m.jenisLabel} · {m.periodeLabel} · {t('actionsCount', { n: m.actionCount, open: m.openActionCount })}</span>
              </button>
            </li>
          ))}
        </ul>
      ))}
    </section>
  );
}

function NewMeetingForm({ kode, t, onCancel, onCreated }: { kode: string; t: MeetingsT; onCancel: () => void; onCreated: (id: number) => void }) {
  const latest = useLatestDataMonth(kode.slice(0, 2), 'KIA_K4');
  const fallback = monthBefore(new Date());
  const month = latest.data ?? fallback;
  const [jenis, setJenis] = useState<MeetingType>('lokmin_tribulanan');
  const [tanggal, setTanggal] = useState(() => new Date().toISOString().slice(0, 10));
  const [periode, setPeriode] = useState<string | null>(null);
  const [judul, setJudul] = useState('');
  const [peserta, setPeserta] = useState('');
  const create = useCreateMeeting();
  const period = periode ?? ytdCode(month.year, month.month);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ jenis, tanggal, wilayah: kode, periode: period, judul: judul || undefined, peserta: parsePeserta(peserta) },
      { onSuccess: (m) => onCreated(m.id) });
  };
  return (
    <form className="rapat-form" onSubmit={submit} data-testid="rapat-form">
      <div className="rapat-form__row">
        <label>{t('jenis')}
          <select value={jenis} onChange={(e) => setJenis(e.target.value as MeetingType)} data-testid="rapat-jenis">
            {MEETING_TYPES.map((j) => <option key={j} value={j}>{MEETING_TYPE_LABELS[j]}</option>)}
          </select>
        </label>
        <label>{t('tanggal')}<input type="date" required value={tanggal} onChange={(e) => setTanggal(e.target.value)} data-testid="rapat-tanggal" /></label>
        <label>{t('periode')}<input required value={period} onChange={(e) => setPeriode(e.target.value)} data-testid="rapat-periode" />
          <small className="rapat-muted">{t('periodeHelp')}</small></label>
      </div>
      <label>{t('judul')}<input value={judul} onChange={(e) => setJudul(e.target.value)} /></label>
      <label>{t('peserta')}<textarea rows={3} value={peserta} placeholder={t('pesertaPlaceholder')} onChange={(e) => setPeserta(e.target.value)} data-testid="rapat-peserta" /></label>
      {create.error && <p className="rapat-error" role="alert">{errorText(create.error, t)}</p>}
      <div className="rapat-form__buttons">
        <button type="submit" className="rapat-btn rapat-btn--primary" disabled={create.isPending} data-testid="rapat-create">{create.isPending ? t('creating') : t('create')}</button>
        <button type="button" className="rapat-btn" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}

function MeetingView({ id, t, onBack }: { id: number; t: MeetingsT; onBack: () => void }) {
  const [lang] = useLang();
  const meeting = useMeeting(id);
  const meta = useMeta();
  const geometry = useMeetingGeometry(id, meta.data?.geometryVersion, meeting.data?.wilayahKode ?? '');
  const labels = useMeetingLabels(id, meeting.data?.wilayahKode ?? '');
  const prefetch = usePrefetchMeeting();
  const [mode, setMode] = useState(false);
  const [png, setPng] = useState<'idle' | 'making'>('idle');
  const close = useCallback(() => setMode(false), []);
  const m = meeting.data;
  const lead = useMemo(() => (m ? leadIndicator(m.agenda) : null), [m]);
  const fills = useMemo(() => (m ? classFills(m.agenda, lead) : new Map<string, string>()), [m, lead]);
  const numbers = useMemo(() => new Map(m?.agenda.desa.map((d, i) => [d.kode, i + 1]) ?? []), [m]);

  if (meeting.error && !m) return <main className="page rapat"><p className="rapat-error">{errorText(meeting.error, t)}</p><button type="button" className="rapat-btn" onClick={onBack}>{t('back')}</button></main>;
  if (!m) return <main className="page rapat" aria-busy="true"><p>{t('loading')}</p></main>;

  const makePng = async () => {
    if (!geometry.data) return;
    setPng('making');
    try {
      const shape = mapShape(geometry.data.features.map((f) => ({ kode: f.properties.kode, nama: f.properties.nama, geometry: f.geometry, label: labels.data?.get(f.properties.kode) ?? null })),
        SHARE_MAP_BOX.width, SHARE_MAP_BOX.height, 10);
      const blob = await sharePng({
        paths: shape.paths.map((p) => ({ d: p.d, fill: fills.get(p.kode) ?? '#d9d9d9', label: p.label, number: numbers.get(p.kode) })),
        title: `Kecamatan ${m.agenda.wilayah.nama.replace(/^kecamatan\s+/i, '')}`,
        subtitle: lead ? `Cakupan ${shortName(lead)} · ${m.periodeLabel}` : m.periodeLabel,
        legend: legendItems(t),
        badge: m.agenda.simulated ? t('simulated') : null,
        footer: `${t('mapCaption', { indikator: lead ? shortName(lead) : '', periode: m.periodeLabel })} (${t('criteria')}) · Peta Situasi Kesehatan Desa`,
      });
      await shareOrDownload(blob, `peta-${m.wilayahKode}-${lead ?? 'rapat'}-${m.periode}.png`);
    } finally {
      setPng('idle');
    }
  };

  return (
    <main className="page rapat" data-testid="rapat-detail">
      <button type="button" className="rapat-link" onClick={onBack}>← {t('back')}</button>
      <header className="rapat__head rapat__head--detail">
        <div>
          <p className="rapat-muted">{m.jenisLabel} · {dateText(m.tanggal, lang)}</p>
          <h2 data-testid="rapat-title">{m.judul}</h2>
          <p>{t('periode')}: <b>{m.periodeLabel}</b>{m.peserta.length ? ` · ${m.peserta.map((p) => (p.peran ? `${p.nama} (${p.peran})` : p.nama)).join(', ')}` : ''}</p>
        </div>
        <div className="rapat__buttons">
          <button type="button" className="rapat-btn rapat-btn--primary rapat-btn--big" onClick={() => { prefetch(m); setMode(true); }} data-testid="rapat-start">▶ {t('start')}</button>
          <a className="rapat-btn" href={`/api/meetings/${m.id}/pack.pdf`} target="_blank" rel="noopener" data-testid="rapat-pdf">{t('pdf')}</a>
          <button type="button" className="rapat-btn" onClick={makePng} disabled={!geometry.data || png === 'making'} data-testid="rapat-png">
            {png === 'making' ? t('pngMaking') : t('png')}</button>
        </div>
      </header>
      {m.agenda.simulated && <p className="rapat-badge rapat-badge--inline">⚠ {t('simulated')}</p>}
      {m.earlierActions.length > 0 && (
        <section className="rapat-earlier" data-testid="rapat-earlier">
          <h3>{t('earlier')}</h3>
          <ActionList actions={m.earlierActions} meetingId={m.id} t={t} lang={lang} />
        </section>
      )}
      <div className="rapat-detail">
        <figure className="rapat-detail__map">
          <WilayahMap geometry={geometry.data} labels={labels.data} fills={fills} numbers={numbers} label={m.agenda.wilayah.nama} width={640} height={480} />
          <figcaption>{lead && t('mapCaption', { indikator: shortName(lead), periode: m.periodeLabel })}<Legend t={t} /></figcaption>
        </figure>
        <div>
          <h3>{t('agenda')}</h3>
          <AgendaLists meeting={m} t={t} />
        </div>
      </div>
      <section>
        <h3>{t('actions')}</h3>
        <ActionList actions={m.actions} meetingId={m.id} t={t} lang={lang} />
        <NoteBox key={`${m.id}-ringkasan`} meeting={m} itemKey="ringkasan" t={t} />
      </section>
      {mode && <MeetingMode meeting={m} geometry={geometry.data} labels={labels.data} t={t} onClose={close} />}
    </main>
  );
}

export type { MeetingDetail };
