// Why a check-in is in the teacher's review list, from what the verification job recorded.

export interface ReviewFacts {
  similarity: number | null;
  faceCount: number | null;
  verification: string;
  attempts: number;
  verifiedAt: Date | null;
  reviewedAt: Date | null;
}

export function reviewReason(row: ReviewFacts) {
  if (row.similarity !== null) return 'similarity' as const;
  if (row.faceCount === 0) return 'no_face' as const;
  if (row.faceCount !== null && row.faceCount > 1) return 'several_faces' as const;
  if (row.faceCount === 1) return 'face_too_small' as const;
  if (row.verification === 'rejected' && row.attempts > 0) return 'unreadable_photo' as const;
  // Recorded 'needs_review' at check-in, never looked at by the job: no face enrolment.
  if (row.verifiedAt === null && row.reviewedAt === null) return 'not_enrolled' as const;
  return 'not_checked' as const;
}
