// Comparing two face descriptors and turning the similarity into a decision.
//
// Calibration (face-calibrate over ../shared/fixtures/faces, face-api 1.7.15 on the WebAssembly
// backend, faces found by human's BlazeFace, photos at most 1024 px): 13 genuine pairs (same
// person), 92 impostor pairs.
//   genuine   similarity min 0.416  median 0.488  max 0.626
//   impostor  similarity min 0.093  median 0.259  max 0.451
// VERIFIED sits halfway between the closest impostor (0.451) and the median genuine pair
// (0.488): no impostor is verified, at least half the genuine pairs are, with 0.018 of margin
// either side. REJECTED sits the same margin below the weakest genuine pair (0.416). Outcome:
// genuine 7 verified, 6 needs review, 0 rejected; impostor 0 verified, 3 needs review, 89
// rejected. (With face-api's SSD detector, ten times slower here, the margin was 0.029.) Between
// the two thresholds a teacher decides; the anti-spoofing and liveness scores are not part of
// the decision. The set is small: recalibrate with face-calibrate on more.
export type FaceDecision = 'verified' | 'needs_review' | 'rejected';

export interface FaceThresholds {
  /** At or above: verified. */
  verified: number;
  /** Below: rejected. In between: needs review. */
  rejected: number;
}

/** The calibrated thresholds (see the figures above). */
export const faceThresholds: FaceThresholds = { verified: 0.469, rejected: 0.397 };

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
