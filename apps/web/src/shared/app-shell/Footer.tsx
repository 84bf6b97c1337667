import { useT } from '../../i18n/i18n.tsx';

export function Footer({ basemap }: { basemap: boolean }) {
  const t = useT();
  return (
    <footer className="app-footer" data-testid="credit">
      <span>{t('footer.credit')}</span>
      {basemap && <span>{t('footer.basemapCredit')}</span>}
    </footer>
  );
}
