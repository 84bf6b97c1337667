// The indicator and period controls above the map. On a wide screen everything is in one bar; on a phone the bar
// holds the indicator and one button showing the period, which unfolds the period selects, "Kelompokkan menurut"
// and the PNG button — so the map keeps most of the screen.
import { useId, useState, type ReactNode } from 'react';
import type { Period, YearMonth } from '@peta/domain';
import type { IndicatorDto } from '@peta/domain/contract';
import { useT } from '../../i18n/i18n.tsx';
import { IndicatorPicker } from '../../shared/indicator/IndicatorPicker.tsx';
import { PeriodPicker } from '../../shared/indicator/PeriodPicker.tsx';

export interface MapControlsProps {
  /** One bar (desktop) or the folded phone bar. */
  compact: boolean;
  list: readonly IndicatorDto[];
  indicator: IndicatorDto | undefined;
  onIndicator: (code: string) => void;
  period: Period | undefined;
  periodText: string;
  /** "Jan–Okt 2026": the folded bar's button. */
  periodShort: string;
  latest: YearMonth | undefined;
  onPeriod: (code: string) => void;
  /** "Kelompokkan nilai menurut", the PNG button: in the bar on a wide screen, unfolded on a phone. */
  options: ReactNode;
  /** The simulasi badge, the values' error: always in the bar. */
  status: ReactNode;
}

export function MapControls({
  compact,
  list,
  indicator,
  onIndicator,
  period,
  periodText,
  periodShort,
  latest,
  onPeriod,
  options,
  status,
}: MapControlsProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = useId();
  const folded = compact && !open;
  return (
    <div
      className={`controls${compact ? ' controls--compact' : ''}`}
      role="group"
      aria-label={t('controls.label')}
      data-testid="controls"
    >
      <IndicatorPicker list={list} value={indicator} onChange={onIndicator} />
      {compact && (
        <button
          type="button"
          className="controls__toggle"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
          aria-label={t('controls.optionsButton', { period: periodText || '…' })}
          data-testid="controls-toggle"
        >
          <span className="controls__toggle-text">{periodShort || '…'}</span>
          <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        </button>
      )}
      {compact && status}
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the label is given exactly when the role region is. */}
      <div
        id={id}
        className="controls__options"
        hidden={folded}
        role={compact ? 'region' : undefined}
        aria-label={compact ? t('controls.options') : undefined}
        data-testid="controls-options"
      >
        <PeriodPicker value={period} latest={latest} onChange={onPeriod} />
        {options}
        {!compact && status}
      </div>
    </div>
  );
}
