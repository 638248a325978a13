// The platform's authentication tables, created by the platform's own migrations (db/migrations)
// in every app's database. An app imports them from here, for queries or a foreign key.
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
