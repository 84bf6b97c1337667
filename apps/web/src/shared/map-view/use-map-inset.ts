// A panel drawn over the map (data-map-inset) tells the map when it appears, changes size or goes, so the map fits
// its wilayah into the space left free (src/map/insets.ts).
import { useEffect, type RefObject } from 'react';
import { notifyMapInsets } from '../../map/insets.ts';

export function useMapInset(ref: RefObject<HTMLElement | null>, active = true) {
  useEffect(() => {
    const el = ref.current;
    if (!el || !active) return;
    notifyMapInsets();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => notifyMapInsets());
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      notifyMapInsets();
    };
  }, [ref, active]);
}
