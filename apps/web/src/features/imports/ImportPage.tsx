// Placeholder of the "impor" page: replaced by the page's own implementation.
import { useT } from '../../i18n/i18n.tsx';

export default function ImportPage() {
  const t = useT();
  return (
    <main className="page" data-testid="page-impor">
      <h2>{t('nav.impor')}</h2>
    </main>
  );
}
