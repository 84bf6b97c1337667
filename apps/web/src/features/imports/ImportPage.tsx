// "Impor data": 1 download a template, 2 upload a file → preview → commit, 3 history with undo. Real numbers replace
// simulated ones for exactly the imported cells; nothing is written before "Simpan impor".
import { useId, useMemo } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { useStoredState } from '../../settings.ts';
import { FormatsHelp } from './FormatsHelp.tsx';
import { HistorySection } from './HistorySection.tsx';
import { TemplateSection } from './TemplateSection.tsx';
import { UploadSection } from './UploadSection.tsx';
import './imports.css';

const isString = (v: unknown): v is string => typeof v === 'string';
export const OLEH_STORAGE_KEY = 'peta.oleh';

export default function ImportPage() {
  const t = useT();
  const id = useId();
  // Accounts come later: the name is kept in this browser and recorded with every import and undo.
  const [oleh, setOleh] = useStoredState(OLEH_STORAGE_KEY, '', isString);
  const today = useMemo(() => new Date(), []);
  return (
    <main className="page imp-page" data-testid="page-impor">
      <div className="imp-intro">
        <div className="imp-intro__text">
          <h2>{t('impor.title')}</h2>
          <p>{t('impor.lead')}</p>
        </div>
        <div className="imp-field imp-oleh">
          <label htmlFor={`${id}-oleh`}>{t('impor.oleh.label')}</label>
          <input id={`${id}-oleh`} className="imp-input" type="text" autoComplete="name" value={oleh} maxLength={80}
            placeholder={t('impor.oleh.placeholder')} onChange={(e) => setOleh(e.target.value)} aria-describedby={`${id}-oleh-hint`}
            data-testid="oleh-input" />
          <span id={`${id}-oleh-hint`} className="imp-hint">{t('impor.oleh.hint')}</span>
        </div>
      </div>
      <div className="imp-grid">
        <div className="imp-col">
          <TemplateSection today={today} />
        </div>
        <div className="imp-col">
          <UploadSection oleh={oleh} />
          <FormatsHelp />
        </div>
        <HistorySection oleh={oleh} />
      </div>
    </main>
  );
}
