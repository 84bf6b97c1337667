// "Data contoh (simulasi)": shown whenever the values answer says simulated. A toggletip explains it on click
// (and on hover through the title), so the warning is never mistaken for decoration.
import { useId, useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';

/**
 * `partial`: some rows of the view come from imported reports (those rows are not tagged "simulasi"). `short`: one
 * word on a phone's bar (the full words are its accessible name and in the explanation it opens).
 */
export function SimulatedBadge({ partial = false, short = false }: { partial?: boolean; short?: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="sim-badge">
      <button
        type="button"
        className="sim-badge__button"
        aria-expanded={open}
        aria-controls={id}
        title={t('simulated.explain')}
        aria-label={short ? t(partial ? 'simulated.badgePartial' : 'simulated.badge') : undefined}
        onClick={() => setOpen(!open)}
        data-testid="simulated-badge"
      >
        <span aria-hidden="true">⚠</span>{' '}
        {short ? t('simulated.badgeShort') : t(partial ? 'simulated.badgePartial' : 'simulated.badge')}
      </button>
      {open && (
        <p id={id} className="sim-badge__explain" role="note" data-testid="simulated-explain">
          {t('simulated.explain')}
          {partial && <> {t('simulated.explainPartial')}</>}
        </p>
      )}
    </div>
  );
}
