// Which of the three layouts the screen gets (styles.css has the same media queries):
// - 'landscape': a phone held sideways (short and wide): map on the left, everything else in a column on the right;
// - 'phone': narrow and upright: the map fills the screen, the list and the desa profile live in a bottom sheet;
// - 'desktop': map and side pane side by side.
import { useSyncExternalStore } from 'react';

export type Layout = 'desktop' | 'phone' | 'landscape';

export const LAYOUT_QUERIES = {
  landscape: '(orientation: landscape) and (max-height: 500px)',
  phone: '(max-width: 799px)',
} as const;

/** The layout for media queries answered by `matches` (the landscape rule wins over the width rule). */
export function layoutOf(matches: (query: string) => boolean): Layout {
  if (matches(LAYOUT_QUERIES.landscape)) return 'landscape';
  if (matches(LAYOUT_QUERIES.phone)) return 'phone';
  return 'desktop';
}

const current = () => layoutOf((q) => window.matchMedia?.(q).matches ?? false);

function subscribe(onChange: () => void) {
  const lists = Object.values(LAYOUT_QUERIES)
    .map((q) => window.matchMedia?.(q))
    .filter((l): l is MediaQueryList => !!l);
  for (const l of lists) l.addEventListener('change', onChange);
  return () => {
    for (const l of lists) l.removeEventListener('change', onChange);
  };
}

/** The current layout; re-renders when the window is resized or turned. */
export function useLayout(): Layout {
  return useSyncExternalStore(subscribe, current, () => 'desktop');
}
