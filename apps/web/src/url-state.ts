// The one module that reads and writes the URL. The URL is the source of truth for what is shown, so a
// shared link or a reload lands on the same view and the browser's back/forward buttons work.
// Next params (indikator, periode) are added to UrlState, parseUrlState and toSearch, nowhere else.
import { useCallback, useSyncExternalStore } from 'react';
import { normaliseKode } from '@peta/domain';

export interface UrlState {
  /** Kode wilayah Kemendagri of the current view; null = Indonesia (the provinces). */
  wilayah: string | null;
}

const PARAM_WILAYAH = 'wilayah';

/** Reads the state from a query string; values that cannot be read are dropped (never thrown). */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const raw = params.get(PARAM_WILAYAH);
  return { wilayah: raw ? normaliseKode(raw) : null };
}

/** Writes the state into a query string, keeping params this module does not know. */
export function toSearch(state: UrlState, currentSearch = ''): string {
  const params = new URLSearchParams(currentSearch);
  if (state.wilayah) params.set(PARAM_WILAYAH, state.wilayah);
  else params.delete(PARAM_WILAYAH);
  // Dots in a kode stay readable: 12.10.01 rather than 12%2E10%2E01 (URLSearchParams keeps dots anyway).
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** href for a link to another view (keeps the other params), usable in <a href> for open-in-new-tab. */
export function hrefFor(patch: Partial<UrlState>, location: Pick<Location, 'pathname' | 'search'> = window.location): string {
  const next = { ...parseUrlState(location.search), ...patch };
  return `${location.pathname}${toSearch(next, location.search)}`;
}

const CHANGE_EVENT = 'peta:urlchange';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

const getSearch = () => window.location.search;

export function navigate(patch: Partial<UrlState>, { replace = false } = {}) {
  const href = hrefFor(patch);
  if (href === `${window.location.pathname}${window.location.search}`) return;
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** The URL state, re-rendered on navigate() and on browser back/forward. */
export function useUrlState(): [UrlState, typeof navigate] {
  const search = useSyncExternalStore(subscribe, getSearch, () => '');
  const state = parseUrlState(search);
  return [state, useCallback(navigate, [])];
}
