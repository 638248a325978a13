// What a privacy request and the face retention schedule read of face data (the privacy
// module, through index.ts): the consent history, what is enrolled (how many, when, by which
// model: never the numbers), and who holds embeddings at all. Deleting goes through
// withdrawConsent, the one way face data ends.
import type { Db } from '@campus/platform/db';
import { asc, count, eq, gt, max } from 'drizzle-orm';
import { faceConsents, faceEmbeddings } from '../../db/schema/index.ts';

export function faceForPrivacy(db: () => Db) {
  return {
    /** Every consent the student gave, oldest first, with its withdrawal (or supersession). */
    listConsents: (userId: string) =>
      db()
        .select({
          textVersion: faceConsents.textVersion,
          consentedAt: faceConsents.consentedAt,
          withdrawnAt: faceConsents.withdrawnAt,
        })
        .from(faceConsents)
        .where(eq(faceConsents.userId, userId))
        .orderBy(asc(faceConsents.consentedAt), asc(faceConsents.id)),

    /** The student's enrolled photos as facts (when, which model); the embedding is not read. */
    listEnrolments: (userId: string) =>
      db()
        .select({ createdAt: faceEmbeddings.createdAt, model: faceEmbeddings.model })
        .from(faceEmbeddings)
        .where(eq(faceEmbeddings.userId, userId))
        .orderBy(asc(faceEmbeddings.createdAt), asc(faceEmbeddings.id)),

    /**
     * A page of the students who hold embeddings, by id after `afterId`: each with how many
     * and when they last enrolled.
     */
    listHolders: (limit: number, afterId?: string) =>
      db()
        .select({
          userId: faceEmbeddings.userId,
          embeddings: count(),
          lastEnrolledAt: max(faceEmbeddings.createdAt),
        })
        .from(faceEmbeddings)
        .where(afterId ? gt(faceEmbeddings.userId, afterId) : undefined)
        .groupBy(faceEmbeddings.userId)
        .orderBy(asc(faceEmbeddings.userId))
        .limit(limit),
  };
}
