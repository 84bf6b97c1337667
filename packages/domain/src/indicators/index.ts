// Indicator core: catalogue, sasaran, periods, roll-up, classification. Pure functions, no IO.
export * from './sasaran.ts';
export * from './catalogue.ts';
export * from './period.ts';
export * from './period-value.ts';
export * from './aggregate.ts';
export * from './classify.ts';
export * from './pws-status.ts';
export * from './format.ts';
export * from './people.ts';
export * from './evaluate.ts';
export * from './rollup-sums.ts';
export * from './series-chart.ts';
export * from './profile-indicator.ts';
