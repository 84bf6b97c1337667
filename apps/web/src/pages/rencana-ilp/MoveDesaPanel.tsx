// The form beside the map to move a selected desa to another puskesmas from a date (history kept by the server).
// Offered only when the signed-in user may plan this kabupaten; otherwise the reason is shown.
import { useState } from 'react';
import type { PuskesmasList } from '@peta/domain/contract';
import { useSessionUser } from '../../shared/session/session-api.ts';
import { NotAllowed, usePermission } from '../../shared/session/use-permission.tsx';
import { ErrorMessage } from '../../shared/status/StatusMessage.tsx';
import type { TFunction } from '../../i18n/i18n.tsx';
import { MoveFromField, StageSwatch } from './parts.tsx';
import { useMoveDesa } from './planner-api.ts';
import { firstOfMonth, formatDate } from './planner-model.ts';

export function MoveDesaPanel(props: {
  kab: string;
  desaKode: string;
  list: PuskesmasList;
  t: TFunction;
  lang: 'id' | 'en';
  onClose: () => void;
}) {
  const { t, list, lang } = props;
  const desa = list.desa.find((d) => d.kode === props.desaKode)!;
  const current = desa.puskesmas ? list.puskesmas.find((p) => p.kode === desa.puskesmas) : undefined;
  const [target, setTarget] = useState('');
  const [mulai, setMulai] = useState(() => firstOfMonth(new Date()));
  const move = useMoveDesa();
  const [done, setDone] = useState<string | null>(null);
  const user = useSessionUser();
  // The dinkes plans its kabupaten: the server checks the puskesmas' kabupaten, which is this one.
  const permission = usePermission()('rencana', { wilayah: props.kab });
  const options = list.puskesmas.filter((p) => p.kode !== desa.puskesmas);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    move.mutate(
      { desa: desa.kode, puskesmas: target, mulai },
      {
        onSuccess: () =>
          setDone(
            t('rencana.moved', {
              desa: desa.nama,
              puskesmas: list.puskesmas.find((p) => p.kode === target)?.nama ?? target,
              date: formatDate(mulai, lang),
              oleh: user?.username ?? '',
            }),
          ),
      },
    );
  };
  return (
    <aside className="planner__panel" aria-label={t('rencana.desaSelected')} data-testid="move-panel">
      <div className="panel__head">
        <div>
          <span className="panel__eyebrow">{t('rencana.desaSelected')}</span>
          <h4 data-testid="move-desa-name">{desa.nama}</h4>
          <span className="panel__kode">{desa.kode}</span>
        </div>
        <button type="button" className="btn btn--ghost" onClick={props.onClose} aria-label={t('rencana.close')}>
          ✕
        </button>
      </div>
      <dl className="panel__facts">
        <dt>{t('rencana.currentPuskesmas')}</dt>
        <dd data-testid="move-current">
          {current ? (
            <>
              <StageSwatch stage={current.stage} /> {current.nama}
            </>
          ) : (
            t('rencana.noPuskesmas')
          )}
          {desa.validFrom && (
            <span className="muted"> · {t('rencana.since', { date: formatDate(desa.validFrom, lang) })}</span>
          )}
          {desa.puskesmas && !desa.confirmed && (
            <span className="tag tag--unconfirmed">{t('rencana.unconfirmed')}</span>
          )}
        </dd>
      </dl>
      {done ? (
        <p className="planner__ok" role="status" data-testid="move-done">
          {done}
        </p>
      ) : !permission.ok ? (
        <NotAllowed permission={permission} capability="rencana" testId="move-not-allowed" />
      ) : (
        <form onSubmit={submit} className="panel__form">
          <label>
            {t('rencana.moveTo')}
            <select required value={target} onChange={(e) => setTarget(e.target.value)} data-testid="move-target">
              <option value="">{t('rencana.choose')}</option>
              {options.map((p) => (
                <option key={p.kode} value={p.kode}>
                  {p.nama}
                </option>
              ))}
            </select>
          </label>
          <MoveFromField t={t} value={mulai} onChange={setMulai} testId="move-date" />
          {move.isError && <ErrorMessage error={move.error} testId="move-error" />}
          <button
            type="submit"
            className="btn btn--primary"
            disabled={!target || move.isPending}
            data-testid="move-submit"
          >
            {t('rencana.move')}
          </button>
        </form>
      )}
    </aside>
  );
}
