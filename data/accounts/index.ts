// Accounts, sessions and the audit log (issue 9): the database side, shared by the API and the admin CLI.
export * from './users.ts';
export * from './sessions.ts';
export * from './audit.ts';
export * from './throttle.ts';
export * from './retention.ts';
export * from './demo-accounts.ts';
export { decoyHash, generatePassword, hashPassword, verifyPassword } from './passwords.ts';
