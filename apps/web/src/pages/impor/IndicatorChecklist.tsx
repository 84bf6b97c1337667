// Multi-select of the template's indicators: checkboxes grouped SPM / PWS KIA / klaster (the catalogue's groups),
// with a search field. Each checked indicator becomes a column of the template (two for a counted denominator).
import { useId, useMemo, useState } from 'react';
import type { IndicatorDto } from '@peta/domain/contract';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { groupIndicators } from '../../shared/indicator/indicator-choice.ts';

export interface IndicatorChecklistProps {
  list: readonly IndicatorDto[];
  selected: readonly string[];
  onChange: (codes: string[]) => void;
  /** Prefix of its test ids: the import page has two checklists (template, export), and a test id names one element. */
  testIdPrefix?: 'template' | 'export';
}

export function IndicatorChecklist({ list, selected, onChange, testIdPrefix = 'template' }: IndicatorChecklistProps) {
  const t = useT();
  const [lang] = useLang();
  const [query, setQuery] = useState('');
  const id = useId();
  const groups = useMemo(() => groupIndicators(list, query), [list, query]);
  const chosen = new Set(selected);
  // Catalogue order, whatever order they were ticked in: the template's columns follow the catalogue.
  const toggle = (code: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(code);
    else next.delete(code);
    onChange(list.filter((d) => next.has(d.code)).map((d) => d.code));
  };
  const chosenDefs = list.filter((d) => chosen.has(d.code));
  return (
    <fieldset className="bare-fieldset imp-fieldset" data-testid={`${testIdPrefix}-indicator-checklist`}>
      <legend className="imp-label">{t('impor.indicators.label')}</legend>
      <div className="imp-checklist__top">
        <label htmlFor={`${id}-q`} className="sr-only">
          {t('indicator.search.label')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          className="imp-input"
          value={query}
          placeholder={t('indicator.search.placeholder')}
          onChange={(e) => setQuery(e.target.value)}
          data-testid={`${testIdPrefix}-indicator-search`}
        />
        <span className="imp-checklist__count" aria-live="polite" data-testid={`${testIdPrefix}-indicator-count`}>
          {t('impor.indicators.count', { n: selected.length })}
        </span>
        {selected.length > 0 && (
          <button type="button" className="imp-link-button" onClick={() => onChange([])}>
            {t('impor.indicators.clear')}
          </button>
        )}
      </div>
      {chosenDefs.length > 0 && (
        <ul className="imp-chips" aria-label={t('impor.indicators.chosen')}>
          {chosenDefs.map((d) => (
            <li key={d.code}>
              <button
                type="button"
                className="imp-chip"
                onClick={() => toggle(d.code, false)}
                aria-label={t('impor.indicators.remove', { nama: d.short })}
              >
                {d.short} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="imp-checklist" role="group" aria-label={t('impor.indicators.label')}>
        {groups.length === 0 && <p className="imp-hint">{t('indicator.none', { q: query })}</p>}
        {groups.map((g) => (
          <fieldset key={g.code} className="imp-checklist__group">
            <legend>{lang === 'id' ? g.labelId : g.labelEn}</legend>
            {g.items.map((d) => (
              <label key={d.code} className="imp-check" data-testid={`${testIdPrefix}-indicator`} data-code={d.code}>
                <input
                  type="checkbox"
                  checked={chosen.has(d.code)}
                  onChange={(e) => toggle(d.code, e.target.checked)}
                />
                <span className="imp-check__text">
                  <span className="imp-check__short">{d.short}</span>
                  <span className="imp-check__name">{lang === 'id' ? d.nameId : d.nameEn}</span>
                  {d.denominator.kind === 'counted' && <span className="tag">{t('impor.indicators.counted')}</span>}
                </span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}
