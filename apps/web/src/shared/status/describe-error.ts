import { ApiRequestError } from '../../api/client.ts';
import type { Lang, TFunction } from '../../i18n/i18n.tsx';

/**
 * Refusals whose reason only the server's words carry (role, wilayah, a later import, too many attempts, a limit such
 * as the upload size, a busy server saying when to try again).
 */
const REFUSALS = new Set([401, 403, 409, 413, 429, 503]);

/**
 * The API's own message is Bahasa Indonesia: shown as is in ID. In EN a generic sentence replaces it, except for
 * refusals, where the reason matters: the server's words are kept, quoted.
 */
export function describeError(error: unknown, t: TFunction, lang: Lang): string {
  if (error instanceof ApiRequestError) {
    if (lang === 'id' && error.apiMessage) return error.apiMessage;
    if (error.code === 'SIGN_IN_FAILED') return t('error.signInFailed');
    if (error.status === 0) return t('error.network');
    if (error.apiMessage && REFUSALS.has(error.status)) return t('error.refused', { message: error.apiMessage });
    if (error.status === 404) return t('error.notFound');
    if (error.status === 400) return t('error.badRequest');
    if (error.status >= 500) return t('error.server');
  }
  return t('error.generic');
}

export const isNotFound = (error: unknown) =>
  error instanceof ApiRequestError && (error.status === 404 || error.status === 400);
