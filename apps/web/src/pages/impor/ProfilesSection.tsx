// "Profil impor": the import profiles of the user's area (per kabupaten), each downloadable as its small JSON file to
// share, deletable behind a confirm step (the server keeps it as history); a profile JSON received from elsewhere is
// uploaded here. A later file whose header matches a profile is read with it without asking.
import { useId, useRef, useState } from 'react';
import type { ImportProfileSummaryDto } from '@peta/domain/contract';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { ErrorMessage, Loaded } from '../../shared/status/StatusMessage.tsx';
import { FilePicker } from './FilePicker.tsx';
import { formatWhen } from './import-model.ts';
import { downloadProfile, useDeleteProfile, useImportProfiles, useSaveProfile } from './imports-api.ts';

export function ProfilesSection() {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const profiles = useImportProfiles();
  const remove = useDeleteProfile();
  const upload = useSaveProfile();
  const input = useRef<HTMLInputElement>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [unreadable, setUnreadable] = useState<string | null>(null);

  const uploadFile = async (file: File) => {
    setUnreadable(null);
    remove.reset();
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setUnreadable(file.name);
      return;
    }
    upload.mutate(parsed);
    if (input.current) input.current.value = '';
  };

  return (
    <section className="card imp-card" aria-labelledby={`${id}-h`} data-testid="profiles-section">
      <h3 id={`${id}-h`} className="imp-card__title">
        {t('impor.profiles.title')}
      </h3>
      <p className="imp-card__lead">{t('impor.profiles.lead')}</p>
      <div aria-live="polite">
        {remove.isSuccess && (
          <p className="imp-note imp-note--ok" data-testid="profile-deleted">
            {t('impor.profiles.deleted', { nama: remove.data.nama })}
          </p>
        )}
        {remove.isError && <ErrorMessage error={remove.error} testId="profile-delete-error" />}
        {upload.isSuccess && (
          <p className="imp-note imp-note--ok" data-testid="profile-uploaded">
            {t('impor.wizard.saved', { nama: upload.data.nama })}
          </p>
        )}
        {upload.isError && <ErrorMessage error={upload.error} testId="profile-upload-error" />}
        {unreadable && (
          <p className="status status--error" role="alert" data-testid="profile-upload-error">
            {t('impor.profiles.notJson', { file: unreadable })}
          </p>
        )}
        {problem !== null && <ErrorMessage error={problem} testId="profile-download-error" />}
      </div>
      <Loaded query={profiles}>
        {(list) =>
          list.length === 0 ? (
            <p className="imp-hint" data-testid="profiles-empty">
              {t('impor.profiles.empty')}
            </p>
          ) : (
            <ul className="imp-profiles" data-testid="profiles-list">
              {list.map((p) => (
                <ProfileItem
                  key={p.id}
                  profile={p}
                  when={formatWhen(p.createdAt, lang)}
                  confirming={confirming === p.id}
                  busy={remove.isPending}
                  onDownload={() => {
                    setProblem(null);
                    downloadProfile(p.id).catch(setProblem);
                  }}
                  onAsk={() => {
                    upload.reset();
                    remove.reset();
                    setConfirming(p.id);
                  }}
                  onCancel={() => setConfirming(null)}
                  onConfirm={() => remove.mutate(p.id, { onSettled: () => setConfirming(null) })}
                />
              ))}
            </ul>
          )
        }
      </Loaded>
      <div className="imp-profiles__upload">
        <FilePicker
          label={t('impor.profiles.upload')}
          hint={t('impor.profiles.dropHint')}
          accept=".json,application/json"
          onFile={(file) => void uploadFile(file)}
          inputRef={input}
          inputTestId="profile-upload"
        />
      </div>
    </section>
  );
}

function ProfileItem({
  profile,
  when,
  confirming,
  busy,
  onDownload,
  onAsk,
  onCancel,
  onConfirm,
}: {
  profile: ImportProfileSummaryDto;
  when: string;
  confirming: boolean;
  busy: boolean;
  onDownload: () => void;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const t = useT();
  return (
    <li className="imp-profiles__item" data-testid="profile-item" data-profile={profile.id}>
      <div className="imp-profiles__name">
        <strong>{profile.nama}</strong>
        <span className="muted">
          {t('impor.profiles.meta', { kabupaten: profile.kabupaten, who: profile.createdBy, when })}
          {profile.versions > 1 ? ` · ${t('impor.profiles.versions', { n: profile.versions })}` : ''}
        </span>
      </div>
      <div className="imp-profiles__actions">
        {confirming ? (
          <>
            <span>{t('impor.profiles.confirm', { nama: profile.nama })}</span>
            <button
              type="button"
              className="button button--danger button--small"
              disabled={busy}
              data-testid="profile-delete-confirm"
              onClick={onConfirm}
            >
              {t('impor.profiles.deleteYes')}
            </button>
            <button type="button" className="button button--ghost button--small" onClick={onCancel}>
              {t('impor.profiles.keep')}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button button--ghost button--small"
              data-testid="profile-download"
              onClick={onDownload}
            >
              {t('impor.profiles.download')}
            </button>
            <button
              type="button"
              className="button button--ghost button--small"
              data-testid="profile-delete"
              onClick={onAsk}
            >
              {t('impor.profiles.delete')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
