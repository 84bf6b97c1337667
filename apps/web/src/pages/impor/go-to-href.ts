// A plain left click on an in-app link navigates without a reload (the query cache, just invalidated, stays);
// modified clicks keep the browser's own behaviour (new tab, new window).
import type { MouseEvent } from 'react';
import { goToHref as go } from '../../url-state.ts';

export function goToHref(event: MouseEvent<HTMLAnchorElement>, href: string) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  go(href);
  window.scrollTo(0, 0);
}
