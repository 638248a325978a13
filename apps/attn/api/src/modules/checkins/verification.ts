// The seam for face verification (a later issue). A check-in starts 'pending' when its session
// asks for a selfie, else 'not_required'; the face module records its verdict through
// recordVerification, which touches only a check-in still waiting for one.
import type { Db, Tx } from '@campus/platform/db/database.ts';
import { and, eq, inArray } from 'drizzle-orm';
import { checkins } from '../../db/schema/index.ts';

export function initialVerification(session: { selfieRequired: boolean }): 'pending' | 'not_required' {
  return session.selfieRequired ? 'pending' : 'not_required';
}

export interface VerificationResult {
  verification: 'verified' | 'rejected' | 'needs_review';
  similarity?: number | null;
  faceCount?: number | null;
  spoofScore?: number | null;
  livenessScore?: number | null;
  selfieFileId?: string | null;
  at: Date;
}

/** Sets the verdict on a pending (or under-review) check-in; false when there was none to set. */
export async function recordVerification(db: Db | Tx, checkinId: string, result: VerificationResult) {
  const rows = await db
    .update(checkins)
    .set({
      verification: result.verification,
      similarity: result.similarity ?? null,
      faceCount: result.faceCount ?? null,
      spoofScore: result.spoofScore ?? null,
      livenessScore: result.livenessScore ?? null,
      ...(result.selfieFileId !== undefined ? { selfieFileId: result.selfieFileId } : {}),
      verifiedAt: result.at,
    })
    .where(and(eq(checkins.id, checkinId), inArray(checkins.verification, ['pending', 'needs_review'])))
    .returning({ id: checkins.id });
  return rows.length > 0;
}
