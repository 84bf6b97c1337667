// Navigation between the app's pages. Links are real hrefs (open in a new tab works) that keep ?wilayah=….
// "Pengguna" is listed for those who manage accounts only; "Akun saya" lives in the header's account menu.
import type { MouseEvent } from 'react';
import { useT, type MessageKey } from '../../i18n/i18n.tsx';
import { goToPage, hrefForPage, PAGES, usePage, type PageId } from '../../url-state.ts';
import { usePermission } from '../session/use-permission.tsx';

const LABEL: Partial<Record<PageId, MessageKey>> = {
  peta: 'nav.peta',
  impor: 'nav.impor',
  isian: 'nav.isian',
  rencana: 'nav.rencana',
  rapat: 'nav.rapat',
  pengguna: 'nav.pengguna',
};

export function PageNav() {
  const t = useT();
  const current = usePage();
  const may = usePermission();
  const follow = (page: PageId) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    goToPage(page);
  };
  const shown = PAGES.filter((p) => LABEL[p.id] && (p.id !== 'pengguna' || may('pengguna').ok));
  return (
    <nav className="page-nav" aria-label={t('nav.label')}>
      {shown.map((p) => (
        <a
          key={p.id}
          href={hrefForPage(p.id)}
          aria-current={p.id === current ? 'page' : undefined}
          onClick={follow(p.id)}
          data-testid={`nav-${p.id}`}
        >
          {t(LABEL[p.id]!)}
        </a>
      ))}
    </nav>
  );
}
