// The platform's authentication tables, created by the platform's own migrations (db/migrations)
// in every app's database. An app imports them from here, for queries or a foreign key.
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Rotating refresh tokens, stored as SHA-256; one family per login. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    familyId: uuid().notNull(),
    subject: text().notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** The family may not outlive this, however often it is refreshed. */
    familyExpiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('refresh_tokens_family_idx').on(t.familyId),
    index('refresh_tokens_subject_idx').on(t.subject),
    index('refresh_tokens_expires_idx').on(t.familyExpiresAt),
  ],
);

/** Opaque server-side login sessions, stored as SHA-256 of the cookie's token. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull().unique(),
    subject: text().notNull(),
    /** What the app needs to recognise the caller without another query (roles, public id). */
    claims: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('auth_sessions_subject_idx').on(t.subject),
    index('auth_sessions_expires_idx').on(t.expiresAt),
  ],
);

/**
 * TOTP second factors (RFC 6238), one a subject. The secret is encrypted (AES-256-GCM under a
 * key derived from APP_SECRET); `enabledAt` is null until a first code confirmed the enrolment.
 * `lastStep` is the time step of the last accepted code: a code is accepted once.
 */
export const authSecondFactors = pgTable('auth_second_factors', {
  subject: text().primaryKey(),
  secret: text().notNull(),
  enabledAt: timestamp({ withTimezone: true }),
  lastStep: bigint({ mode: 'number' }),
  createdAt: timestamp({ withTimezone: true }).notNull(),
});

/** One-time recovery codes for a second factor, stored as a keyed hash; each works once. */
export const authRecoveryCodes = pgTable(
  'auth_recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    subject: text().notNull(),
    codeHash: text().notNull().unique(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('auth_recovery_codes_subject_idx').on(t.subject)],
);

/** Authentication settings an admin changes at run time (e.g. whether 2FA is required). */
export const authSettings = pgTable('auth_settings', {
  key: text().primaryKey(),
  value: jsonb().$type<unknown>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  updatedBy: text(),
});
