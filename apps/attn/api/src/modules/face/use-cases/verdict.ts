// From what the engine saw to the check-in's verdict, and whether the selfie is kept for the
// teacher. Only exactly one usable face can be 'verified'; the engine's two thresholds decide
// between verified, needs review and rejected (the spoof and liveness scores are recorded,
// never decisive: on the fixtures they did not tell printed or edited photos from real ones).
// When the engine refuses the photo:
// - no face, or an image it cannot read: 'rejected'. There is nothing a teacher could compare,
//   so the selfie is deleted; the teacher still sees the rejection and can accept it.
// - several faces, or a face too small: 'needs_review' with the selfie kept. The student is
//   probably in it (classmates in the frame, phone held far): the teacher looks at the photo.
// A face below the quality gate (too small, grey, blurred or dark: ../engine/face-quality.ts) is
// never 'verified' nor 'rejected' on its score: 'needs_review' with the reasons, the selfie kept.
import { compareEmbeddings, decide, type FaceThresholds, faceThresholds } from '../engine/decision.ts';
import type { FaceAnalysis } from '../engine/face-engine.ts';
import type { FaceError } from '../engine/face-error.ts';
import {
  type FaceQualityIssue,
  type FaceQualityThresholds,
  faceQualityDefaults,
  qualityIssues,
} from '../engine/face-quality.ts';

export interface Verdict {
  verification: 'verified' | 'rejected' | 'needs_review';
  similarity: number | null;
  faceCount: number | null;
  spoofScore: number | null;
  livenessScore: number | null;
  /** Keep the selfie for the teacher's review (needs_review only). */
  keepSelfie: boolean;
  /** Why the face is not good enough to decide on; empty when it is. */
  qualityIssues: FaceQualityIssue[];
}

const none = { similarity: null, faceCount: null, spoofScore: null, livenessScore: null, qualityIssues: [] };

/**
 * The best similarity between the selfie and any of the student's enrolled descriptors. Measured
 * against the mean descriptor with face-calibrate (each fixture photo as a selfie against each
 * identity enrolled with its other photos: 8 genuine, 78 impostor enrolments): both verified all
 * 8 genuine ones, but the mean verified one impostor (0.471) where the best photo verified none
 * (closest impostor 0.451).
 */
export function bestSimilarity(enrolled: readonly (readonly number[])[], selfie: readonly number[]): number {
  if (enrolled.length === 0) throw new Error('No enrolled descriptor to compare with');
  return Math.max(...enrolled.map((e) => compareEmbeddings(e, selfie)));
}

export function verdictOfAnalysis(
  enrolled: readonly (readonly number[])[],
  analysis: Pick<FaceAnalysis, 'faces' | 'embedding' | 'spoof' | 'liveness' | 'quality'>,
  thresholds: FaceThresholds = faceThresholds,
  quality: FaceQualityThresholds = faceQualityDefaults,
): Verdict {
  const similarity = bestSimilarity(enrolled, analysis.embedding);
  const issues = qualityIssues(analysis.quality, quality);
  const verification =
    analysis.faces === 1 && issues.length === 0 ? decide(similarity, thresholds) : 'needs_review';
  return {
    qualityIssues: issues,
    verification,
    similarity,
    faceCount: analysis.faces,
    spoofScore: analysis.spoof,
    livenessScore: analysis.liveness,
    keepSelfie: verification === 'needs_review',
  };
}

export function verdictOfRefusal(err: Pick<FaceError, 'code' | 'faces'>): Verdict {
  switch (err.code) {
    case 'MULTIPLE_FACES':
      return { ...none, verification: 'needs_review', faceCount: err.faces ?? null, keepSelfie: true };
    case 'FACE_TOO_SMALL':
      return {
        ...none,
        verification: 'needs_review',
        faceCount: err.faces ?? null,
        keepSelfie: true,
        qualityIssues: ['face_too_small'],
      };
    case 'NO_FACE':
      return { ...none, verification: 'rejected', faceCount: 0, keepSelfie: false };
    default:
      return { ...none, verification: 'rejected', keepSelfie: false };
  }
}

/**
 * No verdict the engine could give: the student has no enrolment any more (consent withdrawn
 * after checking in: the selfie must not be analysed, and is deleted), or every attempt failed
 * (the selfie is kept so that the teacher can decide from it).
 */
export const undecided = (keepSelfie: boolean): Verdict => ({
  ...none,
  verification: 'needs_review',
  keepSelfie,
});
