// Face verification's own data: consent (what, when, which text version; a history, never
// overwritten) and the enrolled embeddings. Photos are never stored: only these numbers.
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

export const faceConsents = pgTable(
  'face_consents',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** The version of the consent text the student agreed to ('2026-11-v1'). */
    textVersion: text().notNull(),
    consentedAt: timestamp({ withTimezone: true }).notNull(),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // At most one live consent per student.
    uniqueIndex('face_consents_live_idx').on(t.userId).where(sql`${t.withdrawnAt} is null`),
    index('face_consents_user_idx').on(t.userId, t.consentedAt),
  ],
);

export const faceEmbeddings = pgTable(
  'face_embeddings',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    consentId: uuid()
      .notNull()
      .references(() => faceConsents.id),
    /** The model's descriptor (128 numbers for face-api). */
    embedding: real().array().notNull(),
    /** Which model made it: embeddings of different models are never compared. */
    model: text().notNull(),
    /** Detection score and face size in pixels, for the teacher and for re-enrolment advice. */
    detectionScore: real(),
    faceSize: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('face_embeddings_user_idx').on(t.userId)],
);
