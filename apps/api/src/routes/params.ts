// Request parameters → domain values, or a 400 with a Bahasa Indonesia message: the shared parsers of @peta/server-core
// (inputs.ts; their DomainError 'invalid' is answered 400 by the error plugin), so the same bad input gets the same
// answer from every route and every service. The *Or400 names are the ones routes have always used.
export {
  dateParam as dateOr400,
  indicatorParam as indicatorOr400,
  kodeParam as requireKode,
  periodParam as periodOr400,
} from '@peta/server-core';
