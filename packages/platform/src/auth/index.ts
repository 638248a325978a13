// @campus/platform/auth: passwords, tokens, login sessions, access tokens and their sweep.
export * from './access-tokens.ts';
export * from './authenticators.ts';
export * from './brute-force.ts';
export * from './passwords.ts';
export * from './refresh-tokens.ts';
export * from './sessions.ts';
export * from './signed-tokens.ts';
export * from './sweep-queue.ts';
export * from './tokens.ts';
export * from './two-factor.schemas.ts';
export * from './two-factor.ts';
