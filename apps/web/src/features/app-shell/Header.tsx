import type { Session } from '@peta/domain/contract';
import { LANGS, useLang, useT, type MessageKey } from '../../i18n/i18n.tsx';
import { AccountMenu } from './AccountMenu.tsx';

export interface HeaderProps {
  largeText: boolean;
  onLargeText: (on: boolean) => void;
  basemap: boolean;
  onBasemap: (on: boolean) => void;
  /** undefined while it loads. */
  session: Session | undefined;
  onSignIn: () => void;
}

const LANG_KEYS = { id: ['settings.language.id', 'settings.language.idLong'], en: ['settings.language.en', 'settings.language.enLong'] } as const satisfies Record<string, readonly [MessageKey, MessageKey]>;

export function Header({ largeText, onLargeText, basemap, onBasemap, session, onSignIn }: HeaderProps) {
  const t = useT();
  const [lang, setLang] = useLang();
  return (
    <header className="app-header">
      <div className="app-header__title">
        <h1>{t('app.title')}</h1>
        <p className="app-header__subtitle">{t('app.subtitle')}</p>
      </div>
      <div className="app-header__end">
        <div className="settings" role="group" aria-label={t('settings.label')}>
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
          <button type="button" className="toggle" aria-pressed={largeText} aria-label={t('settings.largeText')}
            title={t('settings.largeText')} onClick={() => onLargeText(!largeText)} data-testid="toggle-large-text">
            <span className="label-long">{t('settings.largeText')}</span>
            <span className="label-short" aria-hidden="true">{t('settings.largeTextShort')}</span>
          </button>
          <button type="button" className="toggle" aria-pressed={basemap} aria-label={t('settings.basemap')}
            title={t('settings.basemap')} onClick={() => onBasemap(!basemap)} data-testid="toggle-basemap">
            <span className="label-long">{t('settings.basemap')}</span>
            <span className="label-short" aria-hidden="true">{t('settings.basemapShort')}</span>
          </button>
        </div>
        <AccountMenu session={session} onSignIn={onSignIn} />
      </div>
    </header>
  );
}
