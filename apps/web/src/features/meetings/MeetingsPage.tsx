// Placeholder of the "rapat" page: replaced by the page's own implementation.
import { useT } from '../../i18n/i18n.tsx';

export default function MeetingsPage() {
  const t = useT();
  return (
    <main className="page" data-testid="page-rapat">
      <h2>{t('nav.rapat')}</h2>
    </main>
  );
}
