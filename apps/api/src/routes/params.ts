// Request parameters → domain values, or a 400 with a Bahasa Indonesia message. One place for every route (and
// the services that validate bodies), so the same bad input gets the same answer everywhere.
import {
  IndicatorError, isKode, parsePeriod, PeriodError, requireIndicator, type IndicatorDef, type Period,
} from '@peta/domain';
import { badRequest } from '../plugins/errors.ts';

export function requireKode(kode: string): string {
  if (!isKode(kode)) {
    throw badRequest('INVALID_KODE',
      `Kode wilayah tidak sah: "${kode}". Gunakan kode Kemendagri bertitik, misalnya 12, 12.10, 12.10.01 atau 12.10.01.2001.`);
  }
  return kode;
}

export function periodOr400(text: string): Period {
  try {
    return parsePeriod(text);
  } catch (e) {
    if (e instanceof PeriodError) throw badRequest('INVALID_PERIOD', e.message);
    throw e;
  }
}

export function indicatorOr400(code: string): IndicatorDef {
  try {
    return requireIndicator(code);
  } catch (e) {
    if (e instanceof IndicatorError) throw badRequest('INVALID_INDICATOR', e.message);
    throw e;
  }
}

/** A calendar date TTTT-BB-HH that exists (2026-02-30 does not); `what` names the field in the message. */
export function dateOr400(text: string, what: string): string {
  const d = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) {
    throw badRequest('INVALID_DATE', `${what} tidak sah: "${text}". Gunakan TTTT-BB-HH, misalnya 2026-07-01.`);
  }
  return text;
}
