// "Data contoh (simulasi)": shown whenever the values answer says simulated. A toggletip explains it on click
// (and on hover through the title), so the warning is never mistaken for decoration.
import { useId, useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';

export function SimulatedBadge() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="sim-badge">
      <button type="button" className="sim-badge__button" aria-expanded={open} aria-controls={id} title={t('simulated.explain')}
        onClick={() => setOpen(!open)} data-testid="simulated-badge">
        <span aria-hidden="true">⚠</span> {t('simulated.badge')}
      </button>
      {open && <p id={id} className="sim-badge__explain" role="note" data-testid="simulated-explain">{t('simulated.explain')}</p>}
    </div>
  );
}
