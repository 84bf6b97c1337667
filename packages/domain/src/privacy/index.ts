// Small counts stay private (issue 18): the rule per cell, who sees exact counts, and secondary suppression.
export * from './rule.ts';
export * from './reader.ts';
export * from './suppression.ts';
export * from './mask.ts';
export * from './all-sasaran.ts';
export * from './family.ts';
