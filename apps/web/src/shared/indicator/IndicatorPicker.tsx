// Indicator picker: a button showing the current indicator, opening a searchable list grouped by SPM, PWS KIA and
// klaster. Indicators without data are listed too, marked "belum ada data".
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { IndicatorDto } from '@peta/domain/contract';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { firstMatch, groupIndicators } from './indicator-choice.ts';

export interface IndicatorPickerProps {
  list: readonly IndicatorDto[];
  value: IndicatorDto | undefined;
  onChange: (code: string) => void;
}

export function IndicatorPicker({ list, value, onChange }: IndicatorPickerProps) {
  const t = useT();
  const [lang] = useLang();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const groups = useMemo(() => groupIndicators(list, query), [list, query]);
  const name = (d: IndicatorDto) => (lang === 'id' ? d.nameId : d.nameEn);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);
  useEffect(() => {
    if (!open) setQuery('');
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      // Arrow keys walk the options (and from the search field into the list).
      const options = [
        ...(root.current?.querySelectorAll<HTMLButtonElement>('[data-testid="indicator-option"]') ?? []),
      ];
      const at = options.indexOf(document.activeElement as HTMLButtonElement);
      const next = event.key === 'ArrowDown' ? Math.min(at + 1, options.length - 1) : Math.max(at - 1, 0);
      options[next]?.focus();
      event.preventDefault();
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape and the arrow keys are caught here for the button and list inside.
    <div className="picker" ref={root} onKeyDown={open ? onKeyDown : undefined}>
      <span className="control-label" aria-hidden="true">
        {t('indicator.label')}
      </span>
      <button
        ref={button}
        type="button"
        className="picker__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={value ? t('indicator.choose', { nama: `${value.short} — ${name(value)}` }) : t('indicator.label')}
        onClick={() => setOpen(!open)}
        disabled={list.length === 0}
        data-testid="indicator-button"
      >
        {value ? (
          <>
            <span className="picker__short" data-testid="indicator-current">
              {value.short}
            </span>
            <span className="picker__name">{name(value)}</span>
          </>
        ) : (
          t('indicator.loading')
        )}
        <span className="picker__chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div
          className="picker__panel"
          id={panelId}
          role="dialog"
          aria-label={t('indicator.label')}
          data-testid="indicator-panel"
        >
          <div className="picker__search">
            <input
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t('indicator.search.placeholder')}
              aria-label={t('indicator.search.label')}
              // Enter takes the first match: "K4" ⏎ shows K4, as a search box promises.
              onKeyDown={(e) => {
                const first = firstMatch(list, query);
                if (e.key !== 'Enter' || !first) return;
                e.preventDefault();
                onChange(first.code);
                close();
              }}
              // biome-ignore lint/a11y/noAutofocus: the search appears because the user opened the picker; typing goes there.
              autoFocus
              data-testid="indicator-search"
            />
            <button type="button" className="picker__close" onClick={close} aria-label={t('indicator.close')}>
              ×
            </button>
          </div>
          <div className="picker__groups">
            {groups.length === 0 && <p className="status">{t('indicator.none', { q: query })}</p>}
            {groups.map((g) => (
              <section key={g.code} className="picker__group" aria-label={lang === 'id' ? g.labelId : g.labelEn}>
                <h3>{lang === 'id' ? g.labelId : g.labelEn}</h3>
                <ul>
                  {g.items.map((d) => (
                    <li key={d.code}>
                      <button
                        type="button"
                        className={`picker__option${d.hasData ? '' : ' is-empty'}`}
                        aria-current={d.code === value?.code ? 'true' : undefined}
                        onClick={() => {
                          onChange(d.code);
                          close();
                        }}
                        data-testid="indicator-option"
                        data-code={d.code}
                      >
                        <span className="picker__short">{d.short}</span>
                        <span className="picker__name">{name(d)}</span>
                        {!d.hasData && (
                          <span className="tag tag--muted" data-testid="indicator-no-data">
                            {t('indicator.noData')}
                          </span>
                        )}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
