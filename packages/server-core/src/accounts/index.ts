// Accounts, sessions, the sign-in throttle, the audit log, demo accounts and retention (issues 9 and 14): shared by
// the API (sign-in, the admin page) and the CLI (`pnpm cli pengguna`).
export {
  addUser,
  changeUser,
  countAdmins,
  createUser,
  endSessions,
  findUserById,
  findUserByUsername,
  listUsers,
  resetPassword,
  scopeLabel,
  scopeOf,
  setPassword,
  updateUser,
  userView,
  type ChangedBy,
  type NewUser,
  type UserChange,
  type UserRow,
} from './users-service.ts';
export {
  changeOwnPassword,
  lookUpSession,
  signIn,
  signOut,
  waitText,
  type RequestContext,
  type SignedInUser,
} from './sign-in-service.ts';
export {
  endSession,
  findSession,
  SESSION_DAYS,
  startSession,
  type ActiveSession,
  type NewSession,
} from './sessions.ts';
export { listAudit, writeAudit, type AuditEntry, type AuditRow } from './audit-repository.ts';
export {
  claimSignIn,
  countRequest,
  liftSignInThrottle,
  SIGN_IN_DELAYS_SECONDS,
  SIGN_IN_QUIET_SECONDS,
  signInSucceeded,
  throttleAddress,
  type Claim,
  type RateCount,
  type ThrottleKey,
} from './throttle.ts';
export {
  DEFAULT_AUDIT_RETENTION_DAYS,
  MIN_AUDIT_RETENTION_DAYS,
  parseAuditRetentionDays,
  purgeExpired,
  RETENTION_LOCK_KEY,
  schedulePurge,
  type PurgeResult,
} from './retention.ts';
export {
  deactivateDemoAccounts,
  demoAccountsLister,
  demoPassword,
  ensureDemoAccounts,
  listDemoAccounts,
  planDemoAccounts,
  prepareAccounts,
  type DemoAccount,
} from './demo-accounts.ts';
export { decoyHash, generatePassword, hashPassword, verifyPassword } from './passwords.ts';
