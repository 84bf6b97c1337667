// Messages live in id.json (first, the reference) and en.json; components only call t(key, params).
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useStoredState } from '../settings.ts';
import id from './id.json';
import en from './en.json';

export type MessageKey = keyof typeof id;
export type Messages = Record<MessageKey, string>;
export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];

// Typed assignment: a key missing from en.json is a type error.
const MESSAGES: Record<Lang, Messages> = { id, en: en satisfies Messages };

export type TFunction = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = MESSAGES[lang][key] ?? MESSAGES.id[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}
const I18nContext = createContext<I18nValue | null>(null);

const isLang = (v: unknown): v is Lang => LANGS.includes(v as Lang);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useStoredState<Lang>('peta.lang', 'id', isLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const t = useCallback<TFunction>((key, params) => translate(lang, key, params), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() outside <I18nProvider>');
  return value;
}

export const useT = (): TFunction => useI18n().t;
export const useLang = (): [Lang, (lang: Lang) => void] => {
  const { lang, setLang } = useI18n();
  return [lang, setLang];
};
