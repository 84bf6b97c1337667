// Pure rules of data imports (issue 6): cells, formats, checks. File reading and database work live in data/importers.
export * from './issues.ts';
export * from './whole-number.ts';
export * from './cells.ts';
export * from './formats.ts';
export * from './checks.ts';
export * from './spreadsheet-cells.ts';
export * from './grid.ts';
