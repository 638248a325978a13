// Volunteer applications as a person's data request and the retention schedule see them (through
// index.ts): a rejected application is closed, its retention period runs from the rejection. An
// accepted one is kept while the person volunteers (erased on their request).
import type { Db } from '@campus/platform/db';
import { volunteerApplications } from '../../db/schema/submissions.ts';
import { type PersonalRecords, personalRecords } from '../submissions/index.ts';

export const APPLICATION_CLOSED = ['rejected'] as const;

export function volunteersForPrivacy(db: () => Db): PersonalRecords {
  return personalRecords(db, volunteerApplications, APPLICATION_CLOSED);
}
