// "Rencana ILP": which puskesmas are at which ILP stage (map of wilayah kerja or desa coloured by the puskesmas'
// stage, table), progress against the yearly target, a timeline of stage changes, moving a desa to another
// puskesmas, the wilayah kerja as CSV, the waves (editable) and a ranked proposal for the next wave that can be
// saved. Proposals are "belum dikonfirmasi", demo data "simulasi".
import { useState } from 'react';
import { ancestorAt, formatScore, ILP_STAGES, isIlpStageCode, waveTitle, type IlpStageCode } from '@peta/domain';
import type { ProgressResponse, PuskesmasList, StageEventDto } from '@peta/domain/contract';
import { useChildren, useWilayah } from '../../api/queries.ts';
import { useLang, useT, type TFunction } from '../../i18n/i18n.tsx';
import { isBoolean, useStoredState } from '../../settings.ts';
import { NotAllowed, usePermission } from '../../shared/session/use-permission.tsx';
import { useSessionUser } from '../../shared/session/session-api.ts';
import { useUrlState } from '../../url-state.ts';
import { ErrorMessage, Loading } from '../../shared/status/StatusMessage.tsx';
import { StageSwatch, UnconfirmedSwatch } from './parts.tsx';
import { PlannerMap } from './PlannerMap.tsx';
import { usePuskesmasDetail, usePuskesmasList } from '../../api/puskesmas.ts';
import { useAddStage, useProgress, useProposal, useSaveReadiness, useSaveWave } from './planner-api.ts';
import { formatDate, kabupatenFromWilayah, needText, stageLabel } from './planner-model.ts';
import { WavesCard } from './WavesCard.tsx';
import { WilayahKerjaCsvCard } from './WilayahKerjaCsvCard.tsx';
import './planner.css';

export default function PlannerPage() {
  const t = useT();
  const [lang] = useLang();
  const [url, navigate] = useUrlState();
  // Without a wilayah in the URL the planner opens on the user's own kabupaten (as the map and the imports do).
  const home = useSessionUser()?.home ?? null;
  const kab = kabupatenFromWilayah(url.wilayah ?? home);
  const [largeText] = useStoredState('peta.largeText', false, isBoolean);
  const [basemap] = useStoredState('peta.basemap', false, isBoolean);
  const list = usePuskesmasList(kab);
  const progress = useProgress(kab);
  const area = useWilayah(kab);
  const nama = area.data?.nama ?? kab;
  // A puskesmas chosen in the table or on the map: its wilayah kerja keeps its colour on the map, the others fade.
  const [focus, setFocus] = useState<string | null>(null);

  return (
    <main className="page page-column planner" data-testid="page-rencana">
      <header className="page-head planner__head">
        <div>
          <h2>
            {t('rencana.title')} — {nama}
          </h2>
          <p className="planner__intro">{t('rencana.intro')}</p>
        </div>
        <KabupatenChooser kab={kab} t={t} onChange={(k) => navigate({ wilayah: k })} />
      </header>
      {list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} testId="planner-error" />}
      {(list.data?.simulated || progress.data?.simulated) && (
        <p className="planner__note planner__note--sim" data-testid="planner-simulated">
          <span className="tag tag--sim">{t('rencana.simulated')}</span> {t('rencana.simulatedNote')}
        </p>
      )}
      {list.data && <UnconfirmedNote data={list.data} t={t} />}
      {progress.data ? (
        <ProgressCard data={progress.data} t={t} lang={lang} />
      ) : (
        <Loading message={t('rencana.loading')} />
      )}
      <div className="planner__grid">
        <PlannerMap
          kab={kab}
          nama={nama}
          list={list.data}
          bbox={area.data?.bbox ?? null}
          t={t}
          lang={lang}
          largeText={largeText}
          basemap={basemap}
          focus={focus}
          onFocus={setFocus}
          onClearFocus={() => setFocus(null)}
        />
        {progress.data && <Timeline events={progress.data.timeline} t={t} lang={lang} />}
      </div>
      {focus && <PuskesmasDetailCard key={focus} kode={focus} t={t} lang={lang} />}
      {list.data && (
        <PuskesmasTable
          data={list.data}
          t={t}
          lang={lang}
          focus={focus}
          onFocus={(k) => {
            setFocus(k);
            document.getElementById('planner-map-title')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          }}
        />
      )}
      {list.data && <WilayahKerjaCsvCard kab={kab} list={list.data} t={t} />}
      {list.data && progress.data && (
        <WavesCard kab={kab} list={list.data} waves={progress.data.waves} t={t} lang={lang} />
      )}
      {list.data && <Proposal kab={kab} data={list.data} t={t} lang={lang} />}
    </main>
  );
}

function KabupatenChooser({ kab, t, onChange }: { kab: string; t: TFunction; onChange: (kode: string) => void }) {
  const provinsi = useChildren(null);
  const prov = ancestorAt(kab, 'provinsi') ?? kab;
  const kabupaten = useChildren(prov);
  return (
    <div className="planner__chooser">
      <label>
        {t('rencana.provinsi')}
        <select value={prov} onChange={(e) => onChange(e.target.value)} data-testid="planner-provinsi">
          {(provinsi.data ?? [{ kode: prov, nama: prov }]).map((p) => (
            <option key={p.kode} value={p.kode}>
              {p.nama}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('rencana.kabupaten')}
        <select value={kab} onChange={(e) => onChange(e.target.value)} data-testid="planner-kabupaten">
          {(kabupaten.data ?? [{ kode: kab, nama: kab }]).map((k) => (
            <option key={k.kode} value={k.kode}>
              {k.nama}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function UnconfirmedNote({ data, t }: { data: PuskesmasList; t: TFunction }) {
  const n = data.desa.filter((d) => d.puskesmas && !d.confirmed).length;
  if (!n) return null;
  return (
    <p className="planner__note" data-testid="planner-unconfirmed">
      <span className="tag tag--unconfirmed">{t('rencana.unconfirmed')}</span>{' '}
      {t('rencana.unconfirmedNote', { n, total: data.desa.length })}
    </p>
  );
}

function ProgressCard({ data, t, lang }: { data: ProgressResponse; t: TFunction; lang: 'id' | 'en' }) {
  const years = data.years.filter((y) => y.target !== null || y.count > 0);
  if (!years.length) return null;
  return (
    <section className="card planner__progress" aria-labelledby="planner-progress-title" data-testid="planner-progress">
      <h3 id="planner-progress-title">{t('rencana.progressTitle')}</h3>
      <ul>
        {years.map((y) => {
          const scale = Math.max(y.count, y.target ?? 0, 1);
          return (
            <li key={y.year} data-testid={`progress-${y.year}`}>
              <div className="progress__label">
                <strong>{t('rencana.progressYear', { year: y.year })}</strong>
                <span className="progress__text">{y.text}</span>
                <span className="progress__asof">{t('rencana.progressAsOf', { date: formatDate(y.asOf, lang) })}</span>
              </div>
              <div className="progress__track" role="img" aria-label={y.text}>
                <div
                  className={`progress__bar${y.percent !== null && y.percent >= 100 ? ' progress__bar--done' : ''}`}
                  style={{ width: `${(y.count / scale) * 100}%` }}
                />
                {y.target !== null && (
                  <div
                    className="progress__target"
                    style={{ left: `${(y.target / scale) * 100}%` }}
                    title={`target ${y.target}`}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Timeline({ events, t, lang }: { events: StageEventDto[]; t: TFunction; lang: 'id' | 'en' }) {
  const [all, setAll] = useState(false);
  const sorted = [...events].reverse();
  const shown = all ? sorted : sorted.slice(0, 10);
  return (
    <section className="card planner__timeline" aria-labelledby="planner-timeline-title" data-testid="planner-timeline">
      <h3 id="planner-timeline-title">{t('rencana.timelineTitle')}</h3>
      <ol>
        {shown.map((e) => (
          <li key={e.id}>
            <time dateTime={e.date}>{formatDate(e.date, lang)}</time>
            <span className="timeline__what">
              <StageSwatch stage={e.stage} /> <strong>{e.nama}</strong> → {stageLabel(e.stage, lang)}
            </span>
            {e.simulated && <span className="tag tag--sim">{t('rencana.simulated')}</span>}
          </li>
        ))}
      </ol>
      {sorted.length > 10 && (
        <button type="button" className="btn btn--link" onClick={() => setAll(!all)}>
          {all ? t('rencana.timelineLess') : t('rencana.timelineMore', { n: sorted.length })}
        </button>
      )}
    </section>
  );
}

function PuskesmasTable({
  data,
  t,
  lang,
  focus,
  onFocus,
}: {
  data: PuskesmasList;
  t: TFunction;
  lang: 'id' | 'en';
  focus: string | null;
  onFocus: (kode: string) => void;
}) {
  const rows = [...data.puskesmas].sort((a, b) => b.stageLevel - a.stageLevel || a.nama.localeCompare(b.nama));
  return (
    <section className="card" aria-labelledby="planner-table-title">
      <h3 id="planner-table-title">{t('rencana.tableTitle', { n: rows.length })}</h3>
      <div className="table-scroll">
        <table className="planner__table" data-testid="puskesmas-table">
          <thead>
            <tr>
              <th>{t('rencana.colPuskesmas')}</th>
              <th>{t('rencana.colStage')}</th>
              <th>{t('rencana.colWave')}</th>
              <th className="num">{t('rencana.colReadiness')}</th>
              <th className="num">{t('rencana.colDesa')}</th>
              <th>{t('rencana.colGap', { period: data.periodLabel })}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.kode} data-kode={p.kode} className={p.kode === focus ? 'is-chosen' : ''}>
                <td>
                  {p.desaCount > 0 ? (
                    <button
                      type="button"
                      className="btn btn--link planner__name"
                      onClick={() => onFocus(p.kode)}
                      title={t('rencana.focusShow')}
                    >
                      {p.nama}
                    </button>
                  ) : (
                    <strong>{p.nama}</strong>
                  )}
                </td>
                <td className="nowrap">
                  <StageSwatch stage={isIlpStageCode(p.stage) ? p.stage : null} /> {stageLabel(p.stage, lang)}
                  {p.stageDate && <span className="muted"> · {formatDate(p.stageDate, lang)}</span>}
                  {p.stageSimulated && <span className="tag tag--sim">{t('rencana.simulated')}</span>}
                </td>
                <td>{p.wave ? waveTitle(p.wave) : t('rencana.none')}</td>
                <td className="num">
                  <Meter done={p.readinessDone} total={p.readinessTotal} />
                </td>
                <td className="num nowrap">
                  {p.desaCount}
                  {p.unconfirmedDesa > 0 && (
                    <span
                      className="tag tag--unconfirmed"
                      title={t('rencana.hoverUnconfirmed', { n: p.unconfirmedDesa })}
                      data-testid="row-unconfirmed"
                    >
                      <UnconfirmedSwatch />
                      {t('rencana.proposedShort')}
                    </span>
                  )}
                </td>
                <td
                  className={p.desaCount === 0 || p.need.every((n) => n.notYetServed === null) ? 'muted' : undefined}
                  data-testid="need-cell"
                >
                  {needText(p, t)}
                </td>
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
      <span className="meter__bar">
        <span style={{ width: `${(done / Math.max(total, 1)) * 100}%` }} />
      </span>
      <span className="meter__text">
        {done}/{total}
      </span>
    </span>
  );
}

function Proposal(props: { kab: string; data: PuskesmasList; t: TFunction; lang: 'id' | 'en' }) {
  const { t, kab, lang } = props;
  const [open, setOpen] = useState(false);
  const [weight, setWeight] = useState(0.5);
  const proposal = useProposal(kab, weight, open);
  const [count, setCount] = useState(5);
  const nextYear = new Date().getUTCFullYear() + 1;
  const [year, setYear] = useState(nextYear);
  const [waveName, setWaveName] = useState(`Gelombang ${nextYear}`);
  const save = useSaveWave();
  const [saved, setSaved] = useState<string | null>(null);
  const permission = usePermission()('rencana', { wilayah: kab });
  const rows = proposal.data?.rows ?? [];
  const chosen = rows.slice(0, count);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        body: {
          kabupaten: kab,
          nama: waveName.trim(),
          year,
          target: chosen.length,
          note: `Dari usulan: ${proposal.data?.method ?? ''}`,
          members: chosen.map((r) => ({ kode: r.kode, rank: r.rank, reason: r.reason })),
        },
      },
      { onSuccess: (w) => setSaved(t('rencana.waveSaved', { nama: waveTitle(w), n: w.members.length })) },
    );
  };
  return (
    <section className="card planner__proposal" aria-labelledby="planner-proposal-title" data-testid="planner-proposal">
      <div className="proposal__head">
        <h3 id="planner-proposal-title">{t('rencana.proposeTitle')}</h3>
        {!open && (
          <button type="button" className="btn btn--primary" onClick={() => setOpen(true)} data-testid="propose-button">
            {t('rencana.proposeButton')}
          </button>
        )}
      </div>
      <p className="planner__hint">{t('rencana.proposeIntro')}</p>
      {open && (
        <>
          <div className="proposal__controls">
            <label>
              {t('rencana.needWeight')} <output>{Math.round(weight * 100)}%</output>
              <input
                type="range"
                min={0}
                max={1}
                step={0.1}
                value={weight}
                onChange={(e) => setWeight(Number(e.target.value))}
              />
            </label>
            <label>
              {t('rencana.howMany')}
              <input
                type="number"
                min={1}
                max={Math.max(rows.length, 1)}
                value={count}
                onChange={(e) => setCount(Math.max(1, Number(e.target.value) || 1))}
                data-testid="propose-count"
              />
            </label>
            <span className="tag tag--unconfirmed">{t('rencana.proposalBadge')}</span>
          </div>
          {proposal.isError && <ErrorMessage error={proposal.error} onRetry={() => void proposal.refetch()} />}
          {proposal.data ? (
            <>
              <p className="proposal__method" data-testid="proposal-method">
                {proposal.data.method}
              </p>
              <div className="table-scroll">
                <table className="planner__table" data-testid="proposal-table">
                  <thead>
                    <tr>
                      <th className="num">{t('rencana.rank')}</th>
                      <th>{t('rencana.colPuskesmas')}</th>
                      <th>{t('rencana.colStage')}</th>
                      <th>{t('rencana.reason')}</th>
                      <th className="num">{t('rencana.score')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.kode} className={r.rank <= count ? 'is-chosen' : ''} data-kode={r.kode}>
                        <td className="num">{r.rank}</td>
                        <td>
                          <strong>{r.nama}</strong>
                        </td>
                        <td className="nowrap">
                          <StageSwatch stage={r.stage} /> {stageLabel(r.stage, lang)}
                        </td>
                        <td className="proposal__reason">{r.reason}</td>
                        <td className="num" data-testid="proposal-score">
                          {r.score === null ? '–' : formatScore(r.score)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {saved ? (
                <p className="planner__ok" role="status" data-testid="wave-saved">
                  {saved}
                </p>
              ) : (
                <form className="proposal__save" onSubmit={submit}>
                  <label>
                    {t('rencana.waveName')}
                    <input
                      required
                      value={waveName}
                      onChange={(e) => setWaveName(e.target.value)}
                      data-testid="wave-name"
                    />
                  </label>
                  <label>
                    {t('rencana.waveYear')}
                    <input
                      type="number"
                      required
                      min={2023}
                      max={2100}
                      value={year}
                      onChange={(e) => setYear(Number(e.target.value))}
                    />
                  </label>
                  {save.isError && <ErrorMessage error={save.error} testId="wave-error" />}
                  <button
                    type="submit"
                    className="btn btn--primary"
                    disabled={!permission.ok || !chosen.length || save.isPending}
                    data-testid="wave-save"
                  >
                    {t('rencana.saveWave')} ({chosen.length})
                  </button>
                  <NotAllowed permission={permission} capability="rencana" testId="wave-not-allowed" />
                </form>
              )}
            </>
          ) : (
            !proposal.isError && <Loading message={t('rencana.loading')} />
          )}
        </>
      )}
    </section>
  );
}

function PuskesmasDetailCard({ kode, t, lang }: { kode: string; t: TFunction; lang: 'id' | 'en' }) {
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
  if (!detail.data) return <Loading message={t('rencana.loading')} />;
  const d = detail.data;
  // Stages are the dinkes' plan (its kabupaten); the checklist is filled in by the puskesmas itself or the dinkes.
  const mayStage = may('rencana', { wilayah: d.puskesmas.kabupaten });
  const mayReadiness = may('kesiapan', { puskesmas: d.puskesmas.kode, kabupaten: d.puskesmas.kabupaten });
  const submitStage = (e: React.FormEvent) => {
    e.preventDefault();
    addStage.mutate(
      { stage, date, skNumber: sk || undefined, evidence: evidence || undefined },
      { onSuccess: () => setMessage(t('rencana.stageSaved')) },
    );
  };
  const submitReadiness = (e: React.FormEvent) => {
    e.preventDefault();
    saveReadiness.mutate(
      { answers },
      {
        onSuccess: () => {
          setAnswers({});
          setMessage(t('rencana.readinessSaved'));
        },
      },
    );
  };
  const done = d.readiness.filter((i) => (answers[i.code] ?? i.state) === true).length;
  return (
    <section className="card planner__detail" aria-labelledby="planner-detail-title" data-testid="planner-detail">
      <h3 id="planner-detail-title">{t('rencana.detailTitle', { nama: d.puskesmas.nama })}</h3>
      <p className="planner__hint">{t('rencana.facilities', { pustu: d.pustu, posyandu: d.posyandu })}</p>
      <div className="detail__grid">
        <div>
          <h4>{t('rencana.stageHistory')}</h4>
          {d.stages.length ? (
            <ol className="detail__stages">
              {d.stages.map((s) => (
                <li key={s.id}>
                  <StageSwatch stage={s.stage} /> <strong>{stageLabel(s.stage, lang)}</strong> ·{' '}
                  {formatDate(s.date, lang)}
                  {s.skNumber && <span className="muted"> · SK {s.skNumber}</span>}
                  {s.simulated && <span className="tag tag--sim">{t('rencana.simulated')}</span>}
                  {s.evidence && <div className="muted detail__evidence">{s.evidence}</div>}
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">{t('rencana.noStages')}</p>
          )}
          <form className="detail__form" onSubmit={submitStage}>
            <h4>{t('rencana.addStage')}</h4>
            <NotAllowed permission={mayStage} capability="rencana" testId="stage-not-allowed" />
            {/* Disabled, not hidden: the user sees what the dinkes records and why they cannot. */}
            <fieldset className="bare-fieldset plain-fieldset" disabled={!mayStage.ok}>
              <label>
                {t('rencana.stage')}
                <select
                  value={stage}
                  onChange={(e) => isIlpStageCode(e.target.value) && setStage(e.target.value)}
                  data-testid="stage-select"
                >
                  {ILP_STAGES.map((s) => (
                    <option key={s.code} value={s.code}>
                      {s.level} · {stageLabel(s.code, lang)}
                    </option>
                  ))}
                </select>
                <small>{ILP_STAGES.find((s) => s.code === stage)!.evidenceNeeded}</small>
              </label>
              <label>
                {t('rencana.date')}
                <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
              </label>
              <label>
                {t('rencana.skNumber')}
                <input value={sk} onChange={(e) => setSk(e.target.value)} />
              </label>
              <label>
                {t('rencana.evidence')}
                <input value={evidence} onChange={(e) => setEvidence(e.target.value)} />
              </label>
              {addStage.isError && <ErrorMessage error={addStage.error} />}
              <button type="submit" className="btn btn--primary" disabled={addStage.isPending} data-testid="stage-save">
                {t('rencana.saveStage')}
              </button>
            </fieldset>
          </form>
        </div>
        <form onSubmit={submitReadiness}>
          <h4>{t('rencana.readinessTitle', { done, total: d.readiness.length })}</h4>
          <NotAllowed permission={mayReadiness} capability="kesiapan" testId="readiness-not-allowed" />
          <fieldset className="bare-fieldset plain-fieldset" disabled={!mayReadiness.ok}>
            <ul className="detail__readiness">
              {d.readiness.map((i) => {
                const state = answers[i.code] ?? i.state;
                return (
                  <li key={i.code}>
                    {i.source === 'form' ? (
                      <label className="detail__check">
                        <input
                          type="checkbox"
                          checked={state === true}
                          onChange={(e) => setAnswers({ ...answers, [i.code]: e.target.checked })}
                        />
                        {lang === 'en' ? i.labelEn : i.labelId}
                      </label>
                    ) : (
                      <span className="detail__check">
                        <span
                          aria-hidden="true"
                          className={`detail__mark detail__mark--${state === null ? 'unknown' : state ? 'yes' : 'no'}`}
                        >
                          {state === null ? '?' : state ? '✓' : '✗'}
                        </span>
                        <span>
                          {lang === 'en' ? i.labelEn : i.labelId}{' '}
                          <small className="muted">
                            ({state === null ? t('rencana.readinessUnknown') : t('rencana.readinessDerived')})
                          </small>
                        </span>
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
            {saveReadiness.isError && <ErrorMessage error={saveReadiness.error} />}
            <button
              type="submit"
              className="btn"
              disabled={!Object.keys(answers).length || saveReadiness.isPending}
              data-testid="readiness-save"
            >
              {t('rencana.saveReadiness')}
            </button>
          </fieldset>
        </form>
      </div>
      {message && (
        <p className="planner__ok" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
