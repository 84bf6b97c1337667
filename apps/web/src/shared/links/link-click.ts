import type { MouseEvent } from 'react';

/** Plain clicks navigate in the app; ctrl/cmd/shift/middle clicks keep the browser's behaviour (new tab). */
export function linkClick(navigate: () => void) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate();
  };
}
