// The one module that reads and writes the URL. The URL is the source of truth for what is shown, so a
// shared link or a reload lands on the same view and the browser's back/forward buttons work.
// A param that cannot be read is dropped (null), never thrown: the view then uses its default, and the
// canonical rewrite on load removes it from the address bar.
import { useCallback, useSyncExternalStore } from 'react';
import { isIndicatorCode, normaliseKode, tingkatOf, tryParsePeriod } from '@peta/domain';
import { sortFromUrl, sortToUrl } from './shared/table-sort/sort-rows.ts';

/** How the choropleth is coloured: against the target (default) or by quantiles of the values shown. */
export type LegendMode = 'target' | 'kuantil';

/** What the values of a kabupaten/kota are grouped by: its kecamatan (default) or the wilayah kerja of its puskesmas. */
export type GroupBy = 'kecamatan' | 'puskesmas';

export interface UrlState {
  /** Kode wilayah Kemendagri of the current view; null = Indonesia (the provinces). */
  wilayah: string | null;
  /** Indicator code from the catalogue (KIA_K4); null = the default indicator. */
  indikator: string | null;
  /** Normalised period code (2026-06, 2026-Q2, 2026, 2026-01..2026-10); null = the default period. */
  periode: string | null;
  /** null = 'target' (kept out of the URL). */
  legenda: LegendMode | null;
  /** 'puskesmas' only on a kabupaten/kota (dropped elsewhere); null = by kecamatan (kept out of the URL). */
  menurut: 'puskesmas' | null;
  /** Order of the table ('capaian-naik', 'kurang-turun'…); null = names A→Z (kept out of the URL). */
  urut: string | null;
  /** 'semua-desa': every desa of the provinsi or of Indonesia coloured at once (dropped below a provinsi); null = the drill-down. */
  tampilan: 'semua-desa' | null;
}

const PARAM = {
  wilayah: 'wilayah',
  indikator: 'indikator',
  periode: 'periode',
  legenda: 'legenda',
  menurut: 'menurut',
  urut: 'urut',
  tampilan: 'tampilan',
} as const;

/** The wilayah kerja view exists for a kabupaten/kota only: going up or down leaves it. */
const isKabupaten = (kode: string | null) => kode !== null && tingkatOf(kode) === 'kabupaten';

/** "Semua desa" exists for Indonesia and a provinsi: going down to a kabupaten leaves it. */
export const allowsAllDesa = (kode: string | null) => kode === null || tingkatOf(kode) === 'provinsi';

/** Codes are upper case in the catalogue; a hand-typed `kia_k4` is accepted. */
function readIndikator(raw: string | null): string | null {
  const code = raw?.trim().toUpperCase();
  return code && isIndicatorCode(code) ? code : null;
}

function readPeriode(raw: string | null): string | null {
  return raw ? (tryParsePeriod(raw)?.code ?? null) : null;
}

/** A readable sort in its canonical spelling; the default order and unreadable values are null. */
function readUrut(raw: string | null): string | null {
  const sort = sortFromUrl(raw);
  return sort ? sortToUrl(sort) : null;
}

/** Reads the state from a query string; values that cannot be read are dropped (never thrown). */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const wilayah = params.get(PARAM.wilayah);
  return {
    wilayah: wilayah ? normaliseKode(wilayah) : null,
    indikator: readIndikator(params.get(PARAM.indikator)),
    periode: readPeriode(params.get(PARAM.periode)),
    legenda: params.get(PARAM.legenda) === 'kuantil' ? 'kuantil' : null,
    menurut:
      params.get(PARAM.menurut) === 'puskesmas' && isKabupaten(wilayah ? normaliseKode(wilayah) : null)
        ? 'puskesmas'
        : null,
    urut: readUrut(params.get(PARAM.urut)),
    tampilan:
      params.get(PARAM.tampilan) === 'semua-desa' && allowsAllDesa(wilayah ? normaliseKode(wilayah) : null)
        ? 'semua-desa'
        : null,
  };
}

/**
 * Writes the state into a query string. Keys absent from `state` and params this module does not know are
 * kept as they are; a key present with null is removed.
 */
export function toSearch(state: Partial<UrlState>, currentSearch = ''): string {
  const params = new URLSearchParams(currentSearch);
  for (const key of Object.keys(PARAM) as (keyof UrlState)[]) {
    if (!(key in state)) continue;
    const value = state[key];
    if (value) params.set(PARAM[key], value);
    else params.delete(PARAM[key]);
  }
  const wilayah = params.get(PARAM.wilayah);
  if (params.get(PARAM.menurut) !== 'puskesmas' || !isKabupaten(wilayah ? normaliseKode(wilayah) : null))
    params.delete(PARAM.menurut);
  if (params.get(PARAM.tampilan) !== 'semua-desa' || !allowsAllDesa(wilayah ? normaliseKode(wilayah) : null))
    params.delete(PARAM.tampilan);
  // URLSearchParams leaves dots alone: 12.10.01 and 2026-01..2026-10 stay readable in the address bar.
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** href for a link to another view (keeps the other params), usable in <a href> for open-in-new-tab. */
export function hrefFor(
  patch: Partial<UrlState>,
  location: Pick<Location, 'pathname' | 'search'> = window.location,
): string {
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

// ---- Pages: the path picks the page, the query the view within it --------------------------------------

/**
 * The app's pages. The map is the root; the others keep ?wilayah=… so the user stays in the same area. "Akun saya"
 * is reached from the header, "Pengguna" only by admins.
 */
export const PAGES = [
  { id: 'peta', path: '/' },
  { id: 'impor', path: '/impor' },
  { id: 'isian', path: '/isian' },
  { id: 'rencana', path: '/rencana-ilp' },
  { id: 'rapat', path: '/rapat' },
  { id: 'pengguna', path: '/pengguna' },
  { id: 'akun', path: '/akun' },
  { id: 'profil', path: '/profil' },
] as const;
export type PageId = (typeof PAGES)[number]['id'];

/** Unknown paths show the map (the server sends index.html for every non-API path). */
export function pageFromPath(pathname: string): PageId {
  const path = pathname.replace(/\/+$/, '') || '/';
  return PAGES.find((p) => p.path === path)?.id ?? 'peta';
}

/** href of a page, keeping the wilayah (and the other view params) of the current URL. */
export function hrefForPage(page: PageId, location: Pick<Location, 'search'> = window.location): string {
  const path = PAGES.find((p) => p.id === page)!.path;
  return `${path}${location.search}`;
}

export function goToPage(page: PageId) {
  const href = hrefForPage(page);
  if (href === `${window.location.pathname}${window.location.search}`) return;
  window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Goes to an app href (page path + view query, e.g. "/?wilayah=12.10.09&indikator=KIA_KF") without a reload. */
export function goToHref(href: string) {
  if (href === `${window.location.pathname}${window.location.search}`) return;
  window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

const getPath = () => window.location.pathname;

/** The current page, re-rendered on goToPage() and on browser back/forward. */
export function usePage(): PageId {
  return pageFromPath(useSyncExternalStore(subscribe, getPath, () => '/'));
}

/** The URL state, re-rendered on navigate() and on browser back/forward. */
export function useUrlState(): [UrlState, typeof navigate] {
  const search = useSyncExternalStore(subscribe, getSearch, () => '');
  const state = parseUrlState(search);
  return [state, useCallback(navigate, [])];
}

// ---- Params of one page that are not part of the map view (e.g. ?rapat=12 on /rapat) ------------------

/** A page's own query param (kept next to ?wilayah=…), re-rendered on change and on back/forward. */
export function usePageParam(
  name: 'rapat' | 'puskesmas',
): [string | null, (value: string | null, options?: { replace?: boolean }) => void] {
  const search = useSyncExternalStore(subscribe, getSearch, () => '');
  const value = new URLSearchParams(search).get(name);
  const set = useCallback(
    (next: string | null, { replace = false } = {}) => {
      const params = new URLSearchParams(window.location.search);
      if (next) params.set(name, next);
      else params.delete(name);
      const s = params.toString();
      const href = `${window.location.pathname}${s ? `?${s}` : ''}`;
      if (href === `${window.location.pathname}${window.location.search}`) return;
      if (replace) window.history.replaceState(null, '', href);
      else window.history.pushState(null, '', href);
      window.dispatchEvent(new Event(CHANGE_EVENT));
    },
    [name],
  );
  return [value, set];
}
