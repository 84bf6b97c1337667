// Beside the map when several desa are selected (lasso or Shift/Ctrl+click): their names, "Kosongkan pilihan", and
// one move of them all to a puskesmas from a date — one POST per desa, one after the other (each its own event on
// the server), with progress; the first failure stops it and says which desa and why. Offered, as the single move,
// only when the signed-in user may plan this kabupaten.
import { useState } from 'react';
import type { PuskesmasList } from '@peta/domain/contract';
import { useSessionUser } from '../../shared/session/session-api.ts';
import { NotAllowed, usePermission } from '../../shared/session/use-permission.tsx';
import { moveOneByOne, movePlan } from './lasso-model.ts';
import type { TFunction } from '../../i18n/i18n.tsx';
import { MoveFromField } from './parts.tsx';
import { useMoveSeveralDesa } from './planner-api.ts';
import { firstOfMonth, formatDate } from './planner-model.ts';

export function MoveManyPanel(props: {
  kab: string;
  kodes: string[];
  list: PuskesmasList;
  t: TFunction;
  lang: 'id' | 'en';
  onClear: () => void;
  onMoved: (message: string) => void;
}) {
  const { t, list, lang } = props;
  const desa = props.kodes.flatMap((k) => list.desa.filter((d) => d.kode === k));
  const [target, setTarget] = useState('');
  const [mulai, setMulai] = useState(() => firstOfMonth(new Date()));
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const user = useSessionUser();
  const permission = usePermission()('rencana', { wilayah: props.kab });
  const moves = useMoveSeveralDesa();
  const plan = target ? movePlan(desa, target) : null;
  const running = progress !== null;
  const nameOf = (kode: string) => list.desa.find((d) => d.kode === kode)?.nama ?? kode;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!plan || running) return;
    setFailure(null);
    const outcome = await moveOneByOne(
      plan.move.map((d) => d.kode),
      (kode) => moves.send({ desa: kode, puskesmas: target, mulai }),
      (done, total) => setProgress({ done, total }),
    );
    await moves.refresh();
    setProgress(null);
    if (outcome.status === 'failed') {
      setFailure(
        t('rencana.moveManyFailed', {
          desa: nameOf(outcome.failed),
          message: outcome.message,
          done: outcome.moved.length,
        }),
      );
      return;
    }
    const puskesmas = list.puskesmas.find((p) => p.kode === target)?.nama ?? target;
    props.onMoved(
      t('rencana.movedMany', {
        n: outcome.moved.length,
        puskesmas,
        date: formatDate(mulai, lang),
        oleh: user?.username ?? '',
      }) + (plan.already.length ? ` ${t('rencana.moveManyAlready', { n: plan.already.length })}` : ''),
    );
  };

  return (
    <aside className="planner__panel" aria-label={t('rencana.desaSelected')} data-testid="move-many-panel">
      <div className="panel__head">
        <div>
          <span className="panel__eyebrow">{t('rencana.desaSelected')}</span>
          <h4 data-testid="move-many-count">{t('rencana.manySelected', { n: desa.length })}</h4>
        </div>
        <button
          type="button"
          className="btn btn--ghost"
          onClick={props.onClear}
          aria-label={t('rencana.close')}
          disabled={running}
        >
          ✕
        </button>
      </div>
      <ul className="panel__desa-list" data-testid="move-many-list">
        {desa.map((d) => (
          <li key={d.kode} data-kode={d.kode}>
            {d.nama}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn btn--link"
        onClick={props.onClear}
        disabled={running}
        data-testid="selection-clear"
      >
        {t('rencana.clearSelection')}
      </button>
      {!permission.ok ? (
        <NotAllowed permission={permission} capability="rencana" testId="move-not-allowed" />
      ) : (
        <form onSubmit={(e) => void submit(e)} className="panel__form">
          <label>
            {t('rencana.moveTo')}
            <select
              required
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              disabled={running}
              data-testid="move-many-target"
            >
              <option value="">{t('rencana.choose')}</option>
              {list.puskesmas.map((p) => (
                <option key={p.kode} value={p.kode}>
                  {p.nama}
                </option>
              ))}
            </select>
          </label>
          <MoveFromField t={t} value={mulai} onChange={setMulai} disabled={running} testId="move-many-date" />
          {plan && plan.already.length > 0 && (
            <small data-testid="move-many-already">{t('rencana.moveManyAlready', { n: plan.already.length })}</small>
          )}
          {progress && (
            <p className="planner__hint" role="status" data-testid="move-many-progress">
              {t('rencana.moveProgress', progress)}
            </p>
          )}
          {failure && (
            <p className="planner__err" role="alert" data-testid="move-many-error">
              {failure}
            </p>
          )}
          <button
            type="submit"
            className="btn btn--primary"
            disabled={!plan || plan.move.length === 0 || running}
            data-testid="move-many-submit"
          >
            {t('rencana.moveMany', { n: plan ? plan.move.length : desa.length })}
          </button>
        </form>
      )}
    </aside>
  );
}
