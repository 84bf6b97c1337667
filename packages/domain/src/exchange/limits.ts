// Bounds of one exchange file. The API's upload limits (IMPORT_MAX_UPLOAD_MB, IMPORT_MAX_ROWS) come first; these
// hold for any caller of the pure readers (CLI, tests, a worker), so a hostile file costs bounded time and memory.
export interface ExchangeLimits {
  /** Characters of the decoded file. */
  maxChars: number;
  /** Data values (DHIS2) or dataValue elements (ADX) or MeasureReports (FHIR). */
  maxDataValues: number;
  /** XML only. */
  maxElements: number;
  maxDepth: number;
}

export const DEFAULT_EXCHANGE_LIMITS: ExchangeLimits = {
  maxChars: 60 * 1024 * 1024,
  maxDataValues: 500_000,
  maxElements: 1_200_000,
  maxDepth: 16,
};

export const exchangeLimits = (limits: Partial<ExchangeLimits> = {}): ExchangeLimits => ({
  ...DEFAULT_EXCHANGE_LIMITS,
  ...limits,
});

/** "Baris 3, kolom 14" of a character offset (JSON.parse reports offsets). */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
