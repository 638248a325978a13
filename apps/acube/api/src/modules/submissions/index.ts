// The submission flow that bookings, volunteers and contact share. Not a module with routes of
// its own: each feature calls these use cases with its table's queries and its mail.

export { sameAddress } from './personal-records.repository.ts';
export { type PersonalRecords, personalRecords, personalView } from './personal-records.ts';
export { createSubmissionRepository, type SubmissionTable } from './submission.repository.ts';
export {
  acknowledge,
  DUPLICATE_WINDOW_MS,
  dedupeKey,
  isRepeatOf,
  newReference,
  repeatWindowStart,
} from './submission.ts';
export { SubmissionAck } from './submissions.schemas.ts';
export {
  type BulkEditable,
  type BulkEditContext,
  type BulkMatching,
  type BulkStore,
  bulkEditable,
  deleteInBulk,
  setStatusesInBulk,
} from './use-cases/bulk-edit.ts';
export {
  type ChangeSubmissionStatusContext,
  changeSubmissionStatus,
  type StatusStore,
} from './use-cases/change-submission-status.ts';
export {
  type Acknowledgement,
  type SubmissionStamp,
  type SubmissionStore,
  type SubmitFormContext,
  type SubmittedRow,
  submitForm,
} from './use-cases/submit-form.ts';
