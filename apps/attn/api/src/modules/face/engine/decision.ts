// Comparing two face descriptors and turning the similarity into a decision.
//
// Calibration (face-calibrate over ../shared/fixtures/faces, face-api 1.7.15 on the WebAssembly
// backend, photos at most 1024 px): 13 genuine pairs (same person), 92 impostor pairs.
//   genuine   similarity min 0.397  median 0.493  max 0.605
//   impostor  similarity min 0.085  median 0.261  max 0.436
// VERIFIED sits halfway between the closest impostor (0.436) and the median genuine pair
// (0.493): no impostor is verified, at least half the genuine pairs are, with 0.029 of margin
// either side. REJECTED sits the same margin below the weakest genuine pair (0.397). Outcome:
// genuine 8 verified, 5 needs review, 0 rejected; impostor 0 verified, 6 needs review, 86
// rejected. Between the two thresholds a teacher decides; the anti-spoofing and liveness scores
// are not part of the decision. The set is small: recalibrate with face-calibrate on more.
export type FaceDecision = 'verified' | 'needs_review' | 'rejected';

export interface FaceThresholds {
  /** At or above: verified. */
  verified: number;
  /** Below: rejected. In between: needs review. */
  rejected: number;
}

/** The calibrated thresholds (see the figures above). */
export const faceThresholds: FaceThresholds = { verified: 0.464, rejected: 0.368 };

/**
 * Similarity of two descriptors in [0, 1]: 1 minus their Euclidean distance, clamped. face-api's
 * descriptors are close to unit length, so distance runs 0..~1.4; face-api's customary "same
 * person" distance of 0.6 is a similarity of 0.4.
 */
export function compareEmbeddings(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) {
    throw new Error(`Cannot compare descriptors of ${a.length} and ${b.length} numbers`);
  }
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] as number) - (b[i] as number);
    sum += diff * diff;
  }
  const similarity = Math.min(1, Math.max(0, 1 - Math.sqrt(sum)));
  return Math.round(similarity * 10_000) / 10_000;
}

export function decide(similarity: number, thresholds: FaceThresholds = faceThresholds): FaceDecision {
  if (similarity >= thresholds.verified) return 'verified';
  if (similarity < thresholds.rejected) return 'rejected';
  return 'needs_review';
}
