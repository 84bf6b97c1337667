// Exchange: our values written as DHIS2 dataValueSets, IHE ADX and FHIR MeasureReports (reading those formats is part
// of the imports: imports/parse/parse-exchange.ts).
export * from './exchange-service.ts';
