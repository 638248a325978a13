// Queries on face consent and enrolled embeddings. Plain functions taking a database or a
// transaction; other modules reach the reads they need (hasEnrolment, the enrolled embeddings
// behind judgeSelfie) through index.ts. No HTTP, no access rules: the use cases decide.
import type { Db, Tx } from '@campus/platform/db';
import { and, count, eq, isNull } from 'drizzle-orm';
import { faceConsents, faceEmbeddings } from '../../db/schema/index.ts';
import { modelFiles } from './engine/model-files.ts';

export type ConsentRow = typeof faceConsents.$inferSelect;
type Queryable = Db | Tx;

const descriptorWeights = modelFiles.find((f) => f.name === 'face_recognition_model.bin');
if (!descriptorWeights) throw new Error('The face descriptor model is missing from the model file list');

/**
 * Which model made an embedding: named by the descriptor weights' hash and the detector that
 * framed the face (a different box gives different numbers for the same photo), so that after
 * an upgrade old numbers are never compared with new ones: students enrol again.
 */
export const FACE_EMBEDDING_MODEL = `face-api-resnet34:${descriptorWeights.sha256.slice(0, 12)}+blazeface`;

/** The student's consent that has not been withdrawn (at most one: face_consents_live_idx). */
const liveConsentOf = (userId: string) =>
  and(eq(faceConsents.userId, userId), isNull(faceConsents.withdrawnAt));

export async function getLiveConsent(db: Queryable, userId: string): Promise<ConsentRow | undefined> {
  const [row] = await db.select().from(faceConsents).where(liveConsentOf(userId));
  return row;
}

/** The live consent, locked until the transaction ends: enrolment and withdrawal queue behind it. */
export async function lockLiveConsent(tx: Tx, userId: string): Promise<ConsentRow | undefined> {
  const [row] = await tx.select().from(faceConsents).where(liveConsentOf(userId)).for('update');
  return row;
}

export async function hasLiveConsent(db: Queryable, userId: string): Promise<boolean> {
  return Boolean(await getLiveConsent(db, userId));
}

/**
 * The student's enrolled descriptors (128 numbers each) made by the current model, under a
 * live consent only; [] when the student has none (not enrolled, or consent withdrawn).
 */
export async function getEnrolledEmbeddings(db: Queryable, userId: string): Promise<number[][]> {
  const rows = await db
    .select({ embedding: faceEmbeddings.embedding })
    .from(faceEmbeddings)
    .innerJoin(faceConsents, eq(faceConsents.id, faceEmbeddings.consentId))
    .where(
      and(
        liveConsentOf(userId),
        eq(faceEmbeddings.userId, userId),
        eq(faceEmbeddings.model, FACE_EMBEDDING_MODEL),
      ),
    )
    .orderBy(faceEmbeddings.createdAt, faceEmbeddings.id);
  return rows.map((r) => r.embedding);
}

/** Whether a selfie of this student can be verified: live consent and at least one embedding. */
export async function hasEnrolment(db: Queryable, userId: string): Promise<boolean> {
  return (await countEmbeddings(db, userId)) > 0;
}

/** Embeddings of the current model under the live consent: what GET /student/face reports. */
export async function countEmbeddings(db: Queryable, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(faceEmbeddings)
    .innerJoin(faceConsents, eq(faceConsents.id, faceEmbeddings.consentId))
    .where(
      and(
        liveConsentOf(userId),
        eq(faceEmbeddings.userId, userId),
        eq(faceEmbeddings.model, FACE_EMBEDDING_MODEL),
      ),
    );
  return Number(row?.n ?? 0);
}

/** A new live consent; undefined when one is live already (the partial unique index decides). */
export async function insertConsent(
  db: Queryable,
  values: { userId: string; textVersion: string; at: Date },
): Promise<ConsentRow | undefined> {
  const [row] = await db
    .insert(faceConsents)
    .values({ userId: values.userId, textVersion: values.textVersion, consentedAt: values.at })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** Ends a consent (withdrawn, or superseded by consent to a newer text). */
export async function endConsent(tx: Tx, consentId: string, at: Date): Promise<void> {
  await tx.update(faceConsents).set({ withdrawnAt: at }).where(eq(faceConsents.id, consentId));
}

/** Every embedding of the student, whatever consent or model made it; the count deleted. */
export async function deleteEmbeddings(tx: Tx, userId: string): Promise<number> {
  const rows = await tx
    .delete(faceEmbeddings)
    .where(eq(faceEmbeddings.userId, userId))
    .returning({ id: faceEmbeddings.id });
  return rows.length;
}

export interface NewEmbedding {
  embedding: number[];
  detectionScore: number;
  faceSize: number;
}

export async function insertEmbeddings(
  tx: Tx,
  owner: { userId: string; consentId: string; at: Date },
  embeddings: NewEmbedding[],
): Promise<void> {
  if (embeddings.length === 0) return;
  await tx.insert(faceEmbeddings).values(
    embeddings.map((e) => ({
      userId: owner.userId,
      consentId: owner.consentId,
      embedding: e.embedding,
      model: FACE_EMBEDDING_MODEL,
      detectionScore: e.detectionScore,
      faceSize: e.faceSize,
      createdAt: owner.at,
    })),
  );
}

/** Moves a student's embeddings to a renewed consent (same numbers, the new text governs them). */
export async function moveEmbeddings(tx: Tx, userId: string, consentId: string): Promise<number> {
  const rows = await tx
    .update(faceEmbeddings)
    .set({ consentId })
    .where(eq(faceEmbeddings.userId, userId))
    .returning({ id: faceEmbeddings.id });
  return rows.length;
}
