// "Impor data": 1 download a template, 2 upload a file → preview → commit (the saved import profiles beside it),
// 3 history with undo; the export for other systems (DHIS2, ADX, FHIR) under the template. Real numbers replace simulated ones for exactly the imported cells; nothing is written before
// "Simpan impor".
import { useMemo } from 'react';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { roleLabel } from '../../shared/session/can.ts';
import { useSessionUser } from '../../shared/session/session-api.ts';
import { NotAllowed, usePermission } from '../../shared/session/use-permission.tsx';
import { ExportSection } from './ExportSection.tsx';
import { FormatsHelp } from './FormatsHelp.tsx';
import { HistorySection } from './HistorySection.tsx';
import { ProfilesSection } from './ProfilesSection.tsx';
import { TemplateSection } from './TemplateSection.tsx';
import { UploadSection } from './UploadSection.tsx';
import './imports.css';

export default function ImportPage() {
  const t = useT();
  const [lang] = useLang();
  const user = useSessionUser();
  // Who imports is the signed-in user (the server records it); rows outside their wilayah are refused per row.
  const permission = usePermission()('impor');
  const allowed = permission.ok;
  const today = useMemo(() => new Date(), []);
  return (
    <main className="page imp-page" data-testid="page-impor">
      <div className="page-intro imp-intro">
        <div className="page-intro__text">
          <h2>{t('impor.title')}</h2>
          <p>{t('impor.lead')}</p>
        </div>
        {!user && <NotAllowed permission={permission} capability="impor" testId="impor-not-allowed" />}
        {user && (
          <p
            className={allowed ? 'page-intro__who' : 'not-allowed'}
            data-testid={allowed ? 'impor-who' : 'impor-not-allowed'}
          >
            {allowed
              ? t('impor.who', { username: user.username, scope: user.scopeLabel })
              : t('impor.notAllowed', { role: roleLabel(user.role, lang) })}
          </p>
        )}
      </div>
      <div className="imp-grid">
        <div className="imp-col">
          <TemplateSection today={today} />
          {user && <ExportSection today={today} />}
        </div>
        <div className="imp-col">
          {allowed && <UploadSection />}
          {allowed && <ProfilesSection />}
          <FormatsHelp />
        </div>
        <HistorySection mayUndo={allowed} />
      </div>
    </main>
  );
}
