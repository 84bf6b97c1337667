// What an uploaded file would do (or did): counts, errors and warnings with row and column, a sample of the changes,
// and the commit button. States: ready (preview), unchanged, invalid (nothing written), imported.
import { useMemo, type ReactNode, type Ref } from 'react';
import { useQueries } from '@tanstack/react-query';
import { formatNumberId, tryParsePeriod } from '@peta/domain';
import type { ImportIssueDto, ImportOutcomeDto } from '@peta/domain/contract';
import { fetchers, queryKeys, useIndicators, useWilayah } from '../../api/queries.ts';
import { withTingkat } from '../../shared/wilayah/wilayah-text.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { goToHref } from './go-to-href.ts';
import { ErrorMessage } from '../../shared/status/StatusMessage.tsx';
import { periodLabel } from '../../shared/indicator/period-label.ts';
import {
  canCommit,
  FORMAT_LABEL,
  issueRows,
  mapHref,
  mapLinkFor,
  outcomeView,
  parentsOfSample,
  sampleRows,
  shortHash,
  truncation,
} from './import-model.ts';

export interface PreviewResultProps {
  outcome: ImportOutcomeDto;
  headingRef: Ref<HTMLHeadingElement>;
  committing: boolean;
  commitError: unknown;
  onCommit: () => void;
  onReset: () => void;
  /** While the commit runs: how far it has come (TaskProgress). */
  commitProgress?: ReactNode;
}

const HEADLINE = {
  ready: 'impor.result.ready',
  unchanged: 'impor.result.unchanged',
  invalid: 'impor.result.invalid',
  imported: 'impor.result.imported',
} as const;

export function PreviewResult({
  outcome,
  headingRef,
  committing,
  commitError,
  onCommit,
  onReset,
  commitProgress,
}: PreviewResultProps) {
  const t = useT();
  const [lang] = useLang();
  const view = outcomeView(outcome);
  const link = view === 'imported' ? mapLinkFor(outcome) : null;
  return (
    <div className={`imp-result imp-result--${view}`} data-testid="import-result" data-status={outcome.status}>
      <h4 ref={headingRef} tabIndex={-1} className="imp-result__headline" data-testid="import-headline">
        {t(HEADLINE[view], { n: outcome.errorCount, id: outcome.loadId ?? '' })}
      </h4>
      <p className="imp-result__explain" data-testid="import-explain">
        {view === 'invalid'
          ? t('impor.result.invalidExplain')
          : view === 'unchanged'
            ? t('impor.result.unchangedExplain')
            : view === 'ready'
              ? t('impor.result.readyExplain')
              : t('impor.result.importedExplain')}
      </p>

      <dl className="imp-facts">
        <div>
          <dt>{t('impor.result.file')}</dt>
          <dd data-testid="import-file-name">{outcome.fileName}</dd>
        </div>
        {outcome.format && (
          <div>
            <dt>{t('impor.result.format')}</dt>
            <dd>{t(FORMAT_LABEL[outcome.format])}</dd>
          </div>
        )}
        {outcome.profile && (
          <div>
            <dt>{t('impor.result.profile')}</dt>
            <dd data-testid="import-profile">{outcome.profile.nama}</dd>
          </div>
        )}
        {outcome.template && (
          <div>
            <dt>{t('impor.result.templateOf')}</dt>
            <dd data-testid="import-template-of">
              <WilayahName kode={outcome.template.wilayah} /> · {monthText(outcome.template.period, lang, t)}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('impor.result.hash')}</dt>
          <dd>
            <code title={outcome.fileHash}>{shortHash(outcome.fileHash)}</code>
          </dd>
        </div>
      </dl>

      {view !== 'invalid' && (
        <ul className="imp-counts" aria-label={t('impor.result.counts')} data-testid="import-counts">
          <li className="imp-count imp-count--added">
            <strong data-testid="count-added">{formatNumberId(outcome.counts.added, 0)}</strong>
            {t('impor.count.added')}
          </li>
          <li className="imp-count imp-count--changed">
            <strong data-testid="count-changed">{formatNumberId(outcome.counts.changed, 0)}</strong>
            {t('impor.count.changed')}
          </li>
          <li className="imp-count">
            <strong data-testid="count-unchanged">{formatNumberId(outcome.counts.unchanged, 0)}</strong>
            {t('impor.count.unchanged')}
          </li>
          <li className={`imp-count${outcome.warningCount ? ' imp-count--warn' : ''}`}>
            <strong data-testid="count-warnings">{outcome.warningCount}</strong>
            {t('impor.count.warnings')}
          </li>
        </ul>
      )}

      {outcome.errors.length > 0 && <IssueTable issues={outcome.errors} total={outcome.errorCount} kind="errors" />}
      {outcome.warnings.length > 0 && (
        <IssueTable issues={outcome.warnings} total={outcome.warningCount} kind="warnings" />
      )}
      {outcome.sample.length > 0 && view !== 'invalid' && <SampleTable outcome={outcome} />}

      {commitError !== null && <ErrorMessage error={commitError} testId="commit-error" />}

      <div className="imp-actions">
        {view === 'imported' ? (
          link && (
            <a
              className="button"
              href={mapHref(link)}
              onClick={(e) => goToHref(e, mapHref(link))}
              data-testid="import-map-link"
            >
              {t('impor.result.viewMap')}
            </a>
          )
        ) : (
          <button
            type="button"
            className="button"
            disabled={!canCommit(outcome) || committing}
            onClick={onCommit}
            aria-busy={committing || undefined}
            aria-describedby={view === 'invalid' ? 'imp-nothing-written' : undefined}
            data-testid="import-commit"
          >
            {committing ? t('impor.result.saving') : t('impor.result.commit')}
          </button>
        )}
        <button type="button" className="button button--ghost" onClick={onReset} data-testid="import-reset">
          {view === 'imported' ? t('impor.result.another') : t('impor.result.cancel')}
        </button>
      </div>
      <div aria-live="polite">{commitProgress}</div>
      {view === 'invalid' && (
        <p id="imp-nothing-written" className="imp-hint">
          {t('impor.result.nothingWritten')}
        </p>
      )}
    </div>
  );
}

function monthText(period: string, lang: 'id' | 'en', t: ReturnType<typeof useT>): string {
  const p = tryParsePeriod(period);
  return p ? periodLabel(p, lang, t) : period;
}

function IssueTable({ issues, total, kind }: { issues: ImportIssueDto[]; total: number; kind: 'errors' | 'warnings' }) {
  const t = useT();
  const rows = issueRows(issues);
  const cut = truncation(issues.length, total);
  return (
    <div className={`imp-table-wrap imp-issues imp-issues--${kind}`}>
      <table className="imp-table" data-testid={kind === 'errors' ? 'import-errors' : 'import-warnings'}>
        <caption>
          {t(kind === 'errors' ? 'impor.issues.errors' : 'impor.issues.warnings', { n: formatNumberId(total, 0) })}
          {cut && (
            <span className="muted">
              {' '}
              ·{' '}
              {t('impor.issues.truncated', {
                shown: formatNumberId(cut.shown, 0),
                total: formatNumberId(cut.total, 0),
              })}
            </span>
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="imp-num">
              {t('impor.col.baris')}
            </th>
            <th scope="col">{t('impor.col.kolom')}</th>
            <th scope="col">{t('impor.col.pesan')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list of issues (several per row may be equal).
            <tr key={i} data-testid="issue-row">
              <td className="imp-num" data-label={t('impor.col.baris')} data-testid="issue-baris">
                {r.baris}
              </td>
              <td data-label={t('impor.col.kolom')} data-testid="issue-kolom">
                <code>{r.kolom}</code>
              </td>
              <td data-label={t('impor.col.pesan')} data-testid="issue-pesan">
                {r.pesan}{' '}
                {/* The stable code, small: for whoever helps by phone or in the README, not the first thing to read. */}
                <span className="imp-code" title={t('impor.issue.codeTitle')}>
                  {r.kode}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SampleTable({ outcome }: { outcome: ImportOutcomeDto }) {
  const t = useT();
  const [lang] = useLang();
  const indicators = useIndicators();
  // Desa names: the children of each parent of the sample's desa (usually one kecamatan, often already cached).
  const parents = useMemo(() => parentsOfSample(outcome.sample), [outcome.sample]);
  const children = useQueries({
    queries: parents.map((p) => ({
      queryKey: queryKeys.children(p),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchers.children(p, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const names = new Map(children.flatMap((c) => c.data ?? []).map((c) => [c.kode, c.nama]));
  const short = new Map<string, string>((indicators.data ?? []).map((d) => [d.code, d.short]));
  const rows = sampleRows(
    outcome.sample,
    names,
    (code) => short.get(code) ?? code,
    (p) => monthText(p, lang, t),
  );
  const total = outcome.counts.added + outcome.counts.changed;
  return (
    <div className="imp-table-wrap">
      <table className="imp-table" data-testid="import-sample">
        <caption>
          {t('impor.sample.caption', { shown: formatNumberId(rows.length, 0), total: formatNumberId(total, 0) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('tingkat.desaKelurahan')}</th>
            <th scope="col">{t('impor.col.indikator')}</th>
            <th scope="col">{t(outcome.target === 'sasaran' ? 'period.year' : 'period.month')}</th>
            <th scope="col" className="imp-num">
              {t('impor.col.lama')}
            </th>
            <th scope="col" className="imp-num">
              {t('impor.col.baru')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid="sample-row" data-kode={r.kode}>
              <td data-label={t('tingkat.desaKelurahan')}>
                <span className="imp-desa">{r.desa}</span> <span className="imp-code">{r.kode}</span>
              </td>
              <td data-label={t('impor.col.indikator')}>{r.item}</td>
              <td data-label={t(outcome.target === 'sasaran' ? 'period.year' : 'period.month')}>{r.period}</td>
              <td className="imp-num" data-label={t('impor.col.lama')} data-testid="sample-lama">
                {r.lama === '' ? <span className="muted">{t('impor.sample.empty')}</span> : r.lama}
                {r.lamaSimulated && (
                  <span className="tag imp-tag-sim" title={t('simulated.explain')}>
                    {t('impor.sample.simulated')}
                  </span>
                )}
              </td>
              <td className="imp-num imp-new" data-label={t('impor.col.baru')} data-testid="sample-baru">
                <span aria-hidden="true" className="imp-arrow">
                  →{' '}
                </span>
                {r.baru}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Kabupaten Labuhanbatu" with its code small beside it; the code alone until the name has arrived. */
function WilayahName({ kode }: { kode: string }) {
  const t = useT();
  const wilayah = useWilayah(kode);
  if (!wilayah.data) return <>{kode}</>;
  return (
    <>
      {withTingkat(kode, wilayah.data.tingkat, wilayah.data.nama, t)} <span className="imp-code">{kode}</span>
    </>
  );
}
