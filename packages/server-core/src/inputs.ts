// Text as a request or a command line gives it → a domain value, or DomainError 'invalid' with the one Bahasa Indonesia
// message for that mistake. The API's route parameter parsers (apps/api/src/routes/params.ts) are these, and services
// that validate bodies call them too, so the same bad input gets the same answer everywhere.
import {
  IndicatorError,
  isKode,
  parsePeriod,
  PeriodError,
  requireIndicator,
  type IndicatorDef,
  type Period,
} from '@peta/domain';
import { invalid } from './errors.ts';

/** A kode wilayah Kemendagri with dots (12, 12.10, 12.10.01, 12.10.01.2001). */
export function kodeParam(kode: string): string {
  if (!isKode(kode)) {
    throw invalid(
      'INVALID_KODE',
      `Kode wilayah tidak sah: "${kode}". Gunakan kode Kemendagri bertitik, misalnya 12, 12.10, 12.10.01 atau 12.10.01.2001.`,
    );
  }
  return kode;
}

/** A period: 2026-10, 2026-Q3, 2026 or 2026-01..2026-10. */
export function periodParam(text: string): Period {
  try {
    return parsePeriod(text);
  } catch (e) {
    if (e instanceof PeriodError) throw invalid('INVALID_PERIOD', e.message);
    throw e;
  }
}

/** An indicator of the catalogue (the code read case-insensitively). */
export function indicatorParam(code: string): IndicatorDef {
  try {
    return requireIndicator(code);
  } catch (e) {
    if (e instanceof IndicatorError) throw invalid('INVALID_INDICATOR', e.message);
    throw e;
  }
}

/** A calendar date TTTT-BB-HH that exists (2026-02-30 does not); `what` names the field in the message. */
export function dateParam(text: string, what: string): string {
  const d = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) {
    throw invalid('INVALID_DATE', `${what} tidak sah: "${text}". Gunakan TTTT-BB-HH, misalnya 2026-07-01.`);
  }
  return text;
}
