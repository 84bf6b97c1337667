export { DEMO_TABLES, ensureDemoData, type DemoResult, type DemoProgress } from './load-demo.ts';
export { DEMO_INDICATORS, DEMO_LAST_MONTH, DEMO_SEED } from './assumptions.ts';
