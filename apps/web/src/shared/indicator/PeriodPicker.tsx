// Period picker: kind (month, quarter, year, cumulative to month), year and month/quarter, as native selects
// (usable with a keyboard, a screen reader and a phone's own picker).
import { useId } from 'react';
import type { Period, PeriodKind, YearMonth } from '@peta/domain';
import { useLang, useT, type MessageKey } from '../../i18n/i18n.tsx';
import { monthName } from './period-label.ts';
import {
  monthOptions,
  partsOf,
  periodFromParts,
  quarterOptions,
  switchKind,
  switchYear,
  yearOptions,
  type PeriodParts,
} from './period-choice.ts';

const KINDS: readonly PeriodKind[] = ['cumulative', 'month', 'quarter', 'year'];
const KIND_KEYS: Record<PeriodKind, MessageKey> = {
  cumulative: 'period.kind.cumulative',
  month: 'period.kind.month',
  quarter: 'period.kind.quarter',
  year: 'period.kind.year',
};
const ROMAN = ['I', 'II', 'III', 'IV'];

export interface PeriodPickerProps {
  value: Period | undefined;
  latest: YearMonth | undefined;
  onChange: (code: string) => void;
  /** The group's visible name; "Periode" by default ("Periode data" in the meeting form). */
  label?: string;
}

export function PeriodPicker({ value, latest, onChange, label }: PeriodPickerProps) {
  const t = useT();
  const [lang] = useLang();
  const labelId = useId();
  if (!value || !latest) {
    return (
      <div className="period-picker" aria-busy="true">
        <span className="control-label">{label ?? t('period.label')}</span>
        <span className="spinner" />
      </div>
    );
  }
  const parts = partsOf(value);
  const set = (next: PeriodParts) => onChange(periodFromParts(next).code);
  // The URL may hold a month past the latest data: keep it selectable rather than silently changing it.
  const months = [...new Set([...monthOptions(parts.year, latest), parts.month])].sort((a, b) => a - b);
  const quarter = Math.ceil(parts.month / 3);
  const quarters = [...new Set([...quarterOptions(parts.year, latest), quarter])].sort((a, b) => a - b);

  return (
    <div className="period-picker" role="group" aria-labelledby={labelId} data-testid="period-picker">
      <span className="control-label" id={labelId}>
        {label ?? t('period.label')}
      </span>
      <div className="period-picker__selects">
        <select
          aria-label={t('period.kind')}
          value={parts.kind}
          data-testid="period-kind"
          onChange={(e) => set(switchKind(parts, e.target.value as PeriodKind, latest))}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_KEYS[k])}
            </option>
          ))}
        </select>
        {(parts.kind === 'month' || parts.kind === 'cumulative') && (
          <select
            aria-label={t(parts.kind === 'cumulative' ? 'period.upTo' : 'period.month')}
            value={parts.month}
            data-testid="period-month"
            onChange={(e) => set({ ...parts, month: Number(e.target.value) })}
          >
            {/* The kind already says "s.d. bulan" (and the aria-label does): the option is just the month. */}
            {months.map((m) => (
              <option key={m} value={m}>
                {monthName(m, lang)}
              </option>
            ))}
          </select>
        )}
        {parts.kind === 'quarter' && (
          <select
            aria-label={t('period.quarter')}
            value={quarter}
            data-testid="period-quarter"
            onChange={(e) => set({ ...parts, month: Number(e.target.value) * 3 })}
          >
            {quarters.map((q) => (
              <option key={q} value={q}>
                {t('period.quarterOption', { roman: ROMAN[q - 1]!, n: q })}
              </option>
            ))}
          </select>
        )}
        <select
          aria-label={t('period.year')}
          value={parts.year}
          data-testid="period-year"
          onChange={(e) => set(switchYear(parts, Number(e.target.value), latest))}
        >
          {yearOptions(latest, parts.year).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
