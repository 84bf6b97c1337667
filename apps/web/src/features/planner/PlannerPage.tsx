// "Rencana ILP": which puskesmas are at which ILP stage (map of desa coloured by their puskesmas' stage, table),
// progress against the yearly target, a timeline of stage changes, moving a desa to another puskesmas, and a
// ranked proposal for the next wave that can be saved. Proposals are "belum dikonfirmasi", demo data "simulasi".
import { useMemo, useState } from 'react';
import { ILP_STAGES, isIlpStageCode, type IlpStageCode } from '@peta/domain';
import type { ProgressResponse, PuskesmasList, PuskesmasSummary, StageEventDto } from '@peta/domain/contract';
import { useChildren, useMeta, useWilayah } from '../../api/queries.ts';
import { useLang } from '../../i18n/i18n.tsx';
import { isBoolean, useStoredState } from '../../settings.ts';
import { useSessionUser } from '../session/session-api.ts';
import { NotAllowed, usePermission } from '../session/use-permission.tsx';
import { useUrlState } from '../../url-state.ts';
import { MapView } from '../map-view/MapView.tsx';
import { ErrorMessage, Loading } from '../status/StatusMessage.tsx';
import { usePlannerT, type PlannerT } from './messages.ts';
import {
  useAddStage, useDesaGeometry, useMoveDesa, useProgress, useProposal, usePuskesmasDetail, usePuskesmasList, useSaveReadiness, useSaveWave,
} from './planner-api.ts';
import { desaColours, firstOfMonth, formatDate, kabupatenFromWilayah, NO_PUSKESMAS_COLOUR, STAGE_COLOURS, stageLabel } from './planner-model.ts';
import './planner.css';

export default function PlannerPage() {
  const t = usePlannerT();
  const [lang] = useLang();
  const [url, navigate] = useUrlState();
  const kab = kabupatenFromWilayah(url.wilayah);
  const [largeText] = useStoredState('peta.largeText', false, isBoolean);
  const [basemap] = useStoredState('peta.basemap', false, isBoolean);
  const list = usePuskesmasList(kab);
  const progress = useProgress(kab);
  const area = useWilayah(kab);
  const nama = area.data?.nama ?? kab;
  // A puskesmas chosen in the table: its desa keep their colour on the map, the others fade.
  const [focus, setFocus] = useState<string | null>(null);

  return (
    <main className="page planner" data-testid="page-rencana">
      <header className="planner__head">
        <div>
          <h2>{t('title')} — {nama}</h2>
          <p className="planner__intro">{t('intro')}</p>
        </div>
        <KabupatenChooser kab={kab} t={t} onChange={(k) => navigate({ wilayah: k })} />
      </header>
      {list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} testId="planner-error" />}
      {(list.data?.simulated || progress.data?.simulated) && (
        <p className="planner__note planner__note--sim" data-testid="planner-simulated"><span className="tag tag--sim">{t('simulated')}</span> {t('simulatedNote')}</p>
      )}
      {list.data && <UnconfirmedNote data={list.data} t={t} />}
      {progress.data ? <ProgressCard data={progress.data} t={t} lang={lang} /> : <Loading message={t('loading')} />}
      <div className="planner__grid">
        <PlannerMap kab={kab} nama={nama} list={list.data} bbox={area.data?.bbox ?? null} t={t} lang={lang}
          largeText={largeText} basemap={basemap} focus={focus} onClearFocus={() => setFocus(null)} />
        {progress.data && <Timeline events={progress.data.timeline} t={t} lang={lang} />}
      </div>
      {focus && <PuskesmasDetailCard key={focus} kode={focus} t={t} lang={lang} />}
      {list.data && <PuskesmasTable data={list.data} t={t} lang={lang} focus={focus} onFocus={(k) => {
        setFocus(k);
        document.getElementById('planner-map-title')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      }} />}
      {list.data && <Proposal kab={kab} data={list.data} t={t} lang={lang} />}
    </main>
  );
}

function KabupatenChooser({ kab, t, onChange }: { kab: string; t: PlannerT; onChange: (kode: string) => void }) {
  const provinsi = useChildren(null);
  const prov = kab.slice(0, 2);
  const kabupaten = useChildren(prov);
  return (
    <div className="planner__chooser">
      <label>{t('provinsi')}
        <select value={prov} onChange={(e) => onChange(e.target.value)} data-testid="planner-provinsi">
          {(provinsi.data ?? [{ kode: prov, nama: prov }]).map((p) => <option key={p.kode} value={p.kode}>{p.nama}</option>)}
        </select>
      </label>
      <label>{t('kabupaten')}
        <select value={kab} onChange={(e) => onChange(e.target.value)} data-testid="planner-kabupaten">
          {(kabupaten.data ?? [{ kode: kab, nama: kab }]).map((k) => <option key={k.kode} value={k.kode}>{k.nama}</option>)}
        </select>
      </label>
    </div>
  );
}

function UnconfirmedNote({ data, t }: { data: PuskesmasList; t: PlannerT }) {
  const n = data.desa.filter((d) => d.puskesmas && !d.confirmed).length;
  if (!n) return null;
  return (
    <p className="planner__note" data-testid="planner-unconfirmed">
      <span className="tag tag--unconfirmed">{t('unconfirmed')}</span> {t('unconfirmedNote', { n, total: data.desa.length })}
    </p>
  );
}

function ProgressCard({ data, t, lang }: { data: ProgressResponse; t: PlannerT; lang: 'id' | 'en' }) {
  const years = data.years.filter((y) => y.target !== null || y.count > 0);
  if (!years.length) return null;
  return (
    <section className="card planner__progress" aria-labelledby="planner-progress-title" data-testid="planner-progress">
      <h3 id="planner-progress-title">{t('progressTitle')}</h3>
      <ul>
        {years.map((y) => {
          const scale = Math.max(y.count, y.target ?? 0, 1);
          return (
            <li key={y.year} data-testid={`progress-${y.year}`}>
              <div className="progress__label">
                <strong>{t('progressYear', { year: y.year })}</strong>
                <span className="progress__text">{y.textId}</span>
                <span className="progress__asof">{t('progressAsOf', { date: formatDate(y.asOf, lang) })}</span>
              </div>
              <div className="progress__track" role="img" aria-label={y.textId}>
                <div className={`progress__bar${y.percent !== null && y.percent >= 100 ? ' progress__bar--done' : ''}`} style={{ width: `${(y.count / scale) * 100}%` }} />
                {y.target !== null && <div className="progress__target" style={{ left: `${(y.target / scale) * 100}%` }} title={`target ${y.target}`} />}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function StageSwatch({ stage }: { stage: IlpStageCode | null }) {
  return <span className="swatch" style={{ background: stage ? STAGE_COLOURS[stage] : NO_PUSKESMAS_COLOUR }} aria-hidden="true" />;
}

function PlannerMap(props: {
  kab: string; nama: string; list: PuskesmasList | undefined; bbox: [number, number, number, number] | null; t: PlannerT; lang: 'id' | 'en';
  largeText: boolean; basemap: boolean; focus: string | null; onClearFocus: () => void;
}) {
  const { kab, list, t, lang, focus } = props;
  const meta = useMeta();
  const geometry = useDesaGeometry(meta.data?.geometryVersion, kab);
  const [selected, setSelected] = useState<string | null>(null);
  const [hover, setHover] = useState<string | null>(null);
  const colours = useMemo(() => (list ? desaColours(list.desa, list.puskesmas, focus) : {}), [list, focus]);
  const focused = focus ? list?.puskesmas.find((p) => p.kode === focus) : undefined;
  const desaByKode = useMemo(() => new Map((list?.desa ?? []).map((d) => [d.kode, d])), [list]);
  const pkmByKode = useMemo(() => new Map((list?.puskesmas ?? []).map((p) => [p.kode, p])), [list]);
  const hovered = hover ? desaByKode.get(hover) : undefined;
  // Desa names at their label points (overlapping ones are hidden by the map); larger priority for kelurahan-free order.
  const labels = useMemo(() => (list?.desa ?? []).filter((d) => d.label).map((d) => ({ kode: d.kode, nama: d.nama, lngLat: d.label!, priority: 0 })), [list]);
  const usedStages = new Set(list?.puskesmas.filter((p) => p.desaCount > 0).map((p) => p.stage));
  const hasUnassigned = list?.desa.some((d) => !d.puskesmas);
  const overlay = geometry.isError ? <ErrorMessage error={geometry.error} onRetry={() => void geometry.refetch()} testId="planner-map-error" />
    : !geometry.data ? <Loading message={t('loading')} /> : null;
  return (
    <section className="card planner__map" aria-labelledby="planner-map-title">
      <h3 id="planner-map-title">{t('mapTitle')}</h3>
      <p className="planner__hint">{t('clickHint')}</p>
      {focused && (
        <p className="planner__focus" data-testid="planner-focus">
          <StageSwatch stage={focused.stage} /> {t('focusShown', { nama: focused.nama, n: focused.desaCount })}
          <button type="button" className="btn btn--link" onClick={props.onClearFocus}>{t('focusClear')}</button>
        </p>
      )}
      <div className="planner__map-wrap">
        <div className="planner__map-box">
          <MapView viewKode={kab} geometry={geometry.data} labels={labels} context={undefined} outerContext={undefined}
            contextCurrent={null} bounds={props.bbox} hoverKode={hover} selectedKode={selected} basemap={props.basemap}
            largeText={props.largeText} ariaLabel={t('mapAria', { nama: props.nama })} onSelect={setSelected} onHover={setHover}
            featureValues={colours} overlay={overlay}>
            <div className="planner__legend" data-testid="planner-legend">
              <strong>{t('legendTitle')}</strong>
              <ul>
                {ILP_STAGES.map((s) => (
                  <li key={s.code} className={usedStages.has(s.code) ? '' : 'legend__unused'}><StageSwatch stage={s.code} />{stageLabel(s.code, lang)}</li>
                ))}
                {hasUnassigned && <li><StageSwatch stage={null} />{t('noPuskesmas')}</li>}
              </ul>
            </div>
            {hovered && (
              <div className="planner__hover" data-testid="planner-hover">
                <strong>{hovered.nama}</strong>
                <span>{hovered.puskesmas ? pkmByKode.get(hovered.puskesmas)?.nama : t('noPuskesmas')}</span>
                {hovered.puskesmas && pkmByKode.get(hovered.puskesmas) && <span>{stageLabel(pkmByKode.get(hovered.puskesmas)!.stage, lang)}</span>}
              </div>
            )}
          </MapView>
        </div>
        {selected && list && desaByKode.get(selected) && (
          <MoveDesaPanel key={selected} kab={kab} desaKode={selected} list={list} t={t} lang={lang} onClose={() => setSelected(null)} />
        )}
      </div>
    </section>
  );
}

function MoveDesaPanel(props: {
  kab: string; desaKode: string; list: PuskesmasList; t: PlannerT; lang: 'id' | 'en'; onClose: () => void;
}) {
  const { t, list, lang } = props;
  const desa = list.desa.find((d) => d.kode === props.desaKode)!;
  const current = desa.puskesmas ? list.puskesmas.find((p) => p.kode === desa.puskesmas) : undefined;
  const [target, setTarget] = useState('');
  const [mulai, setMulai] = useState(() => firstOfMonth(new Date()));
  const move = useMoveDesa(props.kab);
  const [done, setDone] = useState<string | null>(null);
  const user = useSessionUser();
  // The dinkes plans its kabupaten: the server checks the puskesmas' kabupaten, which is this one.
  const permission = usePermission()('rencana', { wilayah: props.kab });
  const options = list.puskesmas.filter((p) => p.kode !== desa.puskesmas);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    move.mutate({ desa: desa.kode, puskesmas: target, mulai }, {
      onSuccess: () => setDone(t('moved', { desa: desa.nama, puskesmas: list.puskesmas.find((p) => p.kode === target)?.nama ?? target, date: formatDate(mulai, lang), oleh: user?.username ?? '' })),
    });
  };
  return (
    <aside className="planner__panel" aria-label={t('desaSelected')} data-testid="move-panel">
      <div className="panel__head">
        <div>
          <span className="panel__eyebrow">{t('desaSelected')}</span>
          <h4 data-testid="move-desa-name">{desa.nama}</h4>
          <span className="panel__kode">{desa.kode}</span>
        </div>
        <button type="button" className="btn btn--ghost" onClick={props.onClose} aria-label={t('close')}>✕</button>
      </div>
      <dl className="panel__facts">
        <dt>{t('currentPuskesmas')}</dt>
        <dd data-testid="move-current">
          {current ? <><StageSwatch stage={current.stage} /> {current.nama}</> : t('noPuskesmas')}
          {desa.validFrom && <span className="muted"> · {t('since', { date: formatDate(desa.validFrom, lang) })}</span>}
          {desa.puskesmas && !desa.confirmed && <span className="tag tag--unconfirmed">{t('unconfirmed')}</span>}
        </dd>
      </dl>
      {done ? <p className="planner__ok" role="status" data-testid="move-done">{done}</p> : !permission.ok ? (
        <NotAllowed permission={permission} capability="rencana" testId="move-not-allowed" />
      ) : (
        <form onSubmit={submit} className="panel__form">
          <label>{t('moveTo')}
            <select required value={target} onChange={(e) => setTarget(e.target.value)} data-testid="move-target">
              <option value="">{t('choose')}</option>
              {options.map((p) => <option key={p.kode} value={p.kode}>{p.nama}</option>)}
            </select>
          </label>
          <label>{t('moveFrom')}
            <input type="date" required value={mulai} onChange={(e) => setMulai(e.target.value)} data-testid="move-date" />
            <small>{t('moveFromHelp')}</small>
          </label>
          {move.isError && <ErrorMessage error={move.error} testId="move-error" />}
          <button type="submit" className="btn btn--primary" disabled={!target || move.isPending} data-testid="move-submit">{t('move')}</button>
        </form>
      )}
    </aside>
  );
}

function Timeline({ events, t, lang }: { events: StageEventDto[]; t: PlannerT; lang: 'id' | 'en' }) {
  const [all, setAll] = useState(false);
  const sorted = [...events].reverse();
  const shown = all ? sorted : sorted.slice(0, 10);
  return (
    <section className="card planner__timeline" aria-labelledby="planner-timeline-title" data-testid="planner-timeline">
      <h3 id="planner-timeline-title">{t('timelineTitle')}</h3>
      <ol>
        {shown.map((e) => (
          <li key={e.id}>
            <time dateTime={e.date}>{formatDate(e.date, lang)}</time>
            <span className="timeline__what"><StageSwatch stage={e.stage} /> <strong>{e.nama}</strong> → {stageLabel(e.stage, lang)}</span>
            {e.simulated && <span className="tag tag--sim">{t('simulated')}</span>}
          </li>
        ))}
      </ol>
      {sorted.length > 10 && <button type="button" className="btn btn--link" onClick={() => setAll(!all)}>{all ? t('timelineLess') : t('timelineMore', { n: sorted.length })}</button>}
    </section>
  );
}

function gapText(p: PuskesmasSummary, none: string) {
  const top = p.need[0];
  return top && top.gap > 0 ? `${top.gap.toLocaleString('id-ID')} ${top.gapNounId}` : none;
}

function PuskesmasTable({ data, t, lang, focus, onFocus }: {
  data: PuskesmasList; t: PlannerT; lang: 'id' | 'en'; focus: string | null; onFocus: (kode: string) => void;
}) {
  const rows = [...data.puskesmas].sort((a, b) => b.stageLevel - a.stageLevel || a.nama.localeCompare(b.nama));
  return (
    <section className="card" aria-labelledby="planner-table-title">
      <h3 id="planner-table-title">{t('tableTitle', { n: rows.length })}</h3>
      <div className="table-scroll">
        <table className="planner__table" data-testid="puskesmas-table">
          <thead>
            <tr>
              <th>{t('colPuskesmas')}</th><th>{t('colStage')}</th><th>{t('colWave')}</th>
              <th className="num">{t('colReadiness')}</th><th className="num">{t('colDesa')}</th><th>{t('colGap', { period: data.periodLabel })}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.kode} data-kode={p.kode} className={p.kode === focus ? 'is-chosen' : ''}>
                <td>
                  {p.desaCount > 0
                    ? <button type="button" className="btn btn--link planner__name" onClick={() => onFocus(p.kode)} title={t('focusShow')}>{p.nama}</button>
                    : <strong>{p.nama}</strong>}
                </td>
                <td className="nowrap">
                  <StageSwatch stage={isIlpStageCode(p.stage) ? p.stage : null} /> {stageLabel(p.stage, lang)}
                  {p.stageDate && <span className="muted"> · {formatDate(p.stageDate, lang)}</span>}
                  {p.stageSimulated && <span className="tag tag--sim">{t('simulated')}</span>}
                </td>
                <td>{p.wave ? `${p.wave.nama} ${p.wave.tahun}` : t('none')}</td>
                <td className="num"><Meter done={p.readinessDone} total={p.readinessTotal} /></td>
                <td className="num nowrap">{p.desaCount}{p.unconfirmedDesa > 0 && <span className="tag tag--unconfirmed" title={t('unconfirmed')}>{t('proposedShort')}</span>}</td>
                <td>{gapText(p, t('none'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Meter({ done, total }: { done: number; total: number }) {
  return (
    <span className="meter" title={`${done}/${total}`}>
      <span className="meter__bar"><span style={{ width: `${(done / Math.max(total, 1)) * 100}%` }} /></span>
      <span className="meter__text">{done}/{total}</span>
    </span>
  );
}

function Proposal(props: { kab: string; data: PuskesmasList; t: PlannerT; lang: 'id' | 'en' }) {
  const { t, kab, lang } = props;
  const [open, setOpen] = useState(false);
  const [weight, setWeight] = useState(0.5);
  const proposal = useProposal(kab, weight, open);
  const [count, setCount] = useState(5);
  const nextYear = new Date().getUTCFullYear() + 1;
  const [tahun, setTahun] = useState(nextYear);
  const [waveName, setWaveName] = useState(`Gelombang ${nextYear}`);
  const save = useSaveWave(kab);
  const [saved, setSaved] = useState<string | null>(null);
  const permission = usePermission()('rencana', { wilayah: kab });
  const rows = proposal.data?.rows ?? [];
  const chosen = rows.slice(0, count);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate({
      kabupaten: kab, nama: waveName.trim(), tahun, target: chosen.length,
      note: `Dari usulan: ${proposal.data?.methodId ?? ''}`,
      members: chosen.map((r) => ({ kode: r.kode, rank: r.rank, reason: r.reasonId })),
    }, { onSuccess: (w) => setSaved(t('waveSaved', { nama: `${w.nama} ${w.tahun}`, n: w.members.length })) });
  };
  return (
    <section className="card planner__proposal" aria-labelledby="planner-proposal-title" data-testid="planner-proposal">
      <div className="proposal__head">
        <h3 id="planner-proposal-title">{t('proposeTitle')}</h3>
        {!open && <button type="button" className="btn btn--primary" onClick={() => setOpen(true)} data-testid="propose-button">{t('proposeButton')}</button>}
      </div>
      <p className="planner__hint">{t('proposeIntro')}</p>
      {open && (
        <>
          <div className="proposal__controls">
            <label>{t('needWeight')} <output>{Math.round(weight * 100)}%</output>
              <input type="range" min={0} max={1} step={0.1} value={weight} onChange={(e) => setWeight(Number(e.target.value))} />
            </label>
            <label>{t('howMany')}
              <input type="number" min={1} max={Math.max(rows.length, 1)} value={count} onChange={(e) => setCount(Math.max(1, Number(e.target.value) || 1))} data-testid="propose-count" />
            </label>
            <span className="tag tag--unconfirmed">{t('proposalBadge')}</span>
          </div>
          {proposal.isError && <ErrorMessage error={proposal.error} onRetry={() => void proposal.refetch()} />}
          {proposal.data ? (
            <>
              <p className="proposal__method">{proposal.data.methodId}</p>
              <div className="table-scroll">
                <table className="planner__table" data-testid="proposal-table">
                  <thead><tr><th className="num">{t('rank')}</th><th>{t('colPuskesmas')}</th><th>{t('colStage')}</th><th>{t('reason')}</th><th className="num">{t('score')}</th></tr></thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.kode} className={r.rank <= count ? 'is-chosen' : ''} data-kode={r.kode}>
                        <td className="num">{r.rank}</td>
                        <td><strong>{r.nama}</strong></td>
                        <td className="nowrap"><StageSwatch stage={r.stage} /> {stageLabel(r.stage, lang)}</td>
                        <td className="proposal__reason">{r.reasonId}</td>
                        <td className="num">{r.score.toFixed(2)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {saved ? <p className="planner__ok" role="status" data-testid="wave-saved">{saved}</p> : (
                <form className="proposal__save" onSubmit={submit}>
                  <label>{t('waveName')}<input required value={waveName} onChange={(e) => setWaveName(e.target.value)} data-testid="wave-name" /></label>
                  <label>{t('waveYear')}<input type="number" required min={2023} max={2100} value={tahun} onChange={(e) => setTahun(Number(e.target.value))} /></label>
                  {save.isError && <ErrorMessage error={save.error} testId="wave-error" />}
                  <button type="submit" className="btn btn--primary" disabled={!permission.ok || !chosen.length || save.isPending} data-testid="wave-save">{t('saveWave')} ({chosen.length})</button>
                  <NotAllowed permission={permission} capability="rencana" testId="wave-not-allowed" />
                </form>
              )}
            </>
          ) : !proposal.isError && <Loading message={t('loading')} />}
        </>
      )}
    </section>
  );
}

function PuskesmasDetailCard({ kode, t, lang }: { kode: string; t: PlannerT; lang: 'id' | 'en' }) {
  const detail = usePuskesmasDetail(kode);
  const addStage = useAddStage(kode);
  const saveReadiness = useSaveReadiness(kode);
  const [stage, setStage] = useState<IlpStageCode>('persiapan');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [sk, setSk] = useState('');
  const [evidence, setEvidence] = useState('');
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [message, setMessage] = useState<string | null>(null);
  const may = usePermission();
  if (detail.isError) return <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return <Loading message={t('loading')} />;
  const d = detail.data;
  // Stages are the dinkes' plan (its kabupaten); the checklist is filled in by the puskesmas itself or the dinkes.
  const mayStage = may('rencana', { wilayah: d.puskesmas.kabupaten });
  const mayReadiness = may('kesiapan', { puskesmas: d.puskesmas.kode, kabupaten: d.puskesmas.kabupaten });
  const submitStage = (e: React.FormEvent) => {
    e.preventDefault();
    addStage.mutate({ stage, date, skNumber: sk || undefined, evidence: evidence || undefined }, { onSuccess: () => setMessage(t('stageSaved')) });
  };
  const submitReadiness = (e: React.FormEvent) => {
    e.preventDefault();
    saveReadiness.mutate({ answers }, { onSuccess: () => { setAnswers({}); setMessage(t('readinessSaved')); } });
  };
  const done = d.readiness.filter((i) => (answers[i.code] ?? i.state) === true).length;
  return (
    <section className="card planner__detail" aria-labelledby="planner-detail-title" data-testid="planner-detail">
      <h3 id="planner-detail-title">{t('detailTitle', { nama: d.puskesmas.nama })}</h3>
      <p className="planner__hint">{t('facilities', { pustu: d.pustu, posyandu: d.posyandu })}</p>
      <div className="detail__grid">
        <div>
          <h4>{t('stageHistory')}</h4>
          {d.stages.length ? (
            <ol className="detail__stages">
              {d.stages.map((s) => (
                <li key={s.id}>
                  <StageSwatch stage={s.stage} /> <strong>{stageLabel(s.stage, lang)}</strong> · {formatDate(s.date, lang)}
                  {s.skNumber && <span className="muted"> · SK {s.skNumber}</span>}
                  {s.simulated && <span className="tag tag--sim">{t('simulated')}</span>}
                  {s.evidence && <div className="muted detail__evidence">{s.evidence}</div>}
                </li>
              ))}
            </ol>
          ) : <p className="muted">{t('noStages')}</p>}
          <form className="detail__form" onSubmit={submitStage}>
            <h4>{t('addStage')}</h4>
            <NotAllowed permission={mayStage} capability="rencana" testId="stage-not-allowed" />
            {/* Disabled, not hidden: the user sees what the dinkes records and why they cannot. */}
            <fieldset className="plain-fieldset" disabled={!mayStage.ok}>
            <label>{t('stage')}
              <select value={stage} onChange={(e) => isIlpStageCode(e.target.value) && setStage(e.target.value)} data-testid="stage-select">
                {ILP_STAGES.map((s) => <option key={s.code} value={s.code}>{s.level} · {stageLabel(s.code, lang)}</option>)}
              </select>
              <small>{ILP_STAGES.find((s) => s.code === stage)!.evidenceId}</small>
            </label>
            <label>{t('date')}<input type="date" required value={date} onChange={(e) => setDate(e.target.value)} /></label>
            <label>{t('skNumber')}<input value={sk} onChange={(e) => setSk(e.target.value)} /></label>
            <label>{t('evidence')}<input value={evidence} onChange={(e) => setEvidence(e.target.value)} /></label>
            {addStage.isError && <ErrorMessage error={addStage.error} />}
            <button type="submit" className="btn btn--primary" disabled={addStage.isPending} data-testid="stage-save">{t('saveStage')}</button>
            </fieldset>
          </form>
        </div>
        <form onSubmit={submitReadiness}>
          <h4>{t('readinessTitle', { done, total: d.readiness.length })}</h4>
          <NotAllowed permission={mayReadiness} capability="kesiapan" testId="readiness-not-allowed" />
          <fieldset className="plain-fieldset" disabled={!mayReadiness.ok}>
          <ul className="detail__readiness">
            {d.readiness.map((i) => {
              const state = answers[i.code] ?? i.state;
              return (
                <li key={i.code}>
                  {i.source === 'form' ? (
                    <label className="detail__check">
                      <input type="checkbox" checked={state === true} onChange={(e) => setAnswers({ ...answers, [i.code]: e.target.checked })} />
                      {lang === 'en' ? i.labelEn : i.labelId}
                    </label>
                  ) : (
                    <span className="detail__check">
                      <span aria-hidden="true" className={`detail__mark detail__mark--${state === null ? 'unknown' : state ? 'yes' : 'no'}`}>{state === null ? '?' : state ? '✓' : '✗'}</span>
                      <span>{lang === 'en' ? i.labelEn : i.labelId} <small className="muted">({state === null ? t('readinessUnknown') : t('readinessDerived')})</small></span>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          {saveReadiness.isError && <ErrorMessage error={saveReadiness.error} />}
          <button type="submit" className="btn" disabled={!Object.keys(answers).length || saveReadiness.isPending} data-testid="readiness-save">{t('saveReadiness')}</button>
          </fieldset>
        </form>
      </div>
      {message && <p className="planner__ok" role="status">{message}</p>}
    </section>
  );
}
