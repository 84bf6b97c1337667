import { ApiRequestError } from '../../api/client.ts';
import type { Lang, TFunction } from '../../i18n/i18n.tsx';

/** The API's own message is Bahasa Indonesia: shown as is in ID, replaced by a generic one in EN. */
export function describeError(error: unknown, t: TFunction, lang: Lang): string {
  if (error instanceof ApiRequestError) {
    if (lang === 'id' && error.apiMessage) return error.apiMessage;
    if (error.status === 0) return t('error.network');
    if (error.status === 404) return t('error.notFound');
    if (error.status === 400) return t('error.badRequest');
    if (error.status >= 500) return t('error.server');
  }
  return t('error.generic');
}

export const isNotFound = (error: unknown) =>
  error instanceof ApiRequestError && (error.status === 404 || error.status === 400);
