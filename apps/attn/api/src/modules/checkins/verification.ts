// The seam for face verification. A check-in starts 'pending' when its session asks for a
// selfie, else 'not_required' (or 'needs_review' for a student without face enrolment: see
// use-cases/check-in.ts); the face module records its verdict through recordVerification,
// which touches only a check-in still waiting for one.
import type { Db, Tx } from '@campus/platform/db/database.ts';
import { and, eq, inArray } from 'drizzle-orm';
import { checkins, type verificationStatuses } from '../../db/schema/index.ts';

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
  /** When a selfie kept for review is deleted if nobody has decided. */
  selfieDeleteAfter?: Date | null;
  at: Date;
}

type Status = (typeof verificationStatuses)[number];

/**
 * Sets the verdict on a pending (or under-review) check-in; false when there was none to set.
 * `from` narrows the states it may replace (the verification job replaces only 'pending').
 */
export async function recordVerification(
  db: Db | Tx,
  checkinId: string,
  result: VerificationResult,
  from: readonly Status[] = ['pending', 'needs_review'],
) {
  const rows = await db
    .update(checkins)
    .set({
      verification: result.verification,
      similarity: result.similarity ?? null,
      faceCount: result.faceCount ?? null,
      spoofScore: result.spoofScore ?? null,
      livenessScore: result.livenessScore ?? null,
      ...(result.selfieFileId !== undefined ? { selfieFileId: result.selfieFileId } : {}),
      ...(result.selfieDeleteAfter !== undefined ? { selfieDeleteAfter: result.selfieDeleteAfter } : {}),
      verifiedAt: result.at,
    })
    .where(and(eq(checkins.id, checkinId), inArray(checkins.verification, [...from])))
    .returning({ id: checkins.id });
  return rows.length > 0;
}
