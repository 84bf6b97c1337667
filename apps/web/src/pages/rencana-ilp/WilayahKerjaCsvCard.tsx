// "Wilayah kerja sebagai CSV": download the kabupaten's desa per puskesmas, edit kode_puskesmas in a spreadsheet,
// upload it with the date the changes start → the plan (new puskesmas, moves, confirmations) or the errors at their
// row and column → "Simpan". Nothing is written before "Simpan"; the server checks the file again then.
import { useMemo, useState } from 'react';
import type { PuskesmasList, WilayahKerjaCsvOutcome } from '@peta/domain/contract';
import { NotAllowed, usePermission } from '../../shared/session/use-permission.tsx';
import { ErrorMessage, Loading } from '../../shared/status/StatusMessage.tsx';
import type { MessageKey, TFunction } from '../../i18n/i18n.tsx';
import { MoveFromField } from './parts.tsx';
import { useWilayahKerjaCsv } from './planner-api.ts';
import { firstOfMonth } from './planner-model.ts';
import {
  csvPlanSummary,
  wilayahKerjaCsvUrl,
  type CsvPlanState,
  type CsvPlanSummary,
} from './wilayah-kerja-csv-model.ts';

const HEADLINE: Record<CsvPlanState, MessageKey> = {
  invalid: 'rencana.csvInvalid',
  unchanged: 'rencana.csvUnchanged',
  ready: 'rencana.csvReady',
  committed: 'rencana.csvCommitted',
};
/** Enough to fix a file; the rest are usually the same mistake repeated. */
const MAX_ISSUES = 50;

export function WilayahKerjaCsvCard({ kab, list, t }: { kab: string; list: PuskesmasList; t: TFunction }) {
  const permission = usePermission()('rencana', { wilayah: kab });
  const [file, setFile] = useState<File | null>(null);
  const [mulai, setMulai] = useState(() => firstOfMonth(new Date()));
  const { preview, commit } = useWilayahKerjaCsv(kab);
  // The commit's outcome once there is one (saved, or 422 with errors), else the preview's.
  const outcome = commit.data ?? preview.data;
  const summary = useMemo(() => (outcome ? csvPlanSummary(outcome, list) : null), [outcome, list]);
  // A new file or date makes the plan on screen stale.
  const reset = () => {
    preview.reset();
    commit.reset();
  };
  const check = (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    commit.reset();
    preview.mutate({ file, mulai });
  };
  return (
    <section className="card planner__csv" aria-labelledby="planner-csv-title" data-testid="wk-csv">
      <h3 id="planner-csv-title">{t('rencana.csvTitle')}</h3>
      <p className="planner__hint">{t('rencana.csvIntro')}</p>
      <a className="btn" href={wilayahKerjaCsvUrl(kab)} download data-testid="wk-csv-download">
        {t('rencana.csvDownload')}
      </a>
      {!permission.ok ? (
        <NotAllowed permission={permission} capability="rencana" testId="wk-csv-not-allowed" />
      ) : (
        <form className="csv__form" onSubmit={check}>
          <label>
            {t('rencana.csvFile')}
            <input
              type="file"
              accept=".csv,text/csv"
              required
              data-testid="wk-csv-file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset();
              }}
            />
          </label>
          <MoveFromField
            t={t}
            value={mulai}
            onChange={(day) => {
              setMulai(day);
              reset();
            }}
            testId="wk-csv-date"
            help={false}
          />
          <button
            type="submit"
            className="btn btn--primary"
            disabled={!file || preview.isPending}
            data-testid="wk-csv-check"
          >
            {t('rencana.csvCheck')}
          </button>
        </form>
      )}
      {preview.isPending && <Loading message={t('rencana.csvChecking')} />}
      {preview.isError && <ErrorMessage error={preview.error} testId="wk-csv-error" />}
      {summary && outcome && (
        <div
          className={`csv__result csv__result--${summary.state}`}
          data-testid="wk-csv-result"
          data-state={summary.state}
        >
          <p className="csv__headline" role="status">
            {t(HEADLINE[summary.state], { n: outcome.errors.length, rows: outcome.rows })}
          </p>
          {summary.state !== 'invalid' && <PlanDetails summary={summary} t={t} />}
          <IssueTable
            issues={outcome.errors}
            caption={t('rencana.csvErrors', { n: outcome.errors.length })}
            testId="wk-csv-errors"
            t={t}
          />
          <IssueTable
            issues={outcome.warnings}
            caption={t('rencana.csvWarnings', { n: outcome.warnings.length })}
            testId="wk-csv-warnings"
            t={t}
          />
          {commit.isError && <ErrorMessage error={commit.error} testId="wk-csv-commit-error" />}
          {summary.state === 'ready' && (
            <button
              type="button"
              className="btn btn--primary"
              disabled={commit.isPending || !file}
              onClick={() => file && commit.mutate({ file, mulai })}
              data-testid="wk-csv-commit"
            >
              {t('rencana.csvCommit')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function PlanDetails({ summary, t }: { summary: CsvPlanSummary; t: TFunction }) {
  return (
    <>
      <ul className="csv__counts">
        <li>
          <strong data-testid="wk-csv-count-new">{summary.newPuskesmas.length}</strong> {t('rencana.csvCountNew')}
        </li>
        <li>
          <strong data-testid="wk-csv-count-moves">{summary.moves.length}</strong> {t('rencana.csvCountMoves')}
        </li>
        <li>
          <strong data-testid="wk-csv-count-confirms">{summary.confirmCount}</strong> {t('rencana.csvCountConfirms')}
        </li>
        <li>
          <strong data-testid="wk-csv-count-unchanged">{summary.unchanged}</strong> {t('rencana.csvCountUnchanged')}
        </li>
      </ul>
      {summary.newPuskesmas.length > 0 && (
        <p className="csv__new">
          {t('rencana.csvNewList')} {summary.newPuskesmas.map((p) => `${p.nama} (${p.kode})`).join(', ')}
        </p>
      )}
      {summary.moves.length > 0 && (
        <div className="table-scroll csv__scroll">
          <table className="planner__table" data-testid="wk-csv-moves">
            <thead>
              <tr>
                <th className="num">{t('rencana.csvRow')}</th>
                <th>{t('rencana.colDesa')}</th>
                <th>{t('rencana.csvFrom')}</th>
                <th>{t('rencana.csvTo')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.moves.map((m) => (
                <tr key={m.desa} data-kode={m.desa}>
                  <td className="num">{m.row}</td>
                  <td>{m.desaNama}</td>
                  <td>{m.from ?? t('rencana.noPuskesmas')}</td>
                  <td>
                    <strong>{m.to}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {summary.confirms.length > 0 && (
        <details className="csv__confirms">
          <summary>{t('rencana.csvConfirmsBy')}</summary>
          <p>{summary.confirms.map((c) => `${c.puskesmas} ${c.n}`).join(' · ')}</p>
        </details>
      )}
    </>
  );
}

function IssueTable({
  issues,
  caption,
  testId,
  t,
}: {
  issues: WilayahKerjaCsvOutcome['errors'];
  caption: string;
  testId: string;
  t: TFunction;
}) {
  if (!issues.length) return null;
  const shown = issues.slice(0, MAX_ISSUES);
  return (
    <div className="table-scroll csv__scroll">
      <table className="planner__table csv__issues" data-testid={testId}>
        <caption>
          {caption}
          {issues.length > shown.length && ` · ${t('rencana.csvIssuesShown', { n: shown.length })}`}
        </caption>
        <thead>
          <tr>
            <th className="num">{t('rencana.csvRow')}</th>
            <th>{t('rencana.csvColumn')}</th>
            <th>{t('rencana.csvMessage')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((i, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list of issues (several per row may be equal).
            <tr key={n}>
              <td className="num">{i.row ?? t('rencana.none')}</td>
              <td>{i.column ? <code>{i.column}</code> : t('rencana.none')}</td>
              <td>
                {i.message} <span className="muted">{i.code}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
