// What other modules (and the web front end, types only) may use of the privacy module: the
// module, the retention queue's name, and the answers' types.
export { FACE_RETENTION_QUEUE } from './privacy.jobs.ts';
export { privacyModule } from './privacy.module.ts';
export type { FaceDataStatus, FaceDeletion, PrivacyStudent, StudentExport } from './privacy.schemas.ts';
