// A JSON exchange file (DHIS2 dataValueSet, FHIR MeasureReport) is opened one way: refused whole above the character
// bound, a leading byte-order mark dropped (spreadsheet tools write one), a syntax error reported with its line where
// the engine says where (Node 22: "line 3 column 1", older engines "at position 17"; Node 20 often neither).
import type { DataValueAssembler, ExchangeRead } from './assemble.ts';
import { lineOfOffset } from './limits.ts';

/** A JSON object (not an array, not null). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The parsed document, or the finished read that says why there is none (too large, not JSON). */
export function parseJsonFile(
  text: string,
  assembler: DataValueAssembler,
  maxChars: number,
): { ok: true; doc: unknown } | { ok: false; read: ExchangeRead } {
  if (text.length > maxChars) return { ok: false, read: assembler.refuseTooLarge(text.length, maxChars) };
  try {
    return { ok: true, doc: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (e) {
    const message = String((e as Error).message);
    const lineColumn = /line (\d+) column/.exec(message);
    const position = /position (\d+)/.exec(message);
    const line = lineColumn ? Number(lineColumn[1]) : position ? lineOfOffset(text, Number(position[1])) : null;
    assembler.issues.error(
      line,
      null,
      'EXCHANGE_SYNTAX',
      `Berkas bukan JSON yang sah${line ? ` (baris ${line})` : ''}: ${message}`,
    );
    return { ok: false, read: assembler.finish() };
  }
}
