// The map legend: the colouring mode (target attainment or quantiles), the classes with their limits, and the
// note that says what the thresholds are (dashboard criteria, not official rules) or how quantiles are made.
import { useRef, useState } from 'react';
import { useLayout } from '../app-shell/layout.ts';
import { useMapInset } from '../map-view/use-map-inset.ts';
import { useT } from '../../i18n/i18n.tsx';
import type { LegendMode } from '../../url-state.ts';
import type { ChoroplethModel } from './legend-model.ts';
import { Swatch } from './Swatch.tsx';

export interface LegendProps {
  model: ChoroplethModel;
  periodLabel: string;
  onMode: (mode: LegendMode) => void;
}

const MODES: readonly LegendMode[] = ['target', 'kuantil'];

export function Legend({ model, periodLabel, onMode }: LegendProps) {
  const t = useT();
  const layout = useLayout();
  // On a phone the legend starts folded so that it does not cover the small map.
  const [open, setOpen] = useState(() => layout === 'desktop');
  const box = useRef<HTMLElement>(null);
  // On a wide map the legend sits in the bottom-left corner and the map fits its wilayah beside or above it; on a
  // phone it unfolds over the map on demand and is folded again to see what it covers.
  const inset = open && layout === 'desktop';
  useMapInset(box, inset);
  if (!open) {
    return (
      <button
        type="button"
        className="legend-toggle"
        aria-expanded="false"
        onClick={() => setOpen(true)}
        data-testid="legend-show"
      >
        {model.items.slice(0, 3).map((i) => (
          <Swatch key={i.key} color={i.color} />
        ))}
        {t('legend.show')}
      </button>
    );
  }
  return (
    <section
      ref={box}
      className="legend"
      aria-label={t('legend.label')}
      data-testid="legend"
      data-mode={model.mode}
      data-map-inset={inset ? 'corner' : undefined}
    >
      <div className="legend__head">
        <div className="segmented segmented--light" role="group" aria-label={t('legend.mode')}>
          {MODES.map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={model.mode === m}
              onClick={() => onMode(m)}
              data-testid={`legend-mode-${m}`}
            >
              {t(m === 'target' ? 'legend.mode.target' : 'legend.mode.kuantil')}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="legend__hide"
          aria-label={t('legend.hide')}
          title={t('legend.hide')}
          onClick={() => setOpen(false)}
        >
          ×
        </button>
      </div>
      <h2 className="legend__title" data-testid="legend-title">
        {model.title}
      </h2>
      <p className="legend__period">{periodLabel}</p>
      <ul className="legend__items">
        {model.items.map((item) => (
          <li key={item.key} data-testid="legend-item" data-key={item.key}>
            <Swatch color={item.color} hatch={item.pattern === 'hatch'} />
            <span>{item.label}</span>
          </li>
        ))}
      </ul>
      <p className="legend__note" data-testid="legend-note">
        {model.note}
      </p>
      {model.privacyNote && (
        <p className="legend__note legend__note--privacy" data-testid="legend-privacy">
          {model.privacyNote}
        </p>
      )}
    </section>
  );
}
