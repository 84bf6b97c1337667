// Step 3, "Riwayat impor": every load (imports, undos, the demo data), newest first, with "Batalkan" behind a
// confirm step. A refused undo (a later import holds the same cells) shows the API's message.
import { useEffect, useId, useRef, useState, type Ref } from 'react';
import { formatNumberId } from '@peta/domain';
import type { LoadRecordDto, UndoResponse } from '@peta/domain/contract';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { ErrorMessage, Loaded } from '../../shared/status/StatusMessage.tsx';
import { canUndo, formatWhen, KIND_LABEL, loadStatus, shortHash } from './import-model.ts';
import { useImportHistory, useUndo } from './imports-api.ts';

/** mayUndo: the signed-in user's role may import (the server still checks that the load lies in their wilayah). */
export function HistorySection({ mayUndo }: { mayUndo: boolean }) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const history = useImportHistory();
  const undo = useUndo();
  const [confirming, setConfirming] = useState<number | null>(null);
  const [done, setDone] = useState<UndoResponse | null>(null);
  const [failed, setFailed] = useState<{ loadId: number; error: unknown } | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const message = useRef<HTMLDivElement>(null);

  // Focus: onto "Ya, batalkan" when the confirm step opens, back onto its "Batalkan" when it is dismissed.
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    if (confirming !== null) confirmButton.current?.focus();
    else if (refocus.current !== null) {
      document.querySelector<HTMLButtonElement>(`[data-testid="undo-button"][data-load="${refocus.current}"]`)?.focus();
      refocus.current = null;
    }
  }, [confirming]);
  useEffect(() => {
    if (done || failed) message.current?.focus();
  }, [done, failed]);

  const ask = (loadId: number) => {
    setConfirming(loadId);
    setDone(null);
    setFailed(null);
  };
  const cancel = (loadId: number) => {
    refocus.current = loadId;
    setConfirming(null);
  };
  const confirm = (loadId: number) => {
    undo.mutate(loadId, {
      onSuccess: (answer) => {
        setConfirming(null);
        setDone(answer);
      },
      onError: (error) => {
        setConfirming(null);
        setFailed({ loadId, error });
      },
    });
  };

  return (
    <section className="card imp-card imp-card--wide" aria-labelledby={`${id}-h`} data-testid="history-section">
      <div className="imp-card__head">
        <h3 id={`${id}-h`} className="imp-card__title">
          <span className="imp-step" aria-hidden="true">
            3
          </span>
          {t('impor.history.title')}
        </h3>
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => void history.refetch()}
          disabled={history.isFetching}
          data-testid="history-refresh"
        >
          {t('impor.history.refresh')}
        </button>
      </div>
      <p className="imp-card__lead">{t('impor.history.lead')}</p>
      <div ref={message} tabIndex={-1} className="imp-history__message" aria-live="polite">
        {done && (
          <p className="imp-note imp-note--ok" data-testid="undo-done">
            {t('impor.history.undone', { id: done.undoneLoadId, n: formatNumberId(done.restored, 0) })}
          </p>
        )}
        {failed && <ErrorMessage error={failed.error} testId="undo-error" />}
      </div>
      <Loaded query={history}>
        {(list) =>
          list.length === 0 ? (
            <p className="imp-hint">{t('impor.history.empty')}</p>
          ) : (
            <div className="imp-table-wrap">
              <table className="imp-table imp-history" data-testid="history-table">
                <caption className="sr-only">{t('impor.history.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t('impor.col.when')}</th>
                    <th scope="col">{t('impor.col.who')}</th>
                    <th scope="col">{t('impor.col.file')}</th>
                    <th scope="col" className="imp-num">
                      {t('impor.count.added')}
                    </th>
                    <th scope="col" className="imp-num">
                      {t('impor.count.changed')}
                    </th>
                    <th scope="col" className="imp-num">
                      {t('impor.count.unchanged')}
                    </th>
                    <th scope="col" className="imp-num">
                      {t('impor.count.warnings')}
                    </th>
                    <th scope="col">{t('impor.col.status')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('impor.col.action')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((load) => (
                    <HistoryRow
                      key={load.id}
                      load={load}
                      lang={lang}
                      mayUndo={mayUndo}
                      confirming={confirming === load.id}
                      busy={undo.isPending}
                      confirmRef={confirmButton}
                      onAsk={() => ask(load.id)}
                      onCancel={() => cancel(load.id)}
                      onConfirm={() => confirm(load.id)}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </section>
  );
}

interface HistoryRowProps {
  load: LoadRecordDto;
  mayUndo: boolean;
  lang: 'id' | 'en';
  confirming: boolean;
  busy: boolean;
  confirmRef: Ref<HTMLButtonElement>;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}

function HistoryRow({
  load,
  lang,
  mayUndo,
  confirming,
  busy,
  confirmRef,
  onAsk,
  onCancel,
  onConfirm,
}: HistoryRowProps) {
  const t = useT();
  const status = loadStatus(load);
  return (
    <tr
      data-testid="history-row"
      data-load={load.id}
      data-kind={load.kind}
      data-status={load.status}
      className={load.status === 'undone' ? 'is-undone' : undefined}
    >
      <td data-label="#" className="imp-history__id">
        #{load.id}
      </td>
      <td data-label={t('impor.col.when')}>{formatWhen(load.createdAt, lang)}</td>
      <td data-label={t('impor.col.who')}>{load.oleh ?? <span className="muted">—</span>}</td>
      <td data-label={t('impor.col.file')} className="imp-history__file">
        <span className="imp-history__kind">{t(KIND_LABEL[load.kind])}</span>
        {load.fileName ? (
          <span className="imp-history__name" data-testid="history-file">
            {load.fileName}
          </span>
        ) : (
          <span className="imp-history__name muted">{load.description}</span>
        )}
        {load.fileHash && (
          <code className="imp-code" title={`sha256 ${load.fileHash}`}>
            {shortHash(load.fileHash)}
          </code>
        )}
        {load.simulated && <span className="tag imp-tag-sim">{t('impor.sample.simulated')}</span>}
      </td>
      <td className="imp-num" data-label={t('impor.count.added')}>
        {formatNumberId(load.added, 0)}
      </td>
      <td className="imp-num" data-label={t('impor.count.changed')}>
        {formatNumberId(load.changed, 0)}
      </td>
      <td className="imp-num" data-label={t('impor.count.unchanged')}>
        {formatNumberId(load.unchanged, 0)}
      </td>
      <td className="imp-num" data-label={t('impor.count.warnings')}>
        {load.warningCount}
      </td>
      <td data-label={t('impor.col.status')}>
        <span className={`imp-status imp-status--${load.status}`} data-testid="history-status">
          {t(status.key, status.params)}
        </span>
      </td>
      <td className="imp-history__action">
        {mayUndo && canUndo(load) && !confirming && (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={onAsk}
            disabled={busy}
            data-testid="undo-button"
            data-load={load.id}
          >
            {t('impor.history.undo')}
          </button>
        )}
        {confirming && (
          <div
            className="imp-confirm"
            role="group"
            aria-label={t('impor.history.confirmLabel', { id: load.id })}
            data-testid="undo-confirm"
          >
            <p>{t('impor.history.confirmText', { id: load.id })}</p>
            <div className="imp-confirm__buttons">
              <button
                ref={confirmRef}
                type="button"
                className="button button--danger button--small"
                onClick={onConfirm}
                disabled={busy}
                aria-busy={busy || undefined}
                data-testid="undo-confirm-yes"
              >
                {busy ? t('impor.history.undoing') : t('impor.history.confirmYes')}
              </button>
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={onCancel}
                disabled={busy}
                data-testid="undo-confirm-no"
              >
                {t('impor.history.confirmNo')}
              </button>
            </div>
          </div>
        )}
      </td>
    </tr>
  );
}
