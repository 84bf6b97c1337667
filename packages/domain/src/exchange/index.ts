// Exchange with other systems (issue 19): DHIS2 dataValueSets (JSON, CSV), IHE ADX, FHIR R4 Measure/MeasureReport
// (mADX), desa by name, kode crosswalk. Pure: text in, long rows (the import's own format) and issues out; values in,
// text out. Reading a file and storing its rows belong to the server (the one validated import with history and undo).
export * from './limits.ts';
export * from './issues.ts';
export * from './values.ts';
export * from './long-rows.ts';
export * from './periods.ts';
export * from './csv-reader.ts';
export * from './xml-reader.ts';
export * from './mapping.ts';
export * from './assemble.ts';
export * from './dhis2.ts';
export * from './adx.ts';
export * from './fhir.ts';
export * from './desa-names.ts';
export * from './crosswalk.ts';
export * from './files.ts';
export * from './profile.ts';
export * from './profile-read.ts';
export * from './profile-draft.ts';
