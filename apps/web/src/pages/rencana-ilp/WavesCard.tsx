// The kabupaten's waves (gelombang): name, year, target, planned dates, note and members; each editable in place
// (PUT /api/gelombang/{id}, the same body as a new wave) by whoever may plan the kabupaten. A list, not a table,
// so it reads on a phone.
import { useState } from 'react';
import { waveTitle } from '@peta/domain';
import type { PuskesmasList, WaveDto } from '@peta/domain/contract';
import { NotAllowed, usePermission } from '../../shared/session/use-permission.tsx';
import { ErrorMessage } from '../../shared/status/StatusMessage.tsx';
import type { TFunction } from '../../i18n/i18n.tsx';
import { useSaveWave } from './planner-api.ts';
import { formatDate } from './planner-model.ts';
import {
  memberCandidates,
  plannedDatesInOrder,
  waveBody,
  waveDraft,
  withMember,
  withoutMember,
  type WaveDraft,
} from './wave-model.ts';

export function WavesCard({
  kab,
  list,
  waves,
  t,
  lang,
}: {
  kab: string;
  list: PuskesmasList;
  waves: WaveDto[];
  t: TFunction;
  lang: 'id' | 'en';
}) {
  const permission = usePermission()('rencana', { wilayah: kab });
  const [editing, setEditing] = useState<number | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (!waves.length) return null;
  const sorted = [...waves].sort((a, b) => a.year - b.year || a.nama.localeCompare(b.nama));
  return (
    <section className="card planner__waves" aria-labelledby="planner-waves-title" data-testid="planner-waves">
      <h3 id="planner-waves-title">{t('rencana.wavesTitle', { n: waves.length })}</h3>
      <NotAllowed permission={permission} capability="rencana" testId="waves-not-allowed" />
      {saved && (
        <p className="planner__ok" role="status" data-testid="wave-edit-saved">
          {saved}
        </p>
      )}
      <ul className="waves">
        {sorted.map((w) => (
          <li
            key={w.id}
            className={`wave${editing === w.id ? ' wave--editing' : ''}`}
            data-testid="wave"
            data-id={w.id}
          >
            {editing === w.id ? (
              <WaveEditForm
                kab={kab}
                wave={w}
                list={list}
                t={t}
                onCancel={() => setEditing(null)}
                onSaved={(after) => {
                  setEditing(null);
                  setSaved(t('rencana.waveEdited', { nama: waveTitle(after) }));
                }}
              />
            ) : (
              <WaveSummary
                wave={w}
                t={t}
                lang={lang}
                onEdit={
                  permission.ok
                    ? () => {
                        setSaved(null);
                        setEditing(w.id);
                      }
                    : undefined
                }
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function WaveSummary({
  wave: w,
  t,
  lang,
  onEdit,
}: {
  wave: WaveDto;
  t: TFunction;
  lang: 'id' | 'en';
  onEdit?: () => void;
}) {
  const planned = [w.plannedStart, w.plannedEnd].map((d) => (d ? formatDate(d, lang) : '…')).join(' – ');
  return (
    <>
      <div className="wave__head">
        <strong data-testid="wave-title">{waveTitle(w)}</strong>
        {w.simulated && <span className="tag tag--sim">{t('rencana.simulated')}</span>}
        {onEdit && (
          <button type="button" className="btn btn--link" onClick={onEdit} data-testid="wave-edit">
            {t('rencana.waveEdit')}
          </button>
        )}
      </div>
      <p className="wave__facts">
        <span data-testid="wave-target">{t('rencana.waveTargetOf', { target: w.target, n: w.members.length })}</span>
        {(w.plannedStart || w.plannedEnd) && <span>{t('rencana.wavePlanned', { dates: planned })}</span>}
      </p>
      {w.note && <p className="wave__note muted">{w.note}</p>}
      <details className="wave__members">
        <summary>{t('rencana.waveMembers', { n: w.members.length })}</summary>
        <p>{w.members.map((m) => m.nama).join(', ')}</p>
      </details>
    </>
  );
}

function WaveEditForm({
  kab,
  wave,
  list,
  t,
  onCancel,
  onSaved,
}: {
  kab: string;
  wave: WaveDto;
  list: PuskesmasList;
  t: TFunction;
  onCancel: () => void;
  onSaved: (wave: WaveDto) => void;
}) {
  const [draft, setDraft] = useState<WaveDraft>(() => waveDraft(wave));
  const save = useSaveWave();
  const set = (patch: Partial<WaveDraft>) => setDraft({ ...draft, ...patch });
  const datesOk = plannedDatesInOrder(draft);
  const candidates = memberCandidates(list.puskesmas, draft);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate({ id: wave.id, body: waveBody(kab, draft) }, { onSuccess: onSaved });
  };
  return (
    <form className="wave__form" onSubmit={submit} data-testid="wave-form">
      <label className="wave__wide">
        {t('rencana.waveName')}
        <input
          required
          maxLength={200}
          value={draft.nama}
          onChange={(e) => set({ nama: e.target.value })}
          data-testid="wave-edit-name"
        />
      </label>
      <label>
        {t('rencana.waveYear')}
        <input
          type="number"
          required
          min={2023}
          max={2100}
          value={draft.year}
          onChange={(e) => set({ year: Number(e.target.value) })}
          data-testid="wave-edit-year"
        />
      </label>
      <label>
        {t('rencana.waveTarget')}
        <input
          type="number"
          required
          min={0}
          max={1000}
          value={draft.target}
          onChange={(e) => set({ target: Number(e.target.value) })}
          data-testid="wave-edit-target"
        />
      </label>
      <label>
        {t('rencana.wavePlannedStart')}
        <input
          type="date"
          value={draft.plannedStart}
          onChange={(e) => set({ plannedStart: e.target.value })}
          data-testid="wave-edit-start"
        />
      </label>
      <label>
        {t('rencana.wavePlannedEnd')}
        <input
          type="date"
          value={draft.plannedEnd}
          onChange={(e) => set({ plannedEnd: e.target.value })}
          data-testid="wave-edit-end"
        />
      </label>
      <label className="wave__wide">
        {t('rencana.waveNote')}
        <textarea
          rows={2}
          maxLength={2000}
          value={draft.note}
          onChange={(e) => set({ note: e.target.value })}
          data-testid="wave-edit-note"
        />
      </label>
      <fieldset className="wave__wide wave__member-set">
        <legend>{t('rencana.waveMembers', { n: draft.members.length })}</legend>
        <ul className="wave__member-list" data-testid="wave-edit-members">
          {draft.members.map((m) => (
            <li key={m.kode} data-kode={m.kode}>
              <span>{m.nama}</span>
              <button
                type="button"
                className="btn btn--ghost"
                onClick={() => setDraft(withoutMember(draft, m.kode))}
                aria-label={t('rencana.waveRemove', { nama: m.nama })}
                title={t('rencana.waveRemove', { nama: m.nama })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
        {candidates.length > 0 && (
          <label>
            {t('rencana.waveAdd')}
            <select
              value=""
              data-testid="wave-edit-add"
              onChange={(e) => {
                const p = candidates.find((c) => c.kode === e.target.value);
                if (p) setDraft(withMember(draft, p));
              }}
            >
              <option value="">{t('rencana.choose')}</option>
              {candidates.map((p) => (
                <option key={p.kode} value={p.kode}>
                  {p.nama}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>
      {!datesOk && (
        <p className="planner__err" role="alert">
          {t('rencana.waveDatesOrder')}
        </p>
      )}
      {save.isError && <ErrorMessage error={save.error} testId="wave-edit-error" />}
      <div className="wave__actions wave__wide">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={!datesOk || save.isPending}
          data-testid="wave-edit-save"
        >
          {t('rencana.waveSaveChanges')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('rencana.cancel')}
        </button>
      </div>
    </form>
  );
}
