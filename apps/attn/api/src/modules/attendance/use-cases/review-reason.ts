// Why a check-in is in the teacher's review list, from what the verification job recorded.
// The quality gate's reasons (a face too small, grey, blurred or dark) are kept in the check-in's
// `reason` column as 'face-quality:<reason>,<reason>' until a teacher decides: that column holds
// nothing else for a check-in that waits for a review (a teacher's reason comes with the decision,
// a mark by hand has no selfie), and reports read it through the same prefix (never shown).
import { type FaceQualityIssue, faceQualityIssues } from '../../face/index.ts';

export const QUALITY_NOTE_PREFIX = 'face-quality:';

/** What the job stores for the quality gate's reasons; undefined when there are none. */
export function qualityNote(issues: readonly FaceQualityIssue[]): string | undefined {
  return issues.length ? `${QUALITY_NOTE_PREFIX}${issues.join(',')}` : undefined;
}

/** The quality gate's reasons in a check-in's `reason`, in their fixed order; none for anything else. */
export function qualityIssuesOf(reason: string | null): FaceQualityIssue[] {
  if (!reason?.startsWith(QUALITY_NOTE_PREFIX)) return [];
  const named = new Set(reason.slice(QUALITY_NOTE_PREFIX.length).split(','));
  return faceQualityIssues.filter((issue) => named.has(issue));
}

export interface ReviewFacts {
  similarity: number | null;
  faceCount: number | null;
  verification: string;
  attempts: number;
  verifiedAt: Date | null;
  reviewedAt: Date | null;
  /** The check-in's `reason` column (the quality gate's note while it waits). */
  reason?: string | null;
}

export function reviewReason(row: ReviewFacts) {
  // A score was taken, but the face was not good enough to decide on by it.
  if (row.similarity !== null && qualityIssuesOf(row.reason ?? null).length > 0)
    return 'photo_quality' as const;
  if (row.similarity !== null) return 'similarity' as const;
  if (row.faceCount === 0) return 'no_face' as const;
  if (row.faceCount !== null && row.faceCount > 1) return 'several_faces' as const;
  if (row.faceCount === 1) return 'face_too_small' as const;
  if (row.verification === 'rejected' && row.attempts > 0) return 'unreadable_photo' as const;
  // Recorded 'needs_review' at check-in, never looked at by the job: no face enrolment.
  if (row.verifiedAt === null && row.reviewedAt === null) return 'not_enrolled' as const;
  return 'not_checked' as const;
}
