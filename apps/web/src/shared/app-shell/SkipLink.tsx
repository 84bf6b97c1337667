// The first thing a keyboard reaches (WCAG 2.4.1): on the map, straight to the list of wilayah (past the header, the
// page navigation, the controls and the map); on the other pages, to the page's content. Hidden until focused.
import type { MouseEvent } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import type { PageId } from '../../url-state.ts';

/** The list's heading on the map page (ChildList), else the page's <main>. */
function target(page: PageId): HTMLElement | null {
  return (page === 'peta' ? document.getElementById('child-list-heading') : null) ?? document.querySelector('main');
}

export function SkipLink({ page }: { page: PageId }) {
  const t = useT();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const el = target(page);
    if (!el) return;
    event.preventDefault();
    if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  };
  return (
    // biome-ignore lint/a11y/useValidAnchor: a skip link is a link to #main-content; the click only moves focus more precisely.
    <a className="skip-link" href="#main-content" onClick={skip} data-testid="skip-link">
      {t(page === 'peta' ? 'skip.toList' : 'skip.toContent')}
    </a>
  );
}
