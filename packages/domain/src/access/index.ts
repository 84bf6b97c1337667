export * from './roles.ts';
export * from './scope.ts';
export * from './credentials.ts';
