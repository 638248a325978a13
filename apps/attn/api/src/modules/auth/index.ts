// What other modules (and the web front end, types only) may use of the auth module: the
// module, who is calling, and the session cookie's name.

export { authModule } from './auth.module.ts';
export type { LoginBody, Me } from './auth.schemas.ts';
export { SESSION_COOKIE } from './auth.ts';
export type { EnrolledLogin, LoginAnswer } from './auth.two-factor.schemas.ts';
export { type CurrentUser, currentUser } from './current-user.ts';
export { accountsForPrivacy, type PrivacyAccount } from './users.privacy.ts';
