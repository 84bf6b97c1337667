// The import wizard: a file in no known format came back with its first rows (layout). The user picks the worksheet
// and the header row(s), says what each column is, previews (the kept file is read again with the draft profile:
// nothing uploaded twice, nothing written), and may save the mapping as an import profile so later files of the same
// shape are read without asking. Near desa names are confirmed here too (NameConfirm).
import { useEffect, useId, useMemo, useState } from 'react';
import type { ImportOutcomeDto } from '@peta/domain/contract';
import { useLang, useT } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/i18n.tsx';
import { monthName } from '../../shared/indicator/period-label.ts';
import { kabupatenOfScope } from '../../shared/session/can.ts';
import { useSessionUser } from '../../shared/session/session-api.ts';
import { ErrorMessage } from '../../shared/status/StatusMessage.tsx';
import {
  COLUMN_ROLES,
  INDICATORS,
  columnValues,
  draftProfile,
  findYearCell,
  guessChoices,
  guessIndicator,
  labelsOf,
  startDraft,
  type ColumnChoice,
  type ColumnRole,
  type ImportProfile,
  type WizardDraft,
} from '@peta/domain';
import { useReadAgain, useSaveProfile } from './imports-api.ts';

type Layout = NonNullable<ImportOutcomeDto['layout']>;

const ROLE_LABEL: Record<ColumnRole, MessageKey> = {
  '': 'impor.wizard.role.none',
  'desa-nama': 'impor.wizard.role.desaNama',
  'desa-kode': 'impor.wizard.role.desaKode',
  kecamatan: 'impor.wizard.role.kecamatan',
  periode: 'impor.wizard.role.periode',
  indikator: 'impor.wizard.role.indikator',
  pembilang: 'impor.wizard.role.pembilang',
  penyebut: 'impor.wizard.role.penyebut',
};
const SHOWN_ROWS = 12;
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
/** A previewed draft needs a name (the server checks profiles whole); the user names it when saving. */
const DRAFT_NAME = 'Draf pemetaan';

export interface ImportWizardProps {
  previewId: string;
  layout: Layout;
  /** The draft behind the last preview (kept by the upload section, for "Simpan sebagai profil impor"). */
  onPreviewed: (outcome: ImportOutcomeDto, profile: ImportProfile) => void;
  onLayout: (outcome: ImportOutcomeDto) => void;
}

export function ImportWizard({ previewId, layout, onPreviewed, onLayout }: ImportWizardProps) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const user = useSessionUser();
  const defaultKabupaten = (user && kabupatenOfScope(user)) ?? '';
  const [draft, setDraft] = useState<WizardDraft>(() => startDraft(layout, defaultKabupaten));
  const readAgain = useReadAgain();
  // A new layout (another sheet) starts a new draft.
  useEffect(() => setDraft((d) => ({ ...startDraft(layout, d.kabupaten), nama: d.nama })), [layout]);

  const { barisJudul, tinggiJudul } = draft;
  const labels = useMemo(
    () => labelsOf(layout.rows, { barisJudul, tinggiJudul }),
    [layout.rows, barisJudul, tinggiJudul],
  );
  const firstDataRow = draft.barisJudul + draft.tinggiJudul;
  const choiceOf = (label: string): ColumnChoice => draft.choices[label] ?? { role: '', indikator: '', bulan: null };
  const setChoice = (label: string, change: Partial<ColumnChoice>) =>
    setDraft((d) => ({ ...d, choices: { ...d.choices, [label]: { ...choiceOf(label), ...change } } }));
  const setHeader = (change: Partial<Pick<WizardDraft, 'barisJudul' | 'tinggiJudul'>>) =>
    setDraft((d) => {
      const next = { ...d, ...change };
      const nextLabels = labelsOf(layout.rows, next);
      const year = findYearCell(layout.rows, next.barisJudul);
      return {
        ...next,
        choices: guessChoices(nextLabels, layout.rows, next.barisJudul + next.tinggiJudul),
        tahun: year ? { sel: year.sel } : d.tahun,
      };
    });
  const indicatorColumn = labels.findIndex((l) => choiceOf(l).role === 'indikator');
  const indicatorLabels = indicatorColumn >= 0 ? columnValues(layout.rows, firstDataRow, indicatorColumn) : [];
  const monthly = labels.some((l) => ['pembilang', 'penyebut'].includes(choiceOf(l).role) && choiceOf(l).bulan);
  const yearShown =
    draft.tahun === null
      ? ''
      : typeof draft.tahun === 'number'
        ? String(draft.tahun)
        : `${t('impor.wizard.yearFromCell', { sel: draft.tahun.sel })}`;

  const preview = () => {
    const profile = draftProfile(
      {
        ...draft,
        nama: draft.nama.trim() || DRAFT_NAME,
        labelKode: Object.fromEntries(indicatorLabels.map((l) => [l, draft.labelKode[l] ?? guessIndicator(l)])),
      },
      labels,
    );
    readAgain.mutate(
      { previewId, body: { profil: profile } },
      { onSuccess: (outcome) => onPreviewed(outcome, profile) },
    );
  };
  const chooseSheet = (sheet: string) =>
    readAgain.mutate({ previewId, body: { lembar: sheet } }, { onSuccess: onLayout });

  return (
    <section className="imp-wizard" aria-labelledby={`${id}-h`} data-testid="import-wizard">
      <h4 id={`${id}-h`} className="imp-wizard__title">
        {t('impor.wizard.title')}
      </h4>
      <p className="imp-card__lead">{t('impor.wizard.lead')}</p>
      <div className="imp-wizard__header">
        {layout.sheets.length > 1 && (
          <label>
            {t('impor.wizard.sheet')}
            <select value={layout.sheet ?? ''} onChange={(e) => chooseSheet(e.target.value)} data-testid="wizard-sheet">
              {layout.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('impor.wizard.headerRow')}
          <input
            type="number"
            min={1}
            max={layout.rows.length}
            value={draft.barisJudul}
            data-testid="wizard-header-row"
            onChange={(e) => setHeader({ barisJudul: Math.max(1, Number(e.target.value) || 1) })}
          />
        </label>
        <label className="imp-wizard__check">
          <input
            type="checkbox"
            checked={draft.tinggiJudul === 2}
            data-testid="wizard-two-rows"
            onChange={(e) => setHeader({ tinggiJudul: e.target.checked ? 2 : 1 })}
          />
          {t('impor.wizard.twoRows')}
        </label>
      </div>

      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1). */}
      <div className="imp-wizard__sheet" role="region" aria-label={t('impor.wizard.firstRows')} tabIndex={0}>
        <table data-testid="wizard-rows">
          <tbody>
            {layout.rows.slice(0, SHOWN_ROWS).map((row, r) => (
              <tr
                // biome-ignore lint/suspicious/noArrayIndexKey: the rows of a file shown read-only: the row number is the row.
                key={r}
                className={
                  r + 1 >= draft.barisJudul && r + 1 < firstDataRow
                    ? 'is-header'
                    : r + 1 < draft.barisJudul
                      ? 'is-above'
                      : ''
                }
              >
                <th scope="row">{r + 1}</th>
                {row.map((cell, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns of a file shown read-only: the position is the column.
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="imp-wizard__scroll">
        <table className="imp-wizard__map" data-testid="wizard-columns">
          <thead>
            <tr>
              <th>{t('impor.wizard.column')}</th>
              <th>{t('impor.wizard.is')}</th>
              <th>{t('impor.wizard.indicator')}</th>
              <th>{t('impor.wizard.month')}</th>
            </tr>
          </thead>
          <tbody>
            {labels.map((label) => {
              const c = choiceOf(label);
              const numeric = c.role === 'pembilang' || c.role === 'penyebut';
              return (
                <tr key={label} data-column={label}>
                  <th scope="row">{label}</th>
                  <td>
                    <select
                      aria-label={t('impor.wizard.roleOf', { column: label })}
                      value={c.role}
                      data-testid="wizard-role"
                      onChange={(e) => setChoice(label, { role: e.target.value as ColumnRole })}
                    >
                      {COLUMN_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(ROLE_LABEL[r])}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {numeric && (
                      <select
                        aria-label={t('impor.wizard.indicatorOf', { column: label })}
                        value={c.indikator}
                        data-testid="wizard-indicator"
                        onChange={(e) => setChoice(label, { indikator: e.target.value })}
                      >
                        <option value="">{t('impor.wizard.fromIndicatorColumn')}</option>
                        {INDICATORS.map((d) => (
                          <option key={d.code} value={d.code}>
                            {d.code} — {lang === 'en' ? d.nameEn : d.nameId}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td>
                    {numeric && (
                      <select
                        aria-label={t('impor.wizard.monthOf', { column: label })}
                        value={c.bulan ?? ''}
                        data-testid="wizard-month"
                        onChange={(e) => setChoice(label, { bulan: e.target.value ? Number(e.target.value) : null })}
                      >
                        <option value="">{t('impor.wizard.fromPeriodColumn')}</option>
                        {MONTHS.map((m) => (
                          <option key={m} value={m}>
                            {monthName(m, lang)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {indicatorLabels.length > 0 && (
        <fieldset className="imp-wizard__labels" data-testid="wizard-labels">
          <legend>{t('impor.wizard.labels')}</legend>
          {indicatorLabels.map((l) => (
            <label key={l}>
              {l}
              <select
                value={draft.labelKode[l] ?? guessIndicator(l)}
                onChange={(e) => setDraft((d) => ({ ...d, labelKode: { ...d.labelKode, [l]: e.target.value } }))}
              >
                <option value="">{t('impor.wizard.labelSkip')}</option>
                {INDICATORS.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.code} — {lang === 'en' ? d.nameEn : d.nameId}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}

      <div className="imp-wizard__header">
        {monthly && (
          <label>
            {t('impor.wizard.year')}
            <input
              type="text"
              inputMode="numeric"
              value={typeof draft.tahun === 'number' ? String(draft.tahun) : ''}
              placeholder={yearShown}
              data-testid="wizard-year"
              onChange={(e) =>
                setDraft((d) => ({ ...d, tahun: /^\d{4}$/.test(e.target.value) ? Number(e.target.value) : d.tahun }))
              }
            />
          </label>
        )}
        <label>
          {t('impor.wizard.kabupaten')}
          <input
            type="text"
            value={draft.kabupaten}
            placeholder="12.10"
            data-testid="wizard-kabupaten"
            onChange={(e) => setDraft((d) => ({ ...d, kabupaten: e.target.value }))}
          />
        </label>
      </div>
      <button
        type="button"
        className="button imp-wizard__go"
        onClick={preview}
        disabled={readAgain.isPending}
        data-testid="wizard-preview"
      >
        {readAgain.isPending ? t('impor.upload.checking') : t('impor.wizard.preview')}
      </button>
      {readAgain.isError && <ErrorMessage error={readAgain.error} testId="wizard-error" />}
    </section>
  );
}

/** "Simpan sebagai profil impor": the draft that was just previewed, under a name, for the user's kabupaten. */
export function SaveProfile({ profile }: { profile: ImportProfile }) {
  const t = useT();
  const [nama, setNama] = useState(profile.nama === DRAFT_NAME ? '' : profile.nama);
  const save = useSaveProfile();
  return (
    <div className="imp-wizard__save" data-testid="wizard-save">
      <label>
        {t('impor.wizard.profileName')}
        <input
          type="text"
          value={nama}
          maxLength={200}
          placeholder={t('impor.wizard.profileNameHint')}
          data-testid="wizard-profile-name"
          onChange={(e) => setNama(e.target.value)}
        />
      </label>
      <button
        type="button"
        className="button button--ghost"
        disabled={!nama.trim() || save.isPending}
        data-testid="wizard-save-button"
        onClick={() => save.mutate({ ...profile, nama: nama.trim() })}
      >
        {t('impor.wizard.save')}
      </button>
      {save.isSuccess && (
        <p className="status" role="status" data-testid="wizard-saved">
          {t('impor.wizard.saved', { nama: save.data.nama })}
        </p>
      )}
      {save.isError && <ErrorMessage error={save.error} testId="wizard-save-error" />}
    </div>
  );
}

/** Near desa names: the user picks the desa each name means (or leaves it), then the file is read again. */
export function NameConfirm({
  previewId,
  toConfirm,
  onOutcome,
}: {
  previewId: string;
  toConfirm: NonNullable<ImportOutcomeDto['toConfirm']>;
  onOutcome: (o: ImportOutcomeDto) => void;
}) {
  const t = useT();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const readAgain = useReadAgain();
  const picked = Object.fromEntries(Object.entries(chosen).filter(([, k]) => k));
  // Near names become aliases when the import is saved; a name several desa carry is chosen for this file only.
  const near = toConfirm.filter((n) => !n.ambiguous);
  const twins = toConfirm.filter((n) => n.ambiguous);
  const choice = (n: (typeof toConfirm)[number]) => (
    <label key={n.nama} data-testid={n.ambiguous ? 'name-choose' : undefined}>
      {n.ambiguous
        ? t('impor.names.rowAmbiguous', {
            nama: n.nama,
            count: n.candidates.length,
            rows: n.rows.slice(0, 5).join(', '),
          })
        : t('impor.names.row', { nama: n.nama, rows: n.rows.slice(0, 5).join(', ') })}
      <select value={chosen[n.nama] ?? ''} onChange={(e) => setChosen((c) => ({ ...c, [n.nama]: e.target.value }))}>
        <option value="">{t(n.ambiguous ? 'impor.names.choose' : 'impor.names.none')}</option>
        {n.candidates.map((c) => (
          <option key={c.kode} value={c.kode}>
            {c.kecamatan
              ? t('impor.names.option', { nama: c.nama, kecamatan: c.kecamatan, kode: c.kode })
              : `${c.nama} (${c.kode})`}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="imp-wizard__names" data-testid="name-confirm">
      <legend>{t('impor.names.title')}</legend>
      {near.length > 0 && <p className="imp-card__lead">{t('impor.names.lead')}</p>}
      {near.map(choice)}
      {twins.length > 0 && <p className="imp-card__lead">{t('impor.names.ambiguousLead')}</p>}
      {twins.map(choice)}
      <button
        type="button"
        className="button button--ghost"
        disabled={!Object.keys(picked).length || readAgain.isPending}
        data-testid="name-confirm-button"
        onClick={() => readAgain.mutate({ previewId, body: { konfirmasi: picked } }, { onSuccess: onOutcome })}
      >
        {t('impor.names.confirm')}
      </button>
      {readAgain.isError && <ErrorMessage error={readAgain.error} testId="name-confirm-error" />}
    </fieldset>
  );
}
