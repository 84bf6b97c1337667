// The app's dark header: title, display settings (language, large text, OSM basemap) and the account menu. On a
// phone the settings fold behind one button, so that the title keeps its room and every control is 44 px.
import { useEffect, useRef, useState } from 'react';
import type { Session } from '@peta/domain/contract';
import { LANGS, useLang, useT, type MessageKey } from '../../i18n/i18n.tsx';
import { AccountMenu } from './AccountMenu.tsx';
import { useLayout } from './layout.ts';

export interface HeaderProps {
  largeText: boolean;
  onLargeText: (on: boolean) => void;
  basemap: boolean;
  onBasemap: (on: boolean) => void;
  /** undefined while it loads. */
  session: Session | undefined;
  onSignIn: () => void;
}

const LANG_KEYS = {
  id: ['settings.language.id', 'settings.language.idLong'],
  en: ['settings.language.en', 'settings.language.enLong'],
} as const satisfies Record<string, readonly [MessageKey, MessageKey]>;

export function Header({ largeText, onLargeText, basemap, onBasemap, session, onSignIn }: HeaderProps) {
  const t = useT();
  const [lang, setLang] = useLang();
  const folded = useLayout() !== 'desktop';
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  // Esc or a press elsewhere folds the settings again, as any menu does.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    const onPress = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPress);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPress);
    };
  }, [open]);
  return (
    <header className="app-header">
      <div className="app-header__title">
        <h1>{t('app.title')}</h1>
        <p className="app-header__subtitle">{t('app.subtitle')}</p>
      </div>
      <div className="app-header__end">
        <div className="settings-menu" ref={menu}>
          {folded && (
            <button
              ref={toggle}
              type="button"
              className="settings-toggle"
              aria-expanded={open}
              aria-controls="app-settings"
              aria-label={t('settings.open')}
              title={t('settings.open')}
              onClick={() => setOpen(!open)}
              data-testid="settings-toggle"
            >
              {/* Drawn, not an emoji (see the account icon): three sliders. */}
              <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
                <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
                <circle cx="7" cy="5" r="2.2" fill="currentColor" />
                <circle cx="13" cy="10" r="2.2" fill="currentColor" />
                <circle cx="8" cy="15" r="2.2" fill="currentColor" />
              </svg>
            </button>
          )}
          <div
            id="app-settings"
            className={`settings${folded ? ' settings--folded' : ''}`}
            role="group"
            aria-label={t('settings.label')}
            hidden={folded && !open}
          >
            <div className="segmented" role="group" aria-label={t('settings.language')}>
              {LANGS.map((l) => (
                <button
                  key={l}
                  type="button"
                  lang={l}
                  aria-pressed={lang === l}
                  title={t(LANG_KEYS[l][1])}
                  onClick={() => setLang(l)}
                  data-testid={`lang-${l}`}
                >
                  {t(LANG_KEYS[l][0])}
                </button>
              ))}
            </div>
            <button
              type="button"
              className="toggle"
              aria-pressed={largeText}
              aria-label={t('settings.largeText')}
              title={t('settings.largeText')}
              onClick={() => onLargeText(!largeText)}
              data-testid="toggle-large-text"
            >
              <span className="label-long">{t('settings.largeText')}</span>
              <span className="label-short" aria-hidden="true">
                {t('settings.largeTextShort')}
              </span>
            </button>
            <button
              type="button"
              className="toggle"
              aria-pressed={basemap}
              aria-label={t('settings.basemap')}
              title={t('settings.basemap')}
              onClick={() => onBasemap(!basemap)}
              data-testid="toggle-basemap"
            >
              <span className="label-long">{t('settings.basemap')}</span>
              <span className="label-short" aria-hidden="true">
                {t('settings.basemapShort')}
              </span>
            </button>
          </div>
        </div>
        <AccountMenu session={session} onSignIn={onSignIn} />
      </div>
    </header>
  );
}
