// Step 2, "Unggah": a file (picker or drag-and-drop) → preview (nothing written) → "Simpan impor".
import { useEffect, useId, useRef, useState } from 'react';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/status/StatusMessage.tsx';
import { ACCEPTED_FILES, formatBytes, formatPercent, phaseText } from './import-model.ts';
import { FilePicker } from './FilePicker.tsx';
import { useCommit, usePreview } from './imports-api.ts';
import { PreviewResult } from './PreviewResult.tsx';
import { TaskProgress } from './TaskProgress.tsx';
import type { ImportProfile } from '@peta/domain';
import type { ImportOutcomeDto } from '@peta/domain/contract';
import { ImportWizard, NameConfirm, SaveProfile } from './ImportWizard.tsx';

export function UploadSection() {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreview();
  const commit = useCommit();
  // The outcome on screen: the commit's once there is one, else the last reading of the kept file (wizard, confirmed
  // names), else the preview's.
  const [again, setAgain] = useState<ImportOutcomeDto | null>(null);
  // The wizard: the first rows of a file in no known format, and the draft profile behind the last preview.
  const [layoutOutcome, setLayoutOutcome] = useState<ImportOutcomeDto | null>(null);
  const [drafted, setDrafted] = useState<ImportProfile | null>(null);
  const outcome = commit.data ?? again ?? preview.data;
  // Every byte sent: the server is reading the file now.
  const uploaded = !!preview.progress && preview.progress.loaded >= preview.progress.total;
  const wizard = layoutOutcome ?? (preview.data?.layout && preview.data.previewId ? preview.data : null);

  const choose = (chosen: File | undefined | null) => {
    if (!chosen) return;
    setFile(chosen);
    commit.reset();
    setAgain(null);
    setLayoutOutcome(null);
    setDrafted(null);
    preview.mutate(chosen);
  };
  const reset = () => {
    setFile(null);
    setAgain(null);
    setLayoutOutcome(null);
    setDrafted(null);
    preview.reset();
    commit.reset();
    if (input.current) input.current.value = '';
    input.current?.focus();
  };

  // Focus follows the result (preview, commit), so keyboard and screen-reader users land on what changed.
  useEffect(() => {
    if (outcome) resultHeading.current?.focus();
  }, [outcome]);

  return (
    <section className="card imp-card" aria-labelledby={`${id}-h`} data-testid="upload-section">
      <h3 id={`${id}-h`} className="imp-card__title">
        <span className="imp-step" aria-hidden="true">
          2
        </span>
        {t('impor.upload.title')}
      </h3>
      <p className="imp-card__lead">{t('impor.upload.lead')}</p>
      <FilePicker
        label={t('impor.upload.choose')}
        hint={t('impor.upload.dropHint')}
        accept={ACCEPTED_FILES}
        onFile={choose}
        file={file}
        inputRef={input}
        testId="upload-drop"
        inputTestId="upload-input"
        fileTestId="upload-file"
      />
      <div aria-live="polite">
        {preview.isPending && preview.progress && (
          <TaskProgress
            label={t(uploaded ? 'impor.progress.uploaded' : 'impor.progress.uploading')}
            value={preview.progress.loaded}
            max={preview.progress.total || 1}
            valueText={t('impor.progress.bytes', {
              loaded: formatBytes(preview.progress.loaded, lang),
              total: formatBytes(preview.progress.total, lang),
              percent: formatPercent(preview.progress.loaded, preview.progress.total, lang),
            })}
            testId="upload-progress"
          />
        )}
        {preview.isPending && (!preview.progress || uploaded) && (
          <p className="status" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('impor.upload.checking')}
          </p>
        )}
      </div>
      {preview.isError && <ErrorMessage error={preview.error} testId="upload-error" />}
      {wizard?.layout && wizard.previewId && !commit.data && (
        <ImportWizard
          previewId={wizard.previewId}
          layout={wizard.layout}
          onLayout={(o) => {
            setLayoutOutcome(o);
            setAgain(null);
            setDrafted(null);
          }}
          onPreviewed={(o, profile) => {
            setAgain(o);
            setDrafted(profile);
          }}
        />
      )}
      {outcome && !(outcome === wizard && !again) && (
        <PreviewResult
          outcome={outcome}
          headingRef={resultHeading}
          committing={commit.isPending}
          commitError={commit.isError ? commit.error : null}
          onCommit={() => outcome.previewId && commit.mutate(outcome.previewId)}
          commitProgress={
            commit.isPending ? (
              <TaskProgress
                label={t('impor.progress.saving')}
                value={commit.progress?.done ?? 0}
                max={commit.progress?.total || 1}
                valueText={
                  commit.progress
                    ? t('impor.progress.phase', {
                        done: commit.progress.done,
                        total: commit.progress.total,
                        phase: phaseText(commit.progress, t),
                      })
                    : t('impor.progress.starting')
                }
                testId="commit-progress"
              />
            ) : null
          }
          onReset={reset}
        />
      )}
      {outcome?.toConfirm?.length && outcome.previewId && !commit.data ? (
        <NameConfirm
          key={outcome.previewId}
          previewId={outcome.previewId}
          toConfirm={outcome.toConfirm}
          onOutcome={setAgain}
        />
      ) : null}
      {drafted && again?.format === 'profil' && !commit.data && <SaveProfile profile={drafted} />}
    </section>
  );
}
