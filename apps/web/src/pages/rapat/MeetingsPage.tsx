// "Rapat": meetings of the current kecamatan (?wilayah=12.10.09) or of a puskesmas' wilayah kerja
// (?puskesmas=1010453; a puskesmas user gets its own by default). Create one ("Rapat baru": type, date, participants,
// period → the agenda is generated from the data and stored), open one (?rapat=12): the agenda, the actions with how
// their indicator moved since, meeting mode (full screen), the PDF pack and the PNG for WhatsApp.
import { useCallback, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { ancestorAt, defaultPeriodOf, leadIndicator, mapShape, parsePeriod, type YearMonth } from '@peta/domain';
import {
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  type MeetingDetail,
  type MeetingSummary,
  type MeetingType,
  type SessionUser,
} from '@peta/domain/contract';
import { useLatestMonth, useMeta, useWilayah } from '../../api/queries.ts';
import { useLang, useT, type TFunction } from '../../i18n/i18n.tsx';
import { SHARE_MAP_BOX, shareOrDownload, sharePng } from '../../map/share-png.ts';
import { goToPage, usePageParam, useUrlState } from '../../url-state.ts';
import { PeriodPicker } from '../../shared/indicator/PeriodPicker.tsx';
import { usePuskesmasDetail, usePuskesmasList } from '../../api/puskesmas.ts';
import { useSessionUser } from '../../shared/session/session-api.ts';
import { classFills, parsePeserta } from './meeting-model.ts';
import {
  areaFileKode,
  areaTitle,
  createFieldsOf,
  defaultPuskesmas,
  targetOfArea,
  type MeetingArea,
} from './meeting-area.ts';
import {
  useCreateMeeting,
  useMeeting,
  useMeetingGeometry,
  useMeetingLabels,
  useMeetingList,
  usePrefetchMeeting,
} from './meetings-api.ts';
import { Legend, legendItems } from './Legend.tsx';
import { MeetingMode } from './MeetingMode.tsx';
import { ActionList, AgendaLists, FormFoot, NoteBox, dateText, errorText, shortName } from './parts.tsx';
import { NotAllowed, usePermission } from '../../shared/session/use-permission.tsx';
import { WilayahMap } from '../../shared/wilayah/WilayahMap.tsx';
import './meetings.css';

type AreaKind = MeetingArea['kind'];

export default function MeetingsPage() {
  const t = useT();
  const [url] = useUrlState();
  const [rapat, setRapat] = usePageParam('rapat');
  const [puskesmas, setPuskesmas] = usePageParam('puskesmas');
  const user = useSessionUser();
  const meetingId = rapat && /^\d+$/.test(rapat) ? Number(rapat) : null;
  // A puskesmas' meetings are about its wilayah kerja: its users start there, everyone else on the kecamatan.
  const [chosenKind, setChosenKind] = useState<AreaKind>(user?.role === 'puskesmas' ? 'puskesmas' : 'kecamatan');
  const kind: AreaKind = puskesmas ? 'puskesmas' : chosenKind;
  const open = (id: number) => setRapat(String(id));

  // Back from a puskesmas meeting opened by a bare link (?rapat=12) lands on that puskesmas' meetings.
  const back = (m?: MeetingSummary) => {
    if (m?.puskesmasKode && m.puskesmasKode !== puskesmas) setPuskesmas(m.puskesmasKode, { replace: true });
    setRapat(null);
  };
  if (meetingId !== null) return <MeetingView id={meetingId} t={t} onBack={back} />;
  return (
    <main className="page page-column rapat" data-testid="page-rapat">
      <header className="page-head rapat__head">
        <h2>{t('rapat.title')}</h2>
        <p className="rapat-muted">{t('rapat.intro')}</p>
      </header>
      <AreaKindSwitch
        kind={kind}
        t={t}
        onChange={(next) => {
          setChosenKind(next);
          if (next === 'kecamatan') setPuskesmas(null);
        }}
      />
      {kind === 'kecamatan' ? (
        <KecamatanMeetings wilayah={url.wilayah} t={t} onOpen={open} />
      ) : (
        <PuskesmasMeetings
          puskesmas={puskesmas}
          onPick={setPuskesmas}
          wilayah={url.wilayah}
          user={user}
          t={t}
          onOpen={open}
        />
      )}
    </main>
  );
}

function AreaKindSwitch({ kind, t, onChange }: { kind: AreaKind; t: TFunction; onChange: (kind: AreaKind) => void }) {
  return (
    <div className="rapat-switch" role="group" aria-label={t('rapat.areaKind')} data-testid="rapat-kind">
      <span className="rapat-muted">{t('rapat.areaKind')}:</span>
      {(['kecamatan', 'puskesmas'] as const).map((k) => (
        <button
          key={k}
          type="button"
          className={`rapat-switch__option${kind === k ? ' is-selected' : ''}`}
          aria-pressed={kind === k}
          onClick={() => onChange(k)}
          data-testid={`rapat-kind-${k}`}
        >
          {t(k === 'kecamatan' ? 'rapat.kindKecamatan' : 'rapat.kindPuskesmas')}
        </button>
      ))}
    </div>
  );
}

function KecamatanMeetings({
  wilayah,
  t,
  onOpen,
}: {
  wilayah: string | null;
  t: TFunction;
  onOpen: (id: number) => void;
}) {
  const area = useWilayah(wilayah);
  const isKecamatan = area.data?.tingkat === 'kecamatan';
  return (
    <>
      {wilayah && area.isPending && <p>{t('rapat.loading')}</p>}
      {(!wilayah || (area.data && !isKecamatan)) && (
        <NeedMap text={t('rapat.needKecamatan')} t={t} testId="rapat-need-kecamatan" />
      )}
      {isKecamatan && area.data && (
        <MeetingList
          area={{ kind: 'kecamatan', kode: area.data.kode }}
          title={t('rapat.listTitle', { nama: area.data.nama })}
          t={t}
          onOpen={onOpen}
        />
      )}
    </>
  );
}

function NeedMap({ text, t, testId }: { text: string; t: TFunction; testId: string }) {
  return (
    <p className="rapat-hint" data-testid={testId}>
      {text}{' '}
      <button type="button" className="rapat-btn" onClick={() => goToPage('peta')}>
        {t('rapat.openMap')}
      </button>
    </p>
  );
}

/**
 * The wilayah kerja of one puskesmas: a picker of the puskesmas of the kabupaten/kota on screen (or of the chosen
 * puskesmas' own, or the user's), then its meetings. Without a choice the default of defaultPuskesmas is taken.
 */
function PuskesmasMeetings({
  puskesmas,
  onPick,
  wilayah,
  user,
  t,
  onOpen,
}: {
  puskesmas: string | null;
  onPick: (kode: string | null, options?: { replace?: boolean }) => void;
  wilayah: string | null;
  user: SessionUser | null;
  t: TFunction;
  onOpen: (id: number) => void;
}) {
  const chosen = usePuskesmasDetail(puskesmas);
  const kab =
    chosen.data?.puskesmas.kabupaten ??
    ancestorAt(wilayah, 'kabupaten') ??
    user?.scopeKabupaten ??
    ancestorAt(user?.scopeKode, 'kabupaten');
  const kecamatan = ancestorAt(wilayah, 'kecamatan');
  if (!kab) return <NeedMap text={t('rapat.needKabupaten')} t={t} testId="rapat-need-kabupaten" />;
  return (
    <PuskesmasPicker key={kab} kab={kab} puskesmas={puskesmas} kecamatan={kecamatan} user={user} onPick={onPick} t={t}>
      {chosen.data && (
        <MeetingList
          area={{ kind: 'puskesmas', kode: chosen.data.puskesmas.kode, kabupaten: chosen.data.puskesmas.kabupaten }}
          title={t('rapat.listTitlePuskesmas', { nama: chosen.data.puskesmas.nama })}
          note={t('rapat.puskesmasDesa', { n: chosen.data.desa.length })}
          t={t}
          onOpen={onOpen}
        />
      )}
      {chosen.error && <p className="rapat-error">{errorText(chosen.error, t)}</p>}
    </PuskesmasPicker>
  );
}

function PuskesmasPicker({
  kab,
  puskesmas,
  kecamatan,
  user,
  onPick,
  t,
  children,
}: {
  kab: string;
  puskesmas: string | null;
  kecamatan: string | null;
  user: SessionUser | null;
  onPick: (kode: string | null, options?: { replace?: boolean }) => void;
  t: TFunction;
  children: ReactNode;
}) {
  const list = usePuskesmasList(kab);
  const fallback = useMemo(() => defaultPuskesmas(user, list.data, kecamatan), [user, list.data, kecamatan]);
  useEffect(() => {
    if (!puskesmas && fallback) onPick(fallback, { replace: true });
  }, [puskesmas, fallback, onPick]);
  // Only puskesmas holding desa can meet about them (the server refuses an empty wilayah kerja); the chosen one stays.
  const options = (list.data?.puskesmas ?? [])
    .filter((p) => p.desaCount > 0 || p.kode === puskesmas)
    .sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  return (
    <section className="rapat-area">
      <label className="rapat-area__pick">
        {t('rapat.puskesmas')}
        <select
          value={puskesmas ?? ''}
          onChange={(e) => onPick(e.target.value || null)}
          disabled={!list.data}
          data-testid="rapat-puskesmas"
        >
          {!puskesmas && <option value="">{t('rapat.pickPuskesmas')}</option>}
          {options.map((p) => (
            <option key={p.kode} value={p.kode}>
              {t('rapat.puskesmasOption', { nama: p.nama, n: p.desaCount })}
            </option>
          ))}
        </select>
      </label>
      {list.isPending && <p>{t('rapat.loading')}</p>}
      {list.error && <p className="rapat-error">{errorText(list.error, t)}</p>}
      {list.data && options.length === 0 && (
        <p className="rapat-muted">{t('rapat.noPuskesmas', { nama: list.data.nama })}</p>
      )}
      {children}
    </section>
  );
}

function MeetingList({
  area,
  title,
  note,
  t,
  onOpen,
}: {
  area: MeetingArea;
  title: string;
  note?: string;
  t: TFunction;
  onOpen: (id: number) => void;
}) {
  const [lang] = useLang();
  const list = useMeetingList(area);
  const [creating, setCreating] = useState(false);
  const permission = usePermission()('rapat', targetOfArea(area));
  return (
    <section className="rapat-list">
      <div className="rapat-list__head">
        <div>
          <h3 data-testid="rapat-list-title">{title}</h3>
          {note && <p className="rapat-muted">{note}</p>}
        </div>
        {!creating && permission.ok && (
          <button
            type="button"
            className="rapat-btn rapat-btn--primary"
            onClick={() => setCreating(true)}
            data-testid="rapat-new"
          >
            {t('rapat.newMeeting')}
          </button>
        )}
      </div>
      <NotAllowed permission={permission} capability="rapat" testId="rapat-not-allowed" />
      {creating && (
        <NewMeetingForm
          area={area}
          t={t}
          onCancel={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            onOpen(id);
          }}
        />
      )}
      {list.isPending && <p>{t('rapat.loading')}</p>}
      {list.error && <p className="rapat-error">{errorText(list.error, t)}</p>}
      {list.data &&
        (list.data.length === 0 ? (
          <p className="rapat-muted">{t('rapat.listEmpty')}</p>
        ) : (
          <ul className="rapat-cards" data-testid="rapat-list">
            {list.data.map((m) => (
              <li key={m.id}>
                <button type="button" className="card rapat-card" onClick={() => onOpen(m.id)} data-testid="rapat-item">
                  <span className="rapat-card__date">{dateText(m.tanggal, lang)}</span>
                  <span className="rapat-card__title">{m.judul}</span>
                  <span className="rapat-muted">
                    {m.jenisLabel} · {m.periodeLabel} ·{' '}
                    {t('rapat.actionsCount', { n: m.actionCount, open: m.openActionCount })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

interface NewMeetingProps {
  area: MeetingArea;
  t: TFunction;
  onCancel: () => void;
  onCreated: (id: number) => void;
}

function NewMeetingForm(props: NewMeetingProps) {
  // The data period starts on January..the latest month with data as the server states it (GET /api/meta), the
  // default of the map and the planner too.
  const latest = useLatestMonth();
  if (!latest) return <p>{props.t('rapat.loading')}</p>;
  return <MeetingForm {...props} latest={latest} />;
}

function MeetingForm({ area, t, onCancel, onCreated, latest }: NewMeetingProps & { latest: YearMonth }) {
  const [jenis, setJenis] = useState<MeetingType>('lokmin_tribulanan');
  const [tanggal, setTanggal] = useState(() => new Date().toISOString().slice(0, 10));
  const [periode, setPeriode] = useState<string | null>(null);
  const [judul, setJudul] = useState('');
  const [peserta, setPeserta] = useState('');
  const create = useCreateMeeting();
  const period = periode ?? defaultPeriodOf(latest).code;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        jenis,
        tanggal,
        ...createFieldsOf(area),
        periode: period,
        judul: judul || undefined,
        peserta: parsePeserta(peserta),
      },
      { onSuccess: (m) => onCreated(m.id) },
    );
  };
  return (
    <form className="rapat-form" onSubmit={submit} data-testid="rapat-form">
      <div className="rapat-form__row">
        <label>
          {t('rapat.jenis')}
          <select value={jenis} onChange={(e) => setJenis(e.target.value as MeetingType)} data-testid="rapat-jenis">
            {MEETING_TYPES.map((j) => (
              <option key={j} value={j}>
                {MEETING_TYPE_LABELS[j]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('rapat.tanggal')}
          <input
            type="date"
            required
            value={tanggal}
            onChange={(e) => setTanggal(e.target.value)}
            data-testid="rapat-tanggal"
          />
        </label>
        {/* The map's own period picker: kind, month and year as selects, nothing to type or mistype. */}
        <div className="rapat-form__period" data-testid="rapat-periode">
          <PeriodPicker value={parsePeriod(period)} latest={latest} onChange={setPeriode} label={t('rapat.periode')} />
        </div>
      </div>
      <label>
        {t('rapat.judul')}
        <input value={judul} onChange={(e) => setJudul(e.target.value)} data-testid="rapat-judul" />
      </label>
      <label>
        {t('rapat.peserta')}
        <textarea
          rows={3}
          value={peserta}
          placeholder={t('rapat.pesertaPlaceholder')}
          onChange={(e) => setPeserta(e.target.value)}
          data-testid="rapat-peserta"
        />
      </label>
      <FormFoot
        t={t}
        error={create.error}
        busy={create.isPending}
        label={create.isPending ? t('rapat.creating') : t('rapat.create')}
        testId="rapat-create"
        onCancel={onCancel}
      />
    </form>
  );
}

function MeetingView({ id, t, onBack }: { id: number; t: TFunction; onBack: (meeting?: MeetingSummary) => void }) {
  const [lang] = useLang();
  const meeting = useMeeting(id);
  const meta = useMeta();
  const geometry = useMeetingGeometry(meeting.data, meta.data?.geometryVersion);
  const labels = useMeetingLabels(meeting.data);
  const prefetch = usePrefetchMeeting();
  const [mode, setMode] = useState(false);
  const [png, setPng] = useState<'idle' | 'making'>('idle');
  const close = useCallback(() => setMode(false), []);
  const m = meeting.data;
  const lead = useMemo(() => (m ? leadIndicator(m.agenda) : null), [m]);
  const fills = useMemo(() => (m ? classFills(m.agenda, lead) : new Map<string, string>()), [m, lead]);
  const numbers = useMemo(() => new Map(m?.agenda.desa.map((d, i) => [d.kode, i + 1]) ?? []), [m]);

  if (meeting.error && !m)
    return (
      <main className="page page-column rapat">
        <p className="rapat-error">{errorText(meeting.error, t)}</p>
        <button type="button" className="rapat-btn" onClick={() => onBack()}>
          {t('rapat.back')}
        </button>
      </main>
    );
  if (!m)
    return (
      <main className="page page-column rapat" aria-busy="true">
        <p>{t('rapat.loading')}</p>
      </main>
    );

  const makePng = async () => {
    if (!geometry.data) return;
    setPng('making');
    try {
      const shape = mapShape(
        geometry.data.features.map((f) => ({
          kode: f.properties.kode,
          nama: f.properties.nama,
          geometry: f.geometry,
          label: labels.data?.get(f.properties.kode) ?? null,
        })),
        SHARE_MAP_BOX.width,
        SHARE_MAP_BOX.height,
        10,
      );
      const blob = await sharePng({
        paths: shape.paths.map((p) => ({
          d: p.d,
          fill: fills.get(p.kode) ?? '#d9d9d9',
          label: p.label,
          nama: p.nama,
          number: numbers.get(p.kode),
        })),
        title: areaTitle(m),
        subtitle: lead ? `Cakupan ${shortName(lead)} · ${m.periodeLabel}` : m.periodeLabel,
        legend: legendItems(t),
        badge: m.agenda.simulated ? t('rapat.simulated') : null,
        footer: `${t('rapat.mapCaption', { indikator: lead ? shortName(lead) : '', periode: m.periodeLabel })} (${t('rapat.criteria')}) · Peta Situasi Kesehatan Desa`,
      });
      await shareOrDownload(blob, `peta-${areaFileKode(m)}-${lead ?? 'rapat'}-${m.periode}.png`);
    } finally {
      setPng('idle');
    }
  };

  return (
    <main className="page page-column rapat" data-testid="rapat-detail">
      <button type="button" className="rapat-link" onClick={() => onBack(m)}>
        ← {t('rapat.back')}
      </button>
      <header className="page-head rapat__head rapat__head--detail">
        <div>
          <p className="rapat-muted">
            {m.jenisLabel} · {dateText(m.tanggal, lang)}
          </p>
          <h2 data-testid="rapat-title">{m.judul}</h2>
          <p>
            {t('rapat.periode')}: <b>{m.periodeLabel}</b>
            {m.peserta.length
              ? ` · ${m.peserta.map((p) => (p.peran ? `${p.nama} (${p.peran})` : p.nama)).join(', ')}`
              : ''}
          </p>
        </div>
        <div className="rapat__buttons">
          <button
            type="button"
            className="rapat-btn rapat-btn--primary rapat-btn--big"
            onClick={() => {
              prefetch(m);
              setMode(true);
            }}
            data-testid="rapat-start"
          >
            ▶ {t('rapat.start')}
          </button>
          <a
            className="rapat-btn"
            href={`/api/rapat/${m.id}/paket.pdf`}
            target="_blank"
            rel="noopener"
            data-testid="rapat-pdf"
          >
            {t('rapat.pdf')}
          </a>
          <button
            type="button"
            className="rapat-btn"
            onClick={makePng}
            disabled={!geometry.data || png === 'making'}
            data-testid="rapat-png"
          >
            {png === 'making' ? t('rapat.pngMaking') : t('rapat.png')}
          </button>
        </div>
      </header>
      {m.agenda.simulated && <p className="rapat-badge rapat-badge--inline">⚠ {t('rapat.simulated')}</p>}
      {m.earlierActions.length > 0 && (
        <section className="rapat-earlier" data-testid="rapat-earlier">
          <h3>{t('rapat.earlier')}</h3>
          <ActionList actions={m.earlierActions} meetingId={m.id} t={t} lang={lang} />
        </section>
      )}
      <div className="rapat-detail">
        <figure className="rapat-detail__map">
          <WilayahMap
            geometry={geometry.data}
            labels={labels.data}
            fills={fills}
            numbers={numbers}
            label={m.agenda.wilayah.nama}
            width={640}
            height={480}
          />
          <figcaption>
            {lead && t('rapat.mapCaption', { indikator: shortName(lead), periode: m.periodeLabel })}
            <Legend t={t} />
          </figcaption>
        </figure>
        <div>
          <h3>{t('rapat.agenda')}</h3>
          <AgendaLists meeting={m} t={t} />
        </div>
      </div>
      <section>
        <h3>{t('rapat.actions')}</h3>
        <ActionList actions={m.actions} meetingId={m.id} t={t} lang={lang} />
        <NoteBox key={`${m.id}-ringkasan`} meeting={m} itemKey="ringkasan" t={t} />
      </section>
      {mode && <MeetingMode meeting={m} geometry={geometry.data} labels={labels.data} t={t} onClose={close} />}
    </main>
  );
}

export type { MeetingDetail };
