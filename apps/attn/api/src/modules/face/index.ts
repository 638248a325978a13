// What other modules may use of the face module: the module, the pool of face threads (built
// once in app.ts), whether a student is enrolled, judging a selfie against their enrolment, and
// the face commands (spec.ts).
import type { Db } from '@campus/platform/db';
import { hasEnrolment as hasEnrolmentIn } from './face.repository.ts';

export { faceCalibrateCommand } from './commands/face-calibrate.ts';
export { faceCompareCommand } from './commands/face-compare.ts';
export { faceThresholds } from './engine/decision.ts';
export {
  type FaceQualityIssue,
  type FaceQualityThresholds,
  faceQualityDefaults,
  faceQualityIssues,
} from './engine/face-quality.ts';
export { FacePool } from './engine/pool.ts';
export { faceModule } from './face.module.ts';
export type { FaceStatusResponse } from './face.schemas.ts';
export { judgeSelfie } from './use-cases/judge-selfie.ts';
export { undecided, type Verdict } from './use-cases/verdict.ts';

/** Whether a selfie of this student can be verified: live consent and at least one embedding. */
export const hasEnrolment = (db: Db, studentId: string) => hasEnrolmentIn(db, studentId);
export { faceForPrivacy } from './face.privacy.ts';
export { withdrawConsent } from './use-cases/withdraw-consent.ts';
