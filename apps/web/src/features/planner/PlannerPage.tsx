// Placeholder of the "rencana" page: replaced by the page's own implementation.
import { useT } from '../../i18n/i18n.tsx';

export default function PlannerPage() {
  const t = useT();
  return (
    <main className="page" data-testid="page-rencana">
      <h2>{t('nav.rencana')}</h2>
    </main>
  );
}
