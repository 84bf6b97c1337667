// Navigation between the app's pages. Links are real hrefs (open in a new tab works) that keep ?wilayah=….
import type { MouseEvent } from 'react';
import { useT, type MessageKey } from '../../i18n/i18n.tsx';
import { goToPage, hrefForPage, PAGES, usePage, type PageId } from '../../url-state.ts';

const LABEL: Record<PageId, MessageKey> = { peta: 'nav.peta', impor: 'nav.impor', rencana: 'nav.rencana', rapat: 'nav.rapat' };

export function PageNav() {
  const t = useT();
  const current = usePage();
  const follow = (page: PageId) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    goToPage(page);
  };
  return (
    <nav className="page-nav" aria-label={t('nav.label')}>
      {PAGES.map((p) => (
        <a key={p.id} href={hrefForPage(p.id)} aria-current={p.id === current ? 'page' : undefined}
          onClick={follow(p.id)} data-testid={`nav-${p.id}`}>
          {t(LABEL[p.id])}
        </a>
      ))}
    </nav>
  );
}
